import PlatformCore
import Testing

/// IR locations are keyed by `SpecKey`, so a misspelt key does not compile; its raw values are
/// what the lowering reads, so each must be a key (or `key.key`) of some object of the shape.
@Suite struct SpecKeyTests {
    /// Every `key` and `key.inner` relative to some object of `shape`, recursively.
    static func paths(_ shape: ObjectShape, into out: inout Set<String>, seen: inout Set<String>) {
        guard seen.insert(shape.name).inserted else { return }
        for field in shape.fields {
            out.insert(field.name)
            var inner: ObjectShape?
            switch field.type {
            case let .object(o), let .list(.object(o)), let .map(.object(o)), let .quantityOrObject(_, o): inner = o
            default: inner = nil
            }
            if let inner {
                for child in inner.fields { out.insert(field.name + "." + child.name) }
                paths(inner, into: &out, seen: &seen)
            }
        }
    }

    @Test func everyKeyIsASpecPath() {
        var known = Set<String>(), seen = Set<String>()
        Self.paths(PlatformShape.platform, into: &known, seen: &seen)
        #expect(SpecKey.allCases.map(\.rawValue).filter { !known.contains($0) } == [])
    }
}
