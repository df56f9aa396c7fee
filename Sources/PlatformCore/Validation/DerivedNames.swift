import PlatformDiagnostics

/// Every object name platformc derives from a spec name must pass the API server's rule for that
/// object, or the apply fails long after `check` said yes. Spec names are DNS-1123 labels (at most
/// 63 characters, may start with a digit); what they become may be stricter:
/// - a Service name is a DNS-1035 label (starts with a letter, at most 63): a model's Service is
///   its name (also the headless Service of a multi-node model's LeaderWorkerSet), a
///   prefix-cache-aware model's endpoint picker `<model>-epp`; kagent names an agent's Deployment
///   and Service after the agent (its translator's golden outputs, kagent-dev/kagent
///   `go/internal/controller/translator/agent/testdata/outputs`); the training operators name a
///   job's headless Service after it;
/// - a pool's NCCL test Job and Service `nccl-tests-<pool>` (a Job's name is also its `job-name` label);
/// - a label value holds at most 63: a team's LocalQueue `<team>-queue` is the
///   `kueue.x-k8s.io/queue-name` label of its jobs; with Flux, each namespace's Kustomization
///   `platform-<namespace>` becomes Flux's `kustomize.toolkit.fluxcd.io/name` label.
/// The names come from `Conventions` and the emitters, so the check follows them. E1107 at the
/// spec name, naming the derived object and its limit.
package struct DerivedNames {
    package init() {}

    enum Rule {
        case dns1035  // Service names: a letter first, letters, digits and `-`, at most 63
        case labelValue  // at most 63

        var limit: String {
            switch self {
            case .dns1035: return "a Service name must be a DNS-1035 label: a lower-case letter first, at most 63 characters"
            case .labelValue: return "it is used as a label value, at most 63 characters"
            }
        }

        func problem(_ name: String) -> String? {
            if name.utf8.count > 63 { return "is \(name.utf8.count) characters long" }
            if self == .dns1035, let first = name.utf8.first, !(first >= 0x61 && first <= 0x7A) { return "does not start with a letter" }
            return nil
        }
    }

    package func check(_ p: Platform, into diagnostics: inout DiagnosticBag) {
        func require(_ derived: String, _ object: String, _ rule: Rule, from what: String, at location: SourceLocation, help: String) {
            guard let problem = rule.problem(derived) else { return }
            diagnostics.error(NamingCodes.derivedNameInvalid, "\(what) gives \(object) `\(derived)`, which \(problem)", at: location,
                              notes: [DiagnosticNote(rule.limit)], help: help)
        }
        let shorter = "choose a name that starts with a letter and leaves room for the suffix"
        for m in p.models {
            let what = "model `\(m.name)`"
            require(Conventions.modelServiceName(m.name), "the Service", .dns1035, from: what, at: m.location, help: shorter)
            if m.prefixCacheAware {
                require(Conventions.endpointPickerName(m.name), "its endpoint picker's Service", .dns1035, from: what, at: m.location,
                        help: "shorten the name to at most \(63 - "-epp".count) characters, starting with a letter")
            }
        }
        for a in p.agents {
            require(a.name, "the Service kagent creates", .dns1035, from: "agent `\(a.name)`", at: a.location, help: shorter)
        }
        for j in p.training {
            require(j.name, "the headless Service of its pods", .dns1035, from: "training job `\(j.name)`", at: j.location, help: shorter)
        }
        for pool in p.clusters.flatMap(\.nodePools) {
            let name = NCCLTestEmitter.name(pool: pool.name)
            require(name, "its NCCL test Job and Service", .dns1035, from: "node pool `\(pool.name)`", at: pool.location,
                    help: "shorten the name to at most \(63 - name.count + pool.name.count) characters")
        }
        for t in p.teams {
            let queue = Conventions.localQueueName(team: t.name)
            require(queue, "its Kueue LocalQueue", .labelValue, from: "team `\(t.name)`", at: t.location,
                    help: "shorten the name to at most \(63 - queue.count + t.name.count) characters")
            if p.gitops.engine == .flux {
                let kustomization = FleetEmitter.fluxKustomizationName(namespace: t.namespace)
                require(kustomization, "its Flux Kustomization", .labelValue, from: "namespace `\(t.namespace)` of team `\(t.name)`",
                        at: t.locations[.namespace] ?? t.location,
                        help: "shorten the namespace to at most \(63 - kustomization.count + t.namespace.count) characters")
            }
        }
    }
}
