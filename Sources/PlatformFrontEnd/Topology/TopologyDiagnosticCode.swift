import PlatformDiagnostics

/// Codes of the NCCL topology reader (E22xx). Explained in `docs/diagnostics.md`.
public enum TopologyDiagnosticCode {
    /// libxml2 could not parse the file (its message, line and column are kept).
    public static let malformedXML: DiagnosticCode = "E2201"
    /// The root element is not `<system>`: NCCL silently ignores such a file.
    public static let notASystem: DiagnosticCode = "E2202"
    /// `<system version>` is not `1`: NCCL fails with ncclInvalidUsage.
    public static let unsupportedVersion: DiagnosticCode = "E2203"
    /// A cloud overlay without `<gpu>` elements: islands come from the instance type instead (note).
    public static let islandsUnknown: DiagnosticCode = "E2204"
    /// An `<nvlink>` target that is neither a GPU in the file nor an NVSwitch (warning).
    public static let unknownNVLinkTarget: DiagnosticCode = "E2205"
    /// `<nvlink>` elements pointing at their own GPU (Azure NC A100 v4); they link nothing (note).
    public static let selfTargetedNVLink: DiagnosticCode = "E2206"
}
