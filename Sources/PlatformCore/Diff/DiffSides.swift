/// Both sides of a diff, built from their files while parsing only what can matter: a file
/// whose text is the same on both sides yields the same objects on both, so it can add no
/// object change (a rename or move pairs a removed and an added object, and both live in files
/// that differ). The summary facts count every serving workload and quota, so unchanged files
/// that may hold one (their text names the kind) are parsed too, once for both sides.
///
/// One difference from comparing whole snapshots: when two files hold the same object and the
/// one first in path order is unchanged, a whole snapshot keeps that copy on both sides, while
/// here the copies in the changed files are compared. The renderer never writes an object twice.
public struct DiffSides: Sendable {
    /// The objects and files of the files that differ (and the lock file) on each side.
    public var base: PlatformSnapshot
    public var head: PlatformSnapshot
    /// The summary facts of each whole side.
    public var baseFacts: PlatformFacts
    public var headFacts: PlatformFacts

    /// Compares `base` and `head` (relative path → text); `root` as in `PlatformSnapshot`.
    public init(base baseFiles: [String: String], head headFiles: [String: String], root: String = "clusters") {
        var baseOnly: [String: String] = [:], headOnly: [String: String] = [:], shared: [String: String] = [:]
        for (path, text) in baseFiles {
            if path != PlatformSnapshot.lockFile, let other = headFiles[path], other == text {
                if Self.mayHoldFacts(text) { shared[path] = text }
            } else {
                baseOnly[path] = text
            }
        }
        for (path, text) in headFiles where path == PlatformSnapshot.lockFile || baseFiles[path] != text {
            headOnly[path] = text
        }
        let parsedBase = PlatformSnapshot.parse(baseOnly, root: root)
        let parsedHead = PlatformSnapshot.parse(headOnly, root: root)
        let parsedShared = PlatformSnapshot.parse(shared, root: root)
        base = PlatformSnapshot(parsed: parsedBase)
        head = PlatformSnapshot(parsed: parsedHead)
        baseFacts = PlatformFacts(PlatformSnapshot(parsed: Self.merged(parsedBase, parsedShared)))
        headFacts = PlatformFacts(PlatformSnapshot(parsed: Self.merged(parsedHead, parsedShared)))
    }

    /// Two lists in path byte order, merged into one in path byte order.
    private static func merged(_ a: [ParsedFile], _ b: [ParsedFile]) -> [ParsedFile] {
        (a + b).sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// The kinds `PlatformFacts` reads. An object of one of them names its kind in its file, so
    /// a file naming none of them is never parsed for the facts.
    static let factKinds: [[UInt8]] = ["Deployment", "StatefulSet", "LeaderWorkerSet", "ResourceQuota"].map { Array($0.utf8) }

    /// True when `text` contains one of `factKinds` (false positives only cost a parse).
    static func mayHoldFacts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 10 else { return false }
            for i in 0..<bytes.count {
                let first = bytes[i]
                guard first == UInt8(ascii: "D") || first == UInt8(ascii: "S") || first == UInt8(ascii: "L") || first == UInt8(ascii: "R") else { continue }
                for kind in factKinds where kind[0] == first && i + kind.count <= bytes.count {
                    if (1..<kind.count).allSatisfy({ bytes[i + $0] == kind[$0] }) { return true }
                }
            }
            return false
        }
    }
}
