/// The built-in GPU catalog, kept as data in one place. Figures cite `shared/reference/hardware.md` §4.
public struct GPUCatalog: Sendable {
    public private(set) var models: [String: GPUModel]

    public init(_ models: [GPUModel]) {
        self.models = Dictionary(models.map { ($0.name, $0) }, uniquingKeysWith: { $1 })
    }

    public func model(named name: String) -> GPUModel? { models[name] }
    public var names: [String] { models.keys.sorted() }

    public mutating func upsert(_ model: GPUModel) { models[model.name] = model }

    /// Twelve models with every figure's source beside it (`GPUCatalog+BuiltIn.swift`).
    public static let builtIn = GPUCatalog(builtInModels)
}
