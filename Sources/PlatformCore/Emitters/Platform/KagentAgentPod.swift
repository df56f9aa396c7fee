/// What an Agent must carry for the pod kagent derives from it to be admitted and to start.
/// kagent v0.9.12 (kagent-dev/kagent b45990582595, the version of `../shared/schemas/kagent.dev`).
package enum KagentAgentPod {
    /// The uid and gid of the agent runtime image: `python/Dockerfile` creates `python` (uid 1001,
    /// group `pythongroup` gid 1001), chowns `/.kagent` to it and ends with `USER python`, which
    /// `python/Dockerfile.app` (the `kagent-dev/kagent/app` image kagent runs for declarative
    /// agents, `DefaultImageConfig` in `go/core/internal/controller/translator/agent/adk_api_translator.go`)
    /// inherits. The user is named, not numeric, so the kubelet cannot verify `runAsNonRoot`
    /// without an explicit `runAsUser`; 1001 keeps `/.kagent` writable.
    package static let userID: Int64 = 1001

    /// kagent copies `declarative.deployment.podSecurityContext` to the pod and
    /// `declarative.deployment.securityContext` to the `kagent` container and sets none of its own
    /// (`resolveInlineDeployment` in `deployments.go`; `buildPodTemplate` and
    /// `buildContainerSecurityContext` in `manifest_builder.go`): without these the pod has no
    /// securityContext and Pod Security `restricted` rejects it (kubernetes/pod-security-admission
    /// `policy/check_runAsNonRoot.go`, `check_seccompProfile_restricted.go`,
    /// `check_allowPrivilegeEscalation.go`, `check_capabilities_restricted.go`). Its volumes are a
    /// Secret and a projected token, both `restricted`-allowed. `allowPrivilegeEscalation: false`
    /// also keeps kagent from making a code-executing agent's container privileged.
    package static var podSecurityContext: ManifestValue {
        ["runAsNonRoot": true, "runAsUser": .int(userID), "runAsGroup": .int(userID), "fsGroup": .int(userID),
         "seccompProfile": ["type": "RuntimeDefault"]]
    }

    package static var containerSecurityContext: ManifestValue {
        ["allowPrivilegeEscalation": false, "runAsNonRoot": true, "capabilities": ["drop": ["ALL"]]]
    }

    /// The key an agent presents to a self-hosted model when the spec names no `apiKeySecret`.
    /// kagent sets `OPENAI_API_KEY` only from a ModelConfig's `apiKeySecret` (`adk_api_translator.go`,
    /// `case v1alpha2.ModelProviderOpenAI`), and the OpenAI client refuses to start without a key
    /// (openai/openai-python `src/openai/_client.py`, `AsyncOpenAI.__init__`). vLLM checks keys only
    /// when started with `--api-key` or `VLLM_API_KEY` (vllm-project/vllm
    /// `vllm/entrypoints/openai/api_server.py`, `build_app`), which platformc never sets, so any
    /// value passes; `EMPTY` is how vLLM's own client examples spell it
    /// (`examples/online_serving/openai_chat_completion_with_reasoning.py`). A literal, not a Secret:
    /// it is no credential, and an emitted Secret may not hold data (E6003).
    package static var placeholderKeyEnv: ManifestValue {
        ["name": "OPENAI_API_KEY", "value": "EMPTY"]
    }
}
