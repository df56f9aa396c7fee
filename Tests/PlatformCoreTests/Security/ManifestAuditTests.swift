import PlatformCore
import PlatformDiagnostics
import Testing

/// The passes over the final manifests: literal secrets and unhardened pod templates.
@Suite struct ManifestAuditTests {
    static func set(_ manifests: [Manifest]) -> ManifestSet {
        var set = ManifestSet()
        for m in manifests { set.insert(m, into: "prod") }
        return set
    }

    static func deployment(container: ManifestMap, pod: ManifestMap = [:], annotations: ManifestMap = [:]) -> Manifest {
        var spec: ManifestMap = ["containers": [.map(container)]]
        if !pod.isEmpty { spec["securityContext"] = .map(pod) }
        return Manifest(apiVersion: "apps/v1", kind: "Deployment", name: "llama", namespace: "search",
                        body: ["spec": ["template": ["metadata": ["annotations": .map(annotations)], "spec": .map(spec)]]])
    }

    @Test func secretWithDataIsAnError() {
        let secret = Manifest(apiVersion: "v1", kind: "Secret", name: "keys", namespace: "search",
            body: ["data": ["api-key": "c2stc2VjcmV0"]])
        let reference = Manifest(apiVersion: "v1", kind: "Secret", name: "empty", namespace: "search", body: ["type": "Opaque"])
        #expect(ManifestSecretAudit.run(Self.set([secret, reference])).map(\.message) == [
            "Secret search/keys in cluster `prod` carries `data`; emitted Secrets must not hold values"])
    }

    @Test func credentialInEnvIsAnErrorWithoutTheValue() {
        let value = "sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789"
        let entropy = "Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA"
        let d = Self.deployment(container: ["name": "vllm", "env": [["name": "OPENAI_API_KEY", "value": .string(value)],
                                                                     ["name": "HF_TOKEN", "value": .string(entropy)],
                                                                     ["name": "MODEL", "value": "Zk8vQ2mX9pL4rT7wY1nB5cJ3hF6dG0sA"]]])
        let found = ManifestSecretAudit.run(Self.set([d]))
        #expect(found.map(\.message) == [
            """
                `spec.template.spec.containers[0].env[0].value` of Deployment.apps search/llama in cluster `prod` looks like it holds an \
                OpenAI-style API key (`sk-`)
                """,
            """
                `spec.template.spec.containers[0].env[1].value` of Deployment.apps search/llama in cluster `prod` looks like it holds a \
                high-entropy secret in a field named `HF_TOKEN`
                """,
        ])
        #expect(found.allSatisfy { !$0.message.contains(value) && !$0.message.contains(entropy) })
    }

    @Test func secretReferencesPass() {
        let d = Self.deployment(container: ["name": "vllm",
            "env": [["name": "HF_TOKEN", "valueFrom": ["secretKeyRef": ["name": "hf-token", "key": "token"]]]]])
        #expect(ManifestSecretAudit.run(Self.set([d])).isEmpty)
    }

    @Test func unhardenedPodTemplateIsReported() {
        let found = PodSecurityAudit.run(Self.set([Self.deployment(container: ["name": "vllm"])]))
        #expect(found.map { "\($0.severity.rawValue)[\($0.code)]: \($0.message)" } == [
            """
                warning[W6004]: pod template of Deployment.apps search/llama (`spec.template`) in cluster `prod` lacks `runAsNonRoot: \
                true` (container `vllm`), `readOnlyRootFilesystem: true` (container `vllm`)
                """])
    }

    @Test func podLevelNonRootAndContainerReadOnlyPass() {
        let d = Self.deployment(container: ["name": "vllm", "securityContext": ["readOnlyRootFilesystem": true]],
            pod: ["runAsNonRoot": true])
        #expect(PodSecurityAudit.run(Self.set([d])).isEmpty)
        let writable = Self.deployment(container: ["name": "vllm"], pod: ["runAsNonRoot": true])
        #expect(PodSecurityAudit.run(Self.set([writable])).map(\.message) == [
            """
                pod template of Deployment.apps search/llama (`spec.template`) in cluster `prod` lacks `readOnlyRootFilesystem: true` \
                (container `vllm`)
                """])
    }

    @Test func statedExceptionSilencesTheAudit() {
        let d = Self.deployment(container: ["name": "vllm"],
            annotations: [Conventions.securityExceptionAnnotation: "vLLM compiles kernels into its root filesystem"])
        #expect(PodSecurityAudit.run(Self.set([d])).isEmpty)
        let empty = Self.deployment(container: ["name": "vllm"], annotations: [Conventions.securityExceptionAnnotation: " "])
        #expect(PodSecurityAudit.run(Self.set([empty])).count == 1)
    }

    @Test func nestedTemplatesOfCustomResourcesAreFound() {
        let lws = Manifest(apiVersion: "leaderworkerset.x-k8s.io/v1", kind: "LeaderWorkerSet", name: "big", namespace: "search", body: [
            "spec": ["leaderWorkerTemplate": ["leaderTemplate": ["spec": ["containers": [["name": "leader"]]]],
                                              "workerTemplate": ["spec": ["containers": [["name": "worker"]]]]]]])
        #expect(PodSecurityAudit.run(Self.set([lws])).map { $0.message.components(separatedBy: " in cluster").first ?? "" } == [
            "pod template of LeaderWorkerSet.leaderworkerset.x-k8s.io search/big (`spec.leaderWorkerTemplate.leaderTemplate`)",
            "pod template of LeaderWorkerSet.leaderworkerset.x-k8s.io search/big (`spec.leaderWorkerTemplate.workerTemplate`)"])
    }
}
