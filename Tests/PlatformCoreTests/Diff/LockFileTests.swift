import Testing
@testable import PlatformCore

/// `LockFile` is the one codec of `platform.lock.json`: what the emitter writes reads back to the
/// same value and the same bytes, and readers see every field typed.
@Suite struct LockFileTests {
    @Test func theCompiledLockReadsBackToTheSameBytes() throws {
        let output = try BundledPlatformServingTests.compile()
        let text = try #require(output.tree?.files[LockFile.path])
        let lock = try #require(LockFile(text: text))
        #expect(lock.text == text)
        #expect(lock.isPlatformc && lock.lockVersion == LockPlacement.version)
        #expect(lock.platform == output.plan?.platform.name)
        #expect(lock.objects.values.reduce(0, +) > 0 && lock.placement != nil && lock.cost?.currency == "USD")
    }

    @Test func amountsReadAsTextWhetherStringsOrNumbers() throws {
        let lock = try #require(LockFile(text: #"{"cost": {"monthly": 12, "teams": {"a": {"monthly": "1.50", "gpus": 0.5}}}}"#))
        #expect(lock.cost?.monthly == "12" && lock.cost?.teams?["a"]?.monthly == "1.50")
        #expect(lock.cost?.teams?["a"]?.gpus == GPUCount(1, over: 2))
        #expect(!lock.isPlatformc && lock.placement == nil)
    }

    @Test func aScalarIsNoLock() {
        #expect(LockFile(text: "just text") == nil)
        #expect(LockFile(text: "[1, 2]") == nil)
    }
}
