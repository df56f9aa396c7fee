import Foundation
import Testing

/// `platformc schema` and the parser accept and reject the same documents.
@Suite struct SchemaTests {
    /// Validates `spec` against the printed schema with Python's jsonschema (installed by `make test`).
    func validate(_ spec: String) throws -> Int32? {
        let dir = try CLIRunner.workspace(spec: spec)
        let schema = try CLIRunner.run(["schema"])
        try schema.stdout.write(to: dir.appendingPathComponent("schema.json"), atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", """
            import json, sys, yaml, jsonschema
            schema = json.load(open('schema.json'))
            jsonschema.Draft202012Validator.check_schema(schema)
            errors = list(jsonschema.Draft202012Validator(schema).iter_errors(yaml.safe_load(open('platform.yaml'))))
            for e in errors: print(e.message)
            sys.exit(1 if errors else 0)
            """]
        process.currentDirectoryURL = dir
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }

    func pythonHasJSONSchema() -> Bool {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        p.arguments = ["python3", "-c", "import jsonschema, yaml"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { return false }
        p.waitUntilExit()
        return p.terminationStatus == 0
    }

    @Test func bundledSpecValidatesAndUnknownKeyIsRejectedByBoth() throws {
        guard pythonHasJSONSchema() else {
            if ProcessInfo.processInfo.environment["CI"] != nil { Issue.record("python3 jsonschema/yaml missing in CI") }
            print("SchemaTests: skipped (python3 jsonschema/pyyaml not installed; `make test` installs them)")
            return
        }
        #expect(try validate(CLIRunner.bundledSpec) == 0)
        let bad = CLIRunner.bundledSpec
            .replacingOccurrences(of: "    sourceSecret: hf-token\n    parameters: 70B\n    architecture: llama-3-70b\n    dtype: bf16",
                                                              with: """
                                                                      sourceSecret: hf-token\n    parameters: 70B\n\
                                                                      architecture: llama-3-70b\n    dtpye: bf16
                                                                  """)
        #expect(bad != CLIRunner.bundledSpec)
        #expect(try validate(bad) == 1)
        let dir = try CLIRunner.workspace(spec: bad)
        let check = try CLIRunner.run(["check"], in: dir)
        #expect(check.status == 1)
        #expect(check.stderr.contains("error[E1010]: unknown key `dtpye` in model `llama-3-70b`"))
    }
}
