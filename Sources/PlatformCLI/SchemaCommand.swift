import ArgumentParser
import PlatformCore

/// `platformc schema`: the JSON Schema of platform.yaml, for editors (`yaml-language-server`).
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "schema", abstract: "Print the JSON Schema (draft 2020-12) of the spec.")

    func run() throws {
        print(JSONSchemaGenerator.schema(), terminator: "")
    }
}
