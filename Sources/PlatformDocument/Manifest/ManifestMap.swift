/// A map with unique string keys, stored sorted by the keys' UTF-8 bytes.
///
/// Sorted storage makes equality independent of insertion order and makes every iteration
/// deterministic (no hash order can leak into output); lookups are binary searches.
package struct ManifestMap: Hashable, Sendable, Sequence {
    /// One key and its value.
    package struct Entry: Hashable, Sendable {
        package var key: String
        package var value: ManifestValue
        package init(key: String, value: ManifestValue) {
            self.key = key
            self.value = value
        }
    }

    /// The entries in byte order of their keys.
    package private(set) var entries: [Entry]

    /// An empty map.
    package init() { entries = [] }

    /// A map of `pairs`; a later duplicate key replaces an earlier one.
    package init<S: Sequence>(_ pairs: S) where S.Element == (String, ManifestValue) {
        entries = []
        entries.reserveCapacity(pairs.underestimatedCount)
        for (key, value) in pairs {
            // Pairs often come in key order (a parsed or rebuilt map): append without a search.
            if let last = entries.last, last.key.compareBytes(key) < 0 {
                entries.append(Entry(key: key, value: value))
            } else {
                self[key] = value
            }
        }
    }

    package var count: Int { entries.count }
    package var isEmpty: Bool { entries.isEmpty }
    /// The keys in byte order.
    package var keys: [String] { entries.map(\.key) }

    package func makeIterator() -> IndexingIterator<[Entry]> { entries.makeIterator() }

    /// The value under `key`; setting nil removes the key.
    package subscript(key: String) -> ManifestValue? {
        get {
            let (index, found) = position(of: key)
            return found ? entries[index].value : nil
        }
        set {
            let (index, found) = position(of: key)
            if let value = newValue {
                if found { entries[index].value = value } else { entries.insert(Entry(key: key, value: value), at: index) }
            } else if found {
                entries.remove(at: index)
            }
        }
        // In place, for `object["spec"]?["replicas"] = 2`: the value is moved out (its storage
        // then has one owner, so changing it copies nothing) and put back, instead of a copy
        // changed and written over the original.
        _modify {
            let (index, found) = position(of: key)
            var value: ManifestValue?
            if found {
                var taken = ManifestValue.null
                swap(&taken, &entries[index].value)
                value = taken
            }
            defer {
                if found {
                    if let value { entries[index].value = value } else { entries.remove(at: index) }
                } else if let value {
                    entries.insert(Entry(key: key, value: value), at: index)
                }
            }
            yield &value
        }
    }

    /// True when `key` is present.
    package func contains(_ key: String) -> Bool { position(of: key).found }

    /// Binary search by UTF-8 bytes: the index of `key`, or where it would be inserted. Every
    /// field read of every emitter and audit comes here, so the key's bytes are read once and
    /// each probed key's bytes in place: no copies, no reference counting.
    private func position(of key: String) -> (index: Int, found: Bool) {
        key.withUTF8Bytes { position(ofBytes: $0) }
    }

    private func position(ofBytes key: UnsafeBufferPointer<UInt8>) -> (index: Int, found: Bool) {
        entries.withUnsafeBufferPointer { entries in
            var low = 0
            var high = entries.count
            while low < high {
                let mid = (low &+ high) >> 1
                let order = entries[mid].key.compareBytes(key)
                if order == 0 { return (mid, true) }
                if order < 0 { low = mid &+ 1 } else { high = mid }
            }
            return (low, false)
        }
    }
}

extension ManifestMap: ExpressibleByDictionaryLiteral {
    /// A later duplicate key replaces an earlier one.
    package init(dictionaryLiteral elements: (String, ManifestValue)...) {
        self.init(elements)
    }
}

extension String {
    /// Byte order of the UTF-8 encodings: the one key and path order used in output, independent
    /// of locale and of Unicode normalization.
    package func precedesInByteOrder(_ other: String) -> Bool {
        compareBytes(other) < 0
    }

    /// Three-way comparison of the UTF-8 bytes: negative, zero or positive.
    func compareBytes(_ other: String) -> Int {
        other.withUTF8Bytes { compareBytes($0) }
    }

    /// Three-way comparison with bytes already in hand, reading this string's bytes in place.
    @inline(__always)
    func compareBytes(_ other: UnsafeBufferPointer<UInt8>) -> Int {
        withUTF8Bytes { Self.compare($0, other) }
    }

    @inline(__always)
    private static func compare(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Int {
        let common = Swift.min(a.count, b.count)
        var index = 0
        while index < common {
            let x = a[index], y = b[index]
            if x != y { return Int(x) - Int(y) }
            index &+= 1
        }
        return a.count - b.count
    }
}
