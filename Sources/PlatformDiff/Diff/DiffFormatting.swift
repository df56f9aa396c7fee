/// Small formatting shared by the diff renderers, so text, markdown and json print values alike.
enum DiffFormatting {
    /// A value on one line: JSON text (strings quoted, so `"1"` and `1` differ visibly).
    static func inline(_ value: ManifestValue?) -> String {
        value.map(\.jsonText) ?? "(absent)"
    }

    /// `2 → 3`, `(absent) → "x"`.
    static func arrow(_ change: FieldChange) -> String {
        "\(inline(change.old)) → \(inline(change.new))"
    }

    /// Money with two decimals and no locale: `1234.50`.
    static func money(_ amount: Double?) -> String {
        guard let amount, amount.isFinite else { return "n/a" }
        let cents = Int((abs(amount) * 100).rounded())
        let text = "\(cents / 100).\(cents % 100 < 10 ? "0" : "")\(cents % 100)"
        return amount < 0 && cents > 0 ? "-" + text : text
    }

    static func signedMoney(_ old: Double?, _ new: Double?) -> String {
        guard let old, let new else { return "n/a" }
        let delta = new - old
        return (delta >= 0 ? "+" : "") + money(delta)
    }

    static func count(_ value: Int?) -> String { value.map(String.init) ?? "n/a" }

    /// GPUs: `24`, `3.5` (MIG slices as fractions).
    static func count(_ value: GPUCount?) -> String { value.map(\.description) ?? "n/a" }

    static func signed(_ old: GPUCount?, _ new: GPUCount?) -> String {
        let delta = (new ?? .zero) - (old ?? .zero)
        return delta > .zero ? "+\(delta)" : delta < .zero ? "-\(GPUCount.zero - delta)" : "0"
    }

    static func signed(_ old: Int?, _ new: Int?) -> String {
        let delta = (new ?? 0) - (old ?? 0)
        return delta > 0 ? "+\(delta)" : "\(delta)"
    }

    /// `1 added, 2 changed` listing only kinds that occur (all kinds when `all`).
    static func counts(_ changes: [ResourceChange], all: Bool = false) -> String {
        let parts = ResourceChange.Kind.allCases.compactMap { kind -> String? in
            let n = changes.filter { $0.kind == kind }.count
            return n > 0 || all ? "\(n) \(kind.rawValue)" : nil
        }
        return parts.isEmpty ? "no changes" : parts.joined(separator: ", ")
    }

    /// `+`, `-`, `~`, `→` for added, removed, changed, renamed and moved.
    static func sigil(_ kind: ResourceChange.Kind) -> String {
        switch kind {
        case .added: return "+"
        case .removed: return "-"
        case .changed: return "~"
        case .renamed, .moved: return "→"
        }
    }

    /// `Kind.group namespace/name`, with `(renamed from …)` / `(moved from cluster: …)`.
    static func title(_ change: ResourceChange) -> String {
        var text = change.key.id.description
        if let from = change.from {
            let place = from.cluster == change.key.cluster ? (from.id.namespace.map { "\($0)/\(from.id.name)" } ?? from.id.name)
                : "\(from.clusterLabel): " + (from.id.namespace.map { "\($0)/\(from.id.name)" } ?? from.id.name)
            text += " (\(change.kind.rawValue) from \(place))"
        }
        return text
    }

    /// Rows of the summary table: label, before, after, change.
    static func summaryRows(_ summary: SummaryDelta) -> [(label: String, old: String, new: String, delta: String)] {
        var rows: [(String, String, String, String)] = []
        for change in summary.gpus {
            rows.append(("GPUs: \(change.name)", count(change.old), count(change.new), signed(change.old, change.new)))
        }
        let total = summary.gpuTotal
        rows.append(("GPUs: total", count(total.old), count(total.new), signed(total.old, total.new)))
        let unit = summary.currency.map { " (\($0))" } ?? ""
        for change in summary.cost {
            rows.append(("Cost/month\(unit): \(change.name)", money(change.old), money(change.new), signedMoney(change.old, change.new)))
        }
        let cost = summary.costTotal
        rows.append(("Cost/month\(unit): total", money(cost.old), money(cost.new), signedMoney(cost.old, cost.new)))
        return rows
    }
}
