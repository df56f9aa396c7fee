import PlatformDiagnostics

/// A workload placed elsewhere than the previous placement (`platform.lock.json` of the GitOps
/// head) put it, and why: the diff names every move with its cause, so a reviewer sees that a
/// one-line change moved one thing, or exactly what else it had to move.
package struct PlacementMove: Hashable, Sendable, Comparable {
    package enum Kind: String, Hashable, Sendable { case model, training, agent }

    /// Why a workload left its previous place.
    package enum Cause: Hashable, Sendable {
        /// The spec pins it elsewhere (`placement.cluster`/`pool`, a job's or agent's `cluster`).
        case pinned(at: SourceLocation?)
        /// The previous pool (or cluster) is no longer in the spec.
        case removed
        /// The previous pool exists but no longer suits it (GPU model, island size, fabric, spread).
        case noLongerFits(String)
        /// The previous pool has no room left for it; `for` names workloads placed there first.
        case noRoom(for: [String])
        /// An agent follows its self-hosted model.
        case followsModel(String)
    }

    package var kind: Kind
    package var name: String
    /// `cluster/pool` (a cluster for an agent).
    package var from: String
    package var to: String
    package var cause: Cause

    package init(kind: Kind, name: String, from: String, to: String, cause: Cause) {
        (self.kind, self.name, self.from, self.to, self.cause) = (kind, name, from, to, cause)
    }

    /// `model `llama``, `training job `sft``, `agent `ops``.
    package var subject: String {
        switch kind {
        case .model: return "model `\(name)`"
        case .training: return "training job `\(name)`"
        case .agent: return "agent `\(name)`"
        }
    }

    /// The cause in words: `pinned by platform.yaml:42:16`, `prod-use1/h100 no longer exists`, …
    package var because: String {
        switch cause {
        case .pinned(let location): return "pinned by " + (location.map { "\($0)" } ?? "the spec")
        case .removed: return "\(from) is no longer in the spec"
        case .noLongerFits(let why): return "no longer fits \(from): \(why)"
        case .noRoom(let others):
            let names = others.map { "`\($0)`" }.joined(separator: ", ")
            return "no room left on \(from)" + (others.isEmpty ? "" : " after \(names)")
        case .followsModel(let model): return "follows model `\(model)`"
        }
    }

    /// `moved model `llama` prod-use1/h100 → prod-usw2/h100: pinned by platform.yaml:42:16`.
    package var description: String { "moved \(subject) \(from) → \(to): \(because)" }

    package static func < (a: PlacementMove, b: PlacementMove) -> Bool {
        (a.kind.rawValue, a.name) < (b.kind.rawValue, b.name)
    }
}
