import Dispatch
import Foundation

// The package's one concurrency helper (issue 20): every parallel map, pair of jobs and background
// job in the package goes through these functions, so the one place that shares memory
// between threads without the compiler's proof is `Slots` below.

extension Array where Element: Sendable {
    /// `map` with the elements transformed on all cores, results in the original order, so the
    /// output is the same as `map`'s. Used across clusters, which are independent: rendering and
    /// auditing one cluster's objects reads nothing of another's.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        return inParallel(count) { i in transform(self[i]) }
    }

    /// `transform` applied to consecutive runs of `runLength` elements on all cores, the runs'
    /// results in order. Runs amortise the dispatch over many small items (files, blobs, pack
    /// entries). When runs fail, the error of the first failing run in order is thrown.
    package func concurrentRuns<T: Sendable, E: Error>(
        of runLength: Int, _ transform: @Sendable (ArraySlice<Element>) throws(E) -> T
    ) throws(E) -> [T] {
        let runs = (count + runLength - 1) / runLength
        let results = inParallel(runs) { run -> Result<T, E> in
            let range = run * runLength..<Swift.min(count, (run + 1) * runLength)
            do throws(E) { return .success(try transform(self[range])) } catch { return .failure(error) }
        }
        return try results.map { result throws(E) in try result.get() }
    }
}

/// Runs `first` and `second` at once (one may run on the calling thread) and returns both results.
package func concurrently<A: Sendable, B: Sendable>(_ first: @Sendable () -> A, _ second: @Sendable () -> B) -> (A, B) {
    let a = Slots<A>(1), b = Slots<B>(1)
    DispatchQueue.concurrentPerform(iterations: 2) { i in
        if i == 0 { a[0] = first() } else { b[0] = second() }
    }
    return (a[0]!, b[0]!)
}

/// A value computed on another thread from now on (a folder read while the compile runs, a
/// checksum beside the writer that streams the same bytes, a child process's pipe); `value` waits
/// for it. The thread is its own, not a dispatch worker: a job that blocks (a pipe read) never waits
/// for a free worker while all of them are busy in `concurrentMap`, and never holds one.
package final class Background<Value: Sendable>: Sendable {
    private let finished = DispatchGroup()
    private let slot = Slots<Value>(1)

    package init(_ work: @escaping @Sendable () -> Value) {
        finished.enter()
        Thread { [slot, finished] in
            slot[0] = work()
            finished.leave()
        }.start()
    }

    /// The result, once `work` has returned (at once on later calls).
    package var value: Value {
        finished.wait()
        return slot[0]!
    }
}

/// Releases `value` on a thread of its own, so that freeing it costs the caller nothing: the last
/// reference to a whole compile's objects (hundreds of thousands of them) takes a tenth of a
/// second to free, which `check` spends printing its diagnostics instead. Pass the last reference
/// (`consume`); the process may end before the thread has finished, which frees nothing it needs.
package func releaseInBackground<Value: Sendable>(_ value: consuming Value) {
    let slot = Slots<Value>(1)
    slot[0] = value
    Thread { slot[0] = nil }.start()
}

/// `count` results of `body`, computed on all cores (the calling thread takes part), in index order.
private func inParallel<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
    let slots = Slots<T>(count)
    DispatchQueue.concurrentPerform(iterations: count) { i in slots[i] = body(i) }
    return (0..<count).map { slots[$0]! }
}

/// Result slots written from several threads.
///
/// `@unchecked Sendable`: each slot is written once, by the one job that owns its index, and read
/// only after that job has finished: `concurrentPerform` returns after its work, and
/// `DispatchGroup.wait()` after the `leave()` that follows the write, which orders every write
/// before the reads. No two threads touch the same slot at once, and the storage is raw memory, so
/// no copy-on-write or exclusivity check is shared either.
private final class Slots<T: Sendable>: @unchecked Sendable {
    private let base: UnsafeMutablePointer<T?>
    private let count: Int

    init(_ count: Int) {
        self.count = count
        base = .allocate(capacity: count)
        base.initialize(repeating: nil, count: count)
    }

    deinit {
        base.deinitialize(count: count)
        base.deallocate()
    }

    subscript(index: Int) -> T? {
        get { base[index] }
        set { base[index] = newValue }
    }
}
