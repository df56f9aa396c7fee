import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Issue #15 finding 4: a hostname reaches one cluster; DNS cannot split it by path.
@Suite struct RouteHostnameTests {
    static let bundled = try! String(contentsOf: Golden.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)

    static func compile(_ text: String) -> [Diagnostic] {
        Compiler().compile(spec: Array(text.utf8), file: "platform.yaml").diagnostics.sorted
    }

    @Test func oneHostnameInTwoClustersIsAnErrorAtTheSecondRoutesHostname() throws {
        // The bundled platform before the fix: chat (prod-use1) and embeddings (prod-usw2) on api.acme.ai.
        let text = Self.bundled.replacingOccurrences(of: "hostnames: [embed.acme.ai]", with: "hostnames: [api.acme.ai]")
        #expect(text != Self.bundled)
        let found = Self.compile(text).filter { $0.code == "E1300" }
        #expect(found.count == 1)
        let d = try #require(found.first)
        #expect(d.severity == .error)
        #expect(d.location.map { "\($0.line):\($0.column)" } == "172:17")
        #expect(d
            .message == "hostname `api.acme.ai` of route `embeddings` is served in `prod-usw2`, but route `chat` serves it in `prod-use1`")
        #expect(d.notes.map(\.message) == ["route `chat` serves `api.acme.ai` here"])
        #expect(d.notes.compactMap(\.location).map { "\($0.line):\($0.column)" } == ["143:17"])
        #expect(d.help == """
            give each cluster its own hostname (e.g. `embeddings.acme.ai`): DNS sends a hostname to one place and cannot split it by path
            """)
    }

    @Test func routesSharingAHostnameInOneClusterAreFine() {
        // code (qwen-coder-14b) and support-chat (llama-3-8b) both run in prod-usw2.
        let text = Self.bundled.replacingOccurrences(of: "hostnames: [support.acme.ai]", with: "hostnames: [code.acme.ai]")
        #expect(text != Self.bundled)
        #expect(Self.compile(text).filter { $0.code == "E1300" }.isEmpty)
    }

    @Test func theBundledPlatformServesEachHostnameFromOneCluster() {
        #expect(Self.compile(Self.bundled).filter { $0.code == "E1300" }.isEmpty)
    }
}
