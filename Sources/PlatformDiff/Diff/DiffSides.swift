import Foundation

/// Both sides of a diff, built from their files while parsing only what can matter: a file
/// whose text is the same on both sides yields the same objects on both, so it can add no
/// object change (a rename or move pairs a removed and an added object, and both live in files
/// that differ). The summary facts count every serving workload and quota, so the objects of
/// unchanged files that may hold one count too, once for both sides: taken from the head
/// compile's memory when it has them, parsed otherwise.
///
/// One difference from comparing whole snapshots: when two files hold the same object and the
/// one first in path order is unchanged, a whole snapshot keeps that copy on both sides, while
/// here the copies in the changed files are compared. The renderer never writes an object twice.
package struct DiffSides: Sendable {
    /// The objects and files of the files that differ (and the lock file) on each side.
    package var base: PlatformSnapshot
    package var head: PlatformSnapshot
    /// The summary facts of each whole side.
    package var baseFacts: PlatformFacts
    package var headFacts: PlatformFacts

    /// Compares `base` and `head` (relative path → text); `root` as in `PlatformSnapshot`.
    /// `headObjects` (path → object, `GitOpsLayout.objectPaths` of a fresh compile) holds what
    /// head's files were rendered from; an unchanged file's object is taken from there, unparsed,
    /// when rendering it gives exactly the file's text (a file another emitter wrote over is parsed).
    package init(base baseFiles: [String: String], head headFiles: [String: String], root: String = "clusters",
                headObjects: [String: Manifest] = [:]) {
        // 30,000 files on each side: compared, and the unchanged ones scanned, on all cores.
        // An unchanged file whose text names no fact kind holds no fact: it needs nothing more.
        let baseStatus = Self.filter(Array(baseFiles)) { path, text -> Status? in
            !Self.isUnchanged(path, text, other: headFiles) ? .changed : Self.mayHoldFacts(text) ? .sharedFacts : nil
        }
        let baseOnly = baseStatus.filter { $0.status == .changed }, shared = baseStatus.filter { $0.status == .sharedFacts }
        let headOnly = Self.headOnly(headFiles, baseOnly: baseOnly, unchanged: baseFiles.count - baseOnly.count)
            ?? Self.filter(Array(headFiles)) { path, text -> Status? in
            Self.isUnchanged(path, text, other: baseFiles) ? nil : .changed
        }
        // One batch, so the few large files that differ (the lock) parse beside the many small ones.
        let jobs = [baseOnly, headOnly, shared].flatMap { $0.sorted { $0.path.precedesInByteOrder($1.path) } }
        let parsed = jobs.concurrentMap { job in
            if job.status == .sharedFacts, let manifest = Self.renderedFrom(headObjects[job.path], text: job.text) {
                return ParsedFile(path: job.path, text: job.text, root: root, objects: [manifest])
            }
            return ParsedFile(path: job.path, text: job.text, root: root)
        }
        let parsedBase = Array(parsed[..<baseOnly.count])
        let parsedHead = Array(parsed[baseOnly.count..<(baseOnly.count + headOnly.count)])
        let parsedShared = Array(parsed[(baseOnly.count + headOnly.count)...])
        base = PlatformSnapshot(parsed: parsedBase)
        head = PlatformSnapshot(parsed: parsedHead)
        // The unchanged files' facts are the same on both sides: gathered once.
        let unchanged = PlatformSnapshot(parsed: parsedShared)
        let unchangedEntries = PlatformFacts.entries(unchanged)
        baseFacts = Self.facts(base, parsedBase, shared: (unchanged, unchangedEntries, parsedShared))
        headFacts = Self.facts(head, parsedHead, shared: (unchanged, unchangedEntries, parsedShared))
    }

    /// The facts of a side: its own files' (`side`, parsed from `files`) with the unchanged ones'.
    private static func facts(_ side: PlatformSnapshot, _ files: [ParsedFile],
                              shared: (snapshot: PlatformSnapshot, entries: [PlatformFacts.Entry], files: [ParsedFile])) -> PlatformFacts {
        // An object held both by a changed and an unchanged file counts once, from the file
        // first in path order: then the side is assembled file by file, as a snapshot is.
        guard side.resources.keys.allSatisfy({ shared.snapshot.resources[$0] == nil }) else {
            return PlatformFacts(PlatformSnapshot(parsed: merged(files, shared.files)))
        }
        // Otherwise the two key-ordered lists of entries merge into one.
        var entries: [PlatformFacts.Entry] = []
        entries.reserveCapacity(shared.entries.count)
        var own = PlatformFacts.entries(side)[...], common = shared.entries[...]
        while let a = own.first, let b = common.first {
            if a.key < b.key { entries.append(a); own.removeFirst() } else { entries.append(b); common.removeFirst() }
        }
        return PlatformFacts(entries + own + common, lock: side.lock)
    }

    /// True when `other` holds `path` with the same text (the lock file always counts as changed:
    /// its facts are read from each side).
    private static func isUnchanged(_ path: String, _ text: String, other: [String: String]) -> Bool {
        guard path != LockFile.path, let otherText = other[path] else { return false }
        return sameBytes(text, otherText)
    }

    /// Head's files that differ, without testing each one, when counting shows them: head then
    /// holds the unchanged files and the changed base paths, and nothing else. Nil when head has
    /// more files (some are new).
    private static func headOnly(_ headFiles: [String: String], baseOnly: [(path: String, text: String, status: Status)],
                                 unchanged: Int) -> [(path: String, text: String, status: Status)]? {
        let changed = baseOnly.compactMap { file in headFiles[file.path].map { (path: file.path, text: $0, status: Status.changed) } }
        return headFiles.count == unchanged + changed.count ? changed : nil
    }

    /// What a file needs: parsing (it differs from the other side's) or its facts (it does not).
    private enum Status { case changed, sharedFacts }

    /// The entries `status` gives a status, in their order, classified on all cores.
    private static func filter(_ entries: [(key: String, value: String)],
        _ status: @Sendable (String, String) -> Status?) -> [(path: String, text: String, status: Status)] {
        entries.concurrentRuns(of: 512) { run in
            run.compactMap { entry in status(entry.key, entry.value).map { (entry.key, entry.value, $0) } }
        }.flatMap { $0 }
    }

    /// `manifest` when the renderer turns it into exactly `text`: then parsing `text` would give
    /// back the same object, so it need not be parsed.
    static func renderedFrom(_ manifest: Manifest?, text: String) -> Manifest? {
        guard let manifest, sameBytes(YAMLRenderer.render(manifest), text) else { return nil }
        return manifest
    }

    /// Byte equality of two texts (String's `==` compares canonical equivalence, which is slower
    /// and only ever equal where the bytes are: every text here comes from the renderer or disk).
    static func sameBytes(_ a: String, _ b: String) -> Bool {
        var a = a, b = b
        return a
            .withUTF8 { x in b
                .withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
    }

    /// Two lists in path byte order, merged into one in path byte order.
    private static func merged(_ a: [ParsedFile], _ b: [ParsedFile]) -> [ParsedFile] {
        (a + b).sorted { $0.path.precedesInByteOrder($1.path) }
    }

    /// The kinds `PlatformFacts` reads, and the security-exception annotation it reads on any
    /// kind. An object of one of them names its kind (or carries the key) in its file, so a file
    /// naming none of them is never parsed for the facts.
    static let factKinds: [[UInt8]] = ["Deployment", "StatefulSet", "LeaderWorkerSet", "ResourceQuota",
                                       Conventions.securityExceptionAnnotation].map { Array($0.utf8) }
    private static let factFirstBytes: [Bool] = (0..<256).map { byte in factKinds.contains { Int($0[0]) == byte } }

    /// True when `text` contains one of `factKinds` (false positives only cost a render or a parse).
    static func mayHoldFacts(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard bytes.count >= 10 else { return false }
            for i in 0..<bytes.count {
                let first = bytes[i]
                guard factFirstBytes[Int(first)] else { continue }
                for kind in factKinds where kind[0] == first && i + kind.count <= bytes.count {
                    if (1..<kind.count).allSatisfy({ bytes[i + $0] == kind[$0] }) { return true }
                }
            }
            return false
        }
    }
}
