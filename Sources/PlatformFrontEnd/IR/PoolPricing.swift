import PlatformDiagnostics

/// Codes of the price lookup (W24xx): a price the catalog cannot source for a pool's region or
/// capacity type is said, located, never silently borrowed and never taken as free.
package enum PriceCodes {
    /// The pool's region has no sourced price for its instance type; it is priced at another region's.
    package static let regionUnpriced: DiagnosticCode = "W2401"
    /// A spot pool's instance type has no sourced spot price in its region; it is priced on-demand.
    package static let spotUnpriced: DiagnosticCode = "W2402"
    /// A reserved pool has no sourced reserved price and no `discountPercent`; it is priced on-demand.
    package static let reservedUnpriced: DiagnosticCode = "W2403"
}

/// The catalog price of one pool: its instance type in its cluster's region, bought as its
/// `capacityType` says. The source string names the source, region, capacity and date.
enum PoolPricing {
    struct Request {
        var pool: String
        var instance: String
        var region: String?
        var capacity: NodePool.CapacityType
        /// The pool states `discountPercent`: the discount applies to the on-demand price.
        var discounted: Bool
        var instanceLocation: SourceLocation?
        var regionLocation: SourceLocation?
        var capacityLocation: SourceLocation?
    }

    static func price(_ r: Request, in prices: PriceCatalog, into diagnostics: inout DiagnosticBag) -> (price: Money?, source: String) {
        let sourced = prices.regions(of: r.instance)
        guard let reference = sourced.first else { return (nil, "none: no sourced price for `\(r.instance)`") }
        var onDemand = r.region.flatMap { prices.price(r.instance, region: $0, capacity: .onDemand) }
        if onDemand == nil, let region = r.region {
            diagnostics.warning(PriceCodes.regionUnpriced,
                                "no sourced price for `\(r.instance)` in region `\(region)`; node pool `\(r.pool)` is priced at its "
                                    + "`\(reference)` price",
                                at: r.instanceLocation,
                                notes: r.regionLocation.map { [DiagnosticNote("the cluster's region", at: $0)] } ?? [],
                                help: "state `pricePerHour` of the pool, or use a region with a sourced price "
                                    + "(\(sourced.prefix(6).joined(separator: ", ")))")
        }
        if onDemand == nil { onDemand = prices.price(r.instance, region: reference, capacity: .onDemand) }
        guard let base = onDemand else { return (nil, "none") }
        switch r.capacity {
        case .onDemand:
            return (base.money, describe(base))
        case .spot where r.discounted:
            return (base.money, describe(base))
        case .spot:
            if let spot = prices.price(r.instance, region: base.region, capacity: .spot) { return (spot.money, describe(spot)) }
            diagnostics.warning(PriceCodes.spotUnpriced,
                                "no sourced spot price for `\(r.instance)` in region `\(base.region)`; spot node pool `\(r.pool)` is "
                                    + "priced on-demand",
                                at: r.capacityLocation ?? r.instanceLocation,
                                help: "state `discountPercent` or `pricePerHour` of the pool")
            return (base.money, describe(base))
        case .reserved:
            if !r.discounted {
                diagnostics.warning(PriceCodes.reservedUnpriced,
                                    "no sourced reserved price for `\(r.instance)`; reserved node pool `\(r.pool)` is priced on-demand",
                                    at: r.capacityLocation ?? r.instanceLocation,
                                    help: "state `discountPercent` (your commitment's discount) or `pricePerHour` of the pool")
            }
            return (base.money, describe(base))
        }
    }

    static func describe(_ p: InstancePrice) -> String { "\(p.source), \(p.region) \(p.capacity.rawValue), \(p.date)" }
}
