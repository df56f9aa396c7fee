import Dispatch

extension Array {
    /// `map` with the elements transformed on all cores, results in the original order, so the
    /// output is the same as `map`'s. `transform` must be pure (it runs on several threads at
    /// once). Used across clusters, which are independent: rendering and auditing one cluster's
    /// objects reads nothing of another's.
    package func concurrentMap<T>(_ transform: (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                DispatchQueue.concurrentPerform(iterations: count) { i in base[i] = transform(self[i]) }
            }
        }
        return results.map { $0! }
    }
}
