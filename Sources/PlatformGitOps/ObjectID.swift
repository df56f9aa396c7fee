import CLibGit2

/// A git object id (SHA-1), shown as 40 lowercase hex digits.
package struct GitObjectID: Hashable, Sendable, CustomStringConvertible {
    /// The 20 bytes; the hex form is made only when asked for (a commit of 31,000 files handles
    /// as many ids).
    private let bytes: (UInt64, UInt64, UInt32)

    /// Parses 40 hex digits; nil when `hex` is not a full object id.
    package init?(hex: String) {
        LibGit2.initialize()
        guard hex.utf8.count == Int(GIT_OID_HEXSZ) else { return nil }
        var oid = git_oid()
        guard git_oid_fromstr(&oid, hex) == 0 else { return nil }
        self.init(oid)
    }

    init(_ oid: git_oid) {
        bytes = withUnsafeBytes(of: oid.id) { raw in
            (raw.loadUnaligned(as: UInt64.self), raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self),
             raw.loadUnaligned(fromByteOffset: 16, as: UInt32.self))
        }
    }

    init(_ oid: UnsafePointer<git_oid>) {
        self.init(oid.pointee)
    }

    /// The C value, for calls into libgit2.
    var oid: git_oid {
        var oid = git_oid()
        withUnsafeMutableBytes(of: &oid.id) { raw in
            raw.storeBytes(of: bytes.0, as: UInt64.self)
            raw.storeBytes(of: bytes.1, toByteOffset: 8, as: UInt64.self)
            raw.storeBytes(of: bytes.2, toByteOffset: 16, as: UInt32.self)
        }
        return oid
    }

    /// The 40 hex digits.
    package var hex: String {
        var oid = oid
        // git_oid_fmt writes exactly GIT_OID_HEXSZ ASCII digits and no terminator.
        var buffer = [CChar](repeating: 0, count: Int(GIT_OID_HEXSZ))
        git_oid_fmt(&buffer, &oid)
        return String(decoding: buffer.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    package var description: String { hex }

    package static func == (a: GitObjectID, b: GitObjectID) -> Bool {
        a.bytes.0 == b.bytes.0 && a.bytes.1 == b.bytes.1 && a.bytes.2 == b.bytes.2
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(bytes.0)
        hasher.combine(bytes.1)
        hasher.combine(bytes.2)
    }
}
