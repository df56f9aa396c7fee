/// The built-in instance-type catalog.
package struct InstanceCatalog: Sendable {
    package private(set) var types: [String: InstanceType]

    package init(_ types: [InstanceType]) {
        self.types = Dictionary(types.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    package func instance(named name: String) -> InstanceType? { types[name] }
    package var names: [String] { types.keys.sorted() }

    /// The built-in instance types with their sources (`InstanceCatalog+BuiltIn.swift`).
    package static let builtIn = InstanceCatalog(builtInTypes)
}
