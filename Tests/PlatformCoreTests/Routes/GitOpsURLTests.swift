import Foundation
import PlatformCore
import PlatformDiagnostics
import Testing

/// Issue #16 finding 8 (part): Argo CD's ApplicationSet names a URL it can clone.
@Suite struct GitOpsURLTests {
    static let urlLine = "  url: https://github.com/acme/platform-gitops.git   # what Argo CD clones (the same repository; branch: main)\n"

    static func lines(_ text: String, codes: Set<String>) -> [String] {
        RouteHostnameTests.compile(text).filter { codes.contains($0.code.rawValue) }.map { d in
            let loc = d.location.map { "\($0.line):\($0.column): " } ?? ""
            let notes = d.notes.map { n in " | note: " + (n.location.map { "\($0.line):\($0.column): " } ?? "") + n.message }.joined()
            return "\(loc)\(d.severity.rawValue)[\(d.code)]: \(d.message)\(notes)" + (d.help.map { " | help: \($0)" } ?? "")
        }
    }

    @Test func aLocalRepositoryWithArgoCDNeedsAURL() {
        // The bundled platform before the fix: `repoURL: ./gitops`.
        let text = RouteHostnameTests.bundled.replacingOccurrences(of: Self.urlLine, with: "  branch: main\n")
        #expect(text != RouteHostnameTests.bundled)
        #expect(Self.lines(text, codes: ["E1302", "E1303"]) == [
            "9:15: error[E1302]: `gitops.repository` is a local path, which Argo CD cannot clone"
                + " | note: 12:11: the ApplicationSet's `repoURL` would be `./gitops`"
                + " | help: add `gitops.url:` with the URL Argo CD clones the same repository from",
        ])
    }

    @Test func aURLThatIsNotOne() {
        let text = RouteHostnameTests.bundled.replacingOccurrences(of: Self.urlLine, with: "  url: ../gitops\n")
        #expect(Self.lines(text, codes: ["E1302", "E1303"]) == [
            "10:8: error[E1303]: `gitops.url` is not a URL the GitOps engine can clone"
                + " | help: write the repository's clone URL, e.g. `https://github.com/acme/platform-gitops.git`",
        ])
    }

    @Test func theBundledApplicationSetClonesTheURL() throws {
        let out = Compiler().compile(spec: Array(RouteHostnameTests.bundled.utf8), file: "platform.yaml")
        #expect(!out.diagnostics.hasErrors)
        let text = try #require(out.tree?.files["argocd/applicationset-acme-ai.yaml"])
        #expect(text.components(separatedBy: "repoURL: https://github.com/acme/platform-gitops.git\n").count == 3)
        #expect(!text.contains("./gitops"))
    }

    @Test func fluxAndADefaultedEngineNeedNoURL() {
        for edit in [("  engine: argocd", "  engine: flux"), ("  engine: argocd\n", "")] {
            let text = RouteHostnameTests.bundled.replacingOccurrences(of: Self.urlLine, with: "  branch: main\n")
                .replacingOccurrences(of: edit.0, with: edit.1)
            #expect(Self.lines(text, codes: ["E1302", "E1303"]).isEmpty)
        }
    }
}
