/// One Kubernetes object: the whole object as a map, with typed accessors for the fields the
/// pipeline keys on. Holding the map (not a struct per field) keeps every emitted field renderable
/// by the one renderer without a translation layer.
package struct Manifest: Hashable, Sendable {
    /// The whole object: apiVersion, kind, metadata and the rest.
    package var object: ManifestMap

    /// An object from its parts; `body` holds everything besides apiVersion, kind and metadata
    /// (spec, data, rules, …). Empty labels and annotations are left out.
    package init(apiVersion: String, kind: String, name: String, namespace: String? = nil,
                labels: ManifestMap = ManifestMap(), annotations: ManifestMap = ManifestMap(),
                body: ManifestMap = ManifestMap()) {
        var metadata: ManifestMap = ["name": .string(name)]
        if let namespace { metadata["namespace"] = .string(namespace) }
        if !labels.isEmpty { metadata["labels"] = .map(labels) }
        if !annotations.isEmpty { metadata["annotations"] = .map(annotations) }
        var object = body
        object["apiVersion"] = .string(apiVersion)
        object["kind"] = .string(kind)
        object["metadata"] = .map(metadata)
        self.object = object
    }

    /// An object from a parsed map; nil unless apiVersion, kind and metadata.name are strings.
    package init?(object: ManifestMap) {
        guard object["apiVersion"]?.stringValue != nil, object["kind"]?.stringValue != nil,
              object["metadata"]?["name"]?.stringValue != nil else { return nil }
        self.object = object
    }

    package var apiVersion: String { object["apiVersion"]?.stringValue ?? "" }
    package var kind: String { object["kind"]?.stringValue ?? "" }
    package var name: String { object["metadata"]?["name"]?.stringValue ?? "" }
    /// nil for cluster-scoped objects.
    package var namespace: String? { object["metadata"]?["namespace"]?.stringValue }
    package var labels: ManifestMap { object["metadata"]?["labels"]?.mapValue ?? ManifestMap() }
    package var annotations: ManifestMap { object["metadata"]?["annotations"]?.mapValue ?? ManifestMap() }

    /// Everything besides apiVersion, kind and metadata.
    package var body: ManifestMap {
        var rest = object
        rest["apiVersion"] = nil
        rest["kind"] = nil
        rest["metadata"] = nil
        return rest
    }

    /// The API group: the part of apiVersion before the slash, "" for the core group.
    package var group: String { Self.group(of: apiVersion) }

    /// Every object's id needs it (on insertion into a `ManifestSet`): in ASCII every byte is a
    /// `Character`, so the bytes are searched for the slash; anything else by `Character`.
    private static func group(of version: String) -> String {
        let slash = version.utf8.allSatisfy { $0 < 0x80 } ? version.utf8.firstIndex(of: UInt8(ascii: "/"))
            : version.firstIndex(of: "/")
        guard let slash else { return "" }
        return String(version[..<slash])
    }

    /// The identity Kubernetes uses: no two objects of a cluster may share it.
    package var id: ManifestID {
        let metadata = object["metadata"]
        return ManifestID(group: group, kind: kind, namespace: metadata?["namespace"]?.stringValue,
                          name: metadata?["name"]?.stringValue ?? "")
    }

    /// The object as a value, ready for the renderer.
    package var value: ManifestValue { .map(object) }
}

/// (API group, kind, namespace, name): an object's identity, ordered for sorting and diffs by
/// group, kind, namespace (cluster-scoped first) and name, each in byte order.
package struct ManifestID: Hashable, Comparable, Sendable, CustomStringConvertible {
    package var group: String
    package var kind: String
    package var namespace: String?
    package var name: String

    package init(group: String, kind: String, namespace: String?, name: String) {
        self.group = group
        self.kind = kind
        self.namespace = namespace
        self.name = name
    }

    package static func < (lhs: ManifestID, rhs: ManifestID) -> Bool {
        if lhs.group != rhs.group { return lhs.group.precedesInByteOrder(rhs.group) }
        if lhs.kind != rhs.kind { return lhs.kind.precedesInByteOrder(rhs.kind) }
        if lhs.namespace != rhs.namespace {
            guard let left = lhs.namespace else { return true }
            guard let right = rhs.namespace else { return false }
            return left.precedesInByteOrder(right)
        }
        return lhs.name.precedesInByteOrder(rhs.name)
    }

    /// `Kind.group namespace/name`, e.g. `Deployment.apps search/llama`; `ConfigMap default/x`.
    package var description: String {
        let kindPart = group.isEmpty ? kind : "\(kind).\(group)"
        return namespace.map { "\(kindPart) \($0)/\(name)" } ?? "\(kindPart) \(name)"
    }
}
