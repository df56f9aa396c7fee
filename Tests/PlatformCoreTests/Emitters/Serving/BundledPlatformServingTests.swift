import Foundation
import PlatformCore
import Testing

/// The bundled platform.yaml, compiled with the repository's templates as `platformc compile` does:
/// every cluster directory validates strictly and builds with kustomize, every CEL selector compiles,
/// and every serving pod runs under its own token-less ServiceAccount.
@Suite struct BundledPlatformServingTests {
    static func compile() throws -> Compiler.Output {
        let spec = try Data(contentsOf: SharedTools.repoRoot.appendingPathComponent("platform.yaml"))
        return Compiler(templates: try repositoryTemplates()).compile(spec: Array(spec), file: "platform.yaml")
    }

    /// `templates/` of the repository, as the CLI loads it.
    static func repositoryTemplates() throws -> TemplateSet {
        let root = SharedTools.repoRoot
        var files: [String: String] = [:]
        let templates = root.appendingPathComponent("templates")
        if let walker = FileManager.default.enumerator(atPath: templates.path) {
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".yaml") else { continue }
                files[relative] = try String(contentsOf: templates.appendingPathComponent(relative), encoding: .utf8)
            }
        }
        let (set, errors) = TemplateSet.load(files: files)
        #expect(errors.isEmpty, "\(errors)")
        return set
    }

    @Test func compilesWithoutErrorsOrTemplateConflicts() throws {
        let output = try Self.compile()
        #expect(output.diagnostics.sorted.filter { $0.severity == .error || $0.code.description.hasPrefix("W5") }.isEmpty,
                "\(output.diagnostics.sorted.map(\.message))")
        let kinds = Set(output.manifests?.clusters.flatMap(\.manifests).map(\.kind) ?? [])
        for kind in ["Deployment", "Service", "ServiceAccount", "ResourceClaimTemplate", "Gateway", "HTTPRoute", "TrafficPolicy",
                     "GatewayParameters", "InferencePool", "ScaledObject", "ConfigMap"] {
            #expect(kinds.contains(kind), "no \(kind) emitted")
        }
    }

    @Test(.needsKubectl, .needsShared) func everyClusterDirectoryValidatesStrictlyAndBuilds() throws {
        guard let shared = SharedTools.requireShared() else { return }
        let output = try Self.compile()
        let tree = try #require(output.tree)
        let dir = try SharedTools.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try SharedTools.write(tree.files, under: dir)
        let clusters = output.platform?.clusters.map(\.name) ?? []
        #expect(clusters == ["prod-use1", "prod-usw2"])
        for cluster in clusters {
            let clusterDir = dir.appendingPathComponent("clusters/\(cluster)")
            let result = SharedTools.validateManifests(directory: clusterDir, shared: shared)
            #expect(result.exitCode == 0, "\(cluster): \(result.output)")
            #expect(result.output.contains(", 0 errors"), "\(result.output)")
            guard SharedTools.requireKubectl() else { continue }
            let built = SharedTools.kustomizeBuild(clusterDir)
            #expect(built.exitCode == 0, "\(cluster): \(built.output)")
        }
    }

    @Test(.needsPython(["celpy"])) func everyCELSelectorCompiles() throws {
        let set = try #require(try Self.compile().manifests)
        let expressions = CELCompiler.expressions(in: set)
        #expect(expressions.count == 1) // llama-3-8b on the DRA MIG pool
        guard let failures = CELCompiler.failures(expressions) else { return }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test func everyServingPodHasItsOwnTokenlessServiceAccount() throws {
        let set = try #require(try Self.compile().manifests)
        for cluster in set.clusters {
            let accounts = Dictionary(cluster.manifests
                .filter { $0.kind == "ServiceAccount" }.map { ("\($0.namespace ?? "")/\($0.name)", $0) },
                                      uniquingKeysWith: { a, _ in a })
            for workload in cluster.manifests where ["Deployment", "LeaderWorkerSet"].contains(workload.kind) {
                let pods = workload.kind == "Deployment"
                    ? [workload.value.at("spec", "template", "spec")]
                    : [workload.value.at("spec", "leaderWorkerTemplate", "leaderTemplate", "spec"),
                       workload.value.at("spec", "leaderWorkerTemplate", "workerTemplate", "spec")]
                for pod in pods {
                    let account = pod?.at("serviceAccountName")?.stringValue ?? ""
                    let sa = accounts["\(workload.namespace ?? "")/\(account)"]
                    #expect(sa?.value.at("automountServiceAccountToken") == false,
                        "\(cluster.name) \(workload.id): no token-less ServiceAccount `\(account)`")
                    #expect(pod?.at("securityContext", "runAsNonRoot") == true, "\(workload.id)")
                    for container in pod?.at("containers")?.listValue ?? [] {
                        #expect(container.at("securityContext", "readOnlyRootFilesystem") == true, "\(workload.id)")
                        for env in container.at("env")?.listValue ?? [] {
                            let name = env.at("name")?.stringValue ?? ""
                            #expect(!(name.hasSuffix("_KEY") || name.hasSuffix("TOKEN")) || env.at("value") == nil,
                                "\(workload.id) literal \(name)")
                        }
                    }
                }
            }
        }
    }
}
