import PlatformDiagnostics
import PlatformFrontEnd

/// What a rule reads: the platform, the plan when there is one, and team costs (the cost pass's
/// report, or a table a test gives).
public struct PolicyInput: Sendable {
    public var platform: Platform
    public var plan: PlannedPlatform?
    public var cost: (any TeamCostSource)?

    public init(platform: Platform, plan: PlannedPlatform? = nil, cost: (any TeamCostSource)? = nil) {
        self.platform = platform
        self.plan = plan
        self.cost = cost
    }
}

/// Monthly cost per team, from whichever pass computes it (the cost pass, a test table…).
public protocol TeamCostSource: Sendable {
    /// The team's expected monthly cost; nil when unknown.
    func monthlyCost(ofTeam team: String) -> Money?
    /// What the cost is made of, one line per workload or route (notes of the finding).
    func breakdown(ofTeam team: String) -> [DiagnosticNote]
}

extension TeamCostSource {
    public func breakdown(ofTeam team: String) -> [DiagnosticNote] { [] }
}

/// Team costs given as a closure (tests).
public struct TeamCostClosure: TeamCostSource {
    let body: @Sendable (String) -> Money?
    public init(_ body: @escaping @Sendable (String) -> Money?) { self.body = body }
    public func monthlyCost(ofTeam team: String) -> Money? { body(team) }
}

/// One finding of a rule, before its severity is resolved against the spec's `policy:` section.
public struct PolicyViolation: Sendable {
    public var message: String
    public var location: SourceLocation?
    public var help: String?
    /// The cluster and team the violation belongs to, for per-cluster and per-team overrides.
    public var cluster: String?
    public var team: String?
    /// A severity the rule itself chose (e.g. a budget's `enforcement`); the rule default otherwise.
    public var defaultSeverity: PolicySeverity?
    /// What the finding is made of (e.g. a budget's cost by workload), shown before the policy note.
    public var notes: [DiagnosticNote]

    public init(_ message: String, at location: SourceLocation?, help: String? = nil, cluster: String? = nil,
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
public protocol PolicyRule: Sendable {
    var id: String { get }
    var rationale: String { get }
    var defaultSeverity: PolicySeverity { get }
    var code: DiagnosticCode { get }
    func check(_ input: PolicyInput) -> [PolicyViolation]
}

/// Every rule, in the order they are documented.
public enum PolicyRules {
    public static let all: [any PolicyRule] = [
        ImageDigestPinnedRule(), CriticalModelsOnDemandRule(), ProductionMinReplicasRule(),
        RouteRateLimitRule(), TeamBudgetRule(), GPUAllowListRule(),
        // RBAC escalation through MCP servers' permissions (P7010–P7019).
        MCPSecretsRule(), MCPWorkloadCreationRule(), MCPPersistentVolumesRule(), MCPNodeProxyRule(),
        MCPRBACEscalationRule(), MCPCertificateApprovalRule(), MCPTokenRequestRule(), MCPAdmissionControlRule(),
        MCPNamespaceModificationRule(), MCPEndpointModificationRule(),
    ]

    public static func rule(_ id: String) -> (any PolicyRule)? { all.first { $0.id == id } }
}

/// A rule's rationale, default severity and code: its entry in `PolicyRuleCatalog`, which the
/// front end reads to check `policy:` (a test checks every rule has one).
extension PolicyRule {
    public var rationale: String { PolicyRuleCatalog.info(id)!.rationale }
    public var defaultSeverity: PolicySeverity { PolicyRuleCatalog.info(id)!.defaultSeverity }
    public var code: DiagnosticCode { PolicyRuleCatalog.info(id)!.code }
}
