/// One side of a diff: the objects of a compiled platform, parsed back from its files. A git
/// tree, a folder and a fresh compile all arrive here the same way, as path → text, so the diff
/// never depends on where a side came from.
package struct PlatformSnapshot: Sendable {
    /// Every object by where it lives. Two files holding the same key keep the first in path order.
    package private(set) var resources: [ResourceKey: Manifest] = [:]
    /// Files that hold no Kubernetes object with a name (kustomizations, notes): path → text.
    package private(set) var otherFiles: [String: String] = [:]
    /// `platform.lock.json`, parsed, when the side has one.
    package private(set) var lock: LockFile?
    /// Files that are not valid YAML: path → the parser's message. They are compared as text.
    package private(set) var unreadable: [String: String] = [:]

    /// Parses `files` (relative path → text); objects under `root/<cluster>/` belong to that
    /// cluster, objects elsewhere to the global pseudo-cluster "".
    package init(files: [String: String], root: String = "clusters") {
        self.init(parsed: Self.parse(files, root: root))
    }

    /// Assembles parsed files; `parsed` must be in path byte order (the first file holding a key wins).
    init(parsed: [ParsedFile]) {
        for file in parsed {
            if file.path == LockFile.path { lock = file.lock }
            if let error = file.error { unreadable[file.path] = error }
            if file.objects.isEmpty {
                otherFiles[file.path] = file.text
                continue
            }
            for manifest in file.objects {
                let key = ResourceKey(cluster: file.cluster, id: manifest.id)
                if resources[key] == nil { resources[key] = manifest }
            }
        }
    }

    /// The keys in diff order.
    package var sortedKeys: [ResourceKey] { resources.keys.sorted() }

    /// Parses every file of `files` on all cores, in path byte order.
    static func parse(_ files: [String: String], root: String) -> [ParsedFile] {
        files.keys.sorted { $0.precedesInByteOrder($1) }.concurrentMap { ParsedFile(path: $0, text: files[$0]!, root: root) }
    }

    /// The cluster folder of `path` under `root`, or "" outside it.
    static func cluster(of path: String, root: String) -> String {
        var rest = Substring(path)
        // Each folder of the root, then the cluster's, must be followed by a `/`.
        for folder in root.split(separator: "/") {
            guard let slash = rest.firstIndex(of: "/"), rest[..<slash] == folder else { return "" }
            rest = rest[rest.index(after: slash)...]
        }
        guard let slash = rest.firstIndex(of: "/") else { return "" }
        return String(rest[..<slash])
    }

    /// The documents of a YAML stream, split at `---` lines (the renderer writes one per file,
    /// hand-written folders may hold several).
    static func documents(_ text: String) -> [String] {
        var documents: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "---" || line.hasPrefix("--- ") || line == "---\r" {
                documents.append(current.joined(separator: "\n"))
                current = []
            } else {
                current.append(line)
            }
        }
        documents.append(current.joined(separator: "\n"))
        return documents.filter { !$0.allSatisfy { $0.isWhitespace } }
    }
}

/// One file of a snapshot, parsed on its own: files are independent, so they parse on several
/// threads, and a file both sides share is parsed once.
struct ParsedFile: Sendable {
    var path: String
    var text: String
    var cluster: String
    /// The named objects, in document order; empty for a file compared as text.
    var objects: [Manifest] = []
    /// The parsed lock, for `platform.lock.json`.
    var lock: LockFile?
    /// The parser's message for the last document that is not valid YAML.
    var error: String?

    /// A file whose objects are already known (see `DiffSides.renderedFrom`).
    init(path: String, text: String, root: String, objects: [Manifest]) {
        self.path = path
        self.text = text
        self.objects = objects
        cluster = PlatformSnapshot.cluster(of: path, root: root)
    }

    init(path: String, text: String, root: String) {
        self.path = path
        self.text = text
        cluster = PlatformSnapshot.cluster(of: path, root: root)
        if path == LockFile.path {
            lock = LockFile(text: text)
            return
        }
        guard path.hasSuffix(".yaml") || path.hasSuffix(".yml") else { return }
        for document in PlatformSnapshot.documents(text) {
            let value: ManifestValue
            do { value = try ManifestValue.parse(yaml: document) } catch {
                self.error = "\(error)"
                continue
            }
            if let map = value.mapValue, let manifest = Manifest(object: map) { objects.append(manifest) }
        }
    }
}
