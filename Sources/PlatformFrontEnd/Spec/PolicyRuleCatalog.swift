import PlatformDiagnostics

/// How a policy violation is reported; `off` drops it.
package enum PolicySeverity: String, Sendable, CaseIterable {
    case error, warning, off
}

/// What the spec's `policy:` section can name: each rule's id, rationale, default severity and
/// code. The front end checks and lowers `policy:` from this table alone; the rules that check
/// (Policy/Rules, in PlatformCore) take the same fields from here by their id, so a rule is named
/// and described in one place.
package struct PolicyRuleInfo: Sendable {
    package let id: String
    package let rationale: String
    package let defaultSeverity: PolicySeverity
    package let code: DiagnosticCode
}

/// Every rule, in the order they are documented (`PolicyRules.all` follows it; a test compares).
package enum PolicyRuleCatalog {
    /// `team-budget`: the one switch for team budgets (P7005, and the cost pass's W4005 at `replicas.max`).
    package static let teamBudget = "team-budget"

    package static let all: [PolicyRuleInfo] = [
        PolicyRuleInfo(id: "image-digest-pinned",
                       rationale: "images are pinned by digest (`image@sha256:…`), or at least by a version tag, never `latest`",
                       defaultSeverity: .warning, code: "P7001"),
        PolicyRuleInfo(id: "critical-models-on-demand", rationale: "models marked `critical` never run on spot capacity",
                       defaultSeverity: .error, code: "P7002"),
        PolicyRuleInfo(id: "production-min-replicas",
                       rationale: "every model in a production cluster keeps at least two replicas (canaries excepted)",
                       defaultSeverity: .error, code: "P7003"),
        PolicyRuleInfo(id: "route-rate-limit", rationale: "every route has a rate limit, so one client cannot exhaust the GPUs behind it",
                       defaultSeverity: .warning, code: "P7004"),
        PolicyRuleInfo(id: teamBudget,
                       rationale: "a team's expected monthly cost stays under its budget (default severity: the budget's `enforcement`)",
                       defaultSeverity: .error, code: "P7005"),
        PolicyRuleInfo(id: "gpu-allow-list",
                       rationale: "node pools, models and training jobs use only GPU models listed in `policy.allowedGPUs`",
                       defaultSeverity: .error, code: "P7006"),
        // RBAC escalation through MCP servers' permissions (P7010–P7019).
        PolicyRuleInfo(id: "mcp-secrets",
                       rationale: "MCP servers get no access to Secrets: `get`, `list` and `watch` reveal their contents",
                       defaultSeverity: .error, code: "P7010"),
        PolicyRuleInfo(id: "mcp-workload-creation", rationale: "MCP servers create no pods or workload objects and do not exec into pods",
                       defaultSeverity: .error, code: "P7011"),
        PolicyRuleInfo(id: "mcp-persistent-volumes", rationale: "MCP servers do not create, change or delete PersistentVolumes",
                       defaultSeverity: .error, code: "P7012"),
        PolicyRuleInfo(id: "mcp-node-proxy", rationale: "MCP servers get no `nodes/proxy` (the kubelet API) and do not change nodes",
                       defaultSeverity: .error, code: "P7013"),
        PolicyRuleInfo(id: "mcp-rbac-escalation",
                       rationale: "MCP servers do not write RBAC objects and get no `escalate`, `bind` or `impersonate`",
                       defaultSeverity: .error, code: "P7014"),
        PolicyRuleInfo(id: "mcp-certificate-approval", rationale: "MCP servers do not approve or sign CertificateSigningRequests",
                       defaultSeverity: .error, code: "P7015"),
        PolicyRuleInfo(id: "mcp-token-request",
                       rationale: "MCP servers do not mint ServiceAccount tokens (`create` on `serviceaccounts/token`)",
                       defaultSeverity: .error, code: "P7016"),
        PolicyRuleInfo(id: "mcp-admission-control",
                       rationale: "MCP servers do not change admission webhooks or policies, APIServices or CRDs",
                       defaultSeverity: .error, code: "P7017"),
        PolicyRuleInfo(id: "mcp-namespace-modification", rationale: "MCP servers do not create, change or delete Namespaces",
                       defaultSeverity: .error, code: "P7018"),
        PolicyRuleInfo(id: "mcp-endpoint-modification", rationale: "MCP servers do not write Endpoints or EndpointSlices",
                       defaultSeverity: .error, code: "P7019"),
    ]

    /// The rule named `id`; nil for an unknown id.
    package static func info(_ id: String) -> PolicyRuleInfo? { all.first { $0.id == id } }
}
