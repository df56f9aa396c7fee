import PlatformCore
import PlatformDiagnostics
import Testing

/// E1100–E1107 on small specs: allow lists against declared tools, reserved namespaces and cluster
/// names, label syntax and prefixes, names derived from spec names.
@Suite struct NamingCheckTests {
    func codes(_ replacements: [(String, String)]) -> [String] {
        Fixture.lines(replacements).map { String($0.prefix { $0 != "|" }).trimmingCharacters(in: .whitespaces) }
    }

    let declareTools = ("    url: http://k8s-mcp.tools:8080/mcp", "    url: http://k8s-mcp.tools:8080/mcp\n    tools: [get_pods, get_logs]")

    @Test func allowListAgainstDeclaredTools() {
        #expect(Fixture.lines([declareTools, ("allow: [get_pods]", "allow: [get_pods, get_log]")]) == [
            """
                43:51: error[E1100]: agent `ops` allows tool `get_log`, which MCP server `k8s-tools` does not declare | help: did you mean \
                `get_logs`?
                """])
        #expect(Fixture.lines([declareTools]) == [])
        // Without `tools:` nothing is declared, so nothing is checked.
        #expect(Fixture.lines([("allow: [get_pods]", "allow: [anything]")]) == [])
    }

    @Test func emptyAllowListIsRefused() {
        #expect(codes([("allow: [get_pods]", "allow: []")]) == [
            "42:33: error[E1101]: agent `ops` allows no tools of MCP server `k8s-tools`; kagent would give it every tool"])
    }

    @Test(arguments: ["kube-system", "default", "kube-public", "kube-node-lease", "kube-anything", "argocd", "flux-system", "monitoring",
                      "kgateway-system", "kagent", "keda", "gpu-operator", "platform-system", "cluster-scoped"])
    func reservedNamespace(_ namespace: String) {
        let lines = codes([("  - name: search\n    quota", "  - name: search\n    namespace: \(namespace)\n    quota")])
        #expect(lines.count == 1 && lines[0].hasPrefix("15:16: error[E1102]: namespace `\(namespace)` of team `search` is reserved: "),
            "\(lines)")
    }

    @Test func teamNamedLikeAReservedNamespace() {
        let lines = codes([("  - name: search\n", "  - name: monitoring\n"), ("team: search", "team: monitoring")])
        #expect(lines == ["""
            14:11: error[E1102]: namespace `monitoring` of team `monitoring` (from its name) is reserved: Prometheus, admitted to every \
            model
            """])
    }

    @Test func twoTeamsInOneNamespace() {
        let second = ("  - name: search\n    quota: { gpus: 24 }\n",
            "  - name: search\n    quota: { gpus: 24 }\n  - name: ads\n    namespace: search\n")
        #expect(codes([second]) == ["17:16: error[E1108]: team `ads` would share namespace `search` with team `search`"])
    }

    @Test func inClusterIsReserved() {
        #expect(codes([("  - name: prod\n", "  - name: in-cluster\n"), ("cluster: prod", "cluster: in-cluster")]) == [
            """
                6:11: error[E1103]: cluster name `in-cluster` is reserved: Argo CD's name for the cluster it runs in: the ApplicationSet \
                would apply this folder there
                """])
    }

    @Test func labelSyntax() {
        #expect(LabelSyntax.keyProblem("team") == nil)
        #expect(LabelSyntax.keyProblem("example.com/cost-center") == nil)
        #expect(LabelSyntax.keyProblem("Example.com/x") != nil)
        #expect(LabelSyntax.keyProblem("a/b/c") != nil)
        #expect(LabelSyntax.keyProblem("/x") != nil)
        #expect(LabelSyntax.keyProblem(String(repeating: "a", count: 64)) != nil)
        #expect(LabelSyntax.keyProblem(String(repeating: "a", count: 63)) == nil)
        #expect(LabelSyntax.keyProblem("-x") != nil)
        #expect(LabelSyntax.valueProblem("") == nil)
        #expect(LabelSyntax.valueProblem("A_b.c-9") == nil)
        #expect(LabelSyntax.valueProblem("has space") != nil)
        #expect(LabelSyntax.valueProblem(String(repeating: "v", count: 64)) != nil)
        #expect(LabelSyntax.reservedPrefix(of: "node.kubernetes.io/x") == "kubernetes.io")
        #expect(LabelSyntax.reservedPrefix(of: "platformc.dev/node-pool") == "platformc.dev")
        #expect(LabelSyntax.reservedPrefix(of: "notkubernetes.io/x") == nil)
    }

    @Test func specLabelsAreLocatedAtKeyAndValue() {
        let labels = ("  name: mini\n", "  name: mini\n  labels: { \"bad key\": x, cost-center: \"has space\", platformc.dev/team: y }\n")
        #expect(codes([labels]) == [
            "5:13: error[E1104]: label key `bad key` in `metadata.labels` is not valid: it may hold only letters, digits, `-`, `_` and `.`",
            """
                5:40: error[E1105]: the value of label `cost-center` in `metadata.labels` is not valid: it may hold only letters, digits, \
                `-`, `_` and `.`
                """,
            "5:53: error[E1106]: label key `platformc.dev/team` in `metadata.labels` uses the reserved prefix `platformc.dev`",
        ])
        let pool = ("        nodes: { min: 2, max: 6 }\n",
            """
                        nodes: { min: 2, max: 6 }\n        labels: { platformc.dev/node-pool: other }\n\
                        taints: [{ key: \"a b\", effect: NoSchedule }]\n
                """)
        #expect(codes([pool]) == [
            """
                13:19: error[E1106]: label key `platformc.dev/node-pool` in labels of node pool `h100` uses the reserved prefix \
                `platformc.dev`
                """,
            "14:25: error[E1104]: taint key `a b` of node pool `h100` is not valid: it may hold only letters, digits, `-`, `_` and `.`",
        ])
    }

    @Test func derivedNames() {
        let digit = [("  - name: llama-3-70b\n", "  - name: 3bge\n"), ("model: llama-3-70b, weight", "model: 3bge, weight"),
                     ("    model: llama-3-70b\n    systemMessage", "    model: 3bge\n    systemMessage")]
        #expect(codes(digit) == ["17:11: error[E1107]: model `3bge` gives the Service `3bge`, which does not start with a letter"])
        let long = String(repeating: "m", count: 60)
        let epp = [("  - name: llama-3-70b\n", "  - name: \(long)\n"), ("model: llama-3-70b, weight", "model: \(long), weight"),
                   ("    model: llama-3-70b\n    systemMessage", "    model: \(long)\n    systemMessage"),
                   ("    replicas: { min: 2, max: 4 }", "    replicas: { min: 2, max: 4 }\n    routing: { prefixCacheAware: true }")]
        #expect(codes(epp) == ["""
            17:11: error[E1107]: model `\(long)` gives its endpoint picker's Service `\(long)-epp`, which is 64 characters long
            """])
        let pool = String(repeating: "p", count: 53)
        #expect(codes([("      - name: h100\n", "      - name: \(pool)\n")]) == [
            """
                10:15: error[E1107]: node pool `\(pool)` gives its NCCL test Job and Service `nccl-tests-\(pool)`, which is 64 characters \
                long
                """])
        let team = String(repeating: "t", count: 58)
        #expect(codes([("  - name: search\n", "  - name: \(team)\n"), ("team: search", "team: \(team)")]) == [
            "14:11: error[E1107]: team `\(team)` gives its Kueue LocalQueue `\(team)-queue`, which is 64 characters long"])
    }
}
