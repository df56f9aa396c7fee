import PlatformCore
import PlatformDiagnostics
import Testing

/// Names become directory and file names in the GitOps tree, so the spec checker must refuse any
/// that could climb out of it (`..`, `/`) or hide in a listing (control characters): E1021, and no
/// platform — hence no path — is produced from them.
@Suite struct UnsafeNameTests {
    static let minimal = """
        apiVersion: platformc/v1alpha1
        kind: Platform
        metadata:
          name: mini
        clusters:
          - name: CLUSTER
            provider: aws
            zones: [us-east-1a, us-east-1b]
            nodePools:
              - name: POOL
                instanceType: p5.48xlarge
                nodes: { min: 2, max: 4 }
        teams:
          - name: TEAM
            quota: { gpus: 24 }
        models:
          - name: MODEL
            team: TEAM
            source: hf://meta-llama/Llama-3.1-70B-Instruct
            parameters: 70B
            architecture: llama-3-70b
            gpu: { model: H100-SXM-80GB, count: 4 }
            replicas: { min: 2, max: 4 }

        """

    /// Unsafe names, written as YAML double-quoted scalars.
    static let unsafe: [(yaml: String, shown: String)] = [
        (#""..""#, ".."), (#""../../etc""#, "../../etc"), (#""a/b""#, "a/b"), (#""/root""#, "/root"),
        (#""a\nb""#, "a\nb"), (#""a\tb""#, "a\tb"), (#""a\u0001b""#, "a\u{01}b"), (#""a\u007fb""#, "a\u{7f}b"),
        (#"".hidden""#, ".hidden"), (#""a..b""#, "a..b"),
    ]

    /// The errors of the minimal spec with `name` in place of `replace`, and whether a platform came out.
    func compile(_ replace: String, with name: String) -> (platform: Bool, errors: [Diagnostic]) {
        var spec = Self.minimal
        for key in ["CLUSTER": "prod", "POOL": "h100", "TEAM": "search", "MODEL": "llama"] where key.key != replace {
            spec = spec.replacingOccurrences(of: key.key, with: key.value)
        }
        spec = spec.replacingOccurrences(of: replace, with: name)
        var bag = DiagnosticBag()
        let platform = FrontEnd(file: "p.yaml").run(Array(spec.utf8), into: &bag)
        return (platform != nil, bag.sorted.filter { $0.severity == .error })
    }

    @Test(arguments: ["CLUSTER", "POOL", "TEAM", "MODEL"])
    func everyUnsafeNameFailsWithE1021(_ section: String) {
        for name in Self.unsafe {
            let (platform, errors) = compile(section, with: name.yaml)
            #expect(!platform, "\(section) \(name.shown.debugDescription) produced a platform")
            #expect(errors.contains { $0.code == SpecCodes.invalidName && $0.message.contains("is not a DNS-1123 label") },
                    "\(section) \(name.shown.debugDescription): \(errors.map(\.message))")
        }
    }

    @Test func aSafeNameStillPasses() {
        let (platform, errors) = compile("MODEL", with: "llama-3")
        #expect(platform)
        #expect(errors.isEmpty)
    }
}
