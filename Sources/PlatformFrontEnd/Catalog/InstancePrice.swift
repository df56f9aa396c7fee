/// One sourced hourly price of an instance type in one region, for one way of buying it.
package struct InstancePrice: Hashable, Sendable {
    /// How the node is bought. Reserved and committed-use prices are not in any source the catalog
    /// cites; a `reserved` pool takes its `discountPercent` or `pricePerHour` (W2403 otherwise).
    package enum Capacity: String, Hashable, Sendable, CaseIterable { case onDemand = "on-demand", spot }

    package var instanceType: String
    package var region: String
    package var capacity: Capacity
    package var micros: Int64                // USD per hour × 1e6
    package var source: String               // repository, path and commit, or page
    package var date: String                 // when the figure was generated or read

    package init(instanceType: String, region: String, capacity: Capacity, micros: Int64, source: String, date: String) {
        self.instanceType = instanceType
        self.region = region
        self.capacity = capacity
        self.micros = micros
        self.source = source
        self.date = date
    }

    package var money: Money { Money(micros: micros) }
}

/// Every sourced price of the built-in instance types, looked up by instance type, region and
/// capacity. A price the catalog cannot cite is absent, never guessed.
package struct PriceCatalog: Sendable {
    package let prices: [InstancePrice]
    private let index: [String: InstancePrice]

    package init(_ prices: [InstancePrice]) {
        self.prices = prices
            .sorted { ($0.instanceType, $0.region, $0.capacity.rawValue) < ($1.instanceType, $1.region, $1.capacity.rawValue) }
        index = Dictionary(prices.map { (Self.key($0.instanceType, $0.region, $0.capacity), $0) }, uniquingKeysWith: { a, _ in a })
    }

    static func key(_ type: String, _ region: String, _ capacity: InstancePrice.Capacity) -> String {
        "\(type)|\(region)|\(capacity.rawValue)"
    }

    package func price(_ type: String, region: String, capacity: InstancePrice.Capacity) -> InstancePrice? {
        index[Self.key(type, region, capacity)]
    }

    /// Regions with a sourced price of this capacity, sorted.
    package func regions(of type: String, capacity: InstancePrice.Capacity = .onDemand) -> [String] {
        prices.filter { $0.instanceType == type && $0.capacity == capacity }.map(\.region)
    }

    /// All prices of one instance type, sorted by region then capacity.
    package func prices(of type: String) -> [InstancePrice] { prices.filter { $0.instanceType == type } }

    package static let builtIn = PriceCatalog(builtInPrices)
}
