/// The security basics every serving pod gets: its own ServiceAccount without an automounted token,
/// a non-root user, a read-only root file system (writable paths are emptyDir mounts), no privilege
/// escalation and no capabilities. The security emitters build on these.
package enum WorkloadSecurity {
    /// The uid/gid the serving containers run as; the upstream images run as root by default.
    package static let userID: Int64 = 1000

    /// A ServiceAccount for one workload, with `automountServiceAccountToken: false`.
    package static func serviceAccount(_ name: String, namespace: String, labels: ManifestMap) -> Manifest {
        Manifest(apiVersion: "v1", kind: "ServiceAccount", name: name, namespace: namespace, labels: labels,
                 body: ["automountServiceAccountToken": false])
    }

    /// Pod-level: non-root uid/gid, fsGroup for the emptyDir mounts, the runtime's seccomp profile.
    package static var podSecurityContext: ManifestValue {
        ["runAsNonRoot": true, "runAsUser": .int(userID), "runAsGroup": .int(userID), "fsGroup": .int(userID),
         "seccompProfile": ["type": "RuntimeDefault"]]
    }

    /// Container-level: read-only root, no escalation, every capability dropped.
    package static var containerSecurityContext: ManifestValue {
        ["allowPrivilegeEscalation": false, "readOnlyRootFilesystem": true, "runAsNonRoot": true,
         "capabilities": ["drop": ["ALL"]]]
    }

    /// The pod-spec fields that tie a pod to its ServiceAccount without mounting its token.
    package static func podIdentity(serviceAccount: String) -> ManifestMap {
        ["serviceAccountName": .string(serviceAccount), "automountServiceAccountToken": false,
         "securityContext": podSecurityContext]
    }

    /// An emptyDir volume; `memory` backs it with RAM (for /dev/shm).
    package static func emptyDir(_ name: String, sizeLimit: String? = nil, memory: Bool = false) -> ManifestValue {
        var dir = ManifestMap()
        if memory { dir["medium"] = "Memory" }
        if let sizeLimit { dir["sizeLimit"] = .string(sizeLimit) }
        return ["name": .string(name), "emptyDir": .map(dir)]
    }
}
