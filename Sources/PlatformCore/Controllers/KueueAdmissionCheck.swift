import PlatformDiagnostics

/// Kueue v0.19.2 (the `kueue.x-k8s.io/v1beta2` API we emit).
/// - Admission: with the default quota check strategy `BlockUndeclared` every resource a
///   workload requests must be among its ClusterQueue's `coveredResources`, else no flavor fits:
///   "resource %s unavailable in ClusterQueue" and the job stays suspended
///   (`pkg/scheduler/flavorassigner/flavorassigner.go`; `apis/config/v1beta2/configuration_types.go`,
///   QuotaCheckBlockUndeclared). A zero request needs no flavor (same file, #8079).
/// - Nominal quotas: what a ClusterQueue is guaranteed; quotas of one flavor summing past what
///   the flavor's nodes hold are promises the cluster cannot keep at once.
enum KueueAdmissionCheck {
    static func check(_ pod: DerivedPod, _ facts: ClusterFacts) -> [Diagnostic] {
        guard let queue = pod.queueName else { return [] }
        guard let clusterQueueName = facts.localQueues[ClusterIndex.key(pod.namespace, queue)],
              let clusterQueue = facts.clusterQueues[clusterQueueName] else {
            return [Diagnostic(.error, WillItRun.kueueUncovered,
                               "\(WillItRun.describe(pod)) name LocalQueue `\(queue)`, which namespace `\(pod.namespace)` of cluster "
                                   + "`\(pod.cluster)` does not have (or its ClusterQueue is missing): Kueue never admits them",
                               at: pod.declaredAt, help: "emit the team's LocalQueue and ClusterQueue in that cluster")]
        }
        var covered: Set<String> = []
        for group in clusterQueue.object["spec"]?["resourceGroups"]?.listValue ?? [] {
            for resource in group["coveredResources"]?.listValue ?? [] { resource.stringValue.map { _ = covered.insert($0) } }
        }
        let missing = PodResources.requested(pod.podSpec).keys.filter { !covered.contains($0) }.sorted()
        guard !missing.isEmpty else { return [] }
        let names = missing.map { "`\($0)`" }.joined(separator: ", ")
        return [Diagnostic(.error, WillItRun.kueueUncovered,
                           "\(WillItRun.describe(pod)) request \(names), which ClusterQueue `\(clusterQueueName)` in cluster "
                               + "`\(pod.cluster)` does not cover: Kueue (BlockUndeclared) keeps the job suspended",
                           at: pod.declaredAt,
                           notes: [DiagnosticNote("covered: \(covered.sorted().map { "`\($0)`" }.joined(separator: ", "))")],
                           help: "add \(names) to the ClusterQueue's `coveredResources` with a quota in each flavor")]
    }

    /// Per flavor and resource, the nominal quotas of every ClusterQueue against what the pool holds.
    static func quotas(_ facts: ClusterFacts) -> [Diagnostic] {
        guard let cluster = facts.cluster else { return [] }
        // Summed in thousandths, exactly: a sum of doubles depends on the order of its terms (and
        // the queues come from a dictionary), so quotas adding up to exactly the pool's capacity
        // could be reported on one run and not on the next.
        var sums: [String: [String: (millis: Int64, queues: Int)]] = [:]
        for queue in facts.clusterQueues.values {
            for group in queue.object["spec"]?["resourceGroups"]?.listValue ?? [] {
                for flavor in group["flavors"]?.listValue ?? [] {
                    guard let name = flavor["name"]?.stringValue else { continue }
                    for resource in flavor["resources"]?.listValue ?? [] {
                        guard let key = resource["name"]?.stringValue,
                              let quota = resource["nominalQuota"].flatMap(PodResources.quantity).flatMap(PodResources.millis)
                        else { continue }
                        let old = sums[name, default: [:]][key] ?? (0, 0)
                        let (total, overflow) = old.millis.addingReportingOverflow(quota)
                        sums[name, default: [:]][key] = (overflow ? .max : total, old.queues + 1)
                    }
                }
            }
        }
        var found: [Diagnostic] = []
        for node in facts.nodes {
            let pool = node.pool
            guard let resources = sums[pool.name] else { continue }
            for (resource, sum) in resources.sorted(by: { $0.key < $1.key }) {
                guard let capacity = node.poolCapacity(resource), let capacityMillis = PodResources.millis(capacity),
                      sum.millis > capacityMillis, sum.queues > 1 else { continue }
                found.append(Diagnostic(.warning, WillItRun.quotaOverCapacity,
                                        "nominal quotas of `\(resource)` on flavor `\(pool.name)` in cluster `\(cluster.name)` sum to "
                                            + "\(PodResources.format(millis: sum.millis)) over \(sum.queues) ClusterQueues, more than the "
                                            + "pool's "
                                            + "\(PodResources.format(capacity))",
                                        at: pool.location,
                                        help: "give each team a share of the pool (nominal quotas summing to at most its capacity) and let "
                                            + "them borrow the rest in the cohort"))
            }
        }
        return found
    }
}

/// Resource requests of a pod as the scheduler and Kueue count them: per resource the sum over
/// containers of `requests`, or of `limits` where a request is not given (Kubernetes defaults a
/// missing request to its limit).
enum PodResources {
    /// The pod's effective requests as the scheduler and Kueue count them (kubernetes
    /// `pkg/api/v1/resource` `PodRequests`): the containers' sum, with sidecars (init containers
    /// with `restartPolicy: Always`) added, or the largest ordinary init container where that is more.
    /// A limit without a request counts as the request (the API server defaults it so).
    static func requested(_ spec: ManifestMap) -> [String: Double] {
        var total: [String: Double] = [:]
        var initPeak: [String: Double] = [:]
        for container in spec["containers"]?.listValue ?? [] {
            for (key, amount) in requests(of: container) { total[key, default: 0] += amount }
        }
        for container in spec["initContainers"]?.listValue ?? [] {
            if container["restartPolicy"]?.stringValue == "Always" {
                for (key, amount) in requests(of: container) { total[key, default: 0] += amount }
            } else {
                for (key, amount) in requests(of: container) { initPeak[key] = max(initPeak[key] ?? 0, amount) }
            }
        }
        for (key, amount) in initPeak where amount > total[key] ?? 0 { total[key] = amount }
        return total
    }

    static func requests(of container: ManifestValue) -> [String: Double] {
        let requests = container["resources"]?["requests"]?.mapValue ?? ManifestMap()
        let limits = container["resources"]?["limits"]?.mapValue ?? ManifestMap()
        var result: [String: Double] = [:]
        for key in Set(requests.keys + limits.keys) {
            guard let amount = (requests[key] ?? limits[key]).flatMap(quantity), amount > 0 else { continue }
            result[key] = amount
        }
        return result
    }

    /// A Kubernetes quantity (`8`, `500m`, `32Gi`, `1.5`) as a number; nil when unreadable.
    static func quantity(_ value: ManifestValue) -> Double? {
        if let number = value.intValue { return Double(number) }
        if case .double(let number) = value { return number }
        guard let text = value.stringValue else { return nil }
        let suffixes: [(String, Double)] = [("Ki", 1024), ("Mi", 1_048_576), ("Gi", 1_073_741_824), ("Ti", 1_099_511_627_776),
                                            ("m", 0.001), ("k", 1e3), ("M", 1e6), ("G", 1e9), ("T", 1e12)]
        for (suffix, scale) in suffixes where text.hasSuffix(suffix) {
            return Double(text.dropLast(suffix.count)).map { $0 * scale }
        }
        return Double(text)
    }

    /// A quantity in thousandths (Kubernetes' milli-units, the finest a quota is compared at),
    /// rounded to the nearest; nil beyond what 64 bits hold.
    static func millis(_ value: Double) -> Int64? {
        let scaled = (value * 1000).rounded()
        guard scaled.isFinite, abs(scaled) < 9.2e18 else { return nil }
        return Int64(scaled)
    }

    /// `format` of a quantity in thousandths; whole units stay exact up to 2^53.
    static func format(millis: Int64) -> String {
        millis % 1000 == 0 ? format(Double(millis / 1000)) : format(Double(millis) / 1000)
    }

    /// A quantity the way Kubernetes writes it: `32Gi`, `384Mi`, `100m`, `8`.
    static func format(_ value: Double) -> String {
        for (suffix, scale) in [("Gi", 1_073_741_824.0), ("Mi", 1_048_576.0)] where value >= scale
            && value.truncatingRemainder(dividingBy: scale) == 0 {
            return "\(Int64(value / scale))\(suffix)"
        }
        if value == value.rounded() { return "\(Int64(value))" }
        let millis = (value * 1000).rounded()
        return "\(Int64(millis))m"
    }
}
