import PlatformDiagnostics

/// Stable codes of the spec layer (E1xxx). Each is explained in docs/diagnostics.md.
package enum SpecCodes {
    package static let yamlSyntax: DiagnosticCode = "E1001"
    package static let emptyFile: DiagnosticCode = "E1002"
    package static let notUTF8: DiagnosticCode = "E1003"
    package static let tabIndentation: DiagnosticCode = "E1004"
    package static let multipleDocuments: DiagnosticCode = "E1005"
    package static let aliasBomb: DiagnosticCode = "E1006"
    package static let duplicateKey: DiagnosticCode = "E1007"
    package static let tooDeep: DiagnosticCode = "E1008"
    package static let tooLarge: DiagnosticCode = "E1009"
    package static let unknownKey: DiagnosticCode = "E1010"
    package static let wrongType: DiagnosticCode = "E1011"
    package static let missingKey: DiagnosticCode = "E1012"
    package static let invalidValue: DiagnosticCode = "E1013"
    package static let wrongHeader: DiagnosticCode = "E1014"
    package static let duplicateName: DiagnosticCode = "E1020"
    package static let invalidName: DiagnosticCode = "E1021"
    package static let unresolvedReference: DiagnosticCode = "E1030"
    package static let malformedQuantity: DiagnosticCode = "E1040"
    package static let outOfRange: DiagnosticCode = "E1050"
    package static let minAboveMax: DiagnosticCode = "E1051"
    package static let weightsNotHundred: DiagnosticCode = "E1052"
    package static let unsafePath: DiagnosticCode = "E1060"
    /// More nodes than `YAMLLimits.maxNodes` in a text without aliases (E1006 is the alias bomb).
    package static let tooManyNodes: DiagnosticCode = "E1090"
}
