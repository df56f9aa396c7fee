import ArgumentParser

public struct PlatformCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(commandName: "platformc", abstract: "Compile an agentic-AI platform spec into GitOps manifests.")
    public init() {}
}
