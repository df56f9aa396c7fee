import PlatformCore
import PlatformDiagnostics
import Testing

/// Issue #16: E7550 (an agent through LiteLLM names no key), E7551 (an MCP server's permissions
/// have no identity to bind to), W7552 (that identity is not in the server's namespace).
@Suite struct AgentWiringRuleTests {
    static let url = "    url: http://k8s-mcp.tools:8080/mcp"
    static let grant = url + "\n    permissions:\n      - { apiGroups: [\"\"], resources: [pods], verbs: [get] }"

    @Test func anAgentThroughLiteLLMMustNameItsKey() {
        #expect(Fixture.lines([("    model: llama-3-70b\n    systemMessage:", "    model: openai/gpt-4o\n    systemMessage:")]) == [
            "39:12: error[E7550]: agent `ops` reaches `openai/gpt-4o` through LiteLLM, which requires a key, but names no `apiKeySecret`"
                + " | help: add `apiKeySecret: <secret>` to the agent: a Secret in team `search`'s namespace holding a LiteLLM virtual key "
                + "under `api-key`"])
        #expect(Fixture
            .lines([("    model: llama-3-70b\n    systemMessage:",
                "    model: openai/gpt-4o\n    apiKeySecret: ops-key\n    systemMessage:")]) == [])
    }

    @Test func permissionsNeedTheAccountTheServerRunsAs() {
        #expect(Fixture.lines([(Self.url, Self.grant)]) == [
            """
                36:5: error[E7551]: MCP server `k8s-tools` has `permissions` but no `serviceAccount`: platformc cannot tell which identity \
                the server runs as
                """
                + " | help: add `serviceAccount: { namespace: <ns>, name: <account> }`: the ServiceAccount the server's pods run as"])
        #expect(Fixture.lines([(Self.url, Self.grant + "\n    serviceAccount: { namespace: tools, name: k8s-mcp }")]) == [])
    }

    @Test func theAccountMustBeInTheNamespaceTheURLNames() {
        #expect(Fixture.lines([(Self.url, Self.grant + "\n    serviceAccount: { namespace: mcp, name: k8s-mcp }")]) == [
            """
                38:34: warning[W7552]: MCP server `k8s-tools` listens in namespace `tools` (its `url`) but its `serviceAccount` is in \
                `mcp`; a pod runs only as an account of its own namespace
                """
                + " | help: set `serviceAccount.namespace: tools`, or point `url` at the server's own namespace"])
        // A server outside the cluster says nothing about namespaces.
        let external = ("    url: http://k8s-mcp.tools:8080/mcp",
                        """
                                url: https://mcp.example.com/mcp\n    permissions:\n\
                                  - { apiGroups: [\"\"], resources: [pods], verbs: [get] }
                            """
                        + "\n    serviceAccount: { namespace: mcp, name: k8s-mcp }")
        #expect(Fixture.lines([external]) == [])
    }
}
