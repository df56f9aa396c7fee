/// Kubeflow Trainer v2.3.0 (with JobSet v0.12.0, its go.mod): a TrainJob becomes a JobSet named
/// after it (`pkg/runtime/framework/plugins/jobset/jobset.go`, Build), from the runtime it names.
/// - The runtime's JobSet template, with `runtimePatches[].trainingRuntimeSpec.template.spec`
///   strategically merged over it (`pkg/runtime/core/trainingruntime.go`, mergeRuntimePatches).
/// - Pod labels: only the runtime's pod template labels and what patches put there; the JobSet's
///   labels come from the runtime's `template.metadata` and patches' `template.metadata`, never
///   from the TrainJob's own metadata.labels (`trainingruntime.go`, newRuntimeInfo).
/// - In the replicated job labelled `trainer.kubeflow.org/trainjob-ancestor-step: trainer`, the
///   `node` container takes `trainer.image`, `.command`, `.args` and `.env`
///   (`plugins/jobset/builder.go`, Trainer), `trainer.resourcesPerNode` is merged into its
///   resources, and `numNodes` pods run (`trainingruntime.go`, newRuntimeInfo: count = numNodes).
/// - JobSet labels each Job's pod template with `jobset.sigs.k8s.io/jobset-name`,
///   `replicatedjob-name`, `replicatedjob-replicas`, `job-index`, … (jobset v0.12.0
///   `pkg/controllers/jobset_controller.go`, labelAndAnnotateObject; keys in
///   `api/jobset/v1alpha2/jobset_types.go`); the per-run ones (uid, job-key, restarts) are left out.
enum TrainJobController {
    static let fact = "Kubeflow Trainer v2.3.0: TrainJob + runtime → JobSet <job> (runtime patches merged, trainer "
        + "image/command/env/resourcesPerNode on container `node`, numNodes pods); pod labels from the runtime and patches only, never the "
        + "TrainJob's (pkg/runtime/core/trainingruntime.go newRuntimeInfo); JobSet v0.12.0 adds jobset.sigs.k8s.io/* (jobset_controller.go "
        + "labelAndAnnotateObject)"
    static let ancestorLabel = "trainer.kubeflow.org/trainjob-ancestor-step"

    static func pods(_ job: Manifest, cluster: String, index: ClusterIndex, origins: WorkloadOrigins) -> [DerivedPod] {
        let spec = job.object["spec"]
        let runtimeName = spec?["runtimeRef"]?["name"]?.stringValue ?? ""
        let runtimeKind = spec?["runtimeRef"]?["kind"]?.stringValue ?? "ClusterTrainingRuntime"
        let key = runtimeKind == "TrainingRuntime" ? ClusterIndex.key(job.namespace, runtimeName) : runtimeName
        guard var runtime = (index.trainingRuntimes[key]?.object["spec"]).map({ $0 }) ?? TrainingRuntimes.builtIn[runtimeName]
        else { return [] }
        for patch in spec?["runtimePatches"]?.listValue ?? [] {
            if let patchSpec = patch["trainingRuntimeSpec"]?["template"]?["spec"] {
                runtime[path: ["template", "spec"]] = StrategicMerge.merge(runtime[path: ["template", "spec"]] ?? .emptyMap, patchSpec)
            }
            if let patchLabels = patch["trainingRuntimeSpec"]?["template"]?["metadata"]?["labels"] {
                runtime[path: ["template", "metadata", "labels"]] = StrategicMerge.merge(
                    runtime[path: ["template", "metadata", "labels"]] ?? .emptyMap, patchLabels)
            }
        }
        let trainer = spec?["trainer"]
        let numNodes = Int(trainer?["numNodes"]?.intValue ?? runtime["mlPolicy"]?["numNodes"]?.intValue ?? 1)
        var pods: [DerivedPod] = []
        for replicatedJob in runtime[path: ["template", "spec", "replicatedJobs"]]?.listValue ?? [] {
            let jobName = replicatedJob["name"]?.stringValue ?? ""
            let isTrainer = replicatedJob[path: ["template", "metadata", "labels", .key(ancestorLabel)]]?.stringValue == "trainer"
            var podTemplate = replicatedJob[path: ["template", "spec", "template"]] ?? .emptyMap
            var count = Int(replicatedJob[path: ["template", "spec", "parallelism"]]?.intValue ?? 1)
            if isTrainer {
                count = numNodes
                podTemplate = applyTrainer(trainer, to: podTemplate)
            }
            let podSpec = PodTemplate.spec(podTemplate)
            var labels = PodTemplate.labels(podTemplate)
            labels["jobset.sigs.k8s.io/jobset-name"] = job.name
            labels["jobset.sigs.k8s.io/replicatedjob-name"] = jobName
            labels["jobset.sigs.k8s.io/replicatedjob-replicas"] = "1"
            labels["jobset.sigs.k8s.io/job-index"] = "0"
            pods.append(DerivedPod(cluster: cluster, namespace: job.namespace ?? "default", workload: job.name, role: .trainingNode,
                                   labels: labels, ports: PodTemplate.ports(podSpec), serviceAccount: PodTemplate.serviceAccount(podSpec),
                                   podSpec: podSpec, owner: job.id, declaredAt: origins.training[job.name], count: count).derived(by: fact))
        }
        return pods
    }

    /// The `node` container with the TrainJob's trainer settings applied.
    static func applyTrainer(_ trainer: ManifestValue?, to template: ManifestValue) -> ManifestValue {
        guard let trainer else { return template }
        var result = template
        var containers = template[path: ["spec", "containers"]]?.listValue ?? []
        for i in containers.indices where containers[i]["name"]?.stringValue == "node" {
            for key in ["image", "command", "args"] where trainer[key] != nil { containers[i][key] = trainer[key] }
            if let env = trainer["env"] {
                containers[i]["env"] = StrategicMerge.merge(containers[i]["env"] ?? .list([]), env)
            }
            if let resources = trainer["resourcesPerNode"] {
                containers[i]["resources"] = StrategicMerge.merge(containers[i]["resources"] ?? .emptyMap, resources)
            }
        }
        result[path: ["spec", "containers"]] = .list(containers)
        return result
    }
}

/// The ClusterTrainingRuntimes Kubeflow Trainer's chart installs (v2.3.0
/// `charts/kubeflow-trainer/files/runtimes/`), as far as they shape pods.
enum TrainingRuntimes {
    static let builtIn: [String: ManifestValue] = [
        // torch-distributed.yaml
        "torch-distributed": [
            "mlPolicy": ["numNodes": 1, "torch": .emptyMap],
            "template": ["spec": ["replicatedJobs": [[
                "name": "node",
                "template": [
                    "metadata": ["labels": [TrainJobController.ancestorLabel: "trainer"]],
                    "spec": ["template": ["spec": ["containers": [[
                        "name": "node", "image": "pytorch/pytorch:2.13.0-cuda13.0-cudnn9-runtime",
                    ]]]]],
                ],
            ]]]],
        ],
    ]
}
