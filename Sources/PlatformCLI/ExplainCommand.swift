import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

enum ReportFormat: String, ExpressibleByArgument, CaseIterable { case text, json, markdown }

extension PlacementBaseline: ExpressibleByArgument {}

/// `platformc explain inventory|placement|cost|catalog|traffic|workloads`: what the compiler knows and decided.
struct ExplainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "explain",
                                                    abstract: """
                                                        Explain the inventory, placement, cost, traffic or workloads of a platform, or the \
                                                        built-in catalog.
                                                        """,
                                                    subcommands: [Inventory.self, PlacementCommand.self, Cost.self, Catalog.self,
                                                                  Traffic.self, Workloads.self])

    /// `explain placement` (named apart from the placement pass's `Placement`).
    struct PlacementCommand: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "placement",
            abstract: "Per node, pool and model: where every replica and gang runs.")
        @OptionGroup var options: SpecOptions
        @Option(help: "text or json") var format: ReportFormat = .text
        @Option(help: "Also place with this heuristic and show its figures beside ours: ffd (first-fit decreasing).")
        var baseline: PlacementBaseline?

        func run() throws {
            let output = try compileForExplain(options)
            guard let plan = output.plan, let placement = plan.placement else { throw ExitStatus.specErrors }
            let compared = baseline.map { ($0, $0.place(plan.platform)) }
            print(format == .json ? PlacementExplanation.json(placement, baseline: compared)
                                  : PlacementExplanation.text(placement, baseline: compared), terminator: "")
            if output.diagnostics.hasErrors { throw ExitStatus.specErrors }
        }
    }

    struct Inventory: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "inventory",
            abstract: "Per cluster and pool: GPUs, islands, memory, fabric, price.")
        @OptionGroup var options: SpecOptions
        @Option(help: "text or json") var format: ReportFormat = .text

        func run() throws {
            let platform = try loadPlatform(options)
            print(format == .json ? InventoryReport.json(platform) : InventoryReport.text(platform), terminator: "")
        }
    }
}

extension ExplainCommand {
    struct Cost: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "cost",
                                                        abstract: """
                                                            Per team, cluster, pool and workload: GPUs held, monthly cost now and at \
                                                            replicas.max, budgets, idle cost.
                                                            """)
        @OptionGroup var options: SpecOptions
        @Option(help: "text, json or markdown") var format: ReportFormat = .text

        func run() throws {
            let input = try CompileInput.load(options: options, templatesFolder: nil)
            var bag = DiagnosticBag()
            let platform = input.frontEnd.run(input.spec, into: &bag)
            // The report is printed even when a budget is exceeded: that is what it explains.
            let plan = platform.map { Passes.run($0, into: &bag) }
            emit(bag, format: options.diagnostics, sources: input.sources)
            guard let report = plan?.cost else { throw ExitStatus.specErrors }
            switch format {
            case .text: print(CostReportText.text(report), terminator: "")
            case .json: print(CostReportJSON.render(report), terminator: "")
            case .markdown: print(CostReportText.markdown(report), terminator: "")
            }
        }
    }
}

extension ExplainCommand {
    /// The built-in GPU models and instance types with every sourced price; reads no spec.
    struct Catalog: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "catalog",
                                                        abstract: """
                                                            Known GPU models and instance types, each price with its region, source and \
                                                            date.
                                                            """)
        @Option(help: "text or json") var format: ReportFormat = .text

        func validate() throws {
            try requireTextOrJSON(format)
        }

        func run() throws {
            print(format == .json ? CatalogReport.json() : CatalogReport.text(), terminator: "")
        }
    }
}

extension ExplainCommand {
    /// The pods the upstream controllers create from the emitted objects, per workload.
    struct Workloads: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "workloads",
                                                        abstract: """
                                                            Per workload: the pods kagent, Kubeflow Trainer, LeaderWorkerSet, kgateway and \
                                                            Kubernetes create from the emitted objects.
                                                            """)
        @OptionGroup var options: SpecOptions
        @Option(help: "text or json") var format: ReportFormat = .text

        func validate() throws {
            try requireTextOrJSON(format)
        }

        func run() throws {
            let output = try compileForExplain(options)
            // The compiler's own pods (`Compiler.Output.pods`), not a second derivation.
            guard output.plan != nil, output.manifests != nil else { throw ExitStatus.specErrors }
            let pods = output.pods
            print(format == .json ? WorkloadsExplanation.json(pods) : WorkloadsExplanation.text(pods), terminator: "")
            if output.diagnostics.hasErrors { throw ExitStatus.specErrors }
        }
    }
}

/// `--format` of the explain commands that have no markdown form.
func requireTextOrJSON(_ format: ReportFormat) throws {
    if format == .markdown { throw ValidationError("--format must be text or json") }
}

/// The whole compile for an explain command that reads its result; its diagnostics print.
func compileForExplain(_ options: SpecOptions) throws -> Compiler.Output {
    let input = try CompileInput.load(options: options, templatesFolder: nil)
    let output = input.compile(warningsAsErrors: false)
    emit(output.diagnostics, format: options.diagnostics, sources: input.sources)
    return output
}

/// Runs the front end for an explain command; spec errors print and exit 1.
func loadPlatform(_ options: SpecOptions) throws -> Platform {
    let input = try CompileInput.load(options: options, templatesFolder: nil)
    var bag = DiagnosticBag()
    let platform = input.frontEnd.run(input.spec, into: &bag)
    emit(bag, format: options.diagnostics, sources: input.sources)
    guard let platform else { throw ExitStatus.specErrors }
    return platform
}

extension ExplainCommand {
    /// Per route the hops and their objects, then every flow each cluster needs and the policies
    /// that allow or block it (`TrafficExplanation`).
    struct Traffic: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "traffic",
                                                        abstract: """
                                                            Per route: the hops and the object carrying each; per cluster: every needed \
                                                            flow and the NetworkPolicies that allow or block it.
                                                            """)
        @OptionGroup var options: SpecOptions
        @Option(help: "text or json") var format: ReportFormat = .text

        func validate() throws {
            try requireTextOrJSON(format)
        }

        func run() throws {
            let output = try compileForExplain(options)
            // A blocked flow is what this explains: print whenever the objects exist.
            guard let manifests = output.manifests, !output.traffic.isEmpty else { throw ExitStatus.specErrors }
            let reports = TrafficExplanation.build(output.traffic, manifests: manifests)
            print(format == .json ? TrafficExplanation.json(reports) : TrafficExplanation.text(reports), terminator: "")
            if output.diagnostics.hasErrors { throw ExitStatus.specErrors }
        }
    }
}
