import PlatformDiagnostics

/// Codes of the NCCL topology reader (22xx; the letter is the severity: E error, W warning, N note). Explained in `docs/diagnostics.md`.
package enum TopologyDiagnosticCode {
    /// libxml2 could not parse the file (its message, line and column are kept).
    package static let malformedXML: DiagnosticCode = "E2201"
    /// The root element is not `<system>`: NCCL silently ignores such a file.
    package static let notASystem: DiagnosticCode = "E2202"
    /// `<system version>` is not `1`: NCCL fails with ncclInvalidUsage.
    package static let unsupportedVersion: DiagnosticCode = "E2203"
    /// A cloud overlay without `<gpu>` elements: islands come from the instance type instead (note).
    package static let islandsUnknown: DiagnosticCode = "N2204"
    /// An `<nvlink>` target that is neither a GPU in the file nor an NVSwitch (warning).
    package static let unknownNVLinkTarget: DiagnosticCode = "W2205"
    /// `<nvlink>` elements pointing at their own GPU (Azure NC A100 v4); they link nothing (note).
    package static let selfTargetedNVLink: DiagnosticCode = "N2206"
}
