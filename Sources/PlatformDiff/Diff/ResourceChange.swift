/// What happened to one object between base and head.
package struct ResourceChange: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable, CaseIterable {
        case added, removed, changed
        /// Same cluster and namespace, same content, another name.
        case renamed
        /// Same content in another namespace or cluster (the name may differ too).
        case moved
    }

    package var kind: Kind
    /// Where the object is in head (in base for `removed`).
    package var key: ResourceKey
    /// Where a renamed or moved object was in base.
    package var from: ResourceKey?
    /// The fields that differ, for `changed`, masked.
    package var fields: [FieldChange]
    /// The whole object, masked: head's for added, base's for removed; nil otherwise.
    package var object: ManifestValue?

    package init(kind: Kind, key: ResourceKey, from: ResourceKey? = nil, fields: [FieldChange] = [], object: ManifestValue? = nil) {
        self.kind = kind
        self.key = key
        self.from = from
        self.fields = fields
        self.object = object
    }
}

/// A file that holds no object (a kustomization, the lock file) and whose text differs.
package struct FileChange: Hashable, Sendable {
    package enum Kind: String, Hashable, Sendable { case added, removed, changed }
    package var path: String
    package var kind: Kind

    package init(path: String, kind: Kind) {
        self.path = path
        self.kind = kind
    }
}

/// Object-level diff of two snapshots.
package enum ManifestDiff {
    /// Every changed object in key order, then every changed non-object file in path order.
    ///
    /// An object removed from base and one added in head with the same group, kind and content
    /// (everything but metadata.name and metadata.namespace) pair up as one rename or move; pairs
    /// prefer the same cluster, then the same namespace, then key order, so the result is stable.
    package static func compare(_ base: PlatformSnapshot, _ head: PlatformSnapshot) -> (resources: [ResourceChange], files: [FileChange]) {
        var changes: [ResourceChange] = []
        var removed: [ResourceKey] = []
        var added: [ResourceKey] = []
        for key in Set(base.resources.keys).union(head.resources.keys).sorted() {
            switch (base.resources[key], head.resources[key]) {
            case let (old?, new?) where old != new:
                let fields = ValueDiff.changes(from: old.value, to: new.value).map { SecretMasking.redact($0, kind: kindForMasking(new)) }
                changes.append(ResourceChange(kind: .changed, key: key, fields: fields))
            case (_?, nil): removed.append(key)
            case (nil, _?): added.append(key)
            default: break
            }
        }
        let pairs = matchMoves(removed: removed, added: added, base: base, head: head)
        for (from, to) in pairs {
            let kind: ResourceChange.Kind = from.cluster == to.cluster && from.id.namespace == to.id.namespace ? .renamed : .moved
            changes.append(ResourceChange(kind: kind, key: to, from: from))
        }
        let paired = Set(pairs.map(\.from)).union(pairs.map(\.to))
        for key in removed where !paired.contains(key) {
            changes.append(ResourceChange(kind: .removed, key: key, object: redacted(base.resources[key]!)))
        }
        for key in added where !paired.contains(key) {
            changes.append(ResourceChange(kind: .added, key: key, object: redacted(head.resources[key]!)))
        }
        changes.sort { $0.key != $1.key ? $0.key < $1.key : $0.kind.rawValue < $1.kind.rawValue }
        return (changes, fileChanges(base, head))
    }

    private static func matchMoves(removed: [ResourceKey], added: [ResourceKey], base: PlatformSnapshot,
        head: PlatformSnapshot) -> [(from: ResourceKey, to: ResourceKey)] {
        var candidates: [ManifestValue: [ResourceKey]] = [:]
        for key in added { candidates[fingerprint(head.resources[key]!), default: []].append(key) }
        var pairs: [(from: ResourceKey, to: ResourceKey)] = []
        for key in removed {
            let print = fingerprint(base.resources[key]!)
            guard let options = candidates[print], !options.isEmpty else { continue }
            let best = options.enumerated().min { a, b in
                rank(key, a.element) != rank(key, b.element) ? rank(key, a.element) < rank(key, b.element) : a.offset < b.offset
            }!
            pairs.append((key, best.element))
            candidates[print]!.remove(at: best.offset)
        }
        return pairs
    }

    /// 0: same cluster and namespace, 1: same cluster, 2: elsewhere.
    private static func rank(_ from: ResourceKey, _ to: ResourceKey) -> Int {
        from.cluster != to.cluster ? 2 : from.id.namespace != to.id.namespace ? 1 : 0
    }

    /// The object without its name and namespace, tagged with group and kind.
    private static func fingerprint(_ manifest: Manifest) -> ManifestValue {
        var object = manifest.value
        object[path: ["metadata", "name"]] = nil
        object[path: ["metadata", "namespace"]] = nil
        return object
    }

    private static func kindForMasking(_ manifest: Manifest) -> String { manifest.group.isEmpty ? manifest.kind : "" }

    private static func redacted(_ manifest: Manifest) -> ManifestValue {
        SecretMasking.redact(manifest.value, at: FieldPath(), kind: kindForMasking(manifest))
    }

    private static func fileChanges(_ base: PlatformSnapshot, _ head: PlatformSnapshot) -> [FileChange] {
        let old = base.otherFiles, new = head.otherFiles
        return Set(old.keys).union(new.keys).sorted { $0.precedesInByteOrder($1) }.compactMap { path in
            switch (old[path], new[path]) {
            case (nil, _?): return FileChange(path: path, kind: .added)
            case (_?, nil): return FileChange(path: path, kind: .removed)
            case let (a?, b?) where a != b: return FileChange(path: path, kind: .changed)
            default: return nil
            }
        }
    }
}
