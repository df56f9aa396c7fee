import PlatformDiagnostics
import PlatformFrontEnd

/// What a rule reads: the platform, the plan when there is one, and team costs (the cost pass's
/// report, or a table a test gives).
package struct PolicyInput: Sendable {
    package var platform: Platform
    package var plan: PlannedPlatform?
    package var cost: (any TeamCostSource)?

    package init(platform: Platform, plan: PlannedPlatform? = nil, cost: (any TeamCostSource)? = nil) {
        self.platform = platform
        self.plan = plan
        self.cost = cost
    }
}

/// Team costs given as a closure (tests).
package struct TeamCostClosure: TeamCostSource {
    let body: @Sendable (String) -> Money?
    package init(_ body: @escaping @Sendable (String) -> Money?) { self.body = body }
    package func monthlyCost(ofTeam team: String) -> Money? { body(team) }
}

/// One finding of a rule, before its severity is resolved against the spec's `policy:` section.
package struct PolicyViolation: Sendable {
    package var message: String
    package var location: SourceLocation?
    package var help: String?
    /// The cluster and team the violation belongs to, for per-cluster and per-team overrides.
    package var cluster: String?
    package var team: String?
    /// A severity the rule itself chose (e.g. a budget's `enforcement`); the rule default otherwise.
    package var defaultSeverity: PolicySeverity?
    /// What the finding is made of (e.g. a budget's cost by workload), shown before the policy note.
    package var notes: [DiagnosticNote]

    package init(_ message: String, at location: SourceLocation?, help: String? = nil, cluster: String? = nil,
                team: String? = nil, defaultSeverity: PolicySeverity? = nil, notes: [DiagnosticNote] = []) {
        self.notes = notes
        self.message = message
        self.location = location
        self.help = help
        self.cluster = cluster
        self.team = team
        self.defaultSeverity = defaultSeverity
    }
}

/// A policy rule: a stable identifier users name in `policy:`, a one-line rationale, a default
/// severity and a diagnostic code; each rule lives in its own file under Policy/Rules.
package protocol PolicyRule: Sendable {
    var id: String { get }
    var rationale: String { get }
    var defaultSeverity: PolicySeverity { get }
    var code: DiagnosticCode { get }
    func check(_ input: PolicyInput) -> [PolicyViolation]
}

/// Every rule, in the order they are documented.
package enum PolicyRules {
    package static let all: [any PolicyRule] = [
        ImageDigestPinnedRule(), CriticalModelsOnDemandRule(), ProductionMinReplicasRule(),
        RouteRateLimitRule(), TeamBudgetRule(), GPUAllowListRule(),
        // RBAC escalation through MCP servers' permissions (P7010–P7019).
        MCPSecretsRule(), MCPWorkloadCreationRule(), MCPPersistentVolumesRule(), MCPNodeProxyRule(),
        MCPRBACEscalationRule(), MCPCertificateApprovalRule(), MCPTokenRequestRule(), MCPAdmissionControlRule(),
        MCPNamespaceModificationRule(), MCPEndpointModificationRule(),
    ]

    package static func rule(_ id: String) -> (any PolicyRule)? { all.first { $0.id == id } }
}

/// A rule's rationale, default severity and code: its entry in `PolicyRuleCatalog`, which the
/// front end reads to check `policy:` (a test checks every rule has one).
extension PolicyRule {
    package var rationale: String { PolicyRuleCatalog.info(id)!.rationale }
    package var defaultSeverity: PolicySeverity { PolicyRuleCatalog.info(id)!.defaultSeverity }
    package var code: DiagnosticCode { PolicyRuleCatalog.info(id)!.code }
}
