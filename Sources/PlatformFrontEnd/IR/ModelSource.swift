/// Where vLLM loads weights from, and how the credentials reach it: always by Secret reference,
/// never a literal. `hf://org/name` is a Hugging Face repository (token in `HF_TOKEN`);
/// `s3://` and `gs://` stream through Run:ai's loader with the Secret's keys as environment;
/// anything else (a path on a mounted volume) is passed as is.
package struct ModelSource: Equatable, Sendable {
    package enum Scheme: String, Sendable { case huggingFace = "hf", s3, gcs = "gs", path }
    package var scheme: Scheme
    /// What vLLM's model argument gets.
    package var modelArgument: String

    package init(_ source: String) {
        if source.hasPrefix("hf://") {
            scheme = .huggingFace
            modelArgument = String(source.dropFirst("hf://".count))
        } else if source.hasPrefix("s3://") {
            scheme = .s3
            modelArgument = source
        } else if source.hasPrefix("gs://") {
            scheme = .gcs
            modelArgument = source
        } else {
            scheme = .path
            modelArgument = source
        }
    }

    /// Extra vLLM flags the scheme needs.
    package var loaderArguments: [String] {
        switch scheme {
        case .s3, .gcs: return ["--load-format", "runai_streamer"]
        case .huggingFace, .path: return []
        }
    }

    /// `env` entries that pull credentials from `secret` by reference.
    package func credentialEnv(secret: String?) -> [ManifestValue] {
        guard let secret, scheme == .huggingFace else { return [] }
        return [["name": "HF_TOKEN",
                 "valueFrom": ["secretKeyRef": ["name": .string(secret), "key": .string(Conventions.sourceTokenSecretKey)]]]]
    }

    /// `envFrom` entries: object-store credentials are the Secret's keys (AWS_ACCESS_KEY_ID, …).
    package func credentialEnvFrom(secret: String?) -> [ManifestValue] {
        guard let secret, scheme == .s3 || scheme == .gcs else { return [] }
        return [["secretRef": ["name": .string(secret)]]]
    }
}
