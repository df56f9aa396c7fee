import Foundation
import Testing

/// Red-team cases for issue #14, findings 8 (privilege through MCP permissions and agents' allow
/// lists), 9 (reserved namespaces and cluster names) and the naming items of 13 (label syntax,
/// names derived from spec names). Each case edits the bundled platform.yaml as an attacker's pull
/// request would, runs the real binary (`check`, `check --policy-only`, `compile`) and expects
/// exit 1 with exactly these located errors, and nothing written. To add a case, append an
/// `Attack` (name, text edits of the bundled spec, the error lines `check` must print).
/// (Escalation rules are error by default; a spec may lower one per team, which the last test shows.)
@Suite struct RBACRedTeamTests {
    struct Attack: CustomTestStringConvertible, Sendable {
        var name: String
        var edits: [(String, String)]
        var errors: [String]
        init(_ name: String, _ edits: [(String, String)], _ errors: [String]) {
            self.name = name
            self.edits = edits
            self.errors = errors
        }
        var testDescription: String { name }
    }

    static let attacks: [Attack] = [
        Attack("nodesProxy",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [nodes/proxy], verbs: [get] }")],
               ["""
                   platform.yaml:185:40: error[P7013]: MCP server `k8s-tools` is granted `get` on `nodes/proxy`: the kubelet API runs \
                   commands in every pod of the node, unaudited (policy `mcp-node-proxy`)
                   """]),
        Attack("escalateVerb",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [escalate] }")],
               ["""
                   platform.yaml:185:86: error[E1013]: invalid value `escalate` for `verbs` in item 2 of `permissions`: expected one of \
                   `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`
                   """]),
        Attack("bindVerb",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [bind] }")],
               ["""
                   platform.yaml:185:86: error[E1013]: invalid value `bind` for `verbs` in item 2 of `permissions`: expected one of `get`, \
                   `list`, `watch`, `create`, `update`, `patch`, `delete`
                   """]),
        Attack("impersonateVerb",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [serviceaccounts], verbs: [impersonate] }")],
               ["""
                   platform.yaml:185:66: error[E1013]: invalid value `impersonate` for `verbs` in item 2 of `permissions`: expected one of \
                   `get`, `list`, `watch`, `create`, `update`, `patch`, `delete`
                   """]),
        Attack("mutatingWebhooks",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   """
                             - { apiGroups: [admissionregistration.k8s.io], resources: [mutatingwebhookconfigurations], verbs: [create, \
                       patch] }
                       """)],
               ["""
                   platform.yaml:185:66: error[P7017]: MCP server `k8s-tools` is granted `create`, `patch` on \
                   `mutatingwebhookconfigurations`: it decides which server sees, and may change, the cluster's API requests (policy \
                   `mcp-admission-control`)
                   """]),
        Attack("validatingWebhooks",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [admissionregistration.k8s.io], resources: [validatingwebhookconfigurations], verbs: [delete] }")],
               ["""
                   platform.yaml:185:66: error[P7017]: MCP server `k8s-tools` is granted `delete` on `validatingwebhookconfigurations`: it \
                   decides which server sees, and may change, the cluster's API requests (policy `mcp-admission-control`)
                   """]),
        Attack("apiServices",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [apiregistration.k8s.io], resources: [apiservices], verbs: [create] }")],
               ["""
                   platform.yaml:185:60: error[P7017]: MCP server `k8s-tools` is granted `create` on `apiservices`: it decides which \
                   server sees, and may change, the cluster's API requests (policy `mcp-admission-control`)
                   """]),
        Attack("clusterRoles",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [rbac.authorization.k8s.io], resources: [clusterroles], verbs: [create] }")],
               ["""
                   platform.yaml:185:63: error[P7014]: MCP server `k8s-tools` is granted `create` on `clusterroles`: it hands permissions \
                   to any subject, up to `cluster-admin` (policy `mcp-rbac-escalation`)
                   """]),
        Attack("clusterRoleBindings",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [rbac.authorization.k8s.io], resources: [clusterrolebindings], verbs: [create] }")],
               ["""
                   platform.yaml:185:63: error[P7014]: MCP server `k8s-tools` is granted `create` on `clusterrolebindings`: it hands \
                   permissions to any subject, up to `cluster-admin` (policy `mcp-rbac-escalation`)
                   """]),
        Attack("roleBindings",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [rbac.authorization.k8s.io], resources: [roles, rolebindings], verbs: [update] }")],
               ["""
                   platform.yaml:185:63: error[P7014]: MCP server `k8s-tools` is granted `update` on `roles`: it hands permissions to any \
                   subject, up to `cluster-admin` (policy `mcp-rbac-escalation`)
                   """,
                   """
                       platform.yaml:185:70: error[P7014]: MCP server `k8s-tools` is granted `update` on `rolebindings`: it hands \
                       permissions to any subject, up to `cluster-admin` (policy `mcp-rbac-escalation`)
                       """]),
        Attack("persistentVolumes",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [persistentvolumes], verbs: [create] }")],
               ["""
                   platform.yaml:185:40: error[P7012]: MCP server `k8s-tools` is granted `create` on `persistentvolumes`: a `hostPath` \
                   volume gives pods the node's file system (policy `mcp-persistent-volumes`)
                   """]),
        Attack("namespaceDelete",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [namespaces], verbs: [delete] }")],
               ["""
                   platform.yaml:185:40: error[P7018]: MCP server `k8s-tools` is granted `delete` on `namespaces`: a namespace's labels \
                   set its Pod Security level and the NetworkPolicies that admit it; deleting one deletes a tenant (policy \
                   `mcp-namespace-modification`)
                   """]),
        Attack("secrets",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [secrets], verbs: [list] }")],
               ["""
                   platform.yaml:185:40: error[P7010]: MCP server `k8s-tools` is granted `list` on `secrets`: Secrets hold the namespace's \
                   credentials: reads reveal them, writes replace them (policy `mcp-secrets`)
                   """]),
        Attack("workloadCreation",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [pods], verbs: [create] }")],
               ["""
                   platform.yaml:185:40: error[P7011]: MCP server `k8s-tools` is granted `create` on `pods`: a pod it creates can mount \
                   any Secret and run as any ServiceAccount of the namespace (policy `mcp-workload-creation`)
                   """]),
        Attack("podExec",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [pods/exec], verbs: [create] }")],
               ["""
                   platform.yaml:185:40: error[P7011]: MCP server `k8s-tools` is granted `create` on `pods/exec`: it runs commands in, or \
                   reaches into, the namespace's pods and their credentials (policy `mcp-workload-creation`)
                   """]),
        Attack("tokenRequest",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [serviceaccounts/token], verbs: [create] }")],
               ["""
                   platform.yaml:185:40: error[P7016]: MCP server `k8s-tools` is granted `create` on `serviceaccounts/token`: it issues \
                   tokens for every ServiceAccount of the namespace (policy `mcp-token-request`)
                   """]),
        Attack("csrApproval",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [certificates.k8s.io], resources: [certificatesigningrequests/approval], verbs: [update] }")],
               ["""
                   platform.yaml:185:57: error[P7015]: MCP server `k8s-tools` is granted `update` on \
                   `certificatesigningrequests/approval`: it issues client certificates under any name, system components' included \
                   (policy `mcp-certificate-approval`)
                   """]),
        Attack("endpoints",
               [("      - { apiGroups: [\"\"], resources: [nodes], verbs: [get] }",
                   "      - { apiGroups: [\"\"], resources: [endpoints], verbs: [update] }")],
               ["""
                   platform.yaml:185:40: error[P7019]: MCP server `k8s-tools` is granted `update` on `endpoints`: it points Services at \
                   any IP, other namespaces' pods included (CVE-2021-25740) (policy `mcp-endpoint-modification`)
                   """]),
        Attack("undeclaredTool", [("allow: [get_pods, get_logs, get_events]", "allow: [get_pods, get_logs, delete_pods]")],
               ["""
                   platform.yaml:200:61: error[E1100]: agent `ops-assistant` allows tool `delete_pods`, which MCP server `k8s-tools` does \
                   not declare
                   """]),
        Attack("emptyAllowList", [("allow: [get_pods, get_logs, get_events]", "allow: []")],
               ["""
                   platform.yaml:200:33: error[E1101]: agent `ops-assistant` allows no tools of MCP server `k8s-tools`; kagent would give \
                   it every tool
                   """]),
        Attack("namespace_kube-system", [("  - name: research\n    quota", "  - name: research\n    namespace: kube-system\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `kube-system` of team `research` is reserved: Kubernetes' own components; \
                   every team's `allow-dns` policy admits its DNS pods
                   """]),
        Attack("namespace_default", [("  - name: research\n    quota", "  - name: research\n    namespace: default\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `default` of team `research` is reserved: Kubernetes puts objects without \
                   a namespace there, and the API server's `kubernetes` Service
                   """]),
        Attack("namespace_kube-public", [("  - name: research\n    quota", "  - name: research\n    namespace: kube-public\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `kube-public` of team `research` is reserved: Kubernetes makes it readable \
                   by everyone, unauthenticated users included
                   """]),
        Attack("namespace_kube-node-lease",
               [("  - name: research\n    quota", "  - name: research\n    namespace: kube-node-lease\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `kube-node-lease` of team `research` is reserved: Kubernetes keeps the \
                   nodes' heartbeat Leases there
                   """]),
        Attack("namespace_argocd", [("  - name: research\n    quota", "  - name: research\n    namespace: argocd\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `argocd` of team `research` is reserved: Argo CD, which applies the whole \
                   tree with cluster-wide rights
                   """]),
        Attack("namespace_flux-system", [("  - name: research\n    quota", "  - name: research\n    namespace: flux-system\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `flux-system` of team `research` is reserved: Flux, which applies the \
                   whole tree with cluster-wide rights
                   """]),
        Attack("namespace_monitoring", [("  - name: research\n    quota", "  - name: research\n    namespace: monitoring\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `monitoring` of team `research` is reserved: Prometheus, admitted to every \
                   model
                   """]),
        Attack("namespace_kgateway-system",
               [("  - name: research\n    quota", "  - name: research\n    namespace: kgateway-system\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `kgateway-system` of team `research` is reserved: kgateway's controller \
                   (its proxies run in each Gateway's namespace)
                   """]),
        Attack("namespace_kagent", [("  - name: research\n    quota", "  - name: research\n    namespace: kagent\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `kagent` of team `research` is reserved: kagent's controller, admitted to \
                   every agent
                   """]),
        Attack("namespace_platform-system",
               [("  - name: research\n    quota", "  - name: research\n    namespace: platform-system\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `platform-system` of team `research` is reserved: platformc's shared \
                   services: the Gateway, and LiteLLM with every provider's key
                   """]),
        Attack("twoTeamsOneNamespace", [("  - name: platform\n    quota", "  - name: platform\n    namespace: search\n    quota")],
               ["platform.yaml:52:16: error[E1108]: team `platform` would share namespace `search` with team `search`"]),
        Attack("namespace_keda", [("  - name: research\n    quota", "  - name: research\n    namespace: keda\n    quota")],
               ["platform.yaml:48:16: error[E1102]: namespace `keda` of team `research` is reserved: KEDA, which scales every model"]),
        Attack("namespace_gpu-operator", [("  - name: research\n    quota", "  - name: research\n    namespace: gpu-operator\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `gpu-operator` of team `research` is reserved: the NVIDIA GPU Operator, \
                   privileged on every GPU node
                   """]),
        Attack("namespace_kube-anything",
               [("  - name: research\n    quota", "  - name: research\n    namespace: kube-anything\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `kube-anything` of team `research` is reserved: Kubernetes reserves the \
                   prefix for its system namespaces
                   """]),
        Attack("namespace_cluster-scoped",
               [("  - name: research\n    quota", "  - name: research\n    namespace: cluster-scoped\n    quota")],
               ["""
                   platform.yaml:48:16: error[E1102]: namespace `cluster-scoped` of team `research` is reserved: with Flux, its \
                   Kustomization would be the one of the cluster-scoped objects
                   """]),
        Attack("teamNamedMonitoring",
               [("  - name: research\n    quota", "  - name: monitoring\n    quota"), ("team: research", "team: monitoring")],
               ["""
                   platform.yaml:47:11: error[E1102]: namespace `monitoring` of team `monitoring` (from its name) is reserved: Prometheus, \
                   admitted to every model
                   """]),
        Attack("inCluster", [("  - name: prod-use1\n", "  - name: in-cluster\n"), ("cluster: prod-use1", "cluster: in-cluster")],
               ["""
                   platform.yaml:15:11: error[E1103]: cluster name `in-cluster` is reserved: Argo CD's name for the cluster it runs in: \
                   the ApplicationSet would apply this folder there
                   """]),
        Attack("labelKey", [("  name: acme-ai\n", "  name: acme-ai\n  labels: { \"cost center\": x }\n")],
               ["""
                   platform.yaml:7:13: error[E1104]: label key `cost center` in `metadata.labels` is not valid: it may hold only letters, \
                   digits, `-`, `_` and `.`
                   """]),
        Attack("labelValue",
               [("  name: acme-ai\n",
                   "  name: acme-ai\n  labels: { cost-center: \"vvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvvv\" }\n")],
               ["""
                   platform.yaml:7:26: error[E1105]: the value of label `cost-center` in `metadata.labels` is not valid: it is 64 \
                   characters long, over the limit of 63
                   """]),
        Attack("labelReservedPrefix", [("  name: acme-ai\n", "  name: acme-ai\n  labels: { kubernetes.io/metadata.name: kube-system }\n")],
               ["""
                   platform.yaml:7:13: error[E1106]: label key `kubernetes.io/metadata.name` in `metadata.labels` uses the reserved prefix \
                   `kubernetes.io`
                   """]),
        Attack("poolLabelSteersWorkloads",
               [("        instanceType: p4de.24xlarge     # 8x A100-80GB on NVSwitch\n",
                   """
                               instanceType: p4de.24xlarge     # 8x A100-80GB on NVSwitch\n\
                               labels: { platformc.dev/node-pool: h100 }\n
                       """)],
               ["""
                   platform.yaml:31:19: error[E1106]: label key `platformc.dev/node-pool` in labels of node pool `a100` uses the reserved \
                   prefix `platformc.dev`
                   """]),
        Attack("modelStartsWithDigit", [("  - name: mixtral-8x7b\n", "  - name: 3bge\n"), ("model: mixtral-8x7b", "model: 3bge")],
               ["platform.yaml:96:11: error[E1107]: model `3bge` gives the Service `3bge`, which does not start with a letter"]),
        Attack("endpointPickerTooLong",
               [("  - name: llama-3-70b\n", "  - name: llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll\n"),
                   ("model: llama-3-70b\n", "model: llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll\n"),
                   ("model: llama-3-70b,", "model: llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll,"),
                   ("canaryOf: llama-3-70b", "canaryOf: llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll")],
               ["""
                   platform.yaml:69:11: error[E1107]: model `llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll` gives its \
                   endpoint picker's Service `llllllllllllllllllllllllllllllllllllllllllllllllllllllllllll-epp`, which is 64 characters long
                   """]),
    ]

    let environment = ["PATH": "/usr/bin:/bin", "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com"]

    func workspace(_ edits: [(String, String)], sourceLocation: SourceLocation = #_sourceLocation) throws -> URL {
        var spec = CLIRunner.bundledSpec
        for (old, new) in edits {
            try #require(spec.contains(old), "bundled spec has no `\(old)`", sourceLocation: sourceLocation)
            spec = spec.replacingOccurrences(of: old, with: new)
        }
        return try CLIRunner.workspace(spec: spec)
    }

    @Test(arguments: attacks) func refused(_ attack: Attack) throws {
        let dir = try workspace(attack.edits)
        defer { try? FileManager.default.removeItem(at: dir) }
        let before = CLIRunner.listing(dir)
        for arguments in [["check"], ["check", "--policy-only"], ["compile", "--out", "out"]] {
            let r = try CLIRunner.run(arguments, in: dir, environment: environment)
            #expect(r.status == 1, "\(arguments): \(r.stderr.prefix(400))")
            #expect(r.stderr.split(separator: "\n").filter { $0.contains(": error[") }.map(String.init) == attack.errors, "\(arguments)")
            #expect(r.stdout.isEmpty, "\(arguments)")
            #expect(CLIRunner.listing(dir) == before, "\(arguments) wrote files")
        }
    }

    @Test func bundledPlatformPassesEveryNewRule() throws {
        let dir = try workspace([])
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["check"], ["check", "--policy-only"]] {
            let r = try CLIRunner.run(arguments, in: dir, environment: environment)
            #expect(r.status == 0, "\(arguments): \(r.stderr.prefix(400))")
        }
    }

    /// A label value is never quoted in the message (a long one may be a token), in any format.
    @Test func labelValueIsNotEchoed() throws {
        let value = "ghp" + String(repeating: "Q", count: 70)
        let dir = try workspace([("  name: acme-ai\n", "  name: acme-ai\n  labels: { build: \"\(value)\" }\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["text", "json", "github"] {
            let r = try CLIRunner.run(["check", "--diagnostics", format], in: dir, environment: environment)
            #expect(r.status == 1)
            let messages = r.stderr.split(separator: "\n").filter { $0.contains("E1105") || $0.contains("\"message\"") }
            #expect(!messages.isEmpty && messages.allSatisfy { !$0.contains(value) }, "\(format): \(messages)")
            // Only text shows a source snippet (the spec line itself); json and github carry no copy at all.
            if format != "text" { #expect(!r.stderr.contains(value), "\(format)") }
        }
    }

    /// Lowering an escalation rule is possible only in the spec, per team, and is then a warning.
    @Test func aTeamOverrideLowersAnEscalationToAWarning() throws {
        let secrets = #"      - { apiGroups: [""], resources: [secrets], verbs: [get] }"#
        let dir = try workspace([(#"      - { apiGroups: [""], resources: [nodes], verbs: [get] }"#, secrets),
                                 ("policy:\n", "policy:\n  overrides:\n    - { team: platform, rules: { mcp-secrets: warning } }\n")])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLIRunner.run(["check", "--policy-only"], in: dir, environment: environment)
        #expect(r.status == 0, "\(r.stderr.prefix(400))")
        #expect(r.stderr.contains("warning[P7010]"))
        #expect(r.stderr.contains("policy `mcp-secrets` set to `warning` here"))
    }
}
