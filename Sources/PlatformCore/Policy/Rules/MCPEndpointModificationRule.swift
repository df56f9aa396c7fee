import PlatformDiagnostics

/// `mcp-endpoint-modification`: writes to Endpoints or EndpointSlices point a Service (and the
/// gateway or load balancer in front of it) at any IP, other namespaces' pods included
/// (CVE-2021-25740, https://github.com/kubernetes/kubernetes/issues/103675; Kubernetes 1.22
/// removed the access from the `edit` and `admin` roles).
package struct MCPEndpointModificationRule: MCPGrantRule {
    package let id = "mcp-endpoint-modification"
    package init() {}

    package func risk(group: String, resource: String, verb: String) -> String? {
        let endpoint = (group == "" && resource == "endpoints") || (group == "discovery.k8s.io" && resource == "endpointslices")
        guard endpoint, RBACVerbs.write.contains(verb) else { return nil }
        return "it points Services at any IP, other namespaces' pods included (CVE-2021-25740)"
    }
}
