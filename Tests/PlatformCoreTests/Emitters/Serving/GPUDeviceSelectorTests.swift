import PlatformCore
import Testing

@Suite struct GPUDeviceSelectorTests {
    @Test func wholeGPUSelectorsSitBelowTheNVMLMemory() {
        // H100 80GB reports 81559 MiB; a floor at "80Gi" (81920 MiB) would select nothing (hardware.md fact 8).
        let catalog = GPUCatalog.builtIn
        #expect(GPUDeviceSelector.wholeGPU("L40S", catalog: catalog) ==
                "device.attributes['gpu.nvidia.com'].productName.lowerAscii().matches('(^|[ -])l40s([ -]|$)') && "
                + "device.capacity['gpu.nvidia.com'].memory."
                + "compareTo(quantity('\((catalog.model(named: "L40S")?.memoryMiB ?? 0) * 95 / 100)Mi')) >= 0")
        #expect(GPUDeviceSelector.wholeGPU("H100-PCIe-80GB", catalog: catalog).contains(".contains('pcie')"))
        #expect(GPUDeviceSelector.migSlice("A100-80GB", profile: "1g.10gb") ==
                "device.attributes['gpu.nvidia.com'].productName.lowerAscii().matches('(^|[ -])a100([ -]|$)') && "
                + "device.attributes['gpu.nvidia.com'].profile == '1g.10gb'")
    }

    @Test(.needsPython(["celpy"])) func everySelectorCompilesWithCELPython() throws {
        let catalog = GPUCatalog.builtIn
        let models = catalog.names.compactMap { catalog.model(named: $0) }
        var expressions = models.map { GPUDeviceSelector.wholeGPU($0.name, catalog: catalog) }
        for gpu in models {
            for profile in gpu.migProfiles { expressions.append(GPUDeviceSelector.migSlice(gpu.name, profile: profile.name)) }
        }
        expressions += CELCompiler
            .expressions(in: Fixture
                .manifests([("nodes: { min: 2, max: 6 }", "nodes: { min: 6, max: 6, static: true }\n        gpuAllocation: dra"),
                                                 ("    gpusPerNode: 8\n", "    gpusPerNode: 8\n    operator: pytorchjob\n")]))
        #expect(expressions.count > 10)
        guard let failures = CELCompiler.failures(expressions) else { return }
        #expect(failures.isEmpty, "\(failures)")
    }

    @Test(.needsPython(["celpy"])) func aBrokenExpressionIsCaught() throws {
        guard let failures = CELCompiler.failures(["device.attributes['gpu.nvidia.com'].productName.matches("]) else { return }
        #expect(failures.count == 1)
    }
}
