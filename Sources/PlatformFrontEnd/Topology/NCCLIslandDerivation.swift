import PlatformDiagnostics

/// Derives a node's GPUs, NICs and NVLink islands from a parsed topology file.
///
/// GPUs joined by an `<nvlink>` to each other form one island, and so do all GPUs linked to the same
/// NVSwitch: a target with `tclass="0x068000"`, or the bus ID of a `<pci class="0x068000">` or `<nvs>`
/// in the file. An `<nvlink>` whose target is the GPU's own bus ID (Azure NC A100 v4 writes one per GPU)
/// links nothing. Once any GPU has `<nvlink>` data the file decides: a GPU without any is a lone GPU.
/// Files without `<nvlink>` elements (cloud overlays, hand-written files) carry no NVLink data, so their
/// islands stay unknown and the caller falls back to the instance type or `interconnect`.
enum NCCLIslandDerivation {
    struct GPU {
        var index: Int
        var busID: String
        var sm: Int?
        var links: [NCCLTopologyElement]
        var line: Int
    }

    static func derive(system: NCCLTopologyElement, file: String, at locate: (Int, String) -> SourceLocation)
        -> (NodeTopology, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        /// A file that says nothing about NVLink: the pool's instance type or `interconnect` decides.
        func islandsUnknown(gpuCount: Int, nics: Int, missing: String, source: String) -> (NodeTopology, [Diagnostic]) {
            let note = Diagnostic(.note, TopologyDiagnosticCode.islandsUnknown,
                                  "topology file has \(missing), so its NVLink islands are unknown", at: locate(system.line, "system"),
                                  help: "the node pool's instance type or `interconnect` decides the islands")
            return (NodeTopology(gpuCount: gpuCount, islands: [], nics: nics, source: "\(file): \(source); islands from the instance type"),
                [note])
        }
        let gpus = collectGPUs(system)
        let nets = system.descendants.filter { $0.name == "net" }.count
        let nicPCIs = system.descendants.filter { $0.name == "pci" && ($0["class"] ?? "").lowercased().hasPrefix("0x02") }.count
        let nics = nets > 0 ? nets : nicPCIs

        guard !gpus.isEmpty else {
            let gpuPCIs = system.descendants.filter { $0.name == "pci" && ($0["class"] ?? "").lowercased().hasPrefix("0x03") }
            return islandsUnknown(gpuCount: gpuPCIs.count, nics: nics, missing: "\(gpuPCIs.count) GPU PCI devices but no `<gpu>` elements",
                                  source: "overlay without <gpu> elements")
        }
        guard gpus.contains(where: { !$0.links.isEmpty }) else {
            // NCCL asks NVML for the links of a GPU the file gives none: the file says nothing about NVLink.
            return islandsUnknown(gpuCount: gpus.count, nics: nics, missing: "\(gpus.count) `<gpu>` elements but no `<nvlink>` elements",
                                  source: "<gpu> elements without <nvlink>")
        }
        let switches = Set(system.descendants.filter { element in
            element.name == "nvs" || (element.name == "pci" && (element["class"] ?? "").lowercased().hasPrefix("0x068000"))
        }.compactMap { $0["busid"]?.lowercased() })

        let byBusID = Dictionary(gpus.map { ($0.busID, $0.index) }, uniquingKeysWith: { first, _ in first })
        var islands = UnionFind(gpus.map(\.index))
        var switchMembers: [String: [Int]] = [:]
        var joinedBySwitch = false
        var joinedDirectly = false
        var linkCount: [Int: Int] = [:]
        var selfLinks = 0
        for gpu in gpus {
            for link in gpu.links {
                let target = (link["target"] ?? "").lowercased()
                let tclass = (link["tclass"] ?? "").lowercased()
                let count = Int(link["count"] ?? "") ?? 0
                if target == gpu.busID { selfLinks += 1; continue }
                if tclass.hasPrefix("0x068000") || switches.contains(target) {
                    switchMembers[target, default: []].append(gpu.index)
                } else if let peer = byBusID[target] {
                    islands.union(gpu.index, peer)
                    joinedDirectly = true
                } else {
                    diagnostics.append(Diagnostic(.warning, TopologyDiagnosticCode.unknownNVLinkTarget,
                        "`<nvlink>` of GPU \(gpu.index) targets `\(target)` (tclass `\(tclass)`), which is neither a GPU in this file nor "
                            + "an NVSwitch",
                        at: locate(link.line, "nvlink"), help: "check the target bus ID; the link is not counted"))
                    continue
                }
                linkCount[gpu.index, default: 0] += count
            }
        }
        for members in switchMembers.values where members.count > 1 {
            for member in members.dropFirst() { islands.union(members[0], member) }
            joinedBySwitch = true
        }
        if selfLinks > 0 {
            diagnostics.append(Diagnostic(.note, TopologyDiagnosticCode.selfTargetedNVLink,
                "\(selfLinks) `<nvlink>` elements target their own GPU's bus ID; they link no GPUs",
                at: locate(system.line, "system")))
        }

        let smByIndex = Dictionary(gpus.map { ($0.index, $0.sm) }, uniquingKeysWith: { first, _ in first })
        let result = islands.groups().map { members -> NVLinkIsland in
            guard members.count > 1 else { return NVLinkIsland(gpus: members, bandwidthGBps: 0) }
            let perGPU = members.map { index -> Double in
                Double(linkCount[index] ?? 0) * NVLinkBandwidth.perLinkGBps(sm: (smByIndex[index] ?? nil) ?? 0)
            }
            return NVLinkIsland(gpus: members, bandwidthGBps: (perGPU.min() ?? 0).rounded(toPlaces: 1))
        }
        let sizes = result.map { String($0.gpus.count) }.joined(separator: "+")
        let interconnect: Interconnect = result.allSatisfy { $0.gpus.count == 1 } ? .pcie
            : joinedBySwitch ? .nvswitch : (joinedDirectly ? .nvlink : .pcie)
        return (NodeTopology(gpuCount: gpus.count, islands: result, nics: nics,
                             source: "\(file): \(gpus.count) GPUs in NVLink islands of \(sizes)", interconnect: interconnect), diagnostics)
    }

    /// `<gpu>` elements with the bus ID of their `<pci>` parent, indexed by `dev` (document order if absent).
    static func collectGPUs(_ system: NCCLTopologyElement) -> [GPU] {
        var found: [GPU] = []
        func walk(_ element: NCCLTopologyElement, busID: String) {
            for child in element.children {
                if child.name == "gpu" {
                    found.append(GPU(index: Int(child["dev"] ?? "") ?? found.count, busID: busID,
                                     sm: Int(child["sm"] ?? ""), links: child.children.filter { $0.name == "nvlink" },
                                     line: child.line))
                } else {
                    walk(child, busID: child.name == "pci" ? (child["busid"] ?? "").lowercased() : busID)
                }
            }
        }
        walk(system, busID: "")
        return found
    }
}

/// Disjoint sets over GPU indices; `groups()` lists each set sorted, sets ordered by their first member.
struct UnionFind {
    private var parent: [Int: Int]

    init(_ members: [Int]) { parent = Dictionary(members.map { ($0, $0) }, uniquingKeysWith: { a, _ in a }) }

    mutating func find(_ x: Int) -> Int {
        var root = x
        while let p = parent[root], p != root { root = p }
        var node = x
        while let p = parent[node], p != root { parent[node] = root; node = p }
        return root
    }

    mutating func union(_ a: Int, _ b: Int) {
        let (ra, rb) = (find(a), find(b))
        if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
    }

    mutating func groups() -> [[Int]] {
        var byRoot: [Int: [Int]] = [:]
        for member in parent.keys.sorted() { byRoot[find(member), default: []].append(member) }
        return byRoot.values.map { $0.sorted() }.sorted { $0[0] < $1[0] }
    }
}

extension Double {
    /// Rounds away binary noise such as 370.80000000000001 so figures compare and print exactly.
    func rounded(toPlaces places: Int) -> Double {
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return (self * scale).rounded() / scale
    }
}
