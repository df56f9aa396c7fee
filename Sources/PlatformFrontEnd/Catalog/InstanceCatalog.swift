/// The built-in instance-type catalog.
public struct InstanceCatalog: Sendable {
    public private(set) var types: [String: InstanceType]

    public init(_ types: [InstanceType]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    public func instance(named name: String) -> InstanceType? { types[name] }
    public var names: [String] { types.keys.sorted() }

    /// The built-in instance types with their sources (`InstanceCatalog+BuiltIn.swift`).
    public static let builtIn = InstanceCatalog(builtInTypes)
}
