extension PodSecurityStandard {
    /// The keys of one map that the walker reads, found in one pass over its entries. Every map of
    /// every object passes here, and looking up each of the twelve keys in each map was most of
    /// the walk's time.
    struct PodFields {
        var containers, initContainers, ephemeralContainers: ManifestValue?
        var hostUsers, hostNetwork, hostPID, hostIPC: ManifestValue?
        var securityContext, podSecurityContext, containerSecurityContext: ManifestValue?
        var volumes, annotations: ManifestValue?
        /// Whether the map holds a key `podLevel` reads (most maps hold none).
        private(set) var hasPodLevelKey = false

        init(_ map: ManifestMap) {
            for entry in map {
                guard let key = Key(entry.key) else { continue }
                switch key {
                case .containers: containers = entry.value
                case .initContainers: initContainers = entry.value
                case .ephemeralContainers: ephemeralContainers = entry.value
                case .hostUsers: hostUsers = entry.value
                case .hostNetwork: hostNetwork = entry.value
                case .hostPID: hostPID = entry.value
                case .hostIPC: hostIPC = entry.value
                case .securityContext: securityContext = entry.value
                case .podSecurityContext: podSecurityContext = entry.value
                case .containerSecurityContext: containerSecurityContext = entry.value
                case .volumes: volumes = entry.value
                case .annotations: annotations = entry.value
                }
                if key.isReadByPodLevel { hasPodLevelKey = true }
            }
        }

        /// A map holding any of `containerLists` as a list is a pod spec.
        var hasContainerList: Bool {
            containers?.listValue != nil || initContainers?.listValue != nil || ephemeralContainers?.listValue != nil
        }

        /// The value under one of `hostNamespaces`' or `securityContextKeys`' keys.
        func value(of key: String) -> ManifestValue? {
            switch Key(key) {
            case .hostNetwork: hostNetwork
            case .hostPID: hostPID
            case .hostIPC: hostIPC
            case .securityContext: securityContext
            case .podSecurityContext: podSecurityContext
            case .containerSecurityContext: containerSecurityContext
            default: nil
            }
        }

        enum Key: String, CaseIterable {
            case containers, initContainers, ephemeralContainers
            case hostUsers, hostNetwork, hostPID, hostIPC
            case securityContext, podSecurityContext, containerSecurityContext
            case volumes, annotations

            /// Bit `n` set when some key is `n` UTF-8 bytes long: a key of another length (most
            /// keys) is ruled out without comparing strings.
            private static let lengths: UInt64 = allCases.reduce(0) { $0 | 1 << UInt64($1.rawValue.utf8.count) }

            init?(_ key: String) {
                let count = key.utf8.count
                guard count < 64, Self.lengths & (1 << UInt64(count)) != 0 else { return nil }
                self.init(rawValue: key)
            }

            /// Read by `podLevel`, so the walk does not descend into it again.
            var isHandledByPodLevel: Bool {
                switch self {
                case .securityContext, .podSecurityContext, .containerSecurityContext, .volumes, .annotations: true
                default: false
                }
            }

            /// Read by `podLevel` (`hostUsers` only tells how to judge the others).
            var isReadByPodLevel: Bool {
                switch self {
                case .containers, .initContainers, .ephemeralContainers, .hostUsers: false
                default: true
                }
            }
        }
    }
}

extension ManifestValue {
    /// A map or a list: a value an audit may descend into.
    var isMapOrList: Bool {
        switch self {
        case .map, .list: true
        default: false
        }
    }
}
