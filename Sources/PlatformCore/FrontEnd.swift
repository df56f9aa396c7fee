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

    package init(file: String, topologyFiles: [String: [UInt8]] = [:], topologyRefusals: [String: FileRefusal] = [:]) {
        self.file = file
        self.topologyFiles = topologyFiles
        self.topologyRefusals = topologyRefusals
    }

    package func run(_ bytes: [UInt8], into diagnostics: inout DiagnosticBag) -> Platform? {
        // Whatever is reported about this spec is printed only through the credential redaction.
        diagnostics.redaction.detector = .credentialShapes
        guard let root = YAMLLoader(file: file).load(bytes, into: &diagnostics), !diagnostics.hasErrors else { return nil }
        // Both read the tree and only report: they run at once, their findings kept in this order.
        let (checked, scanned) = concurrently(
            { collecting { SpecChecker().check(root, into: &$0) } },
            { collecting { SpecSecretScan().check(root, into: &$0) } })
        diagnostics.append(contentsOf: checked)
        diagnostics.append(contentsOf: scanned)
        SpecLabelCheck().check(root, into: &diagnostics)
        GitOpsPathRule().check(root, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        // The digest of the effective spec needs only the tree: worked out while lowering.
        let ((lowered, lowering), digest) = concurrently(
            { () -> (Platform, DiagnosticBag) in
                var bag = DiagnosticBag()
                return (Lowering(file: file).lower(root, into: &bag), bag)
            },
            { SHA256.hex(YAMLRenderer.render(EffectiveSpec.document(root))) })
        var platform = lowered
        diagnostics.append(contentsOf: lowering)
        platform.specDigest = digest
        PoolTopology.apply(to: &platform, files: topologyFiles, refusals: topologyRefusals, into: &diagnostics)
        // The lists are final: what follows looks names up per route, model and pool.
        platform.indexNames()
        ReferenceResolver().check(platform, into: &diagnostics)
        RangeChecks().check(platform, into: &diagnostics)
        // Names that would leave the team's tenancy or fail at apply (E1100–E1108).
        AgentToolAllowList().check(platform, into: &diagnostics)
        ReservedNameCheck().check(platform, into: &diagnostics)
        DerivedNames().check(platform, into: &diagnostics)
        SecurityExceptionCheck().check(platform, into: &diagnostics)
        FrontDoorCheck.run(platform, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        PlatformValidator().check(platform, into: &diagnostics)
        guard !diagnostics.hasErrors else { return nil }
        return platform
    }

    /// What `report` reports into a new bag.
    private func collecting(_ report: (inout DiagnosticBag) -> Void) -> DiagnosticBag {
        var bag = DiagnosticBag()
        report(&bag)
        return bag
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
