import Foundation
import Yams

/// Reorders every list of a spec (except `command` and `fallbacks`, whose order is meaning) with a seeded
/// generator, re-emitting the YAML through Yams: the input of the permutation tests.
enum SpecShuffler {
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33 ^ state
        }
    }

    static func shuffle(_ yaml: String, seed: UInt64) -> String {
        var rng = SeededGenerator(state: seed)
        let node = try! Yams.compose(yaml: yaml)!
        return try! Yams.serialize(node: permute(node, key: nil, &rng))
    }

    private static func permute(_ node: Node, key: String?, _ rng: inout SeededGenerator) -> Node {
        switch node {
        case let .mapping(m):
            let pairs = m.map { ($0.key, permute($0.value, key: $0.key.string, &rng)) }
            return .mapping(Node.Mapping(pairs.shuffled(using: &rng), m.tag, m.style))
        case let .sequence(s):
            var items = s.map { permute($0, key: nil, &rng) }
            if key != "command" && key != "fallbacks" { items.shuffle(using: &rng) }
            return .sequence(Node.Sequence(items, s.tag, s.style))
        default:
            return node
        }
    }
}
