/// One step of a path into an object: a map key, a list item known by its `name`, or a list index.
package enum ManifestPathStep: Hashable, Sendable, CustomStringConvertible {
    case key(String)
    case named(String)
    case index(Int)

    package var description: String {
        switch self {
        case let .key(key): return key
        case let .named(name): return "[\(name)]"
        case let .index(index): return "[\(index)]"
        }
    }

    /// `spec.template.spec.containers[debug].securityContext.privileged`.
    package static func text(_ path: [ManifestPathStep]) -> String {
        var out = ""
        for step in path {
            if case .key = step, !out.isEmpty { out += "." }
            out += step.description
        }
        return out
    }
}

/// The Kubernetes Pod Security Standards as value checks over a compiled object. The rules and
/// their allowed values follow kubernetes/pod-security-admission `policy/check_*.go` (each rule
/// below names its file). Pod specs are found by shape — any map holding `containers`,
/// `initContainers` or `ephemeralContainers` (Deployment, Job, LeaderWorkerSet leader and worker,
/// PyTorchJob replicas, TrainJob runtime patches) — and every other map of the object is searched
/// for the fields the baseline forbids wherever they stand (`securityContext`,
/// `podSecurityContext`, `volumes`, `hostNetwork`… of custom resources such as kagent's Agent
/// deployment or TrainJob overrides), so a pod spec nested where we do not look is still checked.
package enum PodSecurityStandard {
    /// One control a pod breaks: where (a path from the object's root), and how.
    package struct Finding: Hashable, Sendable {
        package var control: PodSecurityControl
        /// The level whose rule this is (`capabilities` and `seccomp` have both).
        package var level: PodSecurityControl.Level
        package var path: [ManifestPathStep]
        /// How many steps of `path` lead to the thing at fault (the container for a missing
        /// field): a template that holds that much of the path is what put it there.
        package var anchor: Int
        package var detail: String
    }

    /// Every finding in `object` at `level`, for Kubernetes `1.<minor>`.
    package static func findings(in object: ManifestValue, level: PodSecurityControl.Level, minor: Int) -> [Finding] {
        var walker = Walker(level: level, minor: minor)
        var path: [ManifestPathStep] = []
        walker.walk(object, path: &path)
        return walker.found
    }

    // check_capabilities_baseline.go
    static let baselineCapabilities: Set<String> = ["AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL", "MKNOD",
                                                     "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT"]
    // check_sysctls.go, by the minor version that added them
    static let safeSysctls: [(minor: Int, names: [String])] = [
        (0, ["kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
             "net.ipv4.ip_unprivileged_port_start"]),
        (27, ["net.ipv4.ip_local_reserved_ports"]),
        (29, ["net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout", "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes"]),
        (32, ["net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem"]),
        (37, ["net.ipv4.tcp_slow_start_after_idle", "net.ipv4.tcp_notsent_lowat"]),
    ]
    // check_restrictedVolumes.go
    static let restrictedVolumeSources: Set<String> = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "image",
                                                        "persistentVolumeClaim", "projected", "secret"]
    static let containerLists = ["containers", "initContainers", "ephemeralContainers"]
    static let securityContextKeys: Set<String> = ["securityContext", "podSecurityContext", "containerSecurityContext"]
    static let securityContextKeyOrder = securityContextKeys.sorted()
    // check_hostNamespaces.go
    static let hostNamespaces: [(String, PodSecurityControl)] = [("hostNetwork", .hostNetwork), ("hostPID", .hostPID),
        ("hostIPC", .hostIPC)]

    struct Walker {
        let level: PodSecurityControl.Level
        let minor: Int
        var found: [Finding] = []
        /// The maps `walk` entered as list items, where their `.index` step stands in the path: the
        /// step becomes `.named` only when a finding is reported (a `name` lookup for every list
        /// item of every object was a good part of the walk).
        var unnamed: [(position: Int, item: ManifestValue)] = []

        var restricted: Bool { level == .restricted }

        mutating func report(_ control: PodSecurityControl, _ level: PodSecurityControl.Level, _ path: [ManifestPathStep],
                             anchor: Int? = nil, _ detail: String) {
            // Every path reported extends the stack `walk` is at, so each position is in it.
            var path = path
            for pending in unnamed {
                if case let .index(index) = path[pending.position] { path[pending.position] = step(pending.item, index) }
            }
            found.append(Finding(control: control, level: level, path: path, anchor: anchor ?? path.count, detail: detail))
        }

        /// `path` is one stack pushed and popped on the way (copied only into a finding): every
        /// node of every object passes here.
        mutating func walk(_ value: ManifestValue, path: inout [ManifestPathStep]) {
            switch value {
            case let .map(map):
                let fields = PodFields(map)
                if fields.hasContainerList {
                    podSpec(map, fields, path: path)
                    return
                }
                podLevel(fields, path: path, userNamespace: fields.hostUsers?.boolValue == false)
                for entry in map where entry.value.isMapOrList {
                    if let key = PodFields.Key(entry.key), key.isHandledByPodLevel { continue }
                    path.append(.key(entry.key))
                    walk(entry.value, path: &path)
                    path.removeLast()
                }
            case let .list(items):
                for (index, item) in items.enumerated() where item.isMapOrList {
                    path.append(.index(index))
                    if case .map = item { unnamed.append((path.count - 1, item)) }
                    walk(item, path: &path)
                    if case .map = item { unnamed.removeLast() }
                    path.removeLast()
                }
            default:
                break
            }
        }

        func step(_ item: ManifestValue, _ index: Int) -> ManifestPathStep {
            item["name"]?.stringValue.map(ManifestPathStep.named) ?? .index(index)
        }

        /// A pod spec: its own fields, then each container, then what the restricted level requires.
        mutating func podSpec(_ spec: ManifestMap, _ fields: PodFields, path: [ManifestPathStep]) {
            let userNamespace = fields.hostUsers?.boolValue == false
            podLevel(fields, path: path, userNamespace: userNamespace)
            let pod = fields.securityContext?.mapValue
            for (list, items) in zip(PodSecurityStandard.containerLists,
                [fields.containers, fields.initContainers, fields.ephemeralContainers]) {
                for (index, item) in (items?.listValue ?? []).enumerated() {
                    guard let c = item.mapValue else { continue }
                    container(c, path: path + [.key(list), step(item, index)], pod: pod, userNamespace: userNamespace)
                }
            }
        }

        /// Fields of a pod spec or of any map that may stand for one.
        mutating func podLevel(_ fields: PodFields, path: [ManifestPathStep], userNamespace: Bool) {
            guard fields.hasPodLevelKey else { return }
            // check_hostNamespaces.go
            for (key, control) in PodSecurityStandard.hostNamespaces where fields.value(of: key)?.boolValue == true {
                report(control, .baseline, path + [.key(key)], "the pod sets `\(key): true`")
            }
            for key in PodSecurityStandard.securityContextKeyOrder {
                if let context = fields.value(of: key)?.mapValue {
                    securityContext(context, path: path + [.key(key)], userNamespace: userNamespace, container: nil)
                }
            }
            if let volumes = fields.volumes?.listValue { self.volumes(volumes, path: path + [.key("volumes")]) }
            if let annotations = fields.annotations?.mapValue { appArmorAnnotations(annotations, path: path + [.key("annotations")]) }
        }

        /// Values forbidden wherever a security context sets them (pod or container level).
        mutating func securityContext(_ context: ManifestMap, path: [ManifestPathStep], userNamespace: Bool, container: String?) {
            let who = container.map { "container `\($0)`" } ?? "the pod"
            // check_privileged.go
            if context["privileged"]?.boolValue == true {
                report(.privileged, .baseline, path + [.key("privileged")], "\(who) sets `privileged: true`")
            }
            // check_capabilities_baseline.go, check_capabilities_restricted.go
            // A capability beyond the baseline's list is a baseline finding even where restricted applies.
            let added = context["capabilities"]?["add"]?.listValue?.compactMap(\.stringValue) ?? []
            let beyondBaseline = added.filter { !PodSecurityStandard.baselineCapabilities.contains($0) }
            let beyondRestricted = restricted ? added.filter { $0 != "NET_BIND_SERVICE" } : []
            if let (extra, level) = !beyondBaseline.isEmpty ? (beyondBaseline, PodSecurityControl.Level.baseline)
                : !beyondRestricted.isEmpty ? (beyondRestricted, .restricted) : nil {
                report(.capabilities, level, path + [.key("capabilities"), .key("add")],
                       "\(who) adds capabilit\(extra.count == 1 ? "y" : "ies") \(extra.map { "`\($0)`" }.joined(separator: ", "))")
            }
            // check_procMount_baseline.go (any value under a user namespace), check_procMount_restricted.go
            if let mount = context["procMount"]?.stringValue, mount != "Default", !(userNamespace && !restricted) {
                report(.procMount, userNamespace ? .restricted : .baseline, path + [.key("procMount")], "\(who) sets `procMount: \(mount)`")
            }
            // check_seccompProfile_baseline.go
            if let type = context["seccompProfile"]?["type"]?.stringValue, type != "RuntimeDefault", type != "Localhost" {
                report(.seccomp, .baseline, path + [.key("seccompProfile"), .key("type")], "\(who) sets seccomp profile `\(type)`")
            }
            // check_seLinuxOptions.go (container_engine_t from 1.31)
            if let options = context["seLinuxOptions"]?.mapValue {
                var types: Set<String> = ["", "container_t", "container_init_t", "container_kvm_t"]
                if minor >= 31 { types.insert("container_engine_t") }
                let type = options["type"]?.stringValue ?? ""
                let custom = ["user", "role"].filter { !(options[$0]?.stringValue ?? "").isEmpty }
                if !types.contains(type) || !custom.isEmpty {
                    let what = !types.contains(type) ? "SELinux type `\(type)`"
                        : "SELinux \(custom.map { "`\($0)`" }.joined(separator: " and "))"
                    report(.seLinux, .baseline, path + [.key("seLinuxOptions")], "\(who) sets \(what)")
                }
            }
            // check_appArmorProfile.go
            if let type = context["appArmorProfile"]?["type"]?.stringValue, type != "RuntimeDefault", type != "Localhost" {
                report(.appArmor, .baseline, path + [.key("appArmorProfile"), .key("type")], "\(who) sets AppArmor profile `\(type)`")
            }
            // check_windowsHostProcess.go
            if context["windowsOptions"]?["hostProcess"]?.boolValue == true {
                report(.windowsHostProcess, .baseline, path + [.key("windowsOptions"), .key("hostProcess")],
                    "\(who) sets `windowsOptions.hostProcess: true`")
            }
            // check_sysctls.go
            // The safe set is built only where a context lists sysctls (every node of every object passes here).
            let sysctls = context["sysctls"]?.listValue ?? []
            let safe = sysctls.isEmpty ? [] : Set(PodSecurityStandard.safeSysctls.filter { $0.minor <= minor }.flatMap(\.names))
            for (index, item) in sysctls.enumerated() {
                if let name = item["name"]?.stringValue, !safe.contains(name) {
                    report(.sysctls, .baseline, path + [.key("sysctls"), step(item, index)], "\(who) sets sysctl `\(name)`")
                }
            }
            guard restricted else { return }
            // check_runAsUser.go, check_runAsNonRoot.go: explicit root (a missing field is judged per container)
            if !userNamespace, context["runAsUser"]?.intValue == 0 {
                report(.runAsRoot, .restricted, path + [.key("runAsUser")], "\(who) sets `runAsUser: 0`")
            }
            if !userNamespace, context["runAsNonRoot"]?.boolValue == false {
                report(.runAsRoot, .restricted, path + [.key("runAsNonRoot")], "\(who) sets `runAsNonRoot: false`")
            }
            // check_allowPrivilegeEscalation.go: an explicit true (a missing field is judged per container)
            if container == nil, context["allowPrivilegeEscalation"]?.boolValue == true {
                report(.privilegeEscalation, .restricted, path + [.key("allowPrivilegeEscalation")],
                    "\(who) sets `allowPrivilegeEscalation: true`")
            }
        }

        mutating func container(_ c: ManifestMap, path: [ManifestPathStep], pod: ManifestMap?, userNamespace: Bool) {
            let name = c["name"]?.stringValue ?? "?"
            let context = c["securityContext"]?.mapValue ?? ManifestMap()
            securityContext(context, path: path + [.key("securityContext")], userNamespace: userNamespace, container: name)
            // check_hostPorts.go
            for (index, port) in (c["ports"]?.listValue ?? []).enumerated() {
                if let host = port["hostPort"]?.intValue, host != 0 {
                    report(.hostPorts, .baseline, path + [.key("ports"), step(port, index), .key("hostPort")],
                           "container `\(name)` binds host port \(host)")
                }
            }
            // check_hostProbesAndhostLifecycle.go (from 1.34)
            if minor >= 34 {
                let handlers: [(String, ManifestValue?)] = [("livenessProbe", c["livenessProbe"]), ("readinessProbe", c["readinessProbe"]),
                                                            ("startupProbe", c["startupProbe"]),
                                                            ("lifecycle.postStart", c["lifecycle"]?["postStart"]),
                                                            ("lifecycle.preStop", c["lifecycle"]?["preStop"])]
                for (field, handler) in handlers {
                    for action in ["httpGet", "tcpSocket"] {
                        if let host = handler?[action]?["host"]?.stringValue, !host.isEmpty {
                            let steps = field.split(separator: ".").map { ManifestPathStep.key(String($0)) }
                            report(.hostProbes, .baseline, path + steps + [.key(action), .key("host")],
                                   "container `\(name)` sends its `\(field)` to host `\(host)`")
                        }
                    }
                }
            }
            guard restricted else { return }
            let at = path + [.key("securityContext")]
            // check_allowPrivilegeEscalation.go
            if context["allowPrivilegeEscalation"]?.boolValue != false {
                report(.privilegeEscalation, .restricted, at + [.key("allowPrivilegeEscalation")], anchor: path.count,
                       "container `\(name)` does not set `allowPrivilegeEscalation: false`")
            }
            // check_capabilities_restricted.go
            let dropped = context["capabilities"]?["drop"]?.listValue?.compactMap(\.stringValue) ?? []
            if !dropped.contains("ALL") {
                report(.capabilities, .restricted, at + [.key("capabilities"), .key("drop")], anchor: path.count,
                       "container `\(name)` does not drop `ALL` capabilities")
            }
            // check_runAsNonRoot.go
            if !userNamespace, context["runAsNonRoot"] == nil, pod?["runAsNonRoot"]?.boolValue != true {
                report(.runAsRoot, .restricted, at + [.key("runAsNonRoot")], anchor: path.count,
                       "container `\(name)` may run as root (`runAsNonRoot: true` is set neither on it nor on the pod)")
            }
            // check_seccompProfile_restricted.go
            if context["seccompProfile"]?["type"] == nil,
                !["RuntimeDefault", "Localhost"].contains(pod?["seccompProfile"]?["type"]?.stringValue ?? "") {
                report(.seccomp, .restricted, at + [.key("seccompProfile")], anchor: path.count,
                       "container `\(name)` has no seccomp profile (`RuntimeDefault` or `Localhost`) on it or on the pod")
            }
        }

        mutating func volumes(_ volumes: [ManifestValue], path: [ManifestPathStep]) {
            for (index, volume) in volumes.enumerated() {
                guard let map = volume.mapValue else { continue }
                let name = map["name"]?.stringValue ?? "?"
                let at = path + [step(volume, index)]
                // check_hostPathVolumes.go
                if let hostPath = map["hostPath"] {
                    let where_ = hostPath["path"]?.stringValue.map { " `\($0)`" } ?? ""
                    report(.hostPath, .baseline, at + [.key("hostPath")], "volume `\(name)` mounts host path\(where_)")
                    continue
                }
                // check_restrictedVolumes.go
                if restricted,
                    let source = map.keys.first(where: { $0 != "name" && !PodSecurityStandard.restrictedVolumeSources.contains($0) }) {
                    report(.volumeTypes, .restricted, at + [.key(source)], "volume `\(name)` is of type `\(source)`")
                }
            }
        }

        /// check_appArmorProfile.go: the annotation form.
        mutating func appArmorAnnotations(_ annotations: ManifestMap, path: [ManifestPathStep]) {
            let prefix = "container.apparmor.security.beta.kubernetes.io/"
            for entry in annotations where entry.key.hasPrefix(prefix) {
                let value = entry.value.stringValue ?? ""
                if !(value.isEmpty || value == "runtime/default" || value.hasPrefix("localhost/")) {
                    report(.appArmor, .baseline, path + [.key(entry.key)],
                           "container `\(entry.key.dropFirst(prefix.count))` has AppArmor profile `\(value)`")
                }
            }
        }
    }
}
