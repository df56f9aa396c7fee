import PlatformDiagnostics

/// The diff as JSON for tools, in the stable schema of docs/diff-json.md (`schemaVersion` 1).
/// Keys are in byte order and lists in report order, so equal reports give equal bytes.
/// A field that one side lacks has no `old` (or `new`) key; a YAML null is JSON `null`.
package enum DiffJSONRenderer {
    package static let schemaVersion: Int64 = 1

    package static func render(_ report: DiffReport) -> String {
        value(report).jsonText + "\n"
    }

    /// The document as a value (for tests and for embedding).
    package static func value(_ report: DiffReport) -> ManifestValue {
        var counts = ManifestMap()
        for kind in ResourceChange.Kind.allCases { counts[kind.rawValue] = .int(Int64(report.count(kind))) }
        counts["files"] = .int(Int64(report.files.count))
        return [
            "schemaVersion": .int(schemaVersion),
            "base": .string(report.baseLabel),
            "head": .string(report.headLabel),
            "changed": .bool(report.hasChanges),
            "counts": .map(counts),
            "summary": summary(report.summary),
            "moves": .list(report.moves.map { move in
                ["kind": .string(move.kind.rawValue), "name": .string(move.name), "from": .string(move.from), "to": .string(move.to),
                 "because": .string(move.because)]
            }),
            "resources": .list(report.resources.map(resource)),
            "files": .list(report.files.map { ["path": .string($0.path), "change": .string($0.kind.rawValue)] }),
            "diagnostics": .list(report.diagnostics.map(diagnostic)),
            "violations": .int(Int64(report.violations.count)),
        ]
    }

    private static func key(_ key: ResourceKey) -> ManifestMap {
        var map: ManifestMap = ["cluster": .string(key.cluster), "group": .string(key.id.group), "kind": .string(key.id.kind),
                                "name": .string(key.id.name)]
        map["namespace"] = key.id.namespace.map(ManifestValue.string)
        return map
    }

    private static func resource(_ change: ResourceChange) -> ManifestValue {
        var map = key(change.key)
        map["change"] = .string(change.kind.rawValue)
        if let from = change.from { map["from"] = .map(key(from)) }
        if change.kind == .changed {
            map["fields"] = .list(change.fields.map { field in
                var entry: ManifestMap = ["path": .string(field.path.description), "masked": .bool(field.masked)]
                entry["old"] = field.old
                entry["new"] = field.new
                return .map(entry)
            })
        }
        if let object = change.object { map["object"] = object }
        return .map(map)
    }

    private static func summary(_ summary: SummaryDelta) -> ManifestValue {
        func change<V>(_ c: SummaryDelta.Change<V>, _ wrap: (V) -> ManifestValue) -> ManifestValue {
            var map: ManifestMap = ["name": .string(c.name)]
            map["old"] = c.old.map(wrap) ?? .null
            map["new"] = c.new.map(wrap) ?? .null
            return .map(map)
        }
        let int = { (v: Int) in ManifestValue.int(Int64(v)) }
        let money = { (v: Double) in ManifestValue.double((v * 100).rounded() / 100) }
        return [
            "replicas": .list(summary.replicas.map {
                ["model": .string($0.model), "cluster": .string($0.cluster), "pool": .string($0.pool),
                 "old": .int(Int64($0.old)), "new": .int(Int64($0.new))]
            }),
            "nodes": .list(summary.nodes.map { change($0, int) }),
            "gpus": .list(summary.gpus.map { change($0, CostReportJSON.gpus) }),
            "gpuTotal": change(summary.gpuTotal, CostReportJSON.gpus),
            "cost": .list(summary.cost.map { change($0, money) }),
            "costTotal": change(summary.costTotal, money),
            "currency": summary.currency.map(ManifestValue.string) ?? .null,
            "securityExceptions": .list(summary.securityExceptions.map { change($0, ManifestValue.string) }),
            "quotas": .list(summary.quotas.map { quota in
                var map: ManifestMap = ["cluster": .string(quota.key.cluster), "namespace": .string(quota.key.namespace),
                                        "name": .string(quota.key.name), "resource": .string(quota.key.resource)]
                map["old"] = quota.old.map(ManifestValue.string) ?? .null
                map["new"] = quota.new.map(ManifestValue.string) ?? .null
                return .map(map)
            }),
        ]
    }

    private static func diagnostic(_ d: Diagnostic) -> ManifestValue {
        var map: ManifestMap = ["severity": .string(d.severity.rawValue), "code": .string(d.code.rawValue),
                                "message": .string(d.message), "violation": .bool(DiffPolicy.isViolation(d))]
        if let location = d.location {
            map["file"] = .string(location.file)
            map["line"] = .int(Int64(location.line))
            map["column"] = .int(Int64(location.column))
        }
        return .map(map)
    }
}
