/// The `/cache` volume of a model server (HF_HOME, vLLM's and TorchInductor's caches): sized from
/// the checkpoint so the kubelet schedules and bounds it, instead of an unbounded `emptyDir`.
/// Its size is known here, where the placement's check (`ModelCacheCheck`) reads it; the volume
/// and claim the serving emitters write are in `Emitters/Serving/ModelCacheVolume.swift`.
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

    /// The claim a `persistentVolumeClaim` cache mounts: the named one or the compiler's `<model>-cache`.
    package static func claimName(_ model: Model) -> String? {
        guard model.cache.volume == .persistentVolumeClaim else { return nil }
        return model.cache.claimName ?? "\(model.name)-cache"
    }
}
