/// How a model server's pod gets its GPUs on a pool: device-plugin resources (`nvidia.com/gpu`,
/// or `nvidia.com/mig-<profile>` under the mixed MIG strategy), or a DRA ResourceClaimTemplate
/// (`resource.k8s.io/v1`) with CEL selectors against the NVIDIA driver's DeviceClasses.
package struct GPUAllocation: Sendable {
    /// The pod's claim name and the container's `resources.claims` entry.
    package static let claimName = "gpus"

    package var deployment: ModelDeployment
    package var catalog: GPUCatalog

    package init(_ deployment: ModelDeployment, catalog: GPUCatalog) {
        self.deployment = deployment
        self.catalog = catalog
    }

    package var usesDRA: Bool { deployment.primaryPool.gpuAllocation == .dra }
    /// Devices one pod (one node of a replica) holds: GPUs, or one MIG slice.
    package var devicesPerPod: Int { deployment.model.migProfile == nil ? deployment.model.gpusPerReplica : 1 }
    package var templateName: String { "\(deployment.name)-gpus" }

    /// The container's `resources`: device-plugin limits, or the DRA claim.
    package var containerResources: ManifestValue {
        if usesDRA { return ["claims": [["name": .string(Self.claimName)]]] }
        let resource = deployment.model.migProfile.map { "nvidia.com/mig-\($0)" } ?? "nvidia.com/gpu"
        let count = ManifestValue.string(String(devicesPerPod))
        return ["limits": .map([resource: count]), "requests": .map([resource: count])]
    }

    /// The pod's `resourceClaims`, or nil with the device plugin.
    package var podResourceClaims: ManifestValue? {
        guard usesDRA else { return nil }
        return [["name": .string(Self.claimName), "resourceClaimTemplateName": .string(templateName)]]
    }

    /// The CEL expression selecting this model's devices.
    package var selector: String {
        if let profile = deployment.model.migProfile {
            return GPUDeviceSelector.migSlice(deployment.model.gpuModel, profile: profile)
        }
        return GPUDeviceSelector.wholeGPU(deployment.model.gpuModel, catalog: catalog)
    }

    /// The ResourceClaimTemplate, or nil with the device plugin.
    package func claimTemplate(labels: ManifestMap) -> Manifest? {
        guard usesDRA else { return nil }
        let deviceClass = deployment.model.migProfile == nil ? GPUDeviceSelector.gpuDeviceClass : GPUDeviceSelector.migDeviceClass
        let request: ManifestValue = [
            "name": "gpu",
            "exactly": ["deviceClassName": .string(deviceClass), "allocationMode": "ExactCount",
                        "count": .int(Int64(devicesPerPod)),
                        "selectors": [["cel": ["expression": .string(selector)]]]],
        ]
        return Manifest(apiVersion: "resource.k8s.io/v1", kind: "ResourceClaimTemplate", name: templateName,
                        namespace: deployment.namespace, labels: labels,
                        body: ["spec": ["spec": ["devices": ["requests": [request]]]]])
    }
}
