import PlatformDiagnostics

/// The front half of the pipeline, stopping at the first stage boundary with errors:
/// 1. load: bytes → `SpecNode` (encoding, syntax, duplicates, aliases)
/// 2. check: structure against `PlatformShape` (keys, types, names, quantities)
/// 3. lower: `SpecNode` → `Platform` (units, defaults, catalogs)
/// 4. validate: references, ranges, then the hardware rules of `PlatformValidator`
package struct FrontEnd {
    package let file: String
    /// NCCL topology files the spec's pools name (path as written → bytes), read by the caller.
    package var topologyFiles: [String: [UInt8]]
    /// Topology files the caller refused to read, reported at the pools that name them.
    package var topologyRefusals: [String: FileRefusal]

    /// False: `Platform.specDigest` stays empty. Only the lock file and the commit message read it,
    /// and a compile that renders no tree (`check`, `platformc lsp`) writes neither.
    package var digestsSpec: Bool

    package init(file: String, topologyFiles: [String: [UInt8]] = [:], topologyRefusals: [String: FileRefusal] = [:],
                 digestsSpec: Bool = true) {
        self.file = file
        self.topologyFiles = topologyFiles
        self.topologyRefusals = topologyRefusals
        self.digestsSpec = digestsSpec
    }

    /// The checks of the loaded tree, in the order their findings are reported.
    static let treeChecks: [@Sendable (SpecNode, inout DiagnosticBag) -> Void] = [
        { SpecChecker().check($0, into: &$1) },
        { SpecSecretScan().check($0, into: &$1) },
        { SpecLabelCheck().check($0, into: &$1) },
        { GitOpsPathRule().check($0, into: &$1) },
    ]

    /// The checks of the lowered platform before the hardware rules, in the order their findings
    /// are reported: references and ranges, then the names that would leave the team's tenancy
    /// or fail at apply (E1100–E1108), security exceptions and the front door.
    static let platformChecks: [@Sendable (Platform, inout DiagnosticBag) -> Void] = [
        { ReferenceResolver().check($0, into: &$1) },
        { RangeChecks().check($0, into: &$1) },
        { AgentToolAllowList().check($0, into: &$1) },
        { ReservedNameCheck().check($0, into: &$1) },
        { DerivedNames().check($0, into: &$1) },
        { SecurityExceptionCheck().check($0, into: &$1) },
        { FrontDoorCheck.run($0, into: &$1) },
    ]

    /// `PlatformValidator`'s hardware rules, in its order.
    static let hardwareRules: [@Sendable (Platform, inout DiagnosticBag) -> Void] = PlatformValidator.rules.map { rule in
        { rule.check($0, into: &$1) }
    }

    package func run(_ bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> Platform? {
        // Whatever is reported about this spec is printed only through the credential redaction.
        diagnostics.redaction.detector = .credentialShapes
        guard let root = YAMLLoader(file: file).load(bytes, into: &diagnostics), !diagnostics.hasErrors else { return nil }
        Self.run(Self.treeChecks, on: root, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        var platform: Platform
        if digestsSpec {
            // The digest of the effective spec needs only the tree: worked out while lowering.
            let ((lowered, lowering), digest) = concurrently(
                { () -> (Platform, DiagnosticBag) in
                    var bag = DiagnosticBag()
                    return (Lowering(file: file).lower(root, into: &bag), bag)
                },
                { SHA256.hex(YAMLRenderer.render(EffectiveSpec.document(root))) })
            platform = lowered
            diagnostics.append(contentsOf: lowering)
            platform.specDigest = digest
        } else {
            platform = Lowering(file: file).lower(root, into: &diagnostics)
        }
        PoolTopology.apply(to: &platform, files: topologyFiles, refusals: topologyRefusals, into: &diagnostics)
        // The lists are final: what follows looks names up per route, model and pool.
        platform.indexNames()
        Self.run(Self.platformChecks, on: platform, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        Self.run(Self.hardwareRules, on: platform, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return platform
    }

    /// Runs `checks` on `input` at once, each into a bag of its own, and appends the bags in the
    /// checks' order: the findings, and the credentials recorded for redaction, are those of the
    /// checks run one after the other into `diagnostics`. Each check only reads `input` and
    /// reports; none reads what another reported.
    static func run<Input: Sendable>(_ checks: [@Sendable (Input, inout DiagnosticBag) -> Void], on input: Input,
                                     into diagnostics: inout DiagnosticBag) {
        let bags = checks.concurrentMap { check in
            var bag = DiagnosticBag()
            check(input, &bag)
            return bag
        }
        for bag in bags { diagnostics.append(contentsOf: bag) }
    }

    /// The spec with defaults applied, as canonical YAML (`compile --show-defaults`); nil when the
    /// spec does not load or check cleanly.
    package func effectiveSpec(_ bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> String? {
        effectiveDocument(bytes, into: &diagnostics).map(YAMLRenderer.render)
    }

    package func effectiveDocument(_ bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> ManifestValue? {
        diagnostics.redaction.detector = .credentialShapes
        guard let root = YAMLLoader(file: file).load(bytes, into: &diagnostics), !diagnostics.hasErrors else { return nil }
        SpecChecker().check(root, into: &diagnostics)
        SpecSecretScan().check(root, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return EffectiveSpec.document(root)
    }
}
