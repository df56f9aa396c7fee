/// The LiteLLM proxy in the system namespace of each cluster that needs it (`LiteLLMConfig.isNeeded`): its config as a ConfigMap, a
/// ServiceAccount, a Deployment that reads provider keys from their Secrets, and a Service.
package struct LiteLLMEmitter: Emitter {
    package var relativeCost: Int { 150 }
    package static let configKey = "config.yaml"
    /// Keys of `litellm.masterKeySecret` and `litellm.databaseSecret`.
    package static let masterKeySecretKey = "master-key"
    package static let databaseSecretKey = "url"
    static let configDirectory = "/etc/litellm"

    package init() {}

    package func emit(_ plan: PlannedPlatform, into context: inout EmitContext) {
        let p = plan.platform
        var labels = PlatformLabels.common(p)
        labels[PlatformLabels.name] = .string(Conventions.liteLLMName)
        labels[PlatformLabels.component] = .string(Conventions.Component.liteLLM)
        let name = Conventions.liteLLMName, namespace = Conventions.systemNamespace
        let configs = context.liteLLMConfigs ?? LiteLLMConfigs(plan: plan)
        for cluster in p.clusters.map(\.name) {
            let config = configs[cluster]
            // Only where a client reaches it: a route served here, or an agent here that names a provider model.
            guard config.isNeeded else { continue }
            let text = YAMLRenderer.render(config.document), digest = SHA256.hex(text)
            context.add(Manifest(apiVersion: "v1", kind: "ConfigMap", name: name, namespace: namespace, labels: labels,
                                 body: ["data": [Self.configKey: .string(text)]]), to: cluster, template: "litellm/configmap")
            context
                .add(WorkloadSecurity.serviceAccount(name, namespace: namespace, labels: labels), to: cluster,
                    template: "litellm/serviceaccount")
            context.add(deployment(p, providers: config.providers, configDigest: digest, labels: labels),
                        to: cluster, template: "litellm/deployment")
            if let job = LiteLLMProvisioning.job(plan, configDigest: digest, labels: labels) {
                context.add(job.script, to: cluster, template: "litellm/configmap")
                context.add(job.job, to: cluster, template: "litellm/job")
            }
            context.add(Manifest(apiVersion: "v1", kind: "Service", name: name, namespace: namespace, labels: labels, body: ["spec": [
                "type": "ClusterIP", "selector": .map(Self.selector),
                "ports": [["name": "http", "port": .int(Int64(Conventions.liteLLMPort)), "targetPort": "http", "protocol": "TCP",
                           "appProtocol": "http"]],
            ]]), to: cluster, template: "litellm/service")
        }
    }

    static var selector: ManifestMap {
        [PlatformLabels.name: .string(Conventions.liteLLMName), PlatformLabels.component: .string(Conventions.Component.liteLLM)]
    }

    static func secretEnv(_ variable: String, secret: String, key: String) -> ManifestValue {
        ["name": .string(variable), "valueFrom": ["secretKeyRef": ["name": .string(secret), "key": .string(key)]]]
    }

    func deployment(_ p: Platform, providers: [Provider], configDigest: String, labels: ManifestMap) -> Manifest {
        var env: [ManifestValue] = [["name": "HOME", "value": "/tmp"],
                                    Self.secretEnv(LiteLLMConfig.masterKeyVariable, secret: p.frontDoor.masterKeySecret,
                                        key: Self.masterKeySecretKey)]
        if let database = p.frontDoor.databaseSecret {
            env.append(Self.secretEnv(LiteLLMConfig.databaseVariable, secret: database, key: Self.databaseSecretKey))
        }
        for provider in providers {
            env.append(Self.secretEnv(LiteLLMConfig.apiKeyVariable(provider.name), secret: provider.apiKeySecret,
                                      key: Conventions.providerAPIKeySecretKey))
        }
        if let host = p.observability.langfuseHost, let secret = p.observability.langfuseSecret {
            env.append(["name": "LANGFUSE_HOST", "value": .string(host)])
            env.append(Self.secretEnv("LANGFUSE_PUBLIC_KEY", secret: secret, key: "public-key"))
            env.append(Self.secretEnv("LANGFUSE_SECRET_KEY", secret: secret, key: "secret-key"))
        }
        var pod = WorkloadSecurity.podIdentity(serviceAccount: Conventions.liteLLMName)
        let probe: ManifestValue = ["httpGet": ["path": "/health/liveliness", "port": "http"], "periodSeconds": 10]
        pod["containers"] = [[
            "name": "litellm",
            "image": .string(p.components.image(ComponentVersions.liteLLM)),
            "args": ["--config", .string("\(Self.configDirectory)/\(Self.configKey)"), "--port", .string(String(Conventions.liteLLMPort))],
            "env": .list(env),
            "ports": [["name": "http", "containerPort": .int(Int64(Conventions.liteLLMPort)), "protocol": "TCP"]],
            "readinessProbe": ["httpGet": ["path": "/health/readiness", "port": "http"], "periodSeconds": 10],
            "livenessProbe": probe,
            "securityContext": WorkloadSecurity.containerSecurityContext,
            "volumeMounts": [["name": "config", "mountPath": .string(Self.configDirectory), "readOnly": true],
                             ["name": "tmp", "mountPath": "/tmp"]],
        ]]
        pod["volumes"] = [["name": "config", "configMap": ["name": .string(Conventions.liteLLMName)]], WorkloadSecurity.emptyDir("tmp")]
        var podLabels = Self.selector
        podLabels[PlatformLabels.partOf] = .string(p.name)
        return Manifest(apiVersion: "apps/v1", kind: "Deployment", name: Conventions.liteLLMName, namespace: Conventions.systemNamespace,
                        labels: labels, body: ["spec": [
                            "replicas": 2,
                            "selector": ["matchLabels": .map(Self.selector)],
                            "template": [
                                // A changed config rolls the pods: LiteLLM reads it only at start.
                                "metadata": ["labels": .map(podLabels),
                                    "annotations": ["platformc.dev/config-sha256": .string(configDigest)]],
                                "spec": .map(pod),
                            ],
                        ]])
    }
}
