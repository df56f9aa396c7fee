/// The models `platformc init` may start with, largest first: open weights (no token needed to
/// download them), each with an architecture the memory-fit rule knows (ModelArchitectures.swift)
/// so the KV cache is sized. `parameters` is the size in the model's name, as platform.yaml writes
/// Llama-3.1-70B's. The first one that fits one NVLink island of the pool wins.
struct StarterModel: Sendable {
    var name: String
    var source: String
    var parameters: String
    var architecture: String
    var dtype: String

    static let ladder: [StarterModel] = [
        StarterModel(name: "qwen-72b", source: "hf://Qwen/Qwen2.5-72B-Instruct", parameters: "72B", architecture: "qwen2.5-72b",
            dtype: "bf16"),
        StarterModel(name: "qwen-72b", source: "hf://Qwen/Qwen2.5-72B-Instruct", parameters: "72B", architecture: "qwen2.5-72b",
            dtype: "fp8"),
        StarterModel(name: "qwen-14b", source: "hf://Qwen/Qwen2.5-14B-Instruct", parameters: "14B", architecture: "qwen2.5-14b",
            dtype: "bf16"),
        StarterModel(name: "qwen-14b", source: "hf://Qwen/Qwen2.5-14B-Instruct", parameters: "14B", architecture: "qwen2.5-14b",
            dtype: "fp8"),
        StarterModel(name: "qwen-7b", source: "hf://Qwen/Qwen2.5-7B-Instruct", parameters: "7B", architecture: "qwen2.5-7b", dtype: "bf16"),
        StarterModel(name: "qwen-7b", source: "hf://Qwen/Qwen2.5-7B-Instruct", parameters: "7B", architecture: "qwen2.5-7b", dtype: "fp8"),
        StarterModel(name: "qwen-7b", source: "hf://Qwen/Qwen2.5-7B-Instruct", parameters: "7B", architecture: "qwen2.5-7b", dtype: "int4"),
    ]

    /// The context the starter serves: long enough for chat, short enough to fit small GPUs.
    static let contextLength = 8192
}
