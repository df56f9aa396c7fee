import Foundation
import Testing

/// `generate -o` writes through the CLI's one file sink (`ContainedFolder`), as `compile --out`,
/// `report --out` and `golden update` do: never through a symbolic link in the file's place.
@Suite struct GenerateOutputTests {
    static let small = ["generate", "--clusters", "1", "--nodes", "2", "--models", "1", "--teams", "1"]

    @Test func writesTheSpecIntoANewFolder() throws {
        let fixture = try CLIFixture()
        let result = try fixture.run(Self.small + ["-o", "specs/gen.yaml"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try fixture.read("specs/gen.yaml").contains("apiVersion: platformc/v1alpha1\n"))
    }

    @Test func refusesALinkInTheFilesPlace() throws {
        let fixture = try CLIFixture()
        try fixture.write("victim.txt", "precious\n")
        try FileManager.default.createSymbolicLink(atPath: fixture.path("gen.yaml"), withDestinationPath: fixture.path("victim.txt"))
        let result = try fixture.run(Self.small + ["-o", "gen.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("refusing to write `./gen.yaml`: it is a symbolic link (platformc never writes through one)"),
            "\(result.stderr)")
        #expect(try fixture.read("victim.txt") == "precious\n")
    }

    @Test func aPathThatNamesNoFileIsAUsageError() throws {
        let fixture = try CLIFixture()
        let result = try fixture.run(Self.small + ["-o", "specs/"])
        #expect(result.status == 2)
        #expect(result.stderr == "platformc: error: `--output specs/` names no file; give a path such as `big.yaml`\n")
    }
}
