import PlatformDiagnostics

/// One control of the Kubernetes Pod Security Standards, named as a spec exception's `allow:`
/// list names it. `baseline` controls bind in every namespace, `restricted` ones only where the
/// namespace enforces `restricted`. The rules are those of kubernetes/pod-security-admission
/// `policy/check_*.go` (cited per control in `PodSecurityStandard`).
package enum PodSecurityControl: String, CaseIterable, Hashable, Comparable, Sendable {
    // baseline
    case hostNetwork, hostPID, hostIPC
    case privileged
    case capabilities
    case hostPath
    case hostPorts
    case hostProbes
    case procMount
    case seccomp
    case seLinux
    case appArmor
    case sysctls
    case windowsHostProcess
    // restricted
    case volumeTypes
    case privilegeEscalation
    case runAsRoot

    package enum Level: String, Sendable, Comparable {
        case baseline, restricted
        package static func < (a: Level, b: Level) -> Bool { a == .baseline && b == .restricted }
    }

    /// The level whose check this is (`capabilities` and `seccomp` have a stricter restricted
    /// form too; the finding says which).
    package var level: Level {
        switch self {
        case .volumeTypes, .privilegeEscalation, .runAsRoot: return .restricted
        default: return .baseline
        }
    }

    package static func < (a: Self, b: Self) -> Bool { a.rawValue < b.rawValue }
}

/// `security.exceptions[]` of the spec: the only way past the merged-object audit. A template
/// cannot grant one (annotations it adds are not read).
package struct SecurityException: Hashable, Sendable {
    /// A model, training job or agent of the spec.
    package var workload: String
    package var allow: [PodSecurityControl]
    package var reason: String
    package var location: SourceLocation

    package init(workload: String, allow: [PodSecurityControl], reason: String, location: SourceLocation) {
        self.workload = workload
        self.allow = allow
        self.reason = reason
        self.location = location
    }

    /// The text the workload's objects carry in `Conventions.securityExceptionAnnotation`, so the
    /// diff shows a granted exception where it applies.
    package var annotation: String {
        "spec allows \(allow.map(\.rawValue).joined(separator: ", ")): \(reason)"
    }
}
