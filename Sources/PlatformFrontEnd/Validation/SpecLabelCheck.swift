import PlatformDiagnostics

/// Label maps of the spec (`metadata.labels`, each pool's `labels`) and pool taints, checked as
/// the API server will: E1104 at a bad key, E1105 at a bad value, E1106 at a key under a prefix
/// platformc or Kubernetes owns (a pool label `platformc.dev/node-pool` would attract workloads
/// placed on another pool). Reads the tree, so each finding points at the key or value itself.
/// Values are never quoted in messages: a long one may be a token (E6001 reports those).
package struct SpecLabelCheck {
    package init() {}

    package func check(_ root: SpecNode, into diagnostics: inout DiagnosticBag) {
        labels(root["metadata"]?["labels"], owner: "`metadata.labels`", into: &diagnostics)
        for cluster in root["clusters"]?.items ?? [] {
            for pool in cluster["nodePools"]?.items ?? [] {
                let name = pool["name"]?.scalar?.text ?? "?"
                labels(pool["labels"], owner: "labels of node pool `\(name)`", into: &diagnostics)
                for taint in pool["taints"]?.items ?? [] {
                    if let key = taint["key"]?.scalar, !key.isNull, let problem = LabelSyntax.keyProblem(key.text) {
                        report(NamingCodes.invalidLabelKey, "taint key `\(key.text)` of node pool `\(name)` is not valid: \(problem)",
                            key.location, &diagnostics)
                    }
                    if let value = taint["value"]?.scalar, !value.isNull, let problem = LabelSyntax.valueProblem(value.text) {
                        report(NamingCodes.invalidLabelValue,
                            "the value of taint `\(taint["key"]?.scalar?.text ?? "?")` of node pool `\(name)` is not valid: \(problem)",
                            value.location, &diagnostics)
                    }
                }
            }
        }
    }

    private func labels(_ node: SpecNode?, owner: String, into diagnostics: inout DiagnosticBag) {
        for pair in node?.pairs ?? [] {
            let key = pair.key.text
            if let problem = LabelSyntax.keyProblem(key) {
                report(NamingCodes.invalidLabelKey, "label key `\(key)` in \(owner) is not valid: \(problem)", pair.key.location,
                    &diagnostics)
            } else if let prefix = LabelSyntax.reservedPrefix(of: key) {
                diagnostics.error(NamingCodes.reservedLabelPrefix, "label key `\(key)` in \(owner) uses the reserved prefix `\(prefix)`",
                                  at: pair.key.location,
                                  help: prefix == "platformc.dev"
                                      ? "platformc sets these labels itself; choose a prefix of your organisation's"
                                      : "Kubernetes reserves `\(prefix)` for its core components; choose a prefix of your organisation's")
            }
            if let value = pair.value.scalar, !value.isNull, let problem = LabelSyntax.valueProblem(value.text) {
                report(NamingCodes.invalidLabelValue, "the value of label `\(key)` in \(owner) is not valid: \(problem)", value.location,
                    &diagnostics)
            }
        }
    }

    private func report(_ code: DiagnosticCode, _ message: String, _ at: SourceLocation, _ diagnostics: inout DiagnosticBag) {
        let help = code == NamingCodes.invalidLabelKey
            ? """
                a key is an optional DNS subdomain prefix and `/`, then at most 63 letters, digits, `-`, `_` or `.`, starting and ending \
                with a letter or digit
                """
            : "a value is empty or at most 63 letters, digits, `-`, `_` or `.`, starting and ending with a letter or digit"
        diagnostics.error(code, message, at: at, help: help)
    }
}
