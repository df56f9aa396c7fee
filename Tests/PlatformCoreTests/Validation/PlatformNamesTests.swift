import PlatformCore
import PlatformDiagnostics
import Testing

/// `Platform.model(_:)` and its siblings answer from an index built by the front end
/// (`PlatformNames`): the same answers as a scan, and never stale once a list changes.
@Suite struct PlatformNamesTests {
    func platform() throws -> Platform {
        var bag = DiagnosticBag()
        return try #require(FrontEnd(file: "platform.yaml").run(Array(Fixture.spec([]).utf8), into: &bag))
    }

    @Test func lookupsFindEachNamedEntity() throws {
        let p = try platform()
        #expect(p.model("llama-3-70b")?.team == "search")
        #expect(p.team("search")?.gpuQuota == 24)
        #expect(p.cluster("prod")?.nodePools.map(\.name) == ["h100"])
        #expect(p.provider("openai")?.apiKeySecret == "openai-api-key")
        #expect(p.mcpServer("k8s-tools")?.url == "http://k8s-mcp.tools:8080/mcp")
        #expect(p.model("search") == nil && p.team("llama-3-70b") == nil && p.cluster("") == nil)
    }

    /// A list changed after indexing is looked up as it is now, not as it was indexed.
    @Test func changingAListKeepsLookupsRight() throws {
        var p = try platform()
        var other = try #require(p.model("llama-3-70b"))
        other.name = "mistral-7b"
        p.models.insert(other, at: 0)
        #expect(p.model("mistral-7b")?.name == "mistral-7b")
        #expect(p.model("llama-3-70b")?.name == "llama-3-70b")
        p.models[1].team = "ads"
        #expect(p.model("llama-3-70b")?.team == "ads")
        p.models.removeAll()
        #expect(p.model("llama-3-70b") == nil)
        p.teams[0].name = "ads"
        #expect(p.team("search") == nil && p.team("ads") != nil)
        p.indexNames()
        p.teams.append(p.teams[0])
        p.teams[1].gpuQuota = 1
        #expect(p.team("ads")?.gpuQuota == 24)  // the first of a name, as a scan finds it
    }
}
