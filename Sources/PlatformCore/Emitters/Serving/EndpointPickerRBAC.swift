/// The RBAC of one endpoint picker, as llm-d/llm-d-router's chart grants it at v0.10.0
/// (`config/charts/llm-d-router-gateway/templates/rbac.yaml`, `routerlib/templates/_rbac.yaml`,
/// `_leader-election-rbac.yaml`):
/// - a Role to read pools, objectives and model rewrites (under both their old group and `llm-d.ai`),
///   and pods;
/// - a ClusterRole to create TokenReviews and SubjectAccessReviews: the picker's metrics endpoint
///   authenticates and authorizes every scrape (`MetricsEndpointAuth`, pkg/epp/server/options.go).
///   The chart's `nonResourceURLs: /metrics` rule serves its own token-secret scraper, which we do
///   not emit, so it is left out;
/// - a Role for its leader election (leases, events), since it runs with `--ha-enable-leader-election`.
enum EndpointPickerRBAC {
    static func objects(_ name: String, namespace: String, labels: ManifestMap) -> [(Manifest, String)] {
        let read: ManifestValue = [
            ["apiGroups": ["inference.networking.x-k8s.io"], "resources": ["inferenceobjectives", "inferencemodelrewrites"],
             "verbs": ["get", "watch", "list"]],
            ["apiGroups": ["llm-d.ai"], "resources": ["inferenceobjectives", "inferencemodelrewrites"], "verbs": ["get", "watch", "list"]],
            ["apiGroups": ["inference.networking.k8s.io"], "resources": ["inferencepools"], "verbs": ["get", "watch", "list"]],
            ["apiGroups": [""], "resources": ["pods"], "verbs": ["get", "watch", "list"]],
        ]
        let reviews: ManifestValue = [
            ["apiGroups": ["authentication.k8s.io"], "resources": ["tokenreviews"], "verbs": ["create"]],
            ["apiGroups": ["authorization.k8s.io"], "resources": ["subjectaccessreviews"], "verbs": ["create"]],
        ]
        let leaderElection: ManifestValue = [
            ["apiGroups": ["coordination.k8s.io"], "resources": ["leases"],
             "verbs": ["get", "list", "watch", "create", "update", "patch", "delete"]],
            ["apiGroups": [""], "resources": ["events"], "verbs": ["create", "patch"]],
        ]
        // ClusterRoles share one cluster-wide name space: prefix and qualify by namespace.
        let clusterName = "platformc-\(name)-\(namespace)"
        let leaderName = "\(name)-leader-election"
        return [
            (role(name, namespace: namespace, labels: labels, rules: read), "epp-role"),
            (binding(name, namespace: namespace, labels: labels, role: name, kind: "Role", account: name), "epp-rolebinding"),
            (role(leaderName, namespace: namespace, labels: labels, rules: leaderElection), "epp-leader-election-role"),
            (binding(leaderName, namespace: namespace, labels: labels, role: leaderName, kind: "Role", account: name),
             "epp-leader-election-rolebinding"),
            (role(clusterName, namespace: nil, labels: labels, rules: reviews), "epp-clusterrole"),
            (binding(clusterName, namespace: nil, labels: labels, role: clusterName, kind: "ClusterRole", account: name,
                     accountNamespace: namespace), "epp-clusterrolebinding"),
        ]
    }

    static func role(_ name: String, namespace: String?, labels: ManifestMap, rules: ManifestValue) -> Manifest {
        Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: namespace == nil ? "ClusterRole" : "Role", name: name,
                 namespace: namespace, labels: labels, body: ["rules": rules])
    }

    static func binding(_ name: String, namespace: String?, labels: ManifestMap, role: String, kind: String, account: String,
                        accountNamespace: String? = nil) -> Manifest {
        Manifest(apiVersion: "rbac.authorization.k8s.io/v1", kind: namespace == nil ? "ClusterRoleBinding" : "RoleBinding", name: name,
                 namespace: namespace, labels: labels,
                 body: ["subjects": [["kind": "ServiceAccount", "name": .string(account),
                     "namespace": .string(accountNamespace ?? namespace ?? "")]],
                        "roleRef": ["apiGroup": "rbac.authorization.k8s.io", "kind": .string(kind), "name": .string(role)]])
    }
}
