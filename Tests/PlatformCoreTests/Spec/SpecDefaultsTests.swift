import PlatformCore
import PlatformDiagnostics
import Testing

/// Each default is written once (`SpecDefaults`): the shape documents it and the lowering applies it.
/// Lowering a spec that states no defaulted key must give, for every default the shape documents,
/// the documented value in the IR.
@Suite struct SpecDefaultsTests {
    /// Every object that has defaulted keys, present with its required keys only.
    static let spec = """
        apiVersion: platformc/v1alpha1
        kind: Platform
        metadata: { name: p }
        gitops: {}
        clusters:
          - name: c
            provider: aws
            nodePools:
              - name: pool
                gpu: H100-SXM-80GB
                gpusPerNode: 8
                nodes: { min: 1 }
        teams:
          - name: t
            budget: { monthly: 100 }
        budget: { monthly: 100 }
        models:
          - name: m
            team: t
            source: hf://org/m
            parameters: 8B
            gpu: { model: H100-SXM-80GB }
            replicas: { min: 1 }
            autoscaling: { target: 1 }
            routing: {}
            placement: {}
            cache: {}
        routes:
          - name: r
            hostnames: [a.example.com]
            backends: [{ model: m }]
            traffic: { tokensPerDay: 1000000 }
        mcpServers:
          - name: s
            url: http://s.tools:8080/mcp
        training:
          - name: j
            team: t
            image: trainer:1
            nodes: 1
            gpusPerNode: 8
            gpu: H100-SXM-80GB
            nccl: {}
        observability: { prometheus: {} }
        gateway: {}
        litellm: {}

        """

    /// Documented default (shape path) → the lowered value, written as the spec would write it.
    static let lowered: [String: @Sendable (Platform) -> String] = [
        "kubernetesVersion": { $0.kubernetesVersion },
        "gitops.repository": { $0.gitops.repository },
        "gitops.branch": { $0.gitops.branch },
        "gitops.path": { $0.gitops.path },
        "gitops.engine": { $0.gitops.engine.rawValue },
        "clusters[].production": { "\($0.clusters[0].production)" },
        "clusters[].nodePools[].nodes.static": { "\($0.clusters[0].nodePools[0].staticNodes)" },
        "clusters[].nodePools[].capacityType": { $0.clusters[0].nodePools[0].capacityType.rawValue },
        "clusters[].nodePools[].gpuAllocation": { $0.clusters[0].nodePools[0].gpuAllocation.rawValue },
        "teams[].priority": { $0.teams[0].priority.rawValue },
        "teams[].budget.currency": { $0.teams[0].budget?.currency ?? "absent" },
        "teams[].budget.enforcement": { $0.teams[0].budget?.enforcement.rawValue ?? "absent" },
        "budget.currency": { $0.budget?.currency ?? "absent" },
        "budget.enforcement": { $0.budget?.enforcement.rawValue ?? "absent" },
        "models[].dtype": { $0.models[0].dtype.rawValue },
        "models[].kvCacheDtype": { $0.models[0].kvCacheDtype },
        "models[].contextLength": { "\($0.models[0].contextLength)" },
        "models[].maxSequences": { "\($0.models[0].maxSequences)" },
        "models[].engine": { $0.models[0].engine },
        "models[].gpuMemoryUtilization": { "\($0.models[0].gpuMemoryUtilization)" },
        "models[].critical": { "\($0.models[0].critical)" },
        "models[].gpu.count": { "\($0.models[0].gpusPerReplica)" },
        "models[].gpu.nodes": { "\($0.models[0].nodesPerReplica)" },
        "models[].autoscaling.metric": { $0.models[0].autoscaling?.metric ?? "absent" },
        "models[].autoscaling.cooldown": { $0.models[0].autoscaling.map { "\($0.cooldownSeconds)s" } ?? "absent" },
        "models[].routing.prefixCacheAware": { "\($0.models[0].prefixCacheAware)" },
        "models[].placement.spread": { $0.models[0].spread.rawValue },
        "models[].placement.allowPCIe": { "\($0.models[0].allowPCIe)" },
        "models[].cache.volume": { $0.models[0].cache.volume.rawValue },
        "routes[].path": { $0.routes[0].path },
        "routes[].backends[].weight": { "\($0.routes[0].backends[0].weight)" },
        "routes[].traffic.fallbackPercent": { "\($0.routes[0].fallbackPercent)" },
        "routes[].timeout": { "\($0.routes[0].timeoutSeconds)s" },
        "routes[].retries": { "\($0.routes[0].retries)" },
        "mcpServers[].transport": { $0.mcpServers[0].transport },
        "training[].framework": { $0.training[0].framework },
        "training[].operator": { $0.training[0].operatorKind },
        "training[].nccl.debug": { $0.training[0].ncclDebug },
        "training[].shmSize": { "\($0.training[0].shmSize.bytes / 1_073_741_824)Gi" },
        "training[].hoursPerMonth": { "\($0.training[0].hoursPerMonth)" },
        "observability.prometheus.enabled": { "\($0.observability.prometheusEnabled)" },
        "observability.prometheus.url": { $0.observability.prometheusURL },
        "gateway.clientAuth": { $0.frontDoor.clientAuth.rawValue },
        "litellm.masterKeySecret": { $0.frontDoor.masterKeySecret },
    ]

    /// Shape path (`models[].gpu.count`) → documented default, over every object of the shape.
    static func documented(_ shape: ObjectShape, _ prefix: String = "") -> [String: String] {
        var out: [String: String] = [:]
        for field in shape.fields {
            let path = prefix + field.name
            if let text = field.defaultValue { out[path] = text }
            switch field.type {
            case let .object(inner): out.merge(documented(inner, path + ".")) { a, _ in a }
            case let .list(.object(inner)): out.merge(documented(inner, path + "[].")) { a, _ in a }
            default: break
            }
        }
        return out
    }

    static func lower() throws -> Platform {
        var bag = DiagnosticBag()
        let root = try #require(YAMLLoader(file: "p.yaml").load(Array(spec.utf8), into: &bag))
        SpecChecker().check(root, into: &bag)
        #expect(!bag.hasErrors, "\(bag.all.map(\.message))")
        return Lowering(file: "p.yaml").lower(root, into: &bag)
    }

    /// A new default fails here until the table above reads it from the IR.
    @Test func everyDocumentedDefaultIsCompared() {
        #expect(Set(Self.documented(PlatformShape.platform).keys) == Set(Self.lowered.keys))
    }

    @Test func loweringAppliesTheDocumentedDefaults() throws {
        let platform = try Self.lower()
        for (path, text) in Self.documented(PlatformShape.platform).sorted(by: { $0.key < $1.key }) {
            #expect(Self.lowered[path]?(platform) == text, "default of `\(path)`")
        }
    }
}
