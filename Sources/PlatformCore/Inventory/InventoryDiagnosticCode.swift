import PlatformDiagnostics

/// Codes of the inventory importer (E23xx). The input is JSON without positions, so these carry no
/// location; messages name the node.
public enum InventoryDiagnosticCode {
    /// The GPU product is not in the built-in catalog; the pool keeps the raw label (warning).
    public static let unknownProduct: DiagnosticCode = "E2301"
    /// Nodes without any GPU evidence were left out (note).
    public static let nonGPUNodesSkipped: DiagnosticCode = "E2302"
    /// A ResourceSlice names a node that is not in the node list (note).
    public static let sliceForUnknownNode: DiagnosticCode = "E2303"
    /// The physical GPU count had to be inferred (MIG single strategy hides it) (warning).
    public static let gpuCountInferred: DiagnosticCode = "E2304"
    /// Labels disagree with DRA about the GPU model (warning).
    public static let productMismatch: DiagnosticCode = "E2305"
}

/// Input that is not the JSON `kubectl get … -o json` writes.
public struct InventoryImportError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
