import Foundation
import Testing

/// The folders inside a target, in pipeline order (docs/architecture.md, "Folders inside a
/// target"). The compiler cannot see folders, so this scan does: a file may name a type declared
/// in its own folder or in a folder before it, never one after it, so no two folders name each
/// other's types (a folder cycle). The scan is plain text, and it says so:
/// - a declaration is a top-level `struct`, `enum`, `class`, `protocol`, `actor` or `typealias`
///   (column 0, after modifiers); nested types are reached through their outer type's name;
/// - a use is that name as a word in code (comments and string literals skipped, interpolations
///   read); a name declared in two folders, or in another target too, is ambiguous and skipped;
/// - an `extension` is not a declaration: a folder may extend a type of a folder before it.
@Suite struct FolderLayeringTests {
    static let order: [String: [String]] = [
        "PlatformCore": ["Render", "Passes", "Policy", "Emitters", "Controllers", "Verify", "Security", "Explain", "Validation"],
        "PlatformDiff": ["Diff", "Report"],
    ]
    static let sources = LayeringTests.root.appendingPathComponent("Sources")

    @Test(arguments: order.keys.sorted())
    func everyFolderIsPlaced(target: String) throws {
        let folders = try Self.folders(of: target)
        #expect(Set(folders) == Set(Self.order[target]!), "folders of \(target) not in the order (or gone): \(folders)")
    }

    @Test(arguments: order.keys.sorted())
    func typesAreNamedOnlyDownTheOrder(target: String) throws {
        let backward = try Self.backwardUses(target: target, order: Self.order[target]!)
        #expect(backward.isEmpty, "in \(target), files name types of a later folder:\n\(backward.joined(separator: "\n"))")
    }

    /// The scan finds a cycle when there is one (two folders of a scratch target naming each other's types).
    @Test func scanFindsABackwardUse() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("folder-layering-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: root) }
        let files = [
            "Low/Plan.swift": "/// Names `Emit` only in a comment.\npackage struct Plan { var note = \"Emit\" }\n",
            "High/Emit.swift": "package enum Emit { static func run(_ p: Plan) {} }\n",
            "Low/Check.swift": "enum Check {\n    static func run() { print(\"\\(Emit.self)\") }\n}\n",
        ]
        for (path, text) in files {
            let url = root.appendingPathComponent("Scratch/\(path)")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        let found = try Self.backwardUses(target: "Scratch", order: ["Low", "High"], sources: root)
        #expect(found == ["Low/Check.swift names Emit (High)"])
    }

    static func folders(of target: String, sources: URL = sources) throws -> [String] {
        let folder = sources.appendingPathComponent(target)
        return try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isDirectory)
                && isDirectory.boolValue
        }.sorted()
    }

    /// `file names Type (Folder)` for each use of a type declared in a later folder.
    static func backwardUses(target: String, order: [String], sources: URL = sources) throws -> [String] {
        var code: [String: [(path: String, text: String)]] = [:]
        var declared: [String: Set<String>] = [:]
        for folder in order {
            for file in PackageSources.swiftFiles(sources.appendingPathComponent("\(target)/\(folder)")) {
                let text = codeOnly(try String(contentsOf: file, encoding: .utf8))
                let path = file.path.replacingOccurrences(of: sources.appendingPathComponent(target).path + "/", with: "")
                code[folder, default: []].append((path, text))
                for name in declarations(text) { declared[name, default: []].insert(folder) }
            }
        }
        // Names another target declares too are ambiguous here.
        var elsewhere = Set<String>()
        for other in try folders(of: "", sources: sources) where other != target {
            for file in PackageSources.swiftFiles(sources.appendingPathComponent(other)) {
                elsewhere.formUnion(declarations(codeOnly(try String(contentsOf: file, encoding: .utf8))))
            }
        }
        let owner = declared.compactMapValues { $0.count == 1 ? $0.first : nil }.filter { !elsewhere.contains($0.key) }
        var found: [String] = []
        for (rank, folder) in order.enumerated() {
            for file in code[folder, default: []].sorted(by: { $0.path < $1.path }) {
                for name in Set(words(file.text)).sorted() {
                    guard let home = owner[name], let homeRank = order.firstIndex(of: home), homeRank > rank else { continue }
                    found.append("\(file.path) names \(name) (\(home))")
                }
            }
        }
        return found
    }

    /// Top-level type names declared in `code`.
    static func declarations(_ code: String) -> [String] {
        let kinds: Set<Substring> = ["struct", "enum", "class", "protocol", "actor", "typealias"]
        let modifiers: Set<Substring> = ["package", "public", "internal", "fileprivate", "private", "final", "indirect"]
        var names: [String] = []
        for line in code.split(separator: "\n") where !(line.first?.isWhitespace ?? true) {
            let words = line.split(whereSeparator: { $0 == " " || $0 == ":" || $0 == "<" || $0 == "{" || $0 == "=" })
            guard let at = words.firstIndex(where: { kinds.contains($0) }), at + 1 < words.count,
                  words[..<at].allSatisfy({ modifiers.contains($0) || $0.hasPrefix("@") }) else { continue }
            names.append(String(words[at + 1]))
        }
        return names
    }

    /// Capitalised identifiers in `code`.
    static func words(_ code: String) -> [String] {
        var result: [String] = []
        var current = ""
        for character in code + " " {
            if character.isLetter || character.isNumber || character == "_" {
                current.append(character)
            } else {
                if let first = current.first, first.isUppercase { result.append(current) }
                current = ""
            }
        }
        return result
    }

    /// `text` without comments and string literals; what a string interpolates is kept.
    static func codeOnly(_ text: String) -> String {
        var scanner = CodeScanner(chars: Array(text))
        return scanner.code(closesInterpolation: false)
    }

    struct CodeScanner {
        var chars: [Character]
        var i = 0

        func at(_ s: String) -> Bool {
            Array(s).enumerated().allSatisfy { i + $0.offset < chars.count && chars[i + $0.offset] == $0.element }
        }

        /// Code up to the end, or up to the `)` that closes the interpolation being read.
        mutating func code(closesInterpolation: Bool) -> String {
            var out = ""
            var depth = 0
            while i < chars.count {
                if at("//") {
                    while i < chars.count, chars[i] != "\n" { i += 1 }
                } else if at("/*") {
                    while i < chars.count, !at("*/") { i += 1 }
                    i += 2
                } else if chars[i] == "\"" || (chars[i] == "#" && (at("#\"") || at("##"))) {
                    out += " " + string() + " "
                } else {
                    if chars[i] == "(" { depth += 1 }
                    if chars[i] == ")" {
                        if closesInterpolation, depth == 0 { i += 1; return out }
                        depth -= 1
                    }
                    out.append(chars[i])
                    i += 1
                }
            }
            return out
        }

        /// Skips one string literal (plain, multi-line or raw), returning what it interpolates.
        mutating func string() -> String {
            var hashes = ""
            while i < chars.count, chars[i] == "#" { hashes.append("#"); i += 1 }
            let quotes = at("\"\"\"") ? "\"\"\"" : "\""
            i += quotes.count
            let end = quotes + hashes, interpolation = "\\" + hashes + "("
            var out = ""
            while i < chars.count {
                if at(interpolation) {
                    i += interpolation.count
                    out += " " + code(closesInterpolation: true) + " "
                } else if hashes.isEmpty, chars[i] == "\\" {
                    i += 2
                } else if at(end) {
                    i += end.count
                    return out
                } else {
                    i += 1
                }
            }
            return out
        }
    }
}
