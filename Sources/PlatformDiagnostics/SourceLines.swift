/// A source text with the offset of every line start, built in one pass: line `n` is then found
/// without splitting the text again (a spec with hundreds of warnings would otherwise be split once
/// per warning). Lines end at "\n"; a "\r" before it (CRLF files) is not part of the line.
struct SourceLines {
    private let text: String
    /// UTF-8 positions of the start of lines 1, 2, …; one more than the number of "\n".
    private let starts: [String.Index]

    init(_ text: String) {
        self.text = text
        var starts = [text.startIndex]
        let utf8 = text.utf8
        var i = utf8.startIndex
        while let newline = utf8[i...].firstIndex(of: UInt8(ascii: "\n")) {
            i = utf8.index(after: newline)
            starts.append(i)
        }
        self.starts = starts
    }

    /// Line `number` (1-based) without its line break, or nil when the text has no such line.
    func line(_ number: Int) -> Substring? {
        guard number >= 1, number <= starts.count else { return nil }
        let start = starts[number - 1]
        var end = number < starts.count ? text.utf8.index(before: starts[number]) : text.endIndex
        if end > start, text.utf8[text.utf8.index(before: end)] == UInt8(ascii: "\r") { end = text.utf8.index(before: end) }
        return Substring(text.utf8[start..<end])
    }
}
