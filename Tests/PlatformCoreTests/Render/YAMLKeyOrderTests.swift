import Testing
@testable import PlatformCore
@testable import PlatformDocument
@testable import PlatformFrontEnd

/// Fixed key order, kubectl list style, empty collections, final newline.
@Suite struct YAMLKeyOrderTests {
    @Test func deploymentRendersInCanonicalOrder() {
        let deployment = Manifest(
            apiVersion: "apps/v1", kind: "Deployment", name: "llama", namespace: "search",
            labels: ["team": "search", "app.kubernetes.io/name": "llama"],
            annotations: ["platformc.dev/source": "platform.yaml:14:7"],
            body: [
                "status": [:],
                "spec": [
                    "replicas": 2,
                    "selector": ["matchLabels": ["app": "llama"]],
                    "template": [
                        "spec": [
                            "containers": [[
                                "resources": ["limits": ["nvidia.com/gpu": "4"]],
                                "image": "vllm/vllm-openai:v0.6.0",
                                "name": "vllm",
                                "args": ["--model", "meta-llama/Llama-3.1-70B-Instruct", "--tensor-parallel-size", "4"],
                                "ports": [["containerPort": 8000, "name": "http"]],
                            ]],
                            "tolerations": [],
                        ],
                        "metadata": ["labels": ["app": "llama"], "annotations": ["a": "1"], "name": "ignored"],
                    ],
                ],
            ])
        #expect(YAMLRenderer.render(deployment) == """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: llama
              namespace: search
              labels:
                app.kubernetes.io/name: llama
                team: search
              annotations:
                platformc.dev/source: platform.yaml:14:7
            spec:
              replicas: 2
              selector:
                matchLabels:
                  app: llama
              template:
                metadata:
                  name: ignored
                  labels:
                    app: llama
                  annotations:
                    a: '1'
                spec:
                  containers:
                  - name: vllm
                    args:
                    - --model
                    - meta-llama/Llama-3.1-70B-Instruct
                    - --tensor-parallel-size
                    - '4'
                    image: vllm/vllm-openai:v0.6.0
                    ports:
                    - name: http
                      containerPort: 8000
                    resources:
                      limits:
                        nvidia.com/gpu: '4'
                  tolerations: []
            status: {}

            """)
    }

    @Test func configMapPutsDataAfterMetadataAndBeforeTheRest() {
        let value: ManifestValue = [
            "immutable": true, "binaryData": ["b": "AAAA"], "stringData": ["s": "x"], "data": ["z": "1", "a": "yes"],
            "metadata": ["name": "cm"], "kind": "ConfigMap", "apiVersion": "v1",
        ]
        #expect(YAMLRenderer.render(value) == """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: cm
            data:
              a: 'yes'
              z: '1'
            stringData:
              s: x
            binaryData:
              b: AAAA
            immutable: true

            """)
    }

    @Test func nestedListsAndEmptyCollections() {
        let value: ManifestValue = ["matrix": [[1, 2], [], [[:], ["k": []]]], "empty": [:]]
        #expect(YAMLRenderer.render(value) == """
            empty: {}
            matrix:
            - - 1
              - 2
            - []
            - - {}
              - k: []

            """)
    }

    @Test func emptyAndScalarDocuments() {
        #expect(YAMLRenderer.render(.emptyMap) == "{}\n")
        #expect(YAMLRenderer.render(.list([])) == "[]\n")
        #expect(YAMLRenderer.render(.null) == "null\n")
        #expect(YAMLRenderer.render(["a", "b"]) == "- a\n- b\n")
    }

    @Test func streamSeparatesDocuments() {
        #expect(YAMLRenderer.renderStream([["a": 1], "x"]) == "---\na: 1\n---\nx\n")
    }
}
