import Foundation
import PlatformCore
import Testing

/// Compiles CEL expressions with cel-python (`celpy.Environment().compile`), the way the API server
/// would reject a selector that does not parse. Nil when python3 with celpy is unavailable (the
/// caller has then failed under CI or printed a skip).
enum CELCompiler {
    /// Expression → error text for those that fail; empty when all compile.
    static func failures(_ expressions: [String], _ test: String = #function,
                         sourceLocation: Testing.SourceLocation = #_sourceLocation) -> [String: String]? {
        guard SharedTools.requirePython(modules: ["celpy"], test, sourceLocation: sourceLocation) else { return nil }
        let script = """
            import celpy, json, sys
            env = celpy.Environment()
            bad = {}
            for expr in json.load(sys.stdin):
                try:
                    env.compile(expr)
                except Exception as error:
                    bad[expr] = str(error)
            print(json.dumps(bad))
            """
        let input = (try? JSONSerialization.data(withJSONObject: expressions)) ?? Data("[]".utf8)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script]
        let stdin = Pipe(), stdout = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        do { try process.run() } catch { Issue.record("python3: \(error)", sourceLocation: sourceLocation); return nil }
        stdin.fileHandleForWriting.write(input)
        try? stdin.fileHandleForWriting.close()
        let data = stdout.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0, let result = try? JSONSerialization.jsonObject(with: data) as? [String: String] else {
            Issue.record("cel-python run failed: \(String(decoding: data, as: UTF8.self))", sourceLocation: sourceLocation)
            return nil
        }
        return result
    }

    /// Every `cel.expression` of every ResourceClaimTemplate in `set`.
    static func expressions(in set: ManifestSet) -> [String] {
        set.clusters.flatMap(\.manifests).filter { $0.kind == "ResourceClaimTemplate" }.flatMap { m in
            (m.value.at("spec", "spec", "devices", "requests")?.listValue ?? []).flatMap { request in
                (request.at("exactly", "selectors")?.listValue ?? []).compactMap { $0.at("cel", "expression")?.stringValue }
            }
        }
    }
}
