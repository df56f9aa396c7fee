import Foundation
import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd
@testable import PlatformDiff

/// `PlainJSON` reads what the YAML parser reads from the same text, or declines.
@Suite struct PlainJSONTests {
    static func yaml(_ text: String) -> ManifestValue? { try? ManifestValue.parse(yaml: text) }

    @Test func lockFilesOfCompiledPlatformsReadAsYAMLReadsThem() throws {
        let generated = PlatformGenerator.generate(GeneratorParameters(seed: 7, clusters: 3, nodes: 60, models: 30, teams: 5))
        for output in [try BundledPlatformServingTests.compile(), Compiler().compile(spec: Array(generated.utf8), file: "gen.yaml")] {
            let lock = try #require(output.tree?.files[LockFile.path])
            let fast = try #require(PlainJSON.parse(lock))
            #expect(fast == Self.yaml(lock))
            #expect(fast["cost"]?["currency"] == "USD")
        }
    }

    @Test func valuesOfEveryShapeReadAsYAMLReadsThem() {
        let texts = [
            #"{"a": 1, "b": -2, "c": 1.5, "d": -0.25e3, "e": 1E5, "f": 0, "g": -0, "h": 12345678901234567890}"#,
            #"{"t": true, "f": false, "n": null, "s": "text", "e": "", "q": "with spaces: and # and , and ] and }"}"#,
            #"{"list": [1, "two", [3, [4]], {"five": 5}, [], {}], "nested": {"a": {"b": {"c": []}}}}"#,
            #"{"a":1,"b":[1,2,{"c":null}],"d":"x"}"#,
            "[\n  1,\r\n  2\n]\n", "42", "\"alone\"", "-7", "[]", "{}",
            #"{"yes": "no", "on": "off", "version": "1.10", "octal": "0o17", "date": "2024-01-01"}"#,
        ]
        for text in texts {
            let fast = PlainJSON.parse(text)
            #expect(fast != nil, "\(text)")
            #expect(fast == Self.yaml(text), "\(text)")
        }
    }

    @Test func declinesWhatItDoesNotRead() {
        let texts = [
            #"{"a": "esc\"aped"}"#, #"{"a": "new\nline"}"#, #"{"a": "\u00e9"}"#, "{\"a\": \"caf\u{E9}\"}", "{\"a\":\t1}",
            #"{"a": 1, "a": 2}"#, #"{"a": 01}"#, #"{"a": 1.}"#, #"{"a": .5}"#, #"{"a": +1}"#, #"{"a": NaN}"#, #"{"a": yes}"#,
            #"{"a": 1,}"#, #"[1 2]"#, #"{"a" 1}"#, "{\"a\"\n: 1}", #"{"a": 1} x"#, "", "   ", #"{"a": [1, 2}"#,
            "{\"" + String(repeating: "k", count: 1_200) + "\": 1}",
            String(repeating: "[", count: 150) + String(repeating: "]", count: 150),
        ]
        for text in texts { #expect(PlainJSON.parse(text) == nil, "\(text.prefix(80))") }
    }
}
