import Foundation
@testable import PlatformCore
import PlatformDiagnostics
@testable import PlatformFrontEnd
import PlatformGenerate
import Testing

/// The front end runs its independent checks at once (`FrontEnd.run(_:on:into:)`): its findings,
/// their order and the credentials recorded for redaction must be those of the checks run one
/// after the other, on specs that make many checks report (warnings, errors, a credential).
@Suite struct FrontEndConcurrencyTests {
    /// The front end as it ran before its checks ran at once: the same lists, one after the other.
    static func serial(_ bytes: [UInt8], file: String) -> (DiagnosticBag, Platform?) {
        var bag = DiagnosticBag()
        bag.redaction.detector = .credentialShapes
        guard let root = YAMLLoader(file: file).load(bytes, into: &bag), !bag.hasErrors else { return (bag, nil) }
        for check in FrontEnd.treeChecks { check(root, &bag) }
        guard !bag.hasErrors else { return (bag, nil) }
        var platform = Lowering(file: file).lower(root, into: &bag)
        PoolTopology.apply(to: &platform, files: [:], refusals: [:], into: &bag)
        platform.indexNames()
        for check in FrontEnd.platformChecks { check(platform, &bag) }
        guard !bag.hasErrors else { return (bag, nil) }
        PlatformValidator().check(platform, into: &bag)
        return (bag, bag.hasErrors ? nil : platform)
    }

    /// A generated fleet whose models name unknown architectures (hardware-rule warnings),
    /// optionally with a route to a model that does not exist (a reference error) or a credential
    /// written into the spec (a tree-check error that is also recorded for redaction).
    static func spec(brokenRoute: Bool, credential: Bool = false) -> String {
        var text = PlatformGenerator.generate(GeneratorParameters(seed: 3, clusters: 2, nodes: 40, models: 30, teams: 4))
        var n = 0
        text = text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            guard line.hasPrefix("    architecture: ") else { return String(line) }
            n += 1
            return n % 2 == 0 ? "    architecture: custom-arch-\(n)" : String(line)
        }.joined(separator: "\n")
        if brokenRoute, let range = text.range(of: "{ model: m-") {
            text.replaceSubrange(range, with: "{ model: no-such-m-")
        }
        if credential, let range = text.range(of: "apiKeySecret: openai-api-key") {
            text.replaceSubrange(range, with: "apiKeySecret: sk-proj-AbCdEfGhIjKlMnOpQrStUv0123456789")
        }
        return text
    }

    static func compare(_ spec: String) {
        let bytes = Array(spec.utf8)
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "platform.yaml").run(bytes, into: &bag)
        let (expected, serialPlatform) = Self.serial(bytes, file: "platform.yaml")
        #expect(bag.all == expected.all)
        #expect(bag.redaction.secrets == expected.redaction.secrets)
        #expect(bag.redaction.lines == expected.redaction.lines)
        #expect((platform == nil) == (serialPlatform == nil))
        #expect(platform?.models.map(\.name) == serialPlatform?.models.map(\.name))
    }

    @Test func warningsAsTheSerialRun() {
        let spec = Self.spec(brokenRoute: false)
        Self.compare(spec)
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag)
        #expect(bag.warningCount > 10 && !bag.hasErrors, "\(bag.all.map(\.code))")
    }

    @Test func errorsAsTheSerialRun() {
        let spec = Self.spec(brokenRoute: true)
        Self.compare(spec)
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag)
        #expect(bag.hasErrors)
    }

    @Test func credentialAsTheSerialRun() {
        let spec = Self.spec(brokenRoute: false, credential: true)
        Self.compare(spec)
        var bag = DiagnosticBag()
        _ = FrontEnd(file: "platform.yaml").run(Array(spec.utf8), into: &bag)
        #expect(bag.hasErrors && !bag.redaction.secrets.isEmpty)
    }

    @Test func bundledPlatformAsTheSerialRun() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
        Self.compare(try String(contentsOf: root.appendingPathComponent("platform.yaml"), encoding: .utf8))
    }

    /// The runner itself: each check into its own bag, the bags appended in the checks' order,
    /// the credentials a check records merged as a direct report would have recorded them.
    @Test func runnerKeepsTheChecksOrder() {
        let checks: [@Sendable (Int, inout DiagnosticBag) -> Void] = (0..<40).map { k in
            { input, bag in
                if k % 3 == 0 { bag.redaction.hide("secret-value-\(k % 6)", at: SourceLocation(file: "f", line: k, column: 1)) }
                for i in 0..<(k % 4) { bag.warning(DiagnosticCode(rawValue: "W\(k)"), "check \(k) finding \(i) on \(input)", at: nil) }
            }
        }
        var concurrent = DiagnosticBag(), serial = DiagnosticBag()
        FrontEnd.run(checks, on: 7, into: &concurrent)
        for check in checks { check(7, &serial) }
        #expect(concurrent.all == serial.all)
        #expect(concurrent.redaction.secrets == serial.redaction.secrets)
        #expect(concurrent.redaction.lines == serial.redaction.lines)
        #expect(concurrent.all.count == (0..<40).reduce(0) { $0 + $1 % 4 })
    }

    /// `check` renders no tree, so its front end skips the spec's digest, which only the lock file
    /// and the commit message read; its findings are the same.
    @Test func digestOnlyWhenTheTreeIsRendered() {
        let bytes = Array(Self.spec(brokenRoute: false).utf8)
        var withDigest = DiagnosticBag(), without = DiagnosticBag()
        let digested = FrontEnd(file: "platform.yaml").run(bytes, into: &withDigest)
        let plain = FrontEnd(file: "platform.yaml", digestsSpec: false).run(bytes, into: &without)
        #expect(digested?.specDigest.count == 64)
        #expect(plain?.specDigest == "")
        #expect(withDigest.all == without.all)
        var checking = Compiler()
        checking.rendersTree = false
        #expect(checking.compile(spec: bytes, file: "platform.yaml").platform?.specDigest == "")
        let rendered = Compiler().compile(spec: bytes, file: "platform.yaml")
        #expect(rendered.platform?.specDigest == digested?.specDigest)
        #expect(rendered.tree?.files[LockFile.path]?.contains("sha256:\(digested?.specDigest ?? "-")") == true)
    }
}
