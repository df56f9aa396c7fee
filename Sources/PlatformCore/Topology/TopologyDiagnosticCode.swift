import PlatformDiagnostics

/// Codes of the NCCL topology reader (E44xx). Explained in `docs/diagnostics/`.
public enum TopologyDiagnosticCode {
    /// libxml2 could not parse the file (its message, line and column are kept).
    public static let malformedXML: DiagnosticCode = "E4401"
    /// The root element is not `<system>`: NCCL silently ignores such a file.
    public static let notASystem: DiagnosticCode = "E4402"
    /// `<system version>` is not `1`: NCCL fails with ncclInvalidUsage.
    public static let unsupportedVersion: DiagnosticCode = "E4403"
    /// A cloud overlay without `<gpu>` elements: islands come from the instance type instead (note).
    public static let islandsUnknown: DiagnosticCode = "E4404"
    /// An `<nvlink>` target that is neither a GPU in the file nor an NVSwitch (warning).
    public static let unknownNVLinkTarget: DiagnosticCode = "E4405"
    /// `<nvlink>` elements pointing at their own GPU (Azure NC A100 v4); they link nothing (note).
    public static let selfTargetedNVLink: DiagnosticCode = "E4406"
}
