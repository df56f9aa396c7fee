/// Built-in list prices of external models per million tokens (USD), by provider kind and model;
/// a provider's `prices` in the spec override them. Traffic is priced at a blend of three input
/// tokens to one output token (the common chat ratio, as Artificial Analysis blends), because the
/// spec states tokens per day, not the split.
package enum TokenPriceTable {
    static let openAI = "OpenAI API pricing (openai.com/api/pricing), 2025-08"
    static let anthropic = "Anthropic API pricing (anthropic.com/pricing), 2025-08"
    static let mistral = "Mistral AI pricing (mistral.ai/pricing), 2025-08"
    static let liteLLM = "LiteLLM 1.108.7 model_prices_and_context_window_backup.json (input/output_cost_per_token)"

    /// Input tokens per output token in the blend.
    package static let inputPerOutput: Int64 = 3

    static let builtIn: [String: [String: TokenPrice]] = [
        "openai": [
            "gpt-4o": price("2.50", "10.00", openAI),
            "gpt-4o-mini": price("0.15", "0.60", openAI),
            "gpt-4.1": price("2.00", "8.00", openAI),
            "gpt-4.1-mini": price("0.40", "1.60", openAI),
            "o3": price("2.00", "8.00", openAI),
        ],
        "anthropic": [
            "claude-sonnet-4": price("3.00", "15.00", anthropic),
            "claude-sonnet-4-6": price("3.00", "15.00", liteLLM),
            "claude-opus-4": price("15.00", "75.00", anthropic),
            "claude-3-5-haiku": price("0.80", "4.00", anthropic),
        ],
        "mistral": [
            "mistral-large": price("2.00", "6.00", mistral),
            "mistral-small": price("0.10", "0.30", mistral),
        ],
    ]

    /// The price of `model` at `provider`: the spec's, else the built-in table's (Azure OpenAI
    /// lists OpenAI's prices), else nil.
    package static func price(of model: String, at provider: Provider) -> TokenPrice? {
        if let stated = provider.prices[model] { return stated }
        let kind = provider.kind == "azure" ? "openai" : provider.kind
        return builtIn[kind]?[model]
    }

    /// Monthly cost of `tokensPerDay` at `price`: tokens × 730 / 24 days × the blended price per
    /// million, rounded once (`CostArithmetic.scale`).
    package static func monthly(tokensPerDay: Int64, at price: TokenPrice) -> Money {
        let blendedTimesRatio = Money(micros: price.inputPerMillion.micros * inputPerOutput + price.outputPerMillion.micros)
        return CostArithmetic.scale(blendedTimesRatio, by: tokensPerDay * CostArithmetic.hoursPerMonth,
                                    over: (inputPerOutput + 1) * 24 * 1_000_000)
    }

    private static func price(_ input: String, _ output: String, _ source: String) -> TokenPrice {
        TokenPrice(inputPerMillion: QuantityParser.money(input) ?? .zero, outputPerMillion: QuantityParser.money(output) ?? .zero,
                   source: source)
    }
}
