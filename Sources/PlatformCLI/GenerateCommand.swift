import ArgumentParser
import Foundation
import PlatformCore

/// `platformc generate` (hidden): prints a seeded synthetic platform spec for benchmarks and stress
/// tests. The same flags always print the same bytes.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate", abstract: "Print a large synthetic platform spec (benchmarks).", shouldDisplay: false)

    @Option(help: "Seed of the generator.") var seed: UInt64 = 1
    @Option(help: "Number of clusters.") var clusters = GeneratorParameters.largest.clusters
    @Option(help: "Number of GPU nodes over all pools.") var nodes = GeneratorParameters.largest.nodes
    @Option(help: "Number of models.") var models = GeneratorParameters.largest.models
    @Option(help: "Number of teams.") var teams = GeneratorParameters.largest.teams
    @Option(name: .shortAndLong, help: "Write the spec here instead of standard output.") var output: String?
    @Option(help: "Compile this spec in memory and print stage timings as JSON instead (Benchmarks/).") var profile: String?

    func validate() throws {
        for (name, value) in [("clusters", clusters), ("nodes", nodes), ("models", models), ("teams", teams)] where value < 1 {
            throw ValidationError("--\(name) must be at least 1")
        }
    }

    func run() throws {
        if let profile { return try GenerateProfile.run(specPath: profile, templatesFolder: nil) }
        let spec = PlatformGenerator.generate(
            GeneratorParameters(seed: seed, clusters: clusters, nodes: nodes, models: models, teams: teams))
        guard GeneratorLimits.fits(spec) else { throw tooLarge() }
        if let output {
            // Through the CLI's one file sink: never through a link in the file's place.
            guard let target = ContainedFolder.fileTarget(output) else {
                throw fail("`--output \(output)` names no file; give a path such as `big.yaml`")
            }
            do { try ContainedFolder(target.folder).write(target.file, spec) } catch let error as IOFailure {
                throw fail(error.description)
            }
        } else {
            FileHandle.standardOutput.write(Data(spec.utf8))
        }
    }

    /// A usage error (exit 2, nothing written) that names the largest `--models` that fits.
    private func tooLarge() -> ExitCode {
        let parameters = GeneratorParameters(seed: seed, clusters: clusters, nodes: nodes, models: models, teams: teams)
        var message = "these parameters give a spec over the loader's limits (\(YAMLLimits.maxEntries) entries, E1009, or "
            + "\(YAMLLimits.maxNodes) nodes, E1090), which `platformc check` refuses; "
        if let largest = GeneratorLimits.largestModels(fitting: parameters) {
            message += "with the other parameters unchanged, `--models \(largest)` is the largest that fits"
        } else {
            message += "even `--models 1` does not fit: lower `--teams` or `--clusters`"
        }
        return fail(message)
    }
}
