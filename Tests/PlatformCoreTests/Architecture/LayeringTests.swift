import Foundation
import Testing

/// The pipeline's targets, lowest first (docs/architecture.md). SwiftPM already refuses an import of
/// a target that is not a dependency and a cycle between targets; these tests say which arrows the
/// layers allow, so a dependency added in `Package.swift` that runs back up fails here by name.
@Suite struct LayeringTests {
    static let layers: [[String]] = [
        ["PlatformConcurrency"], ["PlatformDiagnostics"], ["PlatformDocument"], ["PlatformFrontEnd"], ["PlatformCore"],
        ["PlatformDiff", "PlatformGenerate"],
    ]
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func rank(_ target: String) -> Int? { layers.firstIndex { $0.contains(target) } }

    /// Every `import` of a pipeline target written in a target's sources: (file, imported module).
    static func imports(of target: String) throws -> [(String, String)] {
        let folder = root.appendingPathComponent("Sources/\(target)")
        let files = PackageSources.swiftFiles(folder)
        var found: [(String, String)] = []
        for file in files {
            for line in try String(contentsOf: file, encoding: .utf8).split(separator: "\n") {
                if let module = importedModule(line), rank(module) != nil { found.append((file.lastPathComponent, module)) }
            }
        }
        return found
    }

    /// The module an `import` line names (`@testable`, `@_exported` and access modifiers allowed).
    static func importedModule(_ line: Substring) -> String? {
        let words = line.split(separator: " ").filter { !$0.hasPrefix("@") }
        guard let at = words.firstIndex(of: "import"), at + 1 < words.count,
              at == 0 || (at == 1 && ["public", "package", "internal", "private", "fileprivate"].contains(words[0])) else { return nil }
        return String(words[at + 1])
    }

    @Test(arguments: layers.joined())
    func importsRunDownOnly(target: String) throws {
        let mine = try #require(Self.rank(target))
        let upward = try Self.imports(of: target).filter { Self.rank($0.1)! >= mine && $0.1 != target }
        #expect(upward.isEmpty, "\(target) imports a target at or above its layer: \(upward)")
        #expect(FileManager.default.fileExists(atPath: Self.root.appendingPathComponent("Sources/\(target)").path))
    }

    /// The dependencies `Package.swift` gives each layer's target are all in lower layers.
    @Test func packageDependenciesRunDownOnly() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        for target in Self.layers.joined() {
            guard let start = manifest.range(of: ".target(name: \"\(target)\"") else {
                Issue.record("Package.swift declares no target \(target)")
                continue
            }
            let declaration = manifest[start.upperBound...].prefix { $0 != "\n" }
            let mine = Self.rank(target)!
            let names = declaration.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            let upward = names.filter { $0 != target && (Self.rank($0).map { $0 >= mine } ?? false) }
            #expect(upward.isEmpty, "\(target) depends on \(upward) at or above its layer")
        }
    }

    /// The scan reads every form of import line the sources use.
    @Test func importLinesAreRead() {
        #expect(Self.importedModule("import PlatformCore") == "PlatformCore")
        #expect(Self.importedModule("@testable import PlatformCore") == "PlatformCore")
        #expect(Self.importedModule("@_exported import PlatformDocument") == "PlatformDocument")
        #expect(Self.importedModule("package import PlatformFrontEnd") == "PlatformFrontEnd")
        #expect(Self.importedModule("// import PlatformCore") == nil)
    }

    /// Only this package uses the library (the fuzzer joins it with `-package-name`), so no
    /// declaration is `public`: `package` keeps the API the targets share out of reach of anyone else.
    @Test func noDeclarationIsPublic() throws {
        let sources = Self.root.appendingPathComponent("Sources")
        let files = PackageSources.swiftFiles(sources)
        #expect(files.count > 200)
        var publicLines: [String] = []
        for file in files {
            for (index, line) in try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
                .enumerated() {
                let code = line.drop { $0 == " " }
                guard !code.hasPrefix("//") else { continue }
                let words = code.split(separator: " ").filter { !$0.hasPrefix("@") }
                if words.first.map({ $0 == "public" || $0.hasPrefix("public(") }) ?? false {
                    publicLines.append("\(file.lastPathComponent):\(index + 1)")
                }
            }
        }
        #expect(publicLines.isEmpty, "public declarations: \(publicLines.prefix(10))")
    }
}
