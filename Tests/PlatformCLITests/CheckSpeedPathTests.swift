import Foundation
import PlatformConcurrency
@testable import PlatformCLI
import Testing

/// The pieces of `check`'s fast path outside the pipeline: the byte search that decides whether a
/// spec needs the topology files' second load, and the background release of the compile's output.
@Suite struct CheckSpeedPathTests {
    static let key = Array("topologyFile".utf8)

    @Test func topologyKeyIsFoundInTheBytes() {
        #expect(TopologyFileScan.holds(Self.key, in: Self.key))
        #expect(TopologyFileScan.holds(Self.key, in: Array("a: 1\n    topologyFile: x.xml\n".utf8)))
        #expect(TopologyFileScan.holds(Self.key, in: Array("é topologyFile".utf8)))
        #expect(TopologyFileScan.holds(Self.key, in: Array("ttopologyFilee".utf8)))
        #expect(!TopologyFileScan.holds(Self.key, in: Array("topologyFil".utf8)))
        #expect(!TopologyFileScan.holds(Self.key, in: Array("topologyfile: x".utf8)))
        #expect(!TopologyFileScan.holds(Self.key, in: []))
        #expect(!TopologyFileScan.holds([], in: Array("anything".utf8)))
    }

    @Test func topologyPathsOnlyFromSpecsThatNameThem() {
        let named = "clusters:\n  - name: a\n    nodePools:\n      - name: p\n        topologyFile: topo/b.xml\n"
            + "      - name: q\n        topologyFile: topo/a.xml\n"
        #expect(TopologyFileScan.paths(in: Array(named.utf8), file: "platform.yaml") == ["topo/a.xml", "topo/b.xml"])
        let unnamed = "clusters:\n  - name: a\n    nodePools:\n      - name: p\n        instanceType: p5.48xlarge\n"
        #expect(TopologyFileScan.paths(in: Array(unnamed.utf8), file: "platform.yaml").isEmpty)
    }

    /// Signals, when freed, whether that happened on the thread that made it or another one.
    final class Probe: Sendable {
        let maker = pthread_self()
        let onMaker: DispatchSemaphore, elsewhere: DispatchSemaphore
        init(onMaker: DispatchSemaphore, elsewhere: DispatchSemaphore) { (self.onMaker, self.elsewhere) = (onMaker, elsewhere) }
        deinit { (pthread_equal(pthread_self(), maker) != 0 ? onMaker : elsewhere).signal() }
    }

    /// The value is freed, on a thread other than the caller's.
    @Test func releasedOnAnotherThread() {
        let onMaker = DispatchSemaphore(value: 0), elsewhere = DispatchSemaphore(value: 0)
        let probe = Probe(onMaker: onMaker, elsewhere: elsewhere)
        releaseInBackground(consume probe)
        #expect(elsewhere.wait(timeout: .now() + 30) == .success)
        #expect(onMaker.wait(timeout: .now()) == .timedOut)
    }
}
