import Foundation
@testable import PlatformCore
@testable import PlatformDocument
import PlatformDiagnostics
import Testing

/// Sums over a dictionary's entries must not depend on its order, which changes from run to run
/// (a double's sum depends on the order of its terms): W7103's nominal quotas, and the entropy that
/// decides whether a value is a secret.
@Suite struct OrderFreeSumsTests {
    /// The minimal spec's one cluster (`prod`, pool `h100`: 6 × 192 = 1152 CPUs), as will-it-run sees it.
    static func prodFacts() throws -> ClusterFacts {
        let output = Compiler().compile(spec: Array(Fixture.minimal.utf8), file: "platform.yaml")
        let plan = try #require(output.plan)
        let cluster = try #require(output.manifests?.clusters.first { $0.name == "prod" })
        return ClusterFacts(cluster, platform: plan.platform)
    }

    static func clusterQueue(_ name: String, cpu: String) -> Manifest {
        Manifest(apiVersion: "kueue.x-k8s.io/v1beta2", kind: "ClusterQueue", name: name, body: ["spec": ["resourceGroups": [[
            "coveredResources": ["cpu"],
            "flavors": [["name": "h100", "resources": [["name": "cpu", "nominalQuota": .string(cpu)]]]],
        ]]]])
    }

    /// Four quotas that add up to exactly the pool's 1152 CPUs; summed as doubles, 16 of their 24
    /// orders come to 1152.0000000000002. Each set of queue names gives the dictionary another order.
    @Test func quotasAddingUpToThePoolAreNeverOverIt() throws {
        var facts = try Self.prodFacts()
        let quotas = ["0.239", "0.354", "0.237", "1151.17"]
        for round in 0..<24 {
            facts.clusterQueues = [:]
            for (i, cpu) in quotas.enumerated() { facts.clusterQueues["q\(round)-\(i)"] = Self.clusterQueue("q\(round)-\(i)", cpu: cpu) }
            #expect(KueueAdmissionCheck.quotas(facts).map(\.message) == [], "round \(round)")
        }
        facts.clusterQueues["one-more"] = Self.clusterQueue("one-more", cpu: "1m")
        #expect(KueueAdmissionCheck.quotas(facts).map(\.message) == [
            "nominal quotas of `cpu` on flavor `h100` in cluster `prod` sum to 1152001m over 5 ClusterQueues, more than the pool's 1152",
        ])
    }

    /// The same counts under other characters: the same entropy, to the last bit. The seven
    /// terms of these counts sum to three different doubles depending on their order.
    @Test func entropyDoesNotDependOnTheCharacters() {
        let counts = [1, 2, 3, 4, 5, 6, 7]
        let alphabet = Array("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
        var values: Set<Double> = []
        for shift in 0..<40 {
            var chars: [Character] = []
            for (i, count) in counts.enumerated() { chars += Array(repeating: alphabet[(shift + i * 5) % alphabet.count], count: count) }
            values.insert(CredentialShapes.entropy(chars))
        }
        #expect(values.count == 1, "\(values.sorted())")
    }
}
