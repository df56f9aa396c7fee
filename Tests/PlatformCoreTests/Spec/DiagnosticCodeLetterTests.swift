import Foundation
import Testing

/// A code's letter is its severity (docs/diagnostics.md): every place that reports a code with a
/// literal severity (`Diagnostic(.note, Codes.x, …)`, `bag.warning(Codes.x, …)`) uses an `N`, `W`
/// or `E` code to match; `P` codes (policy rules) take the severity `policy:` gives them.
@Suite struct DiagnosticCodeLetterTests {
    @Test func everyReportedCodesLetterIsItsSeverity() throws {
        let sources = Golden.repoRoot.appendingPathComponent("Sources")
        var codes: [String: String] = [:], texts: [String: String] = [:]
        let declaration =
            try NSRegularExpression(pattern: #"(?:enum|struct|extension)\s+(\w+)|static let (\w+): DiagnosticCode = "([A-Z][0-9]{4})""#)
        let use = try NSRegularExpression(pattern: #"(?:Diagnostic\(|\.)(note|warning|error)[(,]\s*(\w+\.\w+)"#)
        for case let path as String in FileManager.default.enumerator(atPath: sources.path)! where path.hasSuffix(".swift") {
            let text = try String(contentsOf: sources.appendingPathComponent(path), encoding: .utf8)
            texts[path] = text
            var owner = ""
            for m in declaration.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                func group(_ i: Int) -> String? { Range(m.range(at: i), in: text).map { String(text[$0]) } }
                if let name = group(1) { owner = name } else { codes["\(owner).\(group(2)!)"] = group(3)! }
            }
        }
        var wrong: [String] = []
        for (path, text) in texts.sorted(by: { $0.key < $1.key }) {
            for m in use.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                let severity = String(text[Range(m.range(at: 1), in: text)!]), name = String(text[Range(m.range(at: 2), in: text)!])
                guard let code = codes[name], code.first != "P" else { continue }
                let letter: Character = severity == "note" ? "N" : severity == "warning" ? "W" : "E"
                if code.first != letter { wrong.append("\(code) reported as a \(severity) (\(path))") }
            }
        }
        #expect(codes.count > 100, "the scan found the code tables")
        #expect(wrong == [])
    }
}
