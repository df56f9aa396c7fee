import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Multi-line strings become literal blocks with the right chomping and indentation indicator.
@Suite struct YAMLLiteralBlockTests {
    static let cases: [(String, String)] = [
        ("a\nb", "k: |-\n  a\n  b\n"),
        ("a\nb\n", "k: |\n  a\n  b\n"),
        ("a\n\n", "k: |+\n  a\n\n"),
        ("a\n\nb\n", "k: |\n  a\n\n  b\n"),
        ("  indented\nx", "k: |2-\n    indented\n  x\n"),
        ("\nleading", "k: |2-\n\n  leading\n"),
        ("#!/bin/sh\necho 'hi: #1'\n", "k: |\n  #!/bin/sh\n  echo 'hi: #1'\n"),
        ("tab\tinside\nx", "k: |-\n  tab\tinside\n  x\n"),
        ("\tleading tab\nx", "k: \"\\tleading tab\\nx\"\n"),
        ("a\n  b\n", "k: |\n  a\n    b\n"),
        // blanks before a break, a lone break, carriage returns and a leading tab need double quotes
        ("trailing \nx", "k: \"trailing \\nx\"\n"),
        ("x\n ", "k: \"x\\n \"\n"),
        ("\n", "k: \"\\n\"\n"),
        ("a\r\nb", "k: \"a\\r\\nb\"\n"),
    ]

    @Test(arguments: cases)
    func literalBlocks(input: String, expected: String) throws {
        let value: ManifestValue = ["k": .string(input)]
        #expect(YAMLRenderer.render(value) == expected)
        #expect(try ManifestValue.parse(yaml: expected) == value)
    }

    @Test func literalInNestedListsAndMaps() throws {
        let value: ManifestValue = ["spec": ["containers": [["name": "c", "args": ["-c", "set -e\nrun\n"]]]]]
        let yaml = YAMLRenderer.render(value)
        #expect(yaml == """
            spec:
              containers:
              - name: c
                args:
                - -c
                - |
                  set -e
                  run

            """)
        #expect(try ManifestValue.parse(yaml: yaml) == value)
    }

    @Test func keysWithLineBreaksAreDoubleQuoted() {
        #expect(YAMLRenderer.render(["a\nb": 1]) == "\"a\\nb\": 1\n")
    }
}
