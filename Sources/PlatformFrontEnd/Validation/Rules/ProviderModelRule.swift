import PlatformDiagnostics

/// An external model a route falls back to, or an agent names as `provider/model`, must be an id
/// its provider's API accepts: LiteLLM passes the name through, so a family name such as
/// `claude-sonnet-4` fails only when the fallback is needed. Checked against `ProviderModelTable`
/// for the kinds it covers, and never for a provider with its own `baseURL`.
package struct ProviderModelRule: PlatformRule {
    package static let code: DiagnosticCode = "W1301"
    package let id = "provider-model"

    package init() {}

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        for route in p.routes {
            for f in route.fallbacks {
                check(provider: f.provider, model: f.model, owner: "route `\(route.name)`", at: f.modelLocation ?? f.location, p,
                    &diagnostics)
            }
        }
        for agent in p.agents {
            guard let slash = agent.model.firstIndex(of: "/") else { continue }
            check(provider: String(agent.model[..<slash]), model: String(agent.model[agent.model.index(after: slash)...]),
                  owner: "agent `\(agent.name)`", at: agent.locations[.model] ?? agent.location, p, &diagnostics)
        }
    }

    private func check(provider name: String, model: String, owner: String, at location: SourceLocation,
                       _ p: Platform, _ diagnostics: inout DiagnosticBag) {
        guard let provider = p.provider(name), provider.baseURL == nil,
              let known = ProviderModelTable.models(ofKind: provider.kind), !known.contains(model) else { return }
        diagnostics.warning(Self.code, "`\(model)` is not a model id of the \(provider.kind) API (\(owner), provider `\(name)`)",
                            at: location,
                            notes: [DiagnosticNote("checked against \(ProviderModelTable.source)")],
                            help: Self.suggestion(for: model, in: known).map { "did you mean `\($0)`?" }
                                ?? "use a model id the provider lists, or give the provider a `baseURL` if it serves other names")
    }

    /// A family name (`claude-sonnet-4`) suggests its shortest, newest id (`claude-sonnet-4-6`); else the closest by spelling.
    static func suggestion(for model: String, in known: Set<String>) -> String? {
        let family = known.filter { $0.hasPrefix(model + "-") }
        if let best = family.max(by: { ($1.count, $0) < ($0.count, $1) }) { return best }
        return Suggestion.closest(to: model, in: Array(known))
    }
}
