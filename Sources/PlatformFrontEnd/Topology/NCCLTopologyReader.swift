import PlatformDiagnostics

/// Reads an NCCL topology file (`NCCL_TOPO_FILE` overlays and `NCCL_TOPO_DUMP_FILE` dumps alike) into a
/// document and the node topology it implies. Never traps on bad input: malformed XML comes back as
/// E2201 diagnostics at libxml2's line and column, and a nil document.
package enum NCCLTopologyReader {
    package static func read(xml: [UInt8], file: String) -> (NCCLTopologyDocument?, [Diagnostic]) {
        let lines = SourceLines(xml)
        func locate(_ line: Int, _ element: String) -> SourceLocation {
            SourceLocation(file: file, line: max(line, 1), column: lines.column(of: "<\(element)", onLine: line))
        }

        let (root, errors) = LibXML2Tree.parse(xml, file: file)
        var diagnostics = errors.map { error in
            Diagnostic(.error, TopologyDiagnosticCode.malformedXML, "topology file is not well-formed XML: \(error.message)",
                       at: SourceLocation(file: file, line: max(error.line, 1), column: max(error.column, 1)),
                       help: "NCCL fails on a file it cannot parse; fix the XML or remove `topologyFile`")
        }
        guard let root, errors.isEmpty else {
            if diagnostics.isEmpty {
                diagnostics.append(Diagnostic(.error, TopologyDiagnosticCode.malformedXML,
                                              "topology file has no root element", at: SourceLocation(file: file, line: 1, column: 1)))
            }
            return (nil, diagnostics)
        }
        guard root.name == "system" else {
            diagnostics.append(Diagnostic(.error, TopologyDiagnosticCode.notASystem,
                "root element is `<\(root.name)>`, but NCCL reads only `<system>` and ignores everything else",
                at: locate(root.line, root.name), help: "wrap the topology in `<system version=\"1\">`"))
            return (nil, diagnostics)
        }
        if root["version"] != "1" {
            diagnostics.append(Diagnostic(.error, TopologyDiagnosticCode.unsupportedVersion,
                "`<system version=\"\(root["version"] ?? "")\">` is not version 1; NCCL rejects it",
                at: locate(root.line, "system"), help: "set `version=\"1\"`"))
        }
        var (topology, derived) = NCCLIslandDerivation.derive(system: root, file: file, at: locate)
        topology.hardware = NCCLHardwareFacts.read(root)
        return (NCCLTopologyDocument(file: file, system: root, topology: topology), diagnostics + derived)
    }
}

/// Line lookup over the raw bytes, to give an element's diagnostic the column of its `<name`.
struct SourceLines {
    private let lines: [Substring]

    init(_ bytes: [UInt8]) {
        lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// 1-based column (in Unicode scalars) of `needle` on a 1-based line, or 1 when it is not there.
    func column(of needle: String, onLine line: Int) -> Int {
        guard line >= 1, line <= lines.count, let range = lines[line - 1].range(of: needle) else { return 1 }
        return lines[line - 1].unicodeScalars[..<range.lowerBound].count + 1
    }
}
