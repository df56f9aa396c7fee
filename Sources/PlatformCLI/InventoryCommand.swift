import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc inventory import NODES.json [--resourceslices SLICES.json]`: the `nodePools` of a
/// live cluster, from `kubectl get nodes -o json` (or `-o yaml`) and DRA ResourceSlices, as spec YAML.
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "inventory", abstract: "Read GPU inventory from a live cluster.",
                                                    subcommands: [Import.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import",
            abstract: "Print the nodePools that describe a cluster's GPU nodes.")

        @Argument(help: "Output of `kubectl get nodes -o json` or `-o yaml` (a NodeList, one Node, or a labels object).")
        var nodes: String

        @Option(name: .customLong("resourceslices"), help: "Output of `kubectl get resourceslices -o json` or `-o yaml`.")
        var resourceSlices: String?

        func run() throws {
            let nodeBytes: [UInt8]
            var sliceBytes: [UInt8]?
            do {
                nodeBytes = try SpecFile.read(nodes, limit: SpecFile.maxInventoryBytes, refusingLarger: true)
                if let resourceSlices {
                    sliceBytes = try SpecFile.read(resourceSlices, limit: SpecFile.maxInventoryBytes, refusingLarger: true)
                }
            } catch let error as IOFailure { throw fail(error.description) }
            do {
                let (pools, diagnostics) = try InventoryImporter.importNodes(json: nodeBytes, resourceSlices: sliceBytes)
                var bag = DiagnosticBag()
                diagnostics.forEach { bag.report($0) }
                emit(bag, format: .text, sources: [:])
                guard !pools.isEmpty else { throw fail("no GPU nodes found in `\(nodes)`") }
                print(ImportedPool.specSection(pools), terminator: "")
            } catch let error as InventoryImportError {
                let file = error.input == .resourceSlices ? (resourceSlices ?? nodes) : nodes
                guard let line = error.line, let column = error.column else { throw fail("cannot import `\(file)`: \(error.message)") }
                // A malformed text is located like a spec error, at its line and column; exit 2 as for any bad input file.
                var bag = DiagnosticBag()
                bag
                    .error(InventoryDiagnosticCode.unreadableInput, error.message,
                        at: SourceLocation(file: file, line: line, column: column),
                          help: "pass the output of `kubectl get \(error.input == .resourceSlices ? "resourceslices" : "nodes") -o json` "
                              + "(or `-o yaml`) unchanged")
                emit(bag, format: .text, sources: [:])
                throw ExitStatus.ioError
            }
        }
    }
}
