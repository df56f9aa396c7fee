import Foundation
import Testing

/// The one JSON writer: its escaping and key order, byte for byte, and the layouts that replace
/// Foundation's writers, compared with Foundation itself.
@Suite struct JSONWriterTests {
    /// Keys that byte order and a case-insensitive order sort differently, and every kind of byte
    /// a string may need escaped.
    static let value: ManifestValue = [
        "b": "x/y\"q\"\\\n\r\t\u{01}\u{1F}\u{7F}é",
        "B": .list([1, 2.5, 3.0, .null, true]),
        "a1": .list([]),
        "a": .map(ManifestMap()),
        "gpuType": "H100",
        "gpus": 8,
    ]

    @Test func compactEscapesAndOrdersAsBefore() {
        #expect(Self.value.jsonText == #"{"B":[1,2.5,3.0,null,true],"a":{},"a1":[],"b":"x/y\"q\"\\\n\r\t\u0001\u001f"#
            + "\u{7F}é\"," + #""gpuType":"H100","gpus":8}"#)
    }

    @Test func reviewedLayoutAsBefore() {
        #expect(PrettyJSON.render(["z": .list([1, .map(["k": "v"])]), "e": .list([])]) == """
        {
          "e": [],
          "z": [
            1,
            {
              "k": "v"
            }
          ]
        }
        """)
    }

    @Test func nonFiniteDoublesAreWrittenAsPythonReadsThem() {
        #expect(ManifestValue.list([.double(.nan), .double(.infinity), .double(-.infinity)]).jsonText == "[NaN,Infinity,-Infinity]")
    }

    /// `JSONEncoder` (`prettyPrinted, sortedKeys, withoutEscapingSlashes`) on the same value, less
    /// the characters Foundation escapes differently (`\b`, `\f`, which the writer writes `\u00xx`).
    @Test func foundationPrettyMatchesJSONEncoder() throws {
        struct Row: Encodable {
            var b = "x/y\"q\"\\\n\r\t\u{01}\u{1F}\u{7F}é"
            var B: [Double] = [1, 2.5, 3]
            var a1: [Int] = []
            var a: [String: Int] = [:]
            var gpuType = "H100"
            var gpus = 8
            var missing: String? = nil
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let expected = String(decoding: try encoder.encode(Row()), as: UTF8.self)
        #expect(JSONWriter.text(try ManifestValueEncoder.encode(Row()), .foundationPretty) == expected)
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let compact = String(decoding: try encoder.encode(Row()), as: UTF8.self)
        #expect(JSONWriter.text(try ManifestValueEncoder.encode(Row()), .foundationCompact) == compact)
    }

    /// `JSONSerialization` sorts keys without case (`gpus` before `gpuType`).
    @Test func foundationSerializationMatchesJSONSerialization() throws {
        let object: [String: Any] = ["gpuType": "H100", "gpus": 8, "B": [1, 2.5], "a": [String: Any](), "$defs": ["Zeta": 1, "alpha": 2]]
        let data = try JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        let value: ManifestValue = ["gpuType": "H100", "gpus": 8, "B": [1, 2.5], "a": .map(ManifestMap()), "$defs": ["Zeta": 1, "alpha": 2]]
        #expect(JSONWriter.text(value, .foundationSerialization) == String(decoding: data, as: UTF8.self))
    }
}
