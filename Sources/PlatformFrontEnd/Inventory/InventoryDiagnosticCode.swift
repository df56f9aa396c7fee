import PlatformDiagnostics

/// Codes of the inventory importer (23xx; the letter is the severity: E error, W warning, N note).
/// The input is JSON without positions, so these carry no location; messages name the node.
package enum InventoryDiagnosticCode {
    /// The GPU product is not in the built-in catalog; the pool keeps the raw label (warning).
    package static let unknownProduct: DiagnosticCode = "W2301"
    /// Nodes without any GPU evidence were left out (note).
    package static let nonGPUNodesSkipped: DiagnosticCode = "N2302"
    /// A ResourceSlice names a node that is not in the node list (note).
    package static let sliceForUnknownNode: DiagnosticCode = "N2303"
    /// The physical GPU count had to be inferred (MIG single strategy hides it) (warning).
    package static let gpuCountInferred: DiagnosticCode = "W2304"
    /// Labels disagree with DRA about the GPU model (warning).
    package static let productMismatch: DiagnosticCode = "W2305"
    /// A node advertises `nvidia.com/gpu` but no label names the GPU model (warning).
    package static let gpuModelUnknown: DiagnosticCode = "W2310"
    /// An input file is not JSON or YAML of an accepted shape (located when the text itself is malformed).
    package static let unreadableInput: DiagnosticCode = "E2311"
}

/// Input that is not what `kubectl get … -o json` (or `-o yaml`) writes.
package struct InventoryImportError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Which of the command's input files the error is about.
    package enum Input: String, Hashable, Sendable { case nodes, resourceSlices }

    package var message: String
    /// 1-based position in the file, when the text itself is malformed.
    package var line: Int?
    package var column: Int?
    package var input: Input

    package init(_ message: String, line: Int? = nil, column: Int? = nil, input: Input = .nodes) {
        self.message = message
        self.line = line
        self.column = column
        self.input = input
    }

    package var description: String { message }
}
