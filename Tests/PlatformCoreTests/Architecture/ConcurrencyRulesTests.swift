import Foundation
import Testing

/// Swift 6 checks every transfer between threads; these tests keep it that way (issue 20): the
/// package stays in language mode 6, threads are started only by the one concurrency helper, and
/// each place that opts out of the check says why it is safe.
@Suite struct ConcurrencyRulesTests {
    static let root = LayeringTests.root
    // Spelled in two halves, so that this file does not match its own scan.
    static let unchecked = "@unchecked" + " Sendable"
    static let unsafeIsolation = "nonisolated" + "(unsafe)"

    /// Every Swift file under `folder` (relative to the package), as (path, lines).
    static func swiftFiles(under folder: String) throws -> [(String, [Substring])] {
        try PackageSources.swiftFiles(root.appendingPathComponent(folder)).map { file in
            (String(file.path.dropFirst(root.path.count + 1)),
             try String(contentsOf: file, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false))
        }
    }

    /// The code lines (not comments) that opt out with `marker` and have no comment right above
    /// (the comment lines and attributes just before the line) with a line that starts with
    /// "`marker`:", as "path:line".
    static func unexplained(_ marker: String, in files: [(String, [Substring])]) -> [String] {
        var found: [String] = []
        for (path, lines) in files {
            for (index, line) in lines.enumerated() {
                let code = line.drop { $0 == " " }
                guard !code.hasPrefix("//"), code.contains(marker) else { continue }
                var above = index - 1
                var explained = false
                while above >= 0 {
                    let text = lines[above].drop { $0 == " " }
                    guard text.hasPrefix("//") || text.hasPrefix("@") else { break }
                    if text.drop(while: { $0 == "/" }).drop(while: { $0 == " " }).hasPrefix("`\(marker)`:") { explained = true }
                    above -= 1
                }
                if !explained { found.append("\(path):\(index + 1)") }
            }
        }
        return found
    }

    @Test func packageUsesSwift6LanguageMode() throws {
        let manifest = try String(contentsOf: Self.root.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(manifest.contains("swiftLanguageModes: [.v6]"))
        // No target may step back to an older mode on its own.
        #expect(!manifest.contains("swiftLanguageMode("))
        #expect(!manifest.contains("-swift-version"))
    }

    /// `@unchecked Sendable` and `nonisolated(unsafe)` switch the compiler's proof off; each one
    /// carries the proof in a comment instead, in Sources and Tests alike.
    @Test(arguments: [unchecked, unsafeIsolation])
    func everyOptOutIsExplained(marker: String) throws {
        let files = try Self.swiftFiles(under: "Sources") + Self.swiftFiles(under: "Tests")
        #expect(files.count > 300)
        let missing = Self.unexplained(marker, in: files)
        #expect(missing.isEmpty, "no comment line starting with \"`\(marker)`:\" right above: \(missing)")
    }

    /// The scan finds an opt-out without its comment, and accepts one with it.
    @Test func scanSeesAnUnexplainedOptOut() {
        let bare: [Substring] = ["/// A box.", "final class Box: \(Self.unchecked) {}"]
        let explained: [Substring] = ["/// A box.", "///", "/// `\(Self.unchecked)`: only one thread has it.",
            "final class Box: \(Self.unchecked) {}"]
        #expect(Self.unexplained(Self.unchecked, in: [("Box.swift", bare)]) == ["Box.swift:2"])
        #expect(Self.unexplained(Self.unchecked, in: [("Box.swift", explained)]).isEmpty)
    }

    /// One concurrency helper: no other product source starts threads or dispatch work itself.
    @Test func onlyTheHelperStartsThreads() throws {
        let words = ["DispatchQueue", "DispatchGroup", "DispatchSemaphore", "Thread(", "Thread {", "Thread.detach", "Task {",
            "Task.detached"]
        var found: [String] = []
        for (path, lines) in try Self.swiftFiles(under: "Sources") where !path.hasPrefix("Sources/PlatformConcurrency/") {
            for (index, line) in lines.enumerated() where !line.drop(while: { $0 == " " }).hasPrefix("//") {
                if words.contains(where: { line.contains($0) }) { found.append("\(path):\(index + 1)") }
            }
        }
        #expect(found.isEmpty, "threads started outside Sources/PlatformConcurrency: \(found)")
    }
}
