import CLibGit2

/// A git object id (SHA-1), shown as 40 lowercase hex digits.
public struct GitObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The 40 hex digits.
    public let hex: String

    /// Parses 40 hex digits; nil when `hex` is not a full object id.
    public init?(hex: String) {
        LibGit2.initialize()
        guard hex.utf8.count == Int(GIT_OID_HEXSZ) else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    init(_ oid: git_oid) {
        var oid = oid
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ) + 1)
        git_oid_fmt(&buffer, &oid)
        hex = String(cString: buffer)
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The C value, for calls into libgit2.
    var oid: git_oid {
        var oid = git_oid()
        // Always succeeds: `hex` came from git_oid_fmt or passed git_oid_fromstr.
        _ = git_oid_fromstr(&oid, hex)
        return oid
    }

    public var description: String { hex }
}
