/// One colour per team (a hue) and per workload (a shade of its team's hue), fixed by the sorted
/// names alone, so the same platform always gets the same picture.
struct WorkloadColours {
    static let free = "#e6e8eb"
    static let stranded = "#d23c3c"
    /// Hues far apart on the wheel, in an order that keeps neighbours distinct.
    private static let hues = [212, 28, 140, 282, 350, 52, 186, 100, 320, 240]
    private static let shades: [(saturation: Int, lightness: Int)] = [(62, 42), (55, 58), (70, 32), (48, 68), (66, 50), (52, 36)]

    private(set) var team: [String: String] = [:]
    private(set) var demand: [String: String] = [:]

    init(teams: [String], workloads: [WorkloadKey]) {
        let names = Array(Set(teams + workloads.map(\.team))).sorted()
        var hueOf: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            hueOf[name] = Self.hues[i % Self.hues.count]
            team[name] = "hsl(\(Self.hues[i % Self.hues.count]),60%,45%)"
        }
        var seen: [String: Int] = [:]
        for workload in workloads.sorted(by: { $0.demand < $1.demand }) {
            let k = seen[workload.team, default: 0]
            seen[workload.team] = k + 1
            let shade = Self.shades[k % Self.shades.count]
            demand[workload.demand] = "hsl(\(hueOf[workload.team] ?? 0),\(shade.saturation)%,\(shade.lightness)%)"
        }
    }

    /// The fill of a GPU (or slice) held by `demand`; grey for a demand the legend does not know.
    func fill(_ demand: String?) -> String {
        guard let demand else { return Self.free }
        return self.demand[demand] ?? "#7a7f87"
    }
}
