import PlatformDiagnostics

/// Checked spec → `Platform`. Units are parsed, defaults applied (`SpecDefaults`), catalogs
/// merged, and lists whose order carries no meaning sorted, so that the IR (and everything compiled
/// from it) is the same whatever order the spec lists things in; references are resolved afterwards
/// by `ReferenceResolver`. Ordered lists: a job's `command`, a route's `fallbacks`.
package struct Lowering {
    package let file: String
    package init(file: String) { self.file = file }

    package func lower(_ root: SpecNode, into diagnostics: inout DiagnosticBag) -> Platform {
        let spec = SpecObject(root, PlatformShape.platform, fallback: SourceLocation(file: file, line: 1, column: 1))
        let metadata = spec.object("metadata")
        let gitops = spec.object("gitops")
        var gpuCatalog = GPUCatalog.builtIn
        for entry in spec.objects("gpuCatalog") {
            CatalogOverrides.apply(entry, to: &gpuCatalog, into: &diagnostics)
        }
        let instances = InstanceCatalog.builtIn
        let clusters = spec.objects("clusters").map { lowerCluster($0, gpus: gpuCatalog, instances: instances, into: &diagnostics) }
        let observability = spec.object("observability")
        let langfuse = observability.object("langfuse")
        let prometheus = observability.object("prometheus")
        var platform = Platform(
            name: metadata.string("name") ?? "platform",
            labels: metadata.stringMap("labels"),
            kubernetesVersion: spec.string("kubernetesVersion") ?? SpecDefaults.kubernetesVersion,
            gitops: GitOpsTarget(repository: gitops.string("repository") ?? SpecDefaults.gitopsRepository,
                                 branch: gitops.string("branch") ?? SpecDefaults.gitopsBranch,
                                 path: gitops.string("path") ?? SpecDefaults.gitopsPath,
                                 engine: gitops.string("engine").flatMap(GitOpsTarget.Engine.init(rawValue:)) ?? SpecDefaults.gitopsEngine,
                                 location: gitops.location, repositoryLocation: gitops.loc("repository"),
                                 url: gitops.string("url"), urlLocation: gitops.has("url") ? gitops.loc("url") : nil,
                                 engineLocation: gitops.has("engine") ? gitops.loc("engine") : nil),
            gpuCatalog: gpuCatalog,
            instanceCatalog: instances,
            clusters: clusters,
            teams: spec.objects("teams").map(lowerTeam),
            providers: spec.objects("providers").map(lowerProvider),
            models: spec.objects("models").map(lowerModel),
            routes: spec.objects("routes").map(lowerRoute),
            mcpServers: spec.objects("mcpServers").map(lowerMCPServer),
            agents: spec.objects("agents").map(lowerAgent),
            training: spec.objects("training").map(lowerTraining),
            observability: Observability(
                langfuseHost: langfuse.string("host"), langfuseSecret: langfuse.string("secret"),
                prometheusEnabled: prometheus.bool("enabled") ?? SpecDefaults.prometheusEnabled,
                prometheusURL: prometheus.string("url") ?? SpecDefaults.prometheusURL,
                prometheusAuthSecret: prometheus.string("authSecret")),
            specFile: file,
            policyConfiguration: PolicyConfiguration(spec.object("policy")),
            budget: lowerBudget(spec.object("budget")))
        platform.securityExceptions = spec.object("security").objects("exceptions").map(lowerSecurityException)
        platform.frontDoor = lowerFrontDoor(gateway: spec.object("gateway"), liteLLM: spec.object("litellm"))
        platform.components = ComponentOverrides.lower(spec, into: &diagnostics)
        for i in platform.models.indices where platform.models[i].image.isEmpty {
            platform.models[i].image = platform.components.image(ComponentVersions.vllm)
        }
        markAgentModels(&platform)
        return platform
    }

    /// Models agents call, and the canaries sharing their name, must accept tool calls.
    private func markAgentModels(_ platform: inout Platform) {
        let used = Set(platform.agents.map(\.model))
        for i in platform.models.indices where used.contains(platform.models[i].name)
            || platform.models[i].canaryOf.map(used.contains) == true {
            platform.models[i].servesAgents = true
        }
    }

    private func lowerSecurityException(_ o: SpecObject) -> SecurityException {
        SecurityException(workload: o.string("workload") ?? "", allow: Set(o.strings("allow").compactMap(PodSecurityControl.init)).sorted(),
                          reason: o.string("reason") ?? "", location: o.loc("workload"))
    }

    private func lowerFrontDoor(gateway: SpecObject, liteLLM: SpecObject) -> FrontDoor {
        var door = FrontDoor()
        door.tlsSecret = gateway.object("tls").string("secret")
        door.clientAuth = gateway.string("clientAuth").flatMap(FrontDoor.ClientAuth.init(rawValue:)) ?? SpecDefaults.clientAuth
        door.clientAuthLocation = gateway.has("clientAuth") ? gateway.loc("clientAuth") : nil
        door.masterKeySecret = liteLLM.string("masterKeySecret") ?? SpecDefaults.masterKeySecret
        door.databaseSecret = liteLLM.string("databaseSecret")
        door.location = liteLLM.isPresent ? liteLLM.location : nil
        return door
    }

    private func lowerBudget(_ budget: SpecObject) -> Budget? {
        guard budget.isPresent else { return nil }
        return Budget(monthly: budget.money("monthly") ?? .zero, currency: budget.string("currency") ?? SpecDefaults.budgetCurrency,
                      enforcement: budget.string("enforcement").flatMap(Budget.Enforcement.init(rawValue:))
                          ?? SpecDefaults.budgetEnforcement,
                      location: budget.loc("monthly"))
    }

    private func locations(_ o: SpecObject, _ keys: [SpecKey]) -> [SpecKey: SourceLocation] {
        var out: [SpecKey: SourceLocation] = [:]
        for key in keys where o.has(key.rawValue) { out[key] = o.loc(key.rawValue) }
        return out
    }

    private func lowerTeam(_ o: SpecObject) -> Team {
        let quota = o.object("quota"), budget = o.object("budget")
        let name = o.string("name") ?? ""
        var team = Team(
            name: name, namespace: o.string("namespace") ?? name,
            gpuQuota: quota.int("gpus"), gpuQuotaPerModel: quota.intMap("perModel"),
            budget: lowerBudget(budget),
            priority: o.string("priority").flatMap(Team.Priority.init(rawValue:)) ?? SpecDefaults.priority,
            location: o.location,
            locations: [.quota: quota.isPresent ? quota.loc("gpus") : o.location, .budget: budget.location]
                .merging(locations(o, [.namespace, .keySecret])) { a, _ in a })
        team.gpuQuotaPerCluster = quota.intMap("perCluster")
        team.keySecret = o.string("keySecret")
        if quota.has("perCluster") { team.locations[.quotaPerCluster] = quota.keyLoc("perCluster") }
        return team
    }

    private func lowerProvider(_ o: SpecObject) -> Provider {
        var prices: [String: TokenPrice] = [:]
        for p in o.objects("prices") {
            if let model = p.string("model") {
                prices[model] = TokenPrice(inputPerMillion: p.money("inputPerMillion") ?? .zero,
                                           outputPerMillion: p.money("outputPerMillion") ?? .zero,
                                           source: "platform spec (\(p.location))")
            }
        }
        return Provider(name: o.string("name") ?? "", kind: o.string("kind") ?? "", apiKeySecret: o.string("apiKeySecret") ?? "",
                        baseURL: o.string("baseURL"), prices: prices, location: o.location)
    }

    private func lowerModel(_ o: SpecObject) -> Model {
        let gpu = o.object("gpu"), replicas = o.object("replicas"), autoscaling = o.object("autoscaling")
        let placement = o.object("placement")
        var total: Int64 = 0
        var active: Int64?
        var parameterLocations: [SpecKey: SourceLocation] = [:]
        if let params = o.raw("parameters") {
            if params.pairs != nil {
                let moe = o.quantityOrObject("parameters", PlatformShape.parameters)
                total = moe.quantity("total", .parameters) ?? 0
                active = moe.quantity("active", .parameters)
                parameterLocations = [.parametersTotal: moe.loc("total"), .parametersActive: moe.loc("active")]
            } else {
                total = o.quantity("parameters", .parameters) ?? 0
            }
        }
        let minReplicas = replicas.int("min") ?? 0
        var model = Model(
            name: o.string("name") ?? "", team: o.string("team") ?? "", source: o.string("source") ?? "",
            sourceSecret: o.string("sourceSecret"), parameters: total, activeParameters: active,
            architecture: o.string("architecture"), shape: lowerModelShape(o),
            dtype: o.string("dtype").flatMap(Model.DType.init(rawValue:)) ?? SpecDefaults.dtype,
            checkpointQuantization: o.string("checkpointQuantization"),
            kvCacheDtype: o.string("kvCacheDtype") ?? SpecDefaults.kvCacheDtype,
            contextLength: o.int("contextLength") ?? SpecDefaults.contextLength,
            maxSequences: o.int("maxSequences") ?? SpecDefaults.maxSequences, maxSequencesStated: o.has("maxSequences"),
            engine: o.string("engine") ?? SpecDefaults.engine, image: o.string("image") ?? "",
            gpuModel: gpu.string("model") ?? "", gpusPerReplica: gpu.int("count") ?? SpecDefaults.gpusPerReplica,
            nodesPerReplica: gpu.int("nodes") ?? SpecDefaults.nodesPerReplica,
            migProfile: gpu.string("migProfile"),
            gpuMemoryUtilization: o.double("gpuMemoryUtilization") ?? SpecDefaults.gpuMemoryUtilization,
            minReplicas: minReplicas, maxReplicas: replicas.int("max") ?? minReplicas,
            autoscaling: autoscaling.isPresent ? Autoscaling(metric: autoscaling.string("metric") ?? SpecDefaults.autoscalingMetric,
                                                             target: autoscaling.double("target") ?? 1,
                                                             cooldownSeconds: autoscaling.quantity("cooldown", .duration).map(Int.init)
                                                                 ?? SpecDefaults.autoscalingCooldown.seconds) : nil,
            prefixCacheAware: o.object("routing").bool("prefixCacheAware") ?? SpecDefaults.prefixCacheAware,
            cluster: placement.string("cluster"), pool: placement.string("pool"),
            spread: placement.string("spread").flatMap(Model.Spread.init(rawValue:)) ?? SpecDefaults.spread,
            allowPCIe: placement.bool("allowPCIe") ?? SpecDefaults.allowPCIe, critical: o.bool("critical") ?? SpecDefaults.critical,
            canaryOf: o.string("canaryOf"), location: o.location,
            locations: locations(o, [.team, .parameters, .dtype, .contextLength, .gpu, .replicas, .placement, .canaryOf, .image,
                                     .architecture, .checkpointQuantization])
                .merging([.gpuModel: gpu.loc("model"), .gpuCount: gpu.loc("count"), .gpuMigProfile: gpu.loc("migProfile"),
                          .replicasMin: replicas.loc("min"), .replicasMax: replicas.loc("max"),
                          .placementCluster: placement.loc("cluster"), .placementPool: placement.loc("pool")]) { a, _ in a }
                .merging(parameterLocations) { a, _ in a })
        model.task = o.string("task").flatMap(ModelTask.init(rawValue:))
        if o.has("task") { model.locations[.task] = o.loc("task") }
        model.engineArgs = (o.raw("engineArgs")?.items ?? []).compactMap { item in
            item.scalar.flatMap { $0.isNull ? nil : EngineArgument(text: $0.text, location: $0.location) }
        }
        model.cache = lowerModelCache(o)
        return model
    }

    /// `cache:` as declared, with the location of each key's value.
    private func lowerModelCache(_ model: SpecObject) -> ModelCacheSpec {
        let o = model.object("cache")
        guard o.isPresent else { return ModelCacheSpec() }
        var cache = ModelCacheSpec()
        cache.volume = o.string("volume").flatMap(ModelCacheSpec.Volume.init(rawValue:)) ?? SpecDefaults.cacheVolume
        cache.size = o.quantity("size", .memory)
        cache.claimName = o.string("claimName")
        cache.storageClass = o.string("storageClass")
        cache.location = model.keyLoc("cache")
        for key: SpecKey in [.volume, .size, .claimName, .storageClass] where o.has(key.rawValue) {
            cache.locations[key] = o.loc(key.rawValue)
        }
        return cache
    }

    /// `shape:` as declared, every field with the location of its value.
    private func lowerModelShape(_ model: SpecObject) -> DeclaredModelShape? {
        let o = model.object("shape")
        guard o.isPresent else { return nil }
        let experts = o.object("experts")
        var locations: [SpecKey: SourceLocation] = [:]
        for key: SpecKey in [.layers, .attentionHeads, .kvHeads, .headDim, .hiddenSize, .kvLoraRank, .qkRopeHeadDim] where o
            .has(key.rawValue) {
            locations[key] = o.loc(key.rawValue)
        }
        if experts.has("total") { locations[.expertsTotal] = experts.loc("total") }
        if experts.has("active") { locations[.expertsActive] = experts.loc("active") }
        return DeclaredModelShape(layers: o.int("layers"), attentionHeads: o.int("attentionHeads"), kvHeads: o.int("kvHeads"),
                                  headDim: o.int("headDim"), hiddenSize: o.int("hiddenSize"),
                                  expertsTotal: experts.int("total"), expertsActive: experts.int("active"),
                                  kvLoraRank: o.int("kvLoraRank"), qkRopeHeadDim: o.int("qkRopeHeadDim"),
                                  location: model.keyLoc("shape"), locations: locations)
    }

    private func lowerRoute(_ o: SpecObject) -> Route {
        let traffic = o.object("traffic")
        return Route(
            name: o.string("name") ?? "", hostnames: o.strings("hostnames").sorted(), path: o.string("path") ?? SpecDefaults.routePath,
            headers: o.object("match").stringMap("headers"),
            backends: o.objects("backends")
                .map { Route
                    .Backend(model: $0.string("model") ?? "", weight: $0.int("weight") ?? SpecDefaults.backendWeight,
                        location: $0.loc("model")) }
                .sorted { ($0.model, $0.weight) < ($1.model, $1.weight) },
            fallbacks: o.objects("fallbacks")
                .map { Route.Fallback(provider: $0.string("provider") ?? "", model: $0.string("model") ?? "", location: $0.loc("provider"),
                                                             modelLocation: $0.loc("model")) },
            requestsPerMinute: o.object("rateLimit").int("requestsPerMinute"),
            tokensPerDay: traffic.isPresent ? traffic.quantity("tokensPerDay", .count) : nil,
            fallbackPercent: traffic.int("fallbackPercent") ?? SpecDefaults.fallbackPercent,
            timeoutSeconds: o.quantity("timeout", .duration).map(Int.init) ?? SpecDefaults.routeTimeout.seconds,
            retries: o.int("retries") ?? SpecDefaults.retries,
            location: o.location, locations: locations(o, [.backends, .fallbacks, .rateLimit, .traffic, .hostnames]),
            hostnameLocations: o.itemLocations("hostnames"))
    }

    private func lowerMCPServer(_ o: SpecObject) -> MCPServer {
        MCPServer(name: o.string("name") ?? "", url: o.string("url") ?? "", transport: o.string("transport") ?? SpecDefaults.mcpTransport,
                  headersSecret: o.string("headersSecret"),
                  permissions: o.objects("permissions").map(lowerPermission)
                      .sorted { "\($0.apiGroups)\($0.resources)\($0.verbs)" < "\($1.apiGroups)\($1.resources)\($1.verbs)" },
                  tools: o.strings("tools").sorted(), location: o.location, toolsLocation: o.has("tools") ? o.keyLoc("tools") : nil,
                  identity: lowerIdentity(o.object("serviceAccount")),
                  permissionsLocation: o.has("permissions") ? o.keyLoc("permissions") : nil)
    }

    private func lowerIdentity(_ o: SpecObject) -> MCPServer.Identity? {
        guard o.isPresent, let namespace = o.string("namespace"), let name = o.string("name") else { return nil }
        return MCPServer.Identity(namespace: namespace, name: name, namespaceLocation: o.loc("namespace"))
    }

    private func lowerPermission(_ o: SpecObject) -> RBACRule {
        var locations = RBACRuleLocations(entry: o.location)
        locations.resources = o.itemLocations("resources")
        locations.verbs = o.itemLocations("verbs")
        return RBACRule(apiGroups: o.strings("apiGroups").sorted(), resources: o.strings("resources").sorted(),
                        verbs: o.strings("verbs").sorted(),
                        locations: locations)
    }

    private func lowerAgent(_ o: SpecObject) -> Agent {
        Agent(name: o.string("name") ?? "", team: o.string("team") ?? "", model: o.string("model") ?? "",
              systemMessage: o.string("systemMessage") ?? "", description: o.string("description"),
              tools: o.objects("tools")
                  .map { Agent
                      .Tool(mcpServer: $0.string("mcpServer") ?? "", allow: $0.strings("allow").sorted(), location: $0.loc("mcpServer"),
                                                         allowLocations: $0.itemLocations("allow"), allowKeyLocation: $0.keyLoc("allow")) }
                .sorted { $0.mcpServer < $1.mcpServer },
              cluster: o.string("cluster"), apiKeySecret: o.string("apiKeySecret"), location: o.location,
              locations: locations(o, [.team, .model, .cluster, .tools]))
    }

    private func lowerTraining(_ o: SpecObject) -> TrainingJob {
        TrainingJob(name: o.string("name") ?? "", team: o.string("team") ?? "", framework: o.string("framework") ?? SpecDefaults.framework,
                    operatorKind: o.string("operator") ?? SpecDefaults.trainingOperator, image: o.string("image") ?? "",
                    command: o.strings("command"),
                    nodes: o.int("nodes") ?? 1, gpusPerNode: o.int("gpusPerNode") ?? 1, gpuModel: o.string("gpu") ?? "",
                    cluster: o.string("cluster"), pool: o.string("pool"),
                    ncclDebug: o.object("nccl").string("debug") ?? SpecDefaults.ncclDebug,
                    shmSize: o.memory("shmSize") ?? SpecDefaults.shmSize, location: o.location,
                    locations: locations(o, [.team, .gpu, .cluster, .pool, .nodes, .gpusPerNode, .image, .hoursPerMonth]),
                    hoursPerMonth: o.int("hoursPerMonth") ?? SpecDefaults.hoursPerMonth)
    }
}

extension SpecObject {
    /// Each scalar item of a string list → where it was first written.
    func itemLocations(_ key: String) -> [String: SourceLocation] {
        var out: [String: SourceLocation] = [:]
        for item in raw(key)?.items ?? [] { if let s = item.scalar, !s.isNull, out[s.text] == nil { out[s.text] = s.location } }
        return out
    }

    /// Reads a `quantityOrObject` field in its object form.
    func quantityOrObject(_ key: String, _ shape: ObjectShape) -> SpecObject {
        SpecObject(raw(key), shape, fallback: keyLoc(key))
    }
}
