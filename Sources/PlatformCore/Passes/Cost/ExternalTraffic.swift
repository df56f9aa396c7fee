/// External provider cost by route: the share of a route's traffic expected on fallbacks
/// (`traffic.fallbackPercent` of `traffic.tokensPerDay`) goes to its first fallback, which LiteLLM
/// tries first; the teams owning the route's backend models pay, split by backend weight.
enum ExternalTraffic {
    static func costs(_ p: Platform) -> [ExternalCost] {
        p.routes.sorted { $0.name < $1.name }.compactMap { route -> ExternalCost? in
            guard let tokens = route.tokensPerDay, let fallback = route.fallbacks.first,
                  let provider = p.provider(fallback.provider), let price = TokenPriceTable.price(of: fallback.model, at: provider)
            else { return nil }
            let fallbackTokens = CostArithmetic.rounded(tokens, times: Int64(route.fallbackPercent), over: 100)
            let monthly = TokenPriceTable.monthly(tokensPerDay: fallbackTokens, at: price)
            var weights: [String: Int64] = [:]
            for b in route.backends { if let m = p.model(b.model) { weights[m.team, default: 0] += Int64(b.weight) } }
            let teams = weights.keys.sorted()
            let parts = CostArithmetic.apportion(monthly, weights: teams.map { weights[$0] ?? 0 })
            return ExternalCost(route: route.name, provider: provider.name, model: fallback.model, tokensPerDay: fallbackTokens,
                                price: price, monthly: monthly,
                                shares: zip(teams, parts).map { TeamShare(team: $0.0, monthly: $0.1) })
        }
    }

    /// Routes whose fallback traffic has no price (unknown model at the provider).
    static func unpriced(_ p: Platform) -> [(Route, Route.Fallback)] {
        p.routes.compactMap { route in
            guard route.tokensPerDay != nil, route.fallbackPercent > 0, let f = route.fallbacks.first,
                  let provider = p.provider(f.provider), TokenPriceTable.price(of: f.model, at: provider) == nil else { return nil }
            return (route, f)
        }
    }
}
