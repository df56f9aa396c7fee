// swift-tools-version:6.0
// platformc: platform.yaml → typed IR → passes → manifests → GitOps commit.
import PackageDescription

let package = Package(
    name: "platformc",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "platformc", targets: ["platformc"]),
        .library(name: "PlatformCore", type: .static, targets: ["PlatformCore"]),
    ],
    dependencies: [
        // Yams 5.0.1 keeps every mapping pair, so duplicate keys reach our own check with both marks.
        .package(url: "https://github.com/jpsim/Yams.git", exact: "5.0.1"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CLibGit2", pkgConfig: "libgit2", providers: [.apt(["libgit2-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        // COIN-OR Cbc (MILP) for exact placement and its lower bound (issue 18).
        .systemLibrary(name: "CCbc", pkgConfig: "cbc", providers: [.apt(["coinor-libcbc-dev"])]),
        // The one concurrency helper (parallel map, pairs, background jobs), for the pipeline and GitOps.
        .target(name: "PlatformConcurrency"),
        // Redacts and renders a large batch of diagnostics on all cores (`concurrentRuns`).
        .target(name: "PlatformDiagnostics", dependencies: ["PlatformConcurrency"]),
        // The pipeline's layers, each a target so that an arrow back up does not compile
        // (docs/architecture.md): the document model, the front end, the compiler, then what
        // reads the compiler's output (diff, report) and what writes specs (generate, init).
        .target(name: "PlatformDocument", dependencies: ["PlatformDiagnostics", "PlatformConcurrency", .product(name: "Yams", package: "Yams")]),
        .target(name: "PlatformFrontEnd", dependencies: ["PlatformDocument", "PlatformDiagnostics", "CLibXML2", .product(name: "Yams", package: "Yams")]),
        .target(name: "PlatformCore", dependencies: ["PlatformFrontEnd", "PlatformDocument", "PlatformDiagnostics", "CLibXML2", "CCbc", .product(name: "Yams", package: "Yams")]),
        .target(name: "PlatformDiff", dependencies: ["PlatformCore", "PlatformDiagnostics"]),
        .target(name: "PlatformGenerate", dependencies: ["PlatformCore", "PlatformDiagnostics"]),
        .target(name: "PlatformGitOps", dependencies: ["PlatformConcurrency", "CLibGit2", "CZlib"]),
        .target(name: "PlatformCLI", dependencies: [
            "PlatformCore", "PlatformDiff", "PlatformGenerate", "PlatformDiagnostics", "PlatformGitOps",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ], plugins: ["BuildRevision"]),
        // `platformc --version` names the git commit it was built from, read from .git at build time.
        .executableTarget(name: "BuildRevisionTool"),
        .plugin(name: "BuildRevision", capability: .buildTool(), dependencies: ["BuildRevisionTool"]),
        .executableTarget(name: "platformc", dependencies: ["PlatformCLI"]),
        .testTarget(name: "PlatformDiagnosticsTests", dependencies: ["PlatformDiagnostics", "PlatformDocument", "PlatformConcurrency"]),
        .testTarget(name: "PlatformCoreTests", dependencies: [
            "PlatformDocument", "PlatformFrontEnd", "PlatformCore", "PlatformDiff", "PlatformGenerate", "PlatformDiagnostics", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "PlatformGitOpsTests", dependencies: ["PlatformGitOps", "PlatformConcurrency"]),
        .testTarget(name: "PlatformCLITests", dependencies: ["PlatformCLI", "PlatformConcurrency", "PlatformCore", "PlatformDiff", "PlatformGitOps", .product(name: "Yams", package: "Yams")],
                    // Python run by the LiteLLM proxy tests, not built.
                    exclude: ["LiteLLMProxy/litellm_harness.py", "LiteLLMProxy/provision_harness.py"]),
    ],
    swiftLanguageModes: [.v6]
)
