import Foundation
import Testing

/// Conditions for tests that need `../shared` or an external tool: such a test shows as skipped
/// (with the reason) where they are missing, and always runs in CI, where the `require…` call inside
/// it then fails the test. A test that merely returned early would count as passed.
extension Trait where Self == ConditionTrait {
    /// `../shared` with its tools (`SharedTools.sharedDir`).
    static var needsShared: Self {
        .enabled(if: SharedTools.isCI
            || FileManager.default.fileExists(atPath: SharedTools.sharedDir.appendingPathComponent("tools/validate-manifests").path),
                 "../shared is missing")
    }

    /// A file of `../shared` (`SharedFixtures.root`), e.g. `realworld/nccl/azure-ndv4-topo.xml`.
    static func needsSharedFile(_ path: String) -> Self {
        .enabled(if: SharedTools.isCI || FileManager.default.fileExists(atPath: SharedFixtures.root.appendingPathComponent(path).path),
                 "shared/\(path) is missing")
    }

    /// `python3` able to import `modules`.
    static func needsPython(_ modules: [String]) -> Self {
        .enabled(if: SharedTools.isCI || SharedTools.run(["python3", "-c", "import " + modules.joined(separator: ", ")]).exitCode == 0,
                 "python3 with \(modules.joined(separator: ", ")) is missing")
    }

    /// `kubectl` on PATH.
    static var needsKubectl: Self {
        .enabled(if: SharedTools.isCI || SharedTools.run(["kubectl", "version", "--client"]).exitCode == 0, "kubectl is missing")
    }
}
