import PlatformDiagnostics

/// `mcp-workload-creation`: "Workload creation" (kubernetes.io RBAC good practices): whoever
/// creates pods, or objects that make pods, can mount every Secret, ConfigMap and volume of the
/// namespace and run as any of its ServiceAccounts; `exec`, `attach`, `portforward` and
/// ephemeral containers reach into running pods the same way.
package struct MCPWorkloadCreationRule: MCPGrantRule {
    package let id = "mcp-workload-creation"
    package init() {}

    /// Resources that make pods, by API group.
    static let workloads: [String: Set<String>] = [
        "": ["pods", "replicationcontrollers", "podtemplates"],
        "apps": ["deployments", "replicasets", "statefulsets", "daemonsets"],
        "extensions": ["deployments", "replicasets", "daemonsets"],
        "batch": ["jobs", "cronjobs"],
        "leaderworkerset.x-k8s.io": ["leaderworkersets"],
        "trainer.kubeflow.org": ["trainjobs"],
        "kubeflow.org": ["pytorchjobs"],
    ]
    static let podAccess: Set<String> = ["pods/exec", "pods/attach", "pods/portforward", "pods/ephemeralcontainers"]

    package func risk(group: String, resource: String, verb: String) -> String? {
        if group == "", Self.podAccess.contains(resource) {
            return "it runs commands in, or reaches into, the namespace's pods and their credentials"
        }
        guard ["create", "update", "patch"].contains(verb), Self.workloads[group]?.contains(resource) == true else { return nil }
        return "a pod it creates can mount any Secret and run as any ServiceAccount of the namespace"
    }
}
