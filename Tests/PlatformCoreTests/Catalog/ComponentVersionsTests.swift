import PlatformCore
import PlatformDiagnostics
import Testing

/// One table of component versions, pinned, overridable by `components:` (issue #16, finding 9).
@Suite struct ComponentVersionsTests {
    static func components(_ body: String) -> [(String, String)] {
        [("    cluster: prod\n", "    cluster: prod\ncomponents:\n" + body)]
    }

    @Test func everyPinnedImageHasAVersionTag() {
        for component in ComponentVersions.images {
            #expect(!component.tag.isEmpty && component.tag != "latest" && !component.tag.hasPrefix("main"), "\(component.image)")
            #expect(component.image.hasPrefix(component.repository + ":"))
            #expect(!component.release.isEmpty)
        }
        #expect(Set(ComponentVersions.images.map(\.name)).count == ComponentVersions.images.count)
    }

    /// Every container of the bundled platform runs an image of the table, or the one its spec names.
    @Test func bundledPlatformEmitsOnlyTableImages() throws {
        let output = PlatformCompile.compile()
        let set = try #require(output.manifests)
        let table = Set(ComponentVersions.images.map(\.image))
        let stated = Set(output.platform?.training.map(\.image) ?? [])
        var seen: Set<String> = []
        for manifest in set.clusters.flatMap(\.manifests) { Self.images(in: manifest.value, into: &seen) }
        #expect(!seen.isEmpty)
        for image in seen.sorted() {
            #expect(table.contains(image) || stated.contains(image), "`\(image)` is not in ComponentVersions")
            #expect(!image.hasSuffix(":latest") && !image.hasSuffix(":main-stable"), "`\(image)` moves")
        }
        #expect(seen.contains(ComponentVersions.liteLLM.image))
    }

    static func images(in value: ManifestValue, into seen: inout Set<String>) {
        if let map = value.mapValue {
            for entry in map {
                if entry.key == "image", let image = entry.value.stringValue {
                    seen.insert(image)
                } else {
                    images(in: entry.value, into: &seen)
                }
            }
        } else if let list = value.listValue {
            for child in list { images(in: child, into: &seen) }
        }
    }

    @Test func unknownComponentIsAnErrorAtItsKey() {
        let lines = Fixture.lines(Self.components("  vlm:\n    image: vllm/vllm-openai:v0.12.0\n"))
        #expect(lines == ["52:3: error[E7401]: unknown component `vlm` in `components` | help: did you mean `vllm`?"])
    }

    @Test func imageWithoutTagOrDigestIsAnErrorAtTheImage() {
        let lines =
            Fixture.lines(Self.components("  litellm:\n    image: ghcr.io/berriai/litellm\n  vllm:\n    image: vllm/vllm-openai:latest\n"))
        #expect(lines == [
            "53:12: error[E7402]: image `ghcr.io/berriai/litellm` of component `litellm` has no tag (it means `latest`) and no digest"
                + " | help: pin it by version tag or digest, e.g. `ghcr.io/berriai/litellm:\(ComponentVersions.liteLLM.tag)` or "
                + "`…@sha256:<digest>`",
            "55:12: error[E7402]: image `vllm/vllm-openai:latest` of component `vllm` uses the mutable tag `latest` and no digest"
                + " | help: pin it by version tag or digest, e.g. `vllm/vllm-openai:v0.34.0` or `…@sha256:<digest>`",
        ])
    }

    @Test func overrideReplacesTheImageEverywhereAndWarnsAboutCheckedFacts() throws {
        let digest = "registry.example/litellm@sha256:" + String(repeating: "ab", count: 32)
        let replacements = Self.components("  vllm:\n    image: vllm/vllm-openai:v0.12.0\n  litellm:\n    image: \(digest)\n")
        let diagnostics = Fixture.diagnostics(replacements)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        let warnings = diagnostics.filter { $0.code == "W7403" }
        #expect(warnings.map { "\($0.location!.line):\($0.location!.column)" } == ["53:12", "55:12"])
        #expect(warnings.first?.message == """
            component `vllm` runs `vllm/vllm-openai:v0.12.0`, not `vllm/vllm-openai:v0.34.0` whose flags and metric names platformc checked
            """)
        #expect(warnings.first?.notes.isEmpty == false)
        let set = Fixture.manifests(replacements)
        let vllm = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b", namespace: "search"))
        #expect(vllm.value.at("spec", "template", "spec", "containers", "[name=vllm]", "image") == "vllm/vllm-openai:v0.12.0")
        let litellm = try #require(Fixture.object(set, kind: "Deployment", name: "litellm"))
        #expect(litellm.value.at("spec", "template", "spec", "containers", "[name=litellm]", "image") == .string(digest))
    }

    /// A model's own `image` still wins over `components.vllm`.
    @Test func modelImageWinsOverTheComponentDefault() throws {
        let set = Fixture.manifests(Self.components("  vllm:\n    image: vllm/vllm-openai:v0.12.0\n")
                                        + [("    architecture: llama-3-70b\n",
                                            "    architecture: llama-3-70b\n    image: vllm/vllm-openai:v0.10.2\n")])
        let vllm = try #require(Fixture.object(set, kind: "Deployment", name: "llama-3-70b", namespace: "search"))
        #expect(vllm.value.at("spec", "template", "spec", "containers", "[name=vllm]", "image") == "vllm/vllm-openai:v0.10.2")
    }
}
