/// The built-in GPU catalog, kept as data in one place. Figures cite `shared/reference/hardware.md` §4.
package struct GPUCatalog: Sendable {
    package private(set) var models: [String: GPUModel]

    package init(_ models: [GPUModel]) {
        self.models = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    package func model(named name: String) -> GPUModel? { models[name] }
    package var names: [String] { models.keys.sorted() }

    package mutating func upsert(_ model: GPUModel) { models[model.name] = model }

    /// Twelve models with every figure's source beside it (`GPUCatalog+BuiltIn.swift`).
    package static let builtIn = GPUCatalog(builtInModels)
}
