import PlatformDiagnostics

/// Codes of the front door: client authentication and what enforces budgets (E7300–W7399).
package enum FrontDoorCodes {
    /// A team budget with nothing that enforces it: LiteLLM needs its database and client keys.
    package static let budgetReportedOnly: DiagnosticCode = "W7300"
    /// A route needs LiteLLM, which admits only its keys, while `gateway.clientAuth` is `none`.
    package static let routeNeedsKeys: DiagnosticCode = "E7301"
    /// Two routes through LiteLLM answer to one model name but split or fall back differently:
    /// LiteLLM picks deployments by the request's `model`, not by the route it came in on.
    package static let sharedClientModelName: DiagnosticCode = "E7310"
    /// A team's `keySecret` while LiteLLM has no database: keys are rows of it.
    package static let keyWithoutDatabase: DiagnosticCode = "E7311"
    /// A team's `keySecret` while `gateway.clientAuth` is `none`: no client would send it.
    package static let keyWithoutClientAuth: DiagnosticCode = "E7312"
    /// Two teams name one `keySecret`: a key belongs to one team.
    package static let keyOfTwoTeams: DiagnosticCode = "E7313"
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
                let at = reason == .fallbacks ? route.locations[.fallbacks] ?? route.location : route.locations[.backends] ?? route.location
                var notes: [DiagnosticNote] = []
                if let auth = door.clientAuthLocation { notes.append(DiagnosticNote("clients are not authenticated here", at: auth)) }
                diagnostics.report(Diagnostic(
                    .error, FrontDoorCodes.routeNeedsKeys,
                    "route `\(route.name)` passes through LiteLLM (\(reason.rawValue)), which admits only its virtual keys, but "
                        + "`gateway.clientAuth` is `none`",
                    at: at, notes: notes,
                    help: "set `gateway.clientAuth: virtualKeys` and give each client a key of its team, or \(undo(reason))"))
            }
        }
        sharedNames(platform, into: &diagnostics)
        teamKeys(platform, into: &diagnostics)
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

    private static func undo(_ reason: RoutePath.Reason) -> String {
        switch reason {
        case .fallbacks: return "drop the route's fallbacks"
        case .weightedPool: return "drop the route's InferencePool weighting"
        case .distinctModels: return "give each model its own route (clients of a route all send one model name)"
        case .virtualKeys: return "drop the route"
        }
    }

    /// Every route through LiteLLM answers to one client-facing name (`Route.clientModelName`); routes
    /// sharing a name must ask LiteLLM for the same thing, or one route's clients get the other's split.
    /// Located at the later route's `backends`, with a note at the first.
    static func sharedNames(_ platform: Platform, into diagnostics: inout DiagnosticBag) {
        var servedNames: [String: String] = [:]
        for model in platform.models { servedNames[model.name] = Model.servedName(model) }
        var first: [String: Route] = [:]
        for route in platform.routes where !RoutePath.needsLiteLLM(route, platform: platform).isEmpty {
            let name = route.clientModelName { servedNames[$0] ?? $0 }
            guard let earlier = first[name] else { first[name] = route; continue }
            guard earlier.liteLLMBehaviour != route.liteLLMBehaviour else { continue }
            diagnostics.report(Diagnostic(
                .error, FrontDoorCodes.sharedClientModelName,
                "routes `\(earlier.name)` and `\(route.name)` both answer to model `\(name)` but differ in backends, weights or fallbacks: "
                    + "LiteLLM picks deployments by the request's `model`, not by the route it came in on",
                at: route.locations[.backends] ?? route.location,
                notes: [DiagnosticNote("route `\(earlier.name)` answers to `\(name)` here",
                    at: earlier.locations[.backends] ?? earlier.location)],
                help: "give the two routes the same backends and fallbacks, or make a different model the heaviest backend of one of them"))
        }
    }

    /// `teams[].keySecret` needs the database the Job writes keys into and clients that send keys,
    /// and one Secret holds one team's key. Located at the `keySecret`.
    static func teamKeys(_ platform: Platform, into diagnostics: inout DiagnosticBag) {
        let door = platform.frontDoor
        var owner: [String: Team] = [:]
        for team in platform.teams {
            guard let secret = team.keySecret else { continue }
            let at = team.locations[.keySecret] ?? team.location
            if door.clientAuth == .none {
                diagnostics.report(Diagnostic(
                    .error, FrontDoorCodes.keyWithoutClientAuth,
                    "team `\(team.name)` has a LiteLLM key, but `gateway.clientAuth` is `none`: no client sends one",
                    at: at, notes: door.clientAuthLocation.map { [DiagnosticNote("clients are not authenticated here", at: $0)] } ?? [],
                    help: "set `gateway.clientAuth: virtualKeys`, or remove `keySecret`"))
            } else if door.databaseSecret == nil {
                diagnostics.report(Diagnostic(
                    .error, FrontDoorCodes.keyWithoutDatabase,
                    "team `\(team.name)` has a LiteLLM key, but LiteLLM has no database to register it in",
                    at: at, help: "name the Secret holding LiteLLM's PostgreSQL URL in `litellm.databaseSecret`"))
            }
            if let first = owner[secret] {
                diagnostics.report(Diagnostic(
                    .error, FrontDoorCodes.keyOfTwoTeams,
                    "teams `\(first.name)` and `\(team.name)` both take their LiteLLM key from Secret `\(secret)`: a key belongs to one "
                        + "team",
                    at: at,
                    notes: [DiagnosticNote("team `\(first.name)` names it here", at: first.locations[.keySecret] ?? first.location)],
                    help: "give each team its own Secret"))
            } else {
                owner[secret] = team
            }
        }
    }
}
