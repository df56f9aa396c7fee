/// Every upstream fact the model of the controllers (`DerivedPods`) and the will-it-run pass rely
/// on, with the project, file and version it was read at, and the file of ours that cites it.
/// `docs/upstream-facts.md` is this table (`UpstreamFactsTests` compares them, and checks that
/// each citation in `Controllers/` and the pass's other files is listed here and that each entry's
/// file cites it).
package struct UpstreamFact: Hashable, Sendable {
    package var fact: String
    /// `owner/repository` on GitHub, or the documentation site.
    package var project: String
    /// The file (or page) inside `project`.
    package var file: String
    /// A release tag, a commit, or the date a page was read.
    package var version: String
    /// The file under `Sources/` whose comment cites it.
    package var citedIn: String
}

package enum UpstreamFacts {
    static func f(_ fact: String, _ project: String, _ file: String, _ version: String, _ citedIn: String) -> UpstreamFact {
        UpstreamFact(fact: fact, project: project, file: file, version: version, citedIn: citedIn)
    }

    static let k8s = "kubernetes/kubernetes"
    static let karpenter = "kubernetes-sigs/karpenter"
    static let karpenterAWS = "aws/karpenter-provider-aws"
    static let karpenterAzure = "Azure/karpenter-provider-azure"
    static let psa = "kubernetes/pod-security-admission"

    package static let all: [UpstreamFact] = [
        // Kubernetes itself
        f("A Deployment's `replicas` defaults to 1; its pods are the template with its labels", k8s, "pkg/apis/apps/v1/defaults.go",
            "unstated", "PlatformCore/Controllers/DeploymentController.swift"),
        f("A Job runs `parallelism` pods, default 1", k8s, "pkg/apis/batch/v1/defaults.go", "unstated",
            "PlatformCore/Controllers/JobController.swift"),
        f("A pod without `serviceAccountName` runs as the namespace's `default` account", k8s,
            "plugin/pkg/admission/serviceaccount/admission.go", "unstated", "PlatformCore/Controllers/PodTemplate.swift"),
        f("Pod template lists merge by `name` (containers, volumes, env, volumeMounts: their patchMergeKey)", "kubernetes/api",
            "core/v1/types.go", "unstated", "PlatformCore/Controllers/PodTemplate.swift"),
        f("A toleration with an empty effect matches every effect, an empty key with `Exists` every taint, `Equal` is the default",
            "kubernetes/api", "core/v1/toleration.go", "unstated", "PlatformCore/Controllers/NodeModel.swift"),
        f("The kubelet's default hard eviction threshold is `memory.available<100Mi`; kube- and system-reserved default to none", k8s,
            "pkg/kubelet/apis/config/v1beta1/defaults_linux.go", "unstated", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("CoreDNS runs in `kube-system` with label `k8s-app: kube-dns`, DNS on 53/UDP and 53/TCP", k8s,
            "cluster/addons/dns/coredns/coredns.yaml.base", "unstated", "PlatformCore/Controllers/ClusterDNS.swift"),
        f("An image without a tag means `latest`", "kubernetes.io", "docs/concepts/containers/images", "unstated",
            "PlatformCore/Controllers/ImagePinCheck.swift"),
        f("Pod Security Standards: the `baseline` and `restricted` controls and their allowed values", psa, "policy/check_*.go", "8f84a87",
            "PlatformCore/Controllers/PodSecurityStandard.swift"),
        f("`baseline` allows only its listed capabilities (no `IPC_LOCK`)", psa, "policy/check_capabilities_baseline.go", "8f84a87",
            "PlatformCore/Emitters/Security/PodSecurityLevels.swift"),
        // KEDA
        f("A ScaledObject's `minReplicaCount` defaults to 0", "kedacore/keda-docs", "content/docs/2.15/reference/scaledobject-spec.md",
            "2.15", "PlatformCore/Controllers/DeploymentController.swift"),
        // kagent
        f("An Agent becomes a Deployment named after it, in its namespace", "kagent-dev/kagent",
            "go/core/internal/controller/translator/agent/manifest_builder.go", "v0.9.12",
            "PlatformCore/Controllers/KagentAgentController.swift"),
        f("""
            Agent pods are labelled `app: kagent`, `kagent: <agent>` and the default labels, never the Agent's; securityContext only from \
            `declarative.deployment`; default resources 100m/384Mi
            """,
            "kagent-dev/kagent", "go/core/internal/controller/translator/agent/deployments.go", "v0.9.12",
            "PlatformCore/Controllers/KagentAgentController.swift"),
        f("The agent image is `cr.kagent.dev/kagent-dev/kagent/app:<controller version>`", "kagent-dev/kagent",
            "go/core/internal/controller/translator/agent/adk_api_translator.go", "v0.9.12",
            "PlatformCore/Controllers/KagentAgentController.swift"),
        f("The kagent controller runs in `kagent` with the chart's selector labels", "kagent-dev/kagent",
            "helm/kagent/templates/controller-deployment.yaml", "v0.9.12", "PlatformCore/Controllers/PlatformComponentPods.swift"),
        f("The kagent controller's selector labels", "kagent-dev/kagent", "helm/kagent/templates/_helpers.tpl", "v0.9.12",
            "PlatformCore/Controllers/PlatformComponentPods.swift"),
        f("The kagent controller serves its API on 8083", "kagent-dev/kagent", "helm/kagent/values.yaml", "v0.9.12",
            "PlatformCore/Controllers/PlatformComponentPods.swift"),
        // kgateway
        f("A Gateway's proxy is a Deployment named after it in its namespace", "kgateway-dev/kgateway",
            "internal/kgateway/deployer/deployer.go", "v2.0.0 (06ff8b9)", "PlatformCore/Controllers/KgatewayProxyController.swift"),
        f("Proxy listener ports below 1024 are moved up by 8000", "kgateway-dev/kgateway", "internal/kgateway/ports/ports.go",
            "v2.0.0 (06ff8b9)", "PlatformCore/Controllers/KgatewayProxyController.swift"),
        f("The proxy's container ports come from the listeners", "kgateway-dev/kgateway", "internal/kgateway/deployer/values_helpers.go",
            "v2.0.0 (06ff8b9)", "PlatformCore/Controllers/KgatewayProxyController.swift"),
        f("""
            Proxy pods are labelled `app.kubernetes.io/name`, `app.kubernetes.io/instance` and `gateway.networking.k8s.io/gateway-name` \
            with the Gateway's name
            """,
            "kgateway-dev/kgateway", "internal/kgateway/helm/gloo-gateway/templates/_helpers.tpl", "v2.0.0 (06ff8b9)",
            "PlatformCore/Controllers/KgatewayProxyController.swift"),
        f("The proxy's ServiceAccount is named after the Gateway", "kgateway-dev/kgateway",
            "internal/kgateway/helm/gloo-gateway/templates/gateway/proxy-deployment.yaml", "v2.0.0 (06ff8b9)",
            "PlatformCore/Controllers/KgatewayProxyController.swift"),
        // Kueue
        f("With `BlockUndeclared` a requested resource outside `coveredResources` keeps the workload suspended", "kubernetes-sigs/kueue",
            "pkg/scheduler/flavorassigner/flavorassigner.go", "v0.19.2", "PlatformCore/Controllers/KueueAdmissionCheck.swift"),
        f("`BlockUndeclared` is the default quota check strategy", "kubernetes-sigs/kueue", "apis/config/v1beta2/configuration_types.go",
            "v0.19.2", "PlatformCore/Controllers/KueueAdmissionCheck.swift"),
        // LeaderWorkerSet
        f("The leader's template is `leaderTemplate`, else `workerTemplate`; leaders carry `name` and `worker-index: 0`",
            "kubernetes-sigs/lws", "pkg/controllers/leaderworkerset_controller.go", "v0.8.0",
            "PlatformCore/Controllers/LeaderWorkerSetController.swift"),
        f("Workers come from `workerTemplate` with `name`, `group-index`, `group-key`", "kubernetes-sigs/lws",
            "pkg/controllers/pod_controller.go", "v0.8.0", "PlatformCore/Controllers/LeaderWorkerSetController.swift"),
        f("LWS label keys; `replicas` and `size` default to 1", "kubernetes-sigs/lws", "api/leaderworkerset/v1/leaderworkerset_types.go",
            "v0.8.0", "PlatformCore/Controllers/LeaderWorkerSetController.swift"),
        // Kubeflow Trainer and JobSet
        f("A TrainJob becomes a JobSet named after it", "kubeflow/trainer", "pkg/runtime/framework/plugins/jobset/jobset.go", "v2.3.0",
            "PlatformCore/Controllers/TrainJobController.swift"),
        f("Runtime patches merge over the runtime; pod labels come from the runtime and patches, never the TrainJob; `numNodes` pods",
            "kubeflow/trainer", "pkg/runtime/core/trainingruntime.go", "v2.3.0", "PlatformCore/Controllers/TrainJobController.swift"),
        f("The trainer's image, command, env and `resourcesPerNode` go to container `node`", "kubeflow/trainer",
            "pkg/runtime/framework/plugins/jobset/builder.go", "v2.3.0", "PlatformCore/Controllers/TrainJobController.swift"),
        f("JobSet labels each pod `jobset.sigs.k8s.io/jobset-name`, `replicatedjob-name`, …", "kubernetes-sigs/jobset",
            "pkg/controllers/jobset_controller.go", "v0.12.0", "PlatformCore/Controllers/TrainJobController.swift"),
        f("JobSet label keys", "kubernetes-sigs/jobset", "api/jobset/v1alpha2/jobset_types.go", "v0.12.0",
            "PlatformCore/Controllers/TrainJobController.swift"),
        f("The built-in ClusterTrainingRuntime `torch-distributed` (one replicated job `node`)", "kubeflow/trainer",
            "charts/kubeflow-trainer/files/runtimes/torch-distributed.yaml", "v2.3.0", "PlatformCore/Controllers/TrainJobController.swift"),
        // Prometheus
        f("Prometheus pods carry the operator's selector labels and listen on 9090", "prometheus-operator/prometheus-operator",
            "pkg/prometheus/server/operator.go", "v0.86.0", "PlatformCore/Controllers/PlatformComponentPods.swift"),
        f("Prometheus runs as a StatefulSet behind `prometheus-operated`", "prometheus-operator/prometheus-operator",
            "pkg/prometheus/server/statefulset.go", "v0.86.0", "PlatformCore/Controllers/PlatformComponentPods.swift"),
        // Node provisioning: labels, names, DRA
        f("Karpenter labels its nodes `karpenter.sh/nodepool: <NodePool>`", karpenter, "pkg/apis/v1/labels.go", "v1.14.1",
            "PlatformCore/Controllers/NodeModel.swift"),
        f("Karpenter labels its nodes `karpenter.sh/nodepool: <NodePool>`", karpenter, "pkg/apis/v1/labels.go", "v1.14.1",
            "PlatformFrontEnd/IR/NodeProvisioning.swift"),
        f("`--ignore-dra-requests` defaults to true", karpenter, "pkg/operator/options/options.go", "v1.14.1",
            "PlatformCore/Controllers/NodeMatchCheck.swift"),
        f("`--ignore-dra-requests` defaults to true", karpenter, "pkg/operator/options/options.go", "v1.14.1",
            "PlatformFrontEnd/Validation/Rules/NodePoolProvisioningRule.swift"),
        f("Karpenter refuses pods with ResourceClaims: DRA \"not yet supported\"", karpenter,
            "pkg/controllers/provisioning/scheduling/scheduler.go", "v1.14.1", "PlatformCore/Controllers/NodeMatchCheck.swift"),
        f("Karpenter refuses pods with ResourceClaims: DRA \"not yet supported\"", karpenter,
            "pkg/controllers/provisioning/scheduling/scheduler.go", "v1.14.1",
            "PlatformFrontEnd/Validation/Rules/NodePoolProvisioningRule.swift"),
        f("A static NodePool (`spec.replicas`, feature gate `StaticCapacity`) keeps that many nodes", karpenter,
            "website/content/en/docs/concepts/nodepools.md", "v1.14.1", "PlatformFrontEnd/Validation/Rules/NodePoolProvisioningRule.swift"),
        f("GKE nodes carry `cloud.google.com/gke-nodepool: <pool>`", "cloud.google.com", "kubernetes-engine/docs/concepts/node-pools",
            "unstated", "PlatformCore/Controllers/NodeModel.swift"),
        f("GKE nodes carry `cloud.google.com/gke-nodepool: <pool>`", "cloud.google.com", "kubernetes-engine/docs/concepts/node-pools",
            "unstated", "PlatformFrontEnd/IR/NodeProvisioning.swift"),
        f("AKS nodes carry `kubernetes.azure.com/agentpool: <agent pool>`", "MicrosoftDocs/azure-docs",
            "articles/aks/reserved-labels-reference.md", "read 2026-12-06", "PlatformCore/Controllers/NodeModel.swift"),
        f("AKS nodes carry `kubernetes.azure.com/agentpool: <agent pool>`", "MicrosoftDocs/azure-docs",
            "articles/aks/reserved-labels-reference.md", "read 2026-12-06", "PlatformFrontEnd/IR/NodeProvisioning.swift"),
        f("AKS Linux agent pool names: 1–12 lowercase letters and digits, starting with a letter", "MicrosoftDocs/azure-docs",
            "articles/aks/use-system-pools.md", "read 2026-12-06", "PlatformFrontEnd/IR/NodeProvisioning.swift"),
        f("GKE node pool names: `[a-z](?:[-a-z0-9]{0,38}[a-z0-9])?` (the API's `node_pool.name` error)",
            "hashicorp/terraform-provider-google", "issues/3411", "2019-04-10", "PlatformFrontEnd/IR/NodeProvisioning.swift"),
        // Node allocatable (E7110)
        f("Karpenter's allocatable: 7.5 % VM memory overhead, kube-reserved `11 × pods + 255` MiB and CPU 6/1/0.5/0.25 %, eviction 100Mi",
            karpenterAWS, "pkg/providers/instancetype/types.go", "v1.14.1", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("`vm-memory-overhead-percent` defaults to 0.075", karpenterAWS, "pkg/operator/options/options.go", "v1.14.1",
            "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("Each EC2 type's vCPU, memory, pods and allocatable as Karpenter computes them", karpenterAWS,
            "website/content/en/docs/reference/instance-types.md", "v1.14.1 (1d927085)", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("GKE's kernel memory reservation on Container-Optimized OS", "kubernetes/autoscaler",
            "cluster-autoscaler/cloudprovider/gce/gce_reserved.go", "0be995de", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("GKE's kube-reserved memory (25/20/10/6/2 % brackets, GB = 1000 MiB) and CPU (6/1/0.5/0.25 %)", "kubernetes/autoscaler",
            "cluster-autoscaler/cloudprovider/gce/reserved.go", "729ba955", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("""
            AKS kube-reserved CPU (60m for 1 core … 740m for 64) and memory (from 1.29: min(20 MB × max pods + 50 MB, 25 %), eviction \
            100Mi; before: brackets, 750Mi)
            """,
            "MicrosoftDocs/azure-aks-docs", "articles/aks/node-resource-reservations.md", "11fb7fb8",
            "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("AKS CPU brackets past 64 cores (6/4/2/1 %) and a 7.5 % VM memory overhead", karpenterAzure,
            "pkg/providers/instancetype/instancetype.go", "v1.14.2", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("Karpenter for Azure's `vm-memory-overhead-percent` defaults to 0.075", karpenterAzure, "pkg/operator/options/options.go",
            "v1.14.2", "PlatformCore/Controllers/NodeAllocatable.swift"),
        f("AKS max pods per node: 30 to 250, set at pool creation", "azure.github.io/PSRule.Rules.Azure", "en/rules/Azure.AKS.NodeMinPods",
            "read 2026-12-06", "PlatformCore/Controllers/NodeAllocatable.swift"),
    ]

    /// The table of `docs/upstream-facts.md`.
    package static var markdownTable: String {
        var out = "| fact | project | file | version | cited in |\n|---|---|---|---|---|\n"
        for fact in all {
            let cell = { (text: String) in text.replacingOccurrences(of: "|", with: "\\|") }
            out += "| \(cell(fact.fact)) | \(fact.project) | `\(fact.file)` | \(fact.version) | `\(fact.citedIn)` |\n"
        }
        return out
    }
}
