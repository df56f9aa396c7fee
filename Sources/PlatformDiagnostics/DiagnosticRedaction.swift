import Foundation
import PlatformConcurrency

/// Finds credentials in text: the shapes of `PlatformCore.CredentialShapes`, handed in by the
/// caller so this module needs no knowledge of token formats.
package struct CredentialDetector: Sendable {
    /// Where credentials occur in a text (message, note, help).
    package var ranges: @Sendable (String) -> [Range<String.Index>]
    /// True when a source line shows a credential (also judging `key: value` pairs on it).
    package var showsCredential: @Sendable (Substring) -> Bool

    package init(ranges: @escaping @Sendable (String) -> [Range<String.Index>],
                showsCredential: @escaping @Sendable (Substring) -> Bool) {
        self.ranges = ranges
        self.showsCredential = showsCredential
    }
}

/// The one redaction step every diagnostic passes before it is printed: no message, note, help
/// or source line may show the bytes of a credential found in the sources. It knows the exact
/// texts a scan found (`hide`), the lines they stand on, and optionally a detector of shapes.
///
/// A diagnostic keeps its code, severity and location; every occurrence of a known credential in
/// its texts (in any letter case), every backticked fragment derived from one (`name` suggestions
/// lower-case it and replace characters), and every shape the detector finds become
/// `<redacted>`. A diagnostic located on a line that shows a credential prints no snippet.
package struct DiagnosticRedaction: Sendable {
    package static let placeholder = "<redacted>"

    /// The credentials found, each also split into its lines (a PEM block's body lines).
    package private(set) var secrets: [String] = []
    /// file → lines that show a credential.
    package private(set) var lines: [String: Set<Int>] = [:]
    package var detector: CredentialDetector?

    package init(detector: CredentialDetector? = nil) { self.detector = detector }

    /// True when nothing is known and nothing can be detected: `apply` returns its input.
    package var isEmpty: Bool { secrets.isEmpty && detector == nil }

    /// Records a credential found at `location`; `text` is the whole value (or key) that holds it.
    package mutating func hide(_ text: String, at location: SourceLocation?) {
        let pieces = [text] + text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        for piece in pieces where piece.count >= Self.shortestPiece && !secrets.contains(piece) { secrets.append(piece) }
        guard let location else { return }
        let spanned = text.reduce(0) { $1.isNewline ? $0 + 1 : $0 }
        lines[location.file, default: []].formUnion(location.line...(location.line + spanned))
    }

    package mutating func merge(_ other: DiagnosticRedaction) {
        for secret in other.secrets where !secrets.contains(secret) { secrets.append(secret) }
        lines.merge(other.lines) { $0.union($1) }
        if detector == nil { detector = other.detector }
    }

    /// Pieces shorter than this are not searched for (`a`, `--`): too common to mean anything.
    static let shortestPiece = 6
    /// A backticked fragment derived from a secret shares this many letters and digits with it
    /// (or all of them, for a shorter secret).
    static let derivedWindow = 12

    // MARK: Applying

    package func apply(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !isEmpty else { return diagnostic }
        var d = diagnostic
        d.message = scrub(d.message)
        d.notes = d.notes.map { DiagnosticNote(scrub($0.message), at: $0.location) }
        d.help = d.help.map(scrub)
        if let location = d.location, lines[location.file]?.contains(location.line) == true { d.redactsSource = true }
        return d
    }

    /// `apply` to each diagnostic, in order; a large batch (a spec with thousands of warnings) is
    /// redacted on all cores, each diagnostic on its own, so the result is the serial map's.
    package func apply(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        guard !isEmpty else { return diagnostics }
        guard diagnostics.count >= Self.concurrentBatch else { return diagnostics.map(apply) }
        let redaction = self
        return Array(diagnostics.concurrentRuns(of: Self.runLength) { run in run.map(redaction.apply) }.joined())
    }

    /// From this many diagnostics on, `apply` and the text renderer work in runs of `runLength` on
    /// all cores: below it, the dispatch costs more than it saves.
    package static let concurrentBatch = 64
    package static let runLength = 32

    /// True when a source line (number `line` of `file`) must not be printed.
    package func hidesLine(_ text: Substring, line: Int, file: String) -> Bool {
        if lines[file]?.contains(line) == true { return true }
        if !secrets.isEmpty {
            let trimmed = text.trimmingCharacters(in: .whitespaces)
            for secret in secrets where text.contains(secret) || (trimmed.count >= Self.shortestPiece && secret.contains(trimmed)) {
                return true
            }
        }
        return detector?.showsCredential(text) ?? false
    }

    /// `text` with every known credential, derived fragment and detected shape replaced.
    package func scrub(_ text: String) -> String {
        var out = text
        for secret in secrets.sorted(by: { $0.count > $1.count }) where out.range(of: secret, options: .caseInsensitive) != nil {
            out = out.replacingOccurrences(of: secret, with: Self.placeholder, options: .caseInsensitive)
        }
        // Without a known secret no fragment is derived from one: skip folding every fragment.
        if !secrets.isEmpty { out = replacingBackticked(out) { fragment in isDerived(fragment) } }
        if let detector {
            let found = detector.ranges(out).sorted { $0.lowerBound < $1.lowerBound }
            if !found.isEmpty {
                var result = "", cursor = out.startIndex
                for range in found where range.upperBound > cursor {
                    if range.lowerBound > cursor { result += out[cursor..<range.lowerBound] }
                    result += Self.placeholder
                    cursor = range.upperBound
                }
                out = result + out[cursor...]
            }
        }
        return out
    }

    /// True when a backticked fragment shares `derivedWindow` letters and digits (case folded)
    /// with a known secret: `sk-proj-abc…` suggested for `sk_proj_ABC…`.
    private func isDerived(_ fragment: Substring) -> Bool {
        let folded = Self.fold(fragment)
        guard folded.count >= Self.shortestPiece else { return false }
        for secret in secrets {
            let key = Self.fold(Substring(secret))
            let window = min(Self.derivedWindow, key.count)
            guard window >= Self.shortestPiece, folded.count >= window else { continue }
            var start = key.startIndex
            while key.distance(from: start, to: key.endIndex) >= window {
                let end = key.index(start, offsetBy: window)
                if folded.contains(key[start..<end]) { return true }
                start = key.index(after: start)
            }
        }
        return false
    }

    /// Lower-cased letters and digits only.
    private static func fold(_ text: Substring) -> String {
        String(text.lowercased().filter { $0.isLetter || $0.isNumber })
    }

    /// `text` with each `…` fragment for which `hides` is true replaced by `<redacted>`.
    private func replacingBackticked(_ text: String, _ hides: (Substring) -> Bool) -> String {
        let parts = text.split(separator: "`", omittingEmptySubsequences: false)
        guard parts.count >= 3 else { return text }
        var out = ""
        for (index, part) in parts.enumerated() {
            if index > 0 { out += "`" }
            // Odd parts sit between a pair of backticks (a last odd part has no closing one).
            let enclosed = index % 2 == 1 && index < parts.count - 1
            out += enclosed && hides(part) ? Self.placeholder : String(part)
        }
        return out
    }
}
