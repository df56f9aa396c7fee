import PlatformDiagnostics

/// A model's engine settings that can be judged from the spec alone: `engineArgs` against vLLM's
/// flags, `task` against the routes and agents that use the model, `cache` keys and size.
struct EngineSettingsRule: PlatformRule {
    let id = "engine-settings"

    /// Path prefixes of vLLM's OpenAI endpoints and the task the server needs for them
    /// (vllm 0.34.0 `vllm/entrypoints/launchers/api_server/routers.py`: chat, completions and
    /// responses routers exist only with the `generate` task; `vllm/entrypoints/pooling/factories.py`:
    /// `/v1/embeddings` only with `embed`).
    static let endpointTasks: [(path: String, task: ModelTask)] = [
        ("/v1/chat/completions", .generate), ("/v1/completions", .generate), ("/v1/responses", .generate),
        ("/v1/embeddings", .embed),
    ]

    /// Routes and agents are checked against a stated `task` only: an inferred one (`bert-large`)
    /// sets vLLM's flags but is not held against specs written before `task:` existed.
    func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        let models = Dictionary(p.models.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        for model in p.models {
            VLLMFlags.check(model, into: &diagnostics)
            checkCache(model, into: &diagnostics)
        }
        for route in p.routes {
            guard let needed = Self.endpointTasks.first(where: { route.path.hasPrefix($0.path) }) else { continue }
            for backend in route.backends {
                guard let model = models[backend.model], let task = model.task, task != needed.task,
                      needed.task == .generate ? task.isPooling : true else { continue }
                diagnostics.error(EngineCodes.routeTask,
                                  "route `\(route.name)` sends `\(route.path)` to model `\(model.name)`, whose `task: \(task.rawValue)` "
                                      + "serves no such endpoint",
                                  at: backend.location, notes: [DiagnosticNote("`task` set here", at: model.locations[.task])],
                                  help: "route `\(needed.path)` to a model with `task: \(needed.task.rawValue)`, or give the route the "
                                      + "path its model serves")
            }
        }
        for agent in p.agents {
            guard let model = models[agent.model], let task = model.task, task.isPooling else { continue }
            diagnostics.error(EngineCodes.agentTask,
                              "agent `\(agent.name)` chats with model `\(model.name)`, whose `task: \(task.rawValue)` serves no chat "
                                  + "endpoint",
                              at: agent.locations[.model] ?? agent.location,
                              help: "give the agent a model with `task: generate` (or none)")
        }
    }

    func checkCache(_ model: Model, into diagnostics: inout DiagnosticBag) {
        let cache = model.cache
        let at = { (key: SpecKey) in cache.locations[key] ?? cache.location ?? model.location }
        if cache.volume == .persistentVolumeClaim {
            if (cache.claimName == nil) == (cache.storageClass == nil) {
                diagnostics.error(EngineCodes.cacheKeys,
                                  "model `\(model.name)`'s `cache.volume: persistentVolumeClaim` needs exactly one of `claimName` and "
                                      + "`storageClass`",
                                  at: at(.volume),
                                  help: "name an existing ReadWriteMany claim with `claimName`, or let the compiler create one with "
                                      + "`storageClass`")
            }
        } else {
            for key: SpecKey in [.claimName, .storageClass] where cache.locations[key] != nil {
                diagnostics.error(EngineCodes.cacheKeys,
                                  "`cache.\(key.rawValue)` of model `\(model.name)` applies only to `volume: persistentVolumeClaim`",
                                  at: at(key), help: "set `volume: persistentVolumeClaim`, or remove `\(key.rawValue)`")
            }
        }
        let checkpoint = ModelCache.checkpointBytes(model)
        if let size = cache.size, size < checkpoint {
            diagnostics.error(EngineCodes.cacheTooSmall,
                              "`cache.size` of model `\(model.name)` is \(ByteCount(bytes: size)), smaller than its checkpoint "
                                  + "(\(ByteCount(bytes: checkpoint)))",
                              at: at(.size),
                              help: "remove `size` to size the cache from the weights, or give at least "
                                  + "\(ByteCount(bytes: checkpoint + ModelCache.compileCaches))")
        }
    }
}
