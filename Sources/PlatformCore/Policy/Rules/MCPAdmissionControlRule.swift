import PlatformDiagnostics

/// `mcp-admission-control`: "Control admission webhooks" (kubernetes.io RBAC good practices):
/// webhook configurations and admission policies see, and may change, every object admitted to
/// the cluster. APIService registrations and CustomResourceDefinitions (conversion webhooks)
/// likewise route API requests to a server of the holder's choosing.
package struct MCPAdmissionControlRule: MCPGrantRule {
    package let id = "mcp-admission-control"
    package init() {}

    static let controlled: [String: Set<String>] = [
        "admissionregistration.k8s.io": ["mutatingwebhookconfigurations", "validatingwebhookconfigurations",
                                         "validatingadmissionpolicies", "validatingadmissionpolicybindings",
                                         "mutatingadmissionpolicies", "mutatingadmissionpolicybindings"],
        "apiregistration.k8s.io": ["apiservices"],
        "apiextensions.k8s.io": ["customresourcedefinitions"],
    ]

    package func risk(group: String, resource: String, verb: String) -> String? {
        guard Self.controlled[group]?.contains(resource) == true, RBACVerbs.write.contains(verb) else { return nil }
        return "it decides which server sees, and may change, the cluster's API requests"
    }
}
