/// The realistic building blocks a synthetic platform is assembled from: pool hardware and the
/// model shapes that run on it (sized so each fits its GPU's memory at the stated dtype and context).
enum GeneratorShapes {
    struct Pool {
        let suffix: String
        let instanceType: String
        let gpu: String
        let gpusPerNode: Int
    }

    struct Model {
        let architecture: String
        let source: String
        let parameters: String
        let dtype: String
        let contextLength: Int
        let gpus: Int
    }

    /// Pools of a cluster, in order: an H100 pool for large models and training, an L40S pool, an A10G pool.
    static let pools: [Pool] = [
        Pool(suffix: "h100", instanceType: "p5.48xlarge", gpu: "H100-SXM-80GB", gpusPerNode: 8),
        Pool(suffix: "l40s", instanceType: "g6e.12xlarge", gpu: "L40S", gpusPerNode: 4),
        Pool(suffix: "a10g", instanceType: "g5.12xlarge", gpu: "A10G", gpusPerNode: 4),
    ]

    /// Model shapes per pool index (same order as `pools`).
    static let models: [[Model]] = [
        [Model(architecture: "llama-3-70b", source: "hf://meta-llama/Llama-3.1-70B-Instruct", parameters: "70B",
               dtype: "bf16", contextLength: 32768, gpus: 4),
         Model(architecture: "qwen2.5-72b", source: "hf://Qwen/Qwen2.5-72B-Instruct", parameters: "72B",
               dtype: "fp8", contextLength: 16384, gpus: 2)],
        [Model(architecture: "qwen2.5-14b", source: "hf://Qwen/Qwen2.5-Coder-14B-Instruct", parameters: "14B",
               dtype: "fp8", contextLength: 16384, gpus: 1),
         Model(architecture: "llama-3-8b", source: "hf://meta-llama/Llama-3.1-8B-Instruct", parameters: "8B",
               dtype: "bf16", contextLength: 8192, gpus: 1)],
        [Model(architecture: "mistral-7b", source: "hf://mistralai/Mistral-7B-Instruct-v0.3", parameters: "7B",
               dtype: "bf16", contextLength: 8192, gpus: 1),
         Model(architecture: "bert-large", source: "hf://BAAI/bge-large-en-v1.5", parameters: "335M",
               dtype: "bf16", contextLength: 512, gpus: 1)],
    ]

    static let regions: [(region: String, zones: [String])] = [
        ("us-east-1", ["us-east-1a", "us-east-1b"]),
        ("us-west-2", ["us-west-2a", "us-west-2b"]),
        ("eu-west-1", ["eu-west-1a", "eu-west-1b"]),
        ("ap-northeast-1", ["ap-northeast-1a", "ap-northeast-1c"]),
    ]
}
