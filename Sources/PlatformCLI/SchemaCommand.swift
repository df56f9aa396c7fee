import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc schema`: the JSON Schema of platform.yaml, for editors (`yaml-language-server`);
/// `--markdown` prints the spec reference of the README instead.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the spec.")

    @Flag(help: "Print the Markdown spec reference, with examples from --example.")
    var markdown = false

    @Option(help: "Spec whose values serve as examples in the Markdown reference.")
    var example: String = "platform.yaml"

    func run() throws {
        guard markdown else { return print(JSONSchemaGenerator.schema(), terminator: "") }
        var bag = DiagnosticBag()
        let bytes = (try? SpecFile.read(example, limit: YAMLLoader.maxSpecBytes + 1)) ?? []
        let document = FrontEnd(file: example).effectiveDocument(bytes, into: &bag)
        print(SpecReference.markdown(example: document), terminator: "")
    }
}
