import Foundation
import PlatformCore
import PlatformDiagnostics

/// Compiles the bundled platform.yaml (with the repository's templates/) or a fixture spec, for
/// the platform emitter tests.
enum PlatformCompile {
    static let bundledSpec = try! String(contentsOf: Golden.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)

    static func templates() -> TemplateSet { TemplateSet.load(files: templateFiles()).0 }

    /// The repository's `templates/`, relative path → text.
    static func templateFiles() -> [String: String] {
        let root = Golden.repoRoot.appendingPathComponent("templates")
        var files: [String: String] = [:]
        if let walker = FileManager.default.enumerator(atPath: root.path) {
            while let relative = walker.nextObject() as? String {
                guard relative.hasSuffix(".yaml") else { continue }
                files[relative] = try? String(contentsOf: root.appendingPathComponent(relative), encoding: .utf8)
            }
        }
        return files
    }

    static func compile(_ spec: String = bundledSpec, topologyFiles: [String: [UInt8]] = [:]) -> Compiler.Output {
        var compiler = Compiler(templates: templates())
        compiler.topologyFiles = topologyFiles
        return compiler.compile(spec: Array(spec.utf8), file: "platform.yaml")
    }

    /// `text` with each `old` replaced (each must be present).
    static func edit(_ text: String, _ replacements: [(String, String)]) -> String {
        var result = text
        for (old, new) in replacements {
            precondition(result.contains(old), "spec has no `\(old)`")
            result = result.replacingOccurrences(of: old, with: new)
        }
        return result
    }

    static func object(_ output: Compiler.Output, cluster: String, kind: String, name: String, namespace: String? = nil) -> Manifest? {
        output.manifests?.manifests(in: cluster).first { $0.kind == kind && $0.name == name && $0.namespace == namespace }
    }

    static func errors(_ output: Compiler.Output) -> [String] {
        output.diagnostics.sorted.filter { $0.severity == .error }.map { "\($0.code): \($0.message)" }
    }
}

extension ManifestValue {
    /// Follows `a.b.0.c` (numbers index lists).
    func at(_ path: String) -> ManifestValue? {
        var value: ManifestValue? = self
        for part in path.split(separator: ".") {
            if let index = Int(part) { value = value?[index] } else { value = value?[String(part)] }
        }
        return value
    }
}
