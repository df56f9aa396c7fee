import PlatformDiagnostics

/// Codes of the front door: client authentication and what enforces budgets (E7300–W7399).
public enum FrontDoorCodes {
    /// A team budget with nothing that enforces it: LiteLLM needs its database and client keys.
    public static let budgetReportedOnly: DiagnosticCode = "W7300"
    /// A route needs LiteLLM, which admits only its keys, while `gateway.clientAuth` is `none`.
    public static let routeNeedsKeys: DiagnosticCode = "E7301"
}

/// The spec says how clients authenticate and what enforces budgets; this holds it to what LiteLLM
/// does. LiteLLM with a master key refuses requests without one of its keys, and counts a team's
/// spend only for requests made with that team's key, in its database (LiteLLM docs proxy/virtual_keys,
/// proxy/team_budgets). So a route that must pass through LiteLLM needs `clientAuth: virtualKeys`,
/// and a team budget is enforced only with keys and a database; otherwise it is reported only.
enum FrontDoorCheck {
    static func run(_ platform: Platform, into diagnostics: inout DiagnosticBag) {
        let door = platform.frontDoor
        if door.clientAuth == .none {
            for route in platform.routes {
                let reasons = RoutePath.needsLiteLLM(route, platform: platform)
                guard let reason = reasons.first else { continue }
                let at = reason == .fallbacks ? route.locations["fallbacks"] ?? route.location : route.locations["backends"] ?? route.location
                var notes: [DiagnosticNote] = []
                if let auth = door.clientAuthLocation { notes.append(DiagnosticNote("clients are not authenticated here", at: auth)) }
                diagnostics.report(Diagnostic(
                    .error, FrontDoorCodes.routeNeedsKeys,
                    "route `\(route.name)` passes through LiteLLM (\(reason.rawValue)), which admits only its virtual keys, but `gateway.clientAuth` is `none`",
                    at: at, notes: notes,
                    help: "set `gateway.clientAuth: virtualKeys` and give each client a key of its team, or drop the route's \(reason == .fallbacks ? "fallbacks" : "InferencePool weighting")"))
            }
        }
        guard !door.enforcesBudgets, !platform.routes.isEmpty else { return }
        let why = door.clientAuth == .none ? "`gateway.clientAuth` is `none`, so no request names its team"
                                           : "LiteLLM has no database (`litellm.databaseSecret`) to keep teams and spend in"
        for team in platform.teams {
            guard let budget = team.budget else { continue }
            diagnostics.report(Diagnostic(
                .warning, FrontDoorCodes.budgetReportedOnly,
                "budget of team `\(team.name)` is reported only: \(why)",
                at: budget.location,
                help: door.clientAuth == .none ? "set `gateway.clientAuth: virtualKeys` and `litellm.databaseSecret`"
                                               : "name the Secret holding LiteLLM's PostgreSQL URL in `litellm.databaseSecret`"))
        }
    }
}
