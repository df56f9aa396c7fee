import Foundation
import Testing

/// No line of Swift in Sources/ or Tests/ is over 140 characters (Unicode scalars, as Python's
/// `len` counts them). `python3 tools/wrap-long-lines.py` wraps the lines that are, in the
/// project's style; this test keeps them from coming back.
@Suite struct LineLengthTests {
    static let limit = 140
    static let root = LayeringTests.root

    /// The lines of `text` over the limit: (1-based line number, length).
    static func longLines(in text: String) -> [(line: Int, length: Int)] {
        text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
            .map { (line: $0.offset + 1, length: $0.element.unicodeScalars.count) }
            .filter { $0.length > limit }
    }

    static func swiftFiles(under folder: String) -> [URL] {
        PackageSources.swiftFiles(root.appendingPathComponent(folder))
    }

    @Test(arguments: ["Sources", "Tests"])
    func noLineIsOver140Characters(folder: String) throws {
        let files = Self.swiftFiles(under: folder)
        #expect(!files.isEmpty, "no Swift file under \(folder)")
        var found: [String] = []
        for file in files {
            let relative = String(file.path.dropFirst(Self.root.path.count + 1))
            for long in Self.longLines(in: try String(contentsOf: file, encoding: .utf8)) {
                found.append("\(relative):\(long.line): \(long.length) characters")
            }
        }
        #expect(found.isEmpty, """
            \(found.count) line(s) over \(Self.limit) characters (run `python3 tools/wrap-long-lines.py`): \
            \(found.prefix(20).joined(separator: "; "))
            """)
    }

    @Test func countsScalarsAndNumbersLinesFromOne() {
        let long = String(repeating: "é", count: Self.limit + 1)
        let text = "short\n" + String(repeating: "x", count: Self.limit) + "\n" + long + "\n"
        #expect(Self.longLines(in: text).map { [$0.line, $0.length] } == [[3, Self.limit + 1]])
    }
}
