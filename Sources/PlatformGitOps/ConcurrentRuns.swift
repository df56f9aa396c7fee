import Dispatch

extension Array {
    /// `transform` applied to consecutive runs of `runLength` elements on all cores, the runs'
    /// results in order. Runs amortise the dispatch over many small items (files, blobs, pack
    /// entries). When runs fail, the error of the first failing run in order is thrown.
    func concurrentRuns<T, E: Error>(of runLength: Int, _ transform: (ArraySlice<Element>) throws(E) -> T) throws(E) -> [T] {
        let runs = (count + runLength - 1) / runLength
        var results = [Result<T, E>?](repeating: nil, count: runs)
        results.withUnsafeMutableBufferPointer { slots in
            let base = slots.baseAddress!
            withoutActuallyEscaping(transform) { transform in
                DispatchQueue.concurrentPerform(iterations: runs) { run in
                    let range = run * runLength..<Swift.min(count, (run + 1) * runLength)
                    do throws(E) { base[run] = .success(try transform(self[range])) } catch { base[run] = .failure(error) }
                }
            }
        }
        return try results.map { result throws(E) in try result!.get() }
    }
}
