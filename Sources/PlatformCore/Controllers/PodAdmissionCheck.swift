import PlatformDiagnostics

/// Pod Security admission (kubernetes/pod-security-admission, the levels `PodSecurityStandard`
/// implements): the API server rejects a pod its namespace's `enforce` level forbids, so the
/// controller's pod is never created however its owner object looked.
enum PodAdmissionCheck {
    static func check(_ pod: DerivedPod, _ facts: ClusterFacts) -> [Diagnostic] {
        guard let (level, minor) = facts.podSecurity[pod.namespace] else { return [] }
        let object: ManifestValue = ["apiVersion": "v1", "kind": "Pod", "spec": .map(pod.podSpec)]
        let findings = PodSecurityStandard.findings(in: object, level: level, minor: minor).filter { $0.level <= level }
        guard let first = findings.first else { return [] }
        let notes = findings.dropFirst().map { DiagnosticNote("also: \(ManifestPathStep.text($0.path)): \($0.detail)") }
        return [Diagnostic(.error, WillItRun.podSecurityRejects,
                           "\(WillItRun.describe(pod)) in namespace `\(pod.namespace)` of cluster `\(pod.cluster)` is rejected by Pod "
                               + "Security `\(level.rawValue)`: \(ManifestPathStep.text(first.path)): \(first.detail)",
                           at: pod.declaredAt, notes: Array(notes),
                           help: "set what `\(level.rawValue)` requires in "
                               + (pod.role == .agent
                                   ? """
                                       the Agent's `declarative.deployment.podSecurityContext` and `securityContext` (kagent copies \
                                       nothing else)
                                       """
                                   : "the pod template's `securityContext`"))]
    }
}
