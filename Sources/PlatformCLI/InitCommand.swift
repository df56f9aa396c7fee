import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc init [--from-nodes NODES.json] [--provider P] [--name NAME] [--out PATH]`: a
/// commented starter platform.yaml that `check` accepts, never over an existing file.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "Write a starter platform.yaml that passes `check`.")

    @Option(name: .customLong("from-nodes"), help: "Output of `kubectl get nodes -o json`: clusters and pools from its GPU nodes.")
    var fromNodes: String?

    @Option(help: "Cloud of the starter pool: aws, gcp, azure or oci (default aws; with --from-nodes, the nodes' own).")
    var provider: String?

    @Option(help: "Name of the platform (a DNS-1123 label).")
    var name = "my-platform"

    @Option(help: "The file to write (refused when it exists).")
    var out = "platform.yaml"

    func validate() throws {
        if let provider, !StarterDefaults.providers.contains(provider) {
            throw ValidationError("`--provider` must be one of \(StarterDefaults.providers.joined(separator: ", ")), not `\(provider)`")
        }
        let bytes = Array(name.utf8)
        let lowerAlnum = { (c: UInt8) in (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) }
        guard !bytes.isEmpty, bytes.count <= 63, lowerAlnum(bytes.first!), lowerAlnum(bytes.last!),
              bytes.allSatisfy({ lowerAlnum($0) || $0 == 0x2D }) else {
            throw ValidationError("`--name` must be a DNS-1123 label (lower-case letters, digits and `-`, at most 63), not `\(name)`")
        }
    }

    func run() throws {
        let target = URL(fileURLWithPath: out)
        let folder = out.contains("/") ? target.deletingLastPathComponent().path : "."
        let file = target.lastPathComponent
        // Refused before any work, and again by O_EXCL when written.
        var info = stat()
        if lstat(out, &info) == 0 { throw fail("refusing to overwrite `\(out)`: it exists (move it away or choose another `--out`)") }

        var starter = StarterSpec(name: name, provider: provider, imported: nil)
        if let fromNodes {
            do {
                let (pools, diagnostics) = try InventoryImporter
                    .importNodes(json: try SpecFile.read(fromNodes, limit: SpecFile.maxInventoryBytes, refusingLarger: true))
                var bag = DiagnosticBag()
                diagnostics.forEach { bag.report($0) }
                emit(bag, format: .text, sources: [:])
                guard !pools.isEmpty else { throw fail("no GPU nodes found in `\(fromNodes)`") }
                starter.imported = pools
            } catch let error as IOFailure {
                throw fail(error.description)
            } catch let error as InventoryImportError {
                throw fail("cannot import `\(fromNodes)`: \(error.message)")
            }
        }
        var notes = DiagnosticBag()
        starter.leftOutWarnings.forEach { notes.report($0) }
        emit(notes, format: .text, sources: [:])
        let text: String
        do { text = try starter.render() } catch let error as StarterSpec.Failure { throw fail(error.description) }
        do {
            try ContainedFolder(folder).create(file, text)
        } catch let error as IOFailure {
            throw fail(error.description)
        }
        print("platformc: wrote \(out); next: platformc check \(out)")
    }
}
