import ArgumentParser
import Foundation
import PlatformCore
import PlatformDiagnostics

/// `platformc check [SPEC]`: every problem of the spec in one run, sorted by position.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Report every problem in the platform spec.")

    @OptionGroup var options: SpecOptions

    @Flag(name: .long, help: "Run only the policy rules (the spec must still load and validate).")
    var policyOnly = false

    func run() throws {
        let bytes: [UInt8]
        do { bytes = try SpecFile.read(options.spec) } catch let error as IOFailure { throw fail(error.description) }
        var bag = DiagnosticBag()
        if let platform = FrontEnd(file: options.spec).run(bytes, into: &bag) {
            var passes = DiagnosticBag()
            let plan = Passes.run(platform, into: &passes)
            if policyOnly { bag = DiagnosticBag() } else { bag.append(contentsOf: passes) }
            for finding in PolicyPass.run(platform, plan: plan) { bag.report(finding) }
        }
        if options.warningsAsErrors { bag.promoteWarnings() }
        emit(bag, format: options.diagnostics, sources: [options.spec: String(decoding: bytes, as: UTF8.self)])
        if bag.hasErrors { throw ExitStatus.specErrors }
    }
}
