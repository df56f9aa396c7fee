/// The `/cache` volume of a model server (HF_HOME, vLLM's and TorchInductor's caches): sized from
/// the checkpoint so the kubelet schedules and bounds it, instead of an unbounded `emptyDir`.
package enum ModelCache {
    static let gib: Int64 = 1 << 30
    /// Room beside the weights for vLLM's torch.compile and TorchInductor caches, tokenizer files
    /// and partial downloads.
    static let compileCaches: Int64 = 10 * gib

    /// Bytes of the checkpoint the server downloads into the cache. `dtype: fp8` without a
    /// `checkpointQuantization` is a 16-bit checkpoint vLLM quantizes when loading (`--quantization
    /// fp8`), so 2 bytes a parameter are downloaded; S3 and GCS sources stream through the Run:ai
    /// streamer (`--load-format runai_streamer`) and put no weights on disk.
    package static func checkpointBytes(_ model: Model) -> Int64 {
        switch ModelSource(model.source).scheme {
        case .s3, .gcs, .path: return 0
        case .huggingFace: break
        }
        let perParameter = model.dtype == .fp8 && model.checkpointQuantization == nil ? 2 : model.dtype.bytesPerParameter
        return Int64((Double(model.parameters) * perParameter).rounded(.up))
    }

    /// The stated `cache.size`, or the checkpoint plus 10 % plus the compile caches, in whole GiB.
    package static func size(_ model: Model) -> Int64 {
        if let stated = model.cache.size { return stated }
        let bytes = checkpointBytes(model) + checkpointBytes(model) / 10 + compileCaches
        return (bytes + gib - 1) / gib * gib
    }

    /// Kubernetes' quantity for `size(model)`.
    static func quantity(_ model: Model) -> String { PoolScheduling.quantity(ByteCount(bytes: size(model))) }

    /// The claim a `persistentVolumeClaim` cache mounts: the named one or the compiler's `<model>-cache`.
    package static func claimName(_ model: Model) -> String? {
        guard model.cache.volume == .persistentVolumeClaim else { return nil }
        return model.cache.claimName ?? "\(model.name)-cache"
    }

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
