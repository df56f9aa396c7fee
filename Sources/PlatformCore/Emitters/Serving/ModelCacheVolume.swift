/// The pod's side of `ModelCache`: the volume, the ephemeral-storage request and the claim.
extension ModelCache {
    /// Kubernetes' quantity for `size(model)`.
    static func quantity(_ model: Model) -> String { PoolScheduling.quantity(ByteCount(bytes: size(model))) }

    /// The pod's `cache` volume: a size-limited `emptyDir` (on the node's disk, or its NVMe array
    /// with `instanceStore`), or the shared claim.
    static func volume(_ model: Model) -> ManifestValue {
        if let claim = claimName(model) {
            return ["name": "cache", "persistentVolumeClaim": ["claimName": .string(claim)]]
        }
        return WorkloadSecurity.emptyDir("cache", sizeLimit: quantity(model))
    }

    /// The container's ephemeral-storage request: the emptyDir cache counts against the node's
    /// ephemeral storage, so the scheduler must see it; nil when the cache is a claim.
    static func ephemeralStorageRequest(_ model: Model) -> String? {
        model.cache.volume == .persistentVolumeClaim ? nil : quantity(model)
    }

    /// The ReadWriteMany claim the compiler emits for `cache.storageClass`, or nil.
    static func claim(_ model: Model, namespace: String, labels: ManifestMap) -> Manifest? {
        guard model.cache.volume == .persistentVolumeClaim, model.cache.claimName == nil,
              let storageClass = model.cache.storageClass, let name = claimName(model) else { return nil }
        // Every replica, on any node, reads the same weights: ReadWriteMany (EFS, Filestore, Azure Files…).
        return Manifest(apiVersion: "v1", kind: "PersistentVolumeClaim", name: name, namespace: namespace, labels: labels, body: ["spec": [
            "accessModes": ["ReadWriteMany"],
            "storageClassName": .string(storageClass),
            "resources": ["requests": ["storage": .string(quantity(model))]],
        ]])
    }
}
