import PlatformDiagnostics

/// Stable codes of the spec layer (E1xxx). Each is explained in docs/diagnostics.md.
public enum SpecCodes {
    public static let yamlSyntax: DiagnosticCode = "E1001"
    public static let emptyFile: DiagnosticCode = "E1002"
    public static let notUTF8: DiagnosticCode = "E1003"
    public static let tabIndentation: DiagnosticCode = "E1004"
    public static let multipleDocuments: DiagnosticCode = "E1005"
    public static let aliasBomb: DiagnosticCode = "E1006"
    public static let duplicateKey: DiagnosticCode = "E1007"
    public static let tooDeep: DiagnosticCode = "E1008"
    public static let tooLarge: DiagnosticCode = "E1009"
    public static let unknownKey: DiagnosticCode = "E1010"
    public static let wrongType: DiagnosticCode = "E1011"
    public static let missingKey: DiagnosticCode = "E1012"
    public static let invalidValue: DiagnosticCode = "E1013"
    public static let wrongHeader: DiagnosticCode = "E1014"
    public static let duplicateName: DiagnosticCode = "E1020"
    public static let invalidName: DiagnosticCode = "E1021"
    public static let unresolvedReference: DiagnosticCode = "E1030"
    public static let malformedQuantity: DiagnosticCode = "E1040"
    public static let outOfRange: DiagnosticCode = "E1050"
    public static let minAboveMax: DiagnosticCode = "E1051"
    public static let weightsNotHundred: DiagnosticCode = "E1052"
    public static let unsafePath: DiagnosticCode = "E1060"
    /// More nodes than `YAMLLimits.maxNodes` in a text without aliases (E1006 is the alias bomb).
    public static let tooManyNodes: DiagnosticCode = "E1090"
}
