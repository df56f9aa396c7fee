import PlatformCore
import PlatformDiagnostics
import Testing

/// P7010–P7019: each escalation the upstream RBAC guidance names, granted through an MCP server's
/// permissions, is an error located at the resource; read-only grants pass.
@Suite struct MCPGrantRuleTests {
    let quiet = PolicyFixture.policy(PolicyFixture.quietRoutes)

    /// The minimal spec's `k8s-tools` server (used by agent `ops` of team `search`) granted `entry`.
    func granting(_ entry: String) -> (String, String) {
        ("    url: http://k8s-mcp.tools:8080/mcp", "    url: http://k8s-mcp.tools:8080/mcp\n    permissions:\n      - " + entry
         + "\n    serviceAccount: { namespace: tools, name: k8s-mcp }")
    }

    static let cases: [(entry: String, finding: String)] = [
        (#"{ apiGroups: [""], resources: [pods, secrets], verbs: [get, list] }"#,
         """
             37:46: error[P7010]: MCP server `k8s-tools` is granted `get`, `list` on `secrets`: Secrets hold the namespace's credentials: \
             reads reveal them, writes replace them (policy `mcp-secrets`)
             """),
        (#"{ apiGroups: [apps], resources: [deployments], verbs: [create] }"#,
         """
             37:42: error[P7011]: MCP server `k8s-tools` is granted `create` on `deployments`: a pod it creates can mount any Secret and \
             run as any ServiceAccount of the namespace (policy `mcp-workload-creation`)
             """),
        (#"{ apiGroups: [""], resources: [pods/exec], verbs: [get] }"#,
         """
             37:40: error[P7011]: MCP server `k8s-tools` is granted `get` on `pods/exec`: it runs commands in, or reaches into, the \
             namespace's pods and their credentials (policy `mcp-workload-creation`)
             """),
        (#"{ apiGroups: [""], resources: [persistentvolumes], verbs: [create] }"#,
         """
             37:40: error[P7012]: MCP server `k8s-tools` is granted `create` on `persistentvolumes`: a `hostPath` volume gives pods the \
             node's file system (policy `mcp-persistent-volumes`)
             """),
        (#"{ apiGroups: [""], resources: [nodes/proxy], verbs: [get] }"#,
         """
             37:40: error[P7013]: MCP server `k8s-tools` is granted `get` on `nodes/proxy`: the kubelet API runs commands in every pod of \
             the node, unaudited (policy `mcp-node-proxy`)
             """),
        (#"{ apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create] }"#,
         """
             37:63: error[P7014]: MCP server `k8s-tools` is granted `create` on `clusterrolebindings`: it hands permissions to any \
             subject, up to `cluster-admin` (policy `mcp-rbac-escalation`)
             """),
        (#"{ apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update] }"#,
         """
             37:57: error[P7015]: MCP server `k8s-tools` is granted `update` on `certificatesigningrequests/approval`: it issues client \
             certificates under any name, system components' included (policy `mcp-certificate-approval`)
             """),
        (#"{ apiGroups: [""], resources: [serviceaccounts/token], verbs: [create] }"#,
         """
             37:40: error[P7016]: MCP server `k8s-tools` is granted `create` on `serviceaccounts/token`: it issues tokens for every \
             ServiceAccount of the namespace (policy `mcp-token-request`)
             """),
        (#"{ apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [patch] }"#,
         """
             37:66: error[P7017]: MCP server `k8s-tools` is granted `patch` on `mutatingwebhookconfigurations`: it decides which server \
             sees, and may change, the cluster's API requests (policy `mcp-admission-control`)
             """),
        (#"{ apiGroups: [apiregistration.k8s.io], resources: [apiservices], verbs: [create] }"#,
         """
             37:60: error[P7017]: MCP server `k8s-tools` is granted `create` on `apiservices`: it decides which server sees, and may \
             change, the cluster's API requests (policy `mcp-admission-control`)
             """),
        (#"{ apiGroups: [""], resources: [namespaces], verbs: [delete] }"#,
         """
             37:40: error[P7018]: MCP server `k8s-tools` is granted `delete` on `namespaces`: a namespace's labels set its Pod Security \
             level and the NetworkPolicies that admit it; deleting one deletes a tenant (policy `mcp-namespace-modification`)
             """),
        (#"{ apiGroups: [discovery.k8s.io], resources: [endpointslices], verbs: [update] }"#,
         """
             37:54: error[P7019]: MCP server `k8s-tools` is granted `update` on `endpointslices`: it points Services at any IP, other \
             namespaces' pods included (CVE-2021-25740) (policy `mcp-endpoint-modification`)
             """),
    ]

    @Test(arguments: cases.indices) func escalationIsAnError(_ index: Int) {
        let (entry, finding) = Self.cases[index]
        #expect(PolicyFixture.lines([quiet, granting(entry)]) == [finding])
    }

    @Test func readOnlyGrantsPass() {
        #expect(PolicyFixture
            .lines([quiet,
                granting(#"""
                    { apiGroups: [""], resources: [pods, pods/log, events, nodes, namespaces], verbs: [get, list, watch] }
                    """#)]) == [])
        // A group that does not serve the resource grants nothing.
        #expect(PolicyFixture.lines([quiet, granting(#"{ apiGroups: [apps], resources: [secrets], verbs: [get] }"#)]) == [])
    }

    @Test func aTeamOverrideLowersTheSeverity() {
        let secrets = granting(#"{ apiGroups: [""], resources: [secrets], verbs: [get] }"#)
        let lowered = PolicyFixture
            .policy(PolicyFixture.quietRoutes + "  overrides:\n    - { team: search, rules: { mcp-secrets: warning } }\n")
        #expect(PolicyFixture.lines([lowered, secrets]).map { $0.contains("warning[P7010]") } == [true])
    }

    @Test func aServerNoAgentUsesIsStillReported() {
        let unused = ("      - { mcpServer: k8s-tools, allow: [get_pods] }", "      - { mcpServer: other, allow: [get_pods] }")
        let other = ("agents:\n", "  - { name: other, url: \"http://other.tools:8080/mcp\" }\nagents:\n")
        let lines = PolicyFixture.lines([quiet, unused, other, granting(#"{ apiGroups: [""], resources: [nodes/proxy], verbs: [get] }"#)])
        #expect(lines.count == 1 && lines[0].contains("error[P7013]"))
    }

    @Test func everyRuleIsDocumentedWithItsId() throws {
        let rules = PolicyRules.all.compactMap { $0 as? any MCPGrantRule }
        #expect(rules.map(\.code.rawValue) == (10...19).map { "P70\($0)" })
        #expect(rules.allSatisfy { $0.defaultSeverity == .error })
    }
}
