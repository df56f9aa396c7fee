import PlatformDiagnostics

/// CPU and memory against what one node offers: among the pools whose nodes a pod selects and
/// tolerates and whose accelerators it fits, one must have nodes whose allocatable CPU and memory
/// (`NodeAllocatable`: capacity minus the provisioner's reservations) hold the pod's requests,
/// or the scheduler never binds it and Karpenter never finds an instance type for it. A pool
/// whose instance type the catalog does not size is taken to fit.
enum NodeFitCheck {
    static let code: DiagnosticCode = "E7110"

    static func check(_ pod: DerivedPod, requested: [String: Double], pools: [NodeModel], _ facts: ClusterFacts) -> Diagnostic? {
        let cpu = requested["cpu"] ?? 0, memory = requested["memory"] ?? 0
        guard cpu > 0 || memory > 0 else { return nil }
        var notes: [DiagnosticNote] = []
        var largest: (pool: NodeModel, type: String, offer: NodeAllocatable)?
        for node in pools {
            guard let type = node.pool.instanceType, let instance = facts.instanceCatalog.instance(named: type),
                  let offer = NodeAllocatable.of(instance, provisioning: node.pool.provisioning, kubernetesMinor: facts.kubernetesMinor)
            else { return nil }
            // Kubernetes counts CPU in whole millicores: round away the parser's binary fractions.
            let cpuFits = (cpu * 1000).rounded() <= Double(offer.cpuMillis), memoryFits = memory <= Double(offer.memoryMiB) * 1_048_576
            if cpuFits && memoryFits { return nil }
            let short = [cpuFits ? nil : "\(offer.cpuText) CPU", memoryFits ? nil : "\(offer.memoryText) memory"].compactMap { $0 }
            notes.append(DiagnosticNote("pool `\(node.pool.name)`: a `\(type)` node offers \(short.joined(separator: " and ")) after "
                + "\(offer.basis) reservations",
                                        at: node.pool.location))
            if largest.map({ (offer.cpuMillis, offer.memoryMiB) > ($0.offer.cpuMillis, $0.offer.memoryMiB) }) ?? true {
                largest = (node, type, offer)
            }
        }
        guard let largest else { return nil }
        let asked = [cpu > 0 ? "\(PodResources.format(cpu)) CPU" : nil, memory > 0 ? "\(PodResources.format(memory)) memory" : nil]
            .compactMap { $0 }.joined(separator: " and ")
        return Diagnostic(.error, code,
                          "\(WillItRun.describe(pod)) request \(asked) per pod, more than one node of any pool that could run them offers: "
                              + "they stay pending",
                          at: pod.declaredAt, notes: notes,
                          help: "request at most \(largest.offer.cpuText) CPU and \(largest.offer.memoryText) memory per pod (what a "
                              + "`\(largest.type)` node of pool `\(largest.pool.pool.name)` offers), or use a larger instance type")
    }
}
