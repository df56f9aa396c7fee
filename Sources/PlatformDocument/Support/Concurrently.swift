import Dispatch

/// Runs `first` and `second` at once (one may run on the calling thread) and returns both
/// results. Both must be pure: they run on different threads.
package func concurrently<A, B>(_ first: () -> A, _ second: () -> B) -> (A, B) {
    var a: A?
    var b: B?
    withoutActuallyEscaping(first) { first in
        withoutActuallyEscaping(second) { second in
            DispatchQueue.concurrentPerform(iterations: 2) { i in
                if i == 0 { a = first() } else { b = second() }
            }
        }
    }
    return (a!, b!)
}
