/// Every cluster's `LiteLLMConfig`, built once per compile on all cores by `EmitStage` and read by
/// both emitters that need one (`GatewayEmitter` for the internal Gateway, `LiteLLMEmitter` for the
/// proxy): each built its own before.
package struct LiteLLMConfigs: Sendable {
    private let byCluster: [String: LiteLLMConfig]

    package init(plan: PlannedPlatform) {
        let deployments = ModelDeployment.byCluster(in: plan)
        let fleet = LiteLLMConfig.Fleet(plan)
        let clusters = plan.platform.clusters.map(\.name)
        let configs = clusters.concurrentMap { cluster in
            LiteLLMConfig(plan: plan, cluster: cluster, deployments: deployments[cluster] ?? [], fleet: fleet)
        }
        byCluster = Dictionary(zip(clusters, configs), uniquingKeysWith: { first, _ in first })
    }

    /// The config of `cluster`, one of the clusters of the plan these were built from.
    package subscript(cluster: String) -> LiteLLMConfig {
        guard let config = byCluster[cluster] else { preconditionFailure("no cluster `\(cluster)` in the plan") }
        return config
    }
}
