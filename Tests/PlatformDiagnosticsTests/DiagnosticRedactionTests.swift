import Foundation
import PlatformDiagnostics
import PlatformDocument
import Testing

/// The redaction step: a credential a scan recorded, or one the detector finds, never reaches
/// the output of any format, neither in a message, note or help nor in a source line.
@Suite struct DiagnosticRedactionTests {
    static let secret = "sk_proj_AbCdEfGhIjKlMnOpQrStUv0123"
    static let source = """
        providers:
          - { name: openai, apiKeySecret: \(secret), colour: red }
          - name: pem
            apiKeySecret: |
              -----BEGIN PRIVATE KEY-----
              MIIEvQIBADANBgkqhkiG9w0BAQEFAASC
              -----END PRIVATE KEY-----

        """
    static let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n"

    static func at(_ line: Int, _ column: Int) -> PlatformDiagnostics
        .SourceLocation { PlatformDiagnostics.SourceLocation(file: "platform.yaml", line: line, column: column) }

    static var redaction: DiagnosticRedaction {
        var redaction = DiagnosticRedaction()
        redaction.hide(secret, at: at(2, 35))
        redaction.hide(pem, at: at(4, 19))
        return redaction
    }

    /// A test detector for `tok_` followed by letters and digits (the real one is PlatformCore's CredentialShapes).
    static let detector = CredentialDetector(
        ranges: { text in
            var found: [Range<String.Index>] = []
            var start = text.startIndex
            while let range = text.range(of: #"tok_[A-Za-z0-9]+"#, options: .regularExpression, range: start..<text.endIndex) {
                found.append(range)
                start = range.upperBound
            }
            return found
        },
        showsCredential: { $0.contains("tok_") })

    static func renderAll(_ d: Diagnostic, _ redaction: DiagnosticRedaction) -> String {
        let renderer = DiagnosticRenderer(sources: ["platform.yaml": source], redaction: redaction)
        return DiagnosticFormat.allCases.map { renderer.render([d], as: $0) }.joined()
    }

    @Test func recordedSecretIsReplacedInMessageNotesAndHelpInEveryFormat() {
        // As E1021 words it: the value, then a lower-cased suggestion with `_` turned into `-`.
        let d = Diagnostic(.error, "E1021", "`\(Self.secret)` is not a DNS-1123 label", at: Self.at(2, 35),
                           notes: [DiagnosticNote("also used as \(Self.secret.uppercased())", at: Self.at(3, 5))],
                           help: "use lower-case letters, e.g. `sk-proj-abcdefghijklmnopqrstuv0123`")
        let out = Self.renderAll(d, Self.redaction)
        #expect(!out.lowercased().contains("abcdefghijklmnop"))
        #expect(out.contains("platform.yaml:2:35: error[E1021]: `<redacted>` is not a DNS-1123 label\n"))
        #expect(out.contains("  = note: also used as <redacted> (platform.yaml:3:5)\n"))
        #expect(out.contains("  = help: use lower-case letters, e.g. `<redacted>`\n"))
    }

    @Test func aLineShowingACredentialIsNeverPrinted() {
        // E1010 at `colour`, on the line of the key; E1011 at a PEM body line; E1012 on a clean line.
        let beside = Diagnostic(.error, "E1010", "unknown key `colour` in provider `openai`", at: Self.at(2, 57))
        let body = Diagnostic(.error, "E1011", "expected a string", at: Self.at(6, 7))
        let clean = Diagnostic(.error, "E1012", "missing required key `kind` in provider `pem`", at: Self.at(3, 5))
        let renderer = DiagnosticRenderer(sources: ["platform.yaml": Self.source], redaction: Self.redaction)
        #expect(renderer.text(beside) == "platform.yaml:2:57: error[E1010]: unknown key `colour` in provider `openai`\n")
        #expect(renderer.text(body) == "platform.yaml:6:7: error[E1011]: expected a string\n")
        #expect(renderer.text(clean).contains("3 |   - name: pem\n"))
        // Without a location for the secret, the PEM body line is still hidden: it is a piece of it.
        var onlyText = DiagnosticRedaction()
        onlyText.hide(Self.pem, at: nil)
        #expect(!DiagnosticRenderer(sources: ["platform.yaml": Self.source], redaction: onlyText).text(body).contains("MIIE"))
    }

    @Test func detectorScrubsTextAndLinesNoScanRecorded() {
        let source = "a: 1\nb: tok_Zz9Yy8Xx7\n"
        let d = Diagnostic(.warning, "P7001", "image `registry/tok_Zz9Yy8Xx7:latest` is not pinned",
            at: PlatformDiagnostics.SourceLocation(file: "s.yaml", line: 2, column: 4))
        let renderer = DiagnosticRenderer(sources: ["s.yaml": source], redaction: DiagnosticRedaction(detector: Self.detector))
        for format in DiagnosticFormat.allCases { #expect(!renderer.render([d], as: format).contains("Zz9Yy8Xx7")) }
        #expect(renderer.text(d) == "s.yaml:2:4: warning[P7001]: image `registry/<redacted>:latest` is not pinned\n")
    }

    @Test func bagRedactsBeforeDroppingDuplicatesAndMergesWhatItKnows() {
        var scan = DiagnosticBag()
        scan.redaction.hide(Self.secret, at: Self.at(2, 35))
        var bag = DiagnosticBag()
        bag.error("E1021", "`\(Self.secret)` is not a DNS-1123 label", at: Self.at(2, 35))
        bag.error("E1021", "`\(Self.secret.lowercased())` is not a DNS-1123 label", at: Self.at(2, 35))
        bag.append(contentsOf: scan)
        let printed = bag.sorted
        #expect(printed.map(\.message) == ["`<redacted>` is not a DNS-1123 label"])
        #expect(printed.allSatisfy { $0.redactsSource })
        #expect(bag.errorCount == 2)
    }

    @Test func nothingRecordedChangesNothing() {
        let d = Diagnostic(.error, "E1021", "team name `Search` is not a DNS-1123 label", at: Self.at(3, 11), help: "e.g. `search`")
        #expect(DiagnosticRedaction().apply(d) == d)
        #expect(Self.redaction.apply(d) == d)
    }
}
