/// `platform.lock.json`, typed: the one codec for the lock file. The lock emitter writes it
/// (`text`), and every reader parses it here (`init?(text:)`): the diff's facts, the next
/// compile's previous placement, and the CLI's check that a branch's lock is platformc's.
///
/// ```json
/// { "lockVersion": 2, "platform": "acme", "specDigest": "sha256:…",
///   "compiler": { "name": "platformc", "version": "…" },
///   "placement": { … },                       // LockPlacement
///   "objects": { "prod": 80 },                // objects per cluster
///   "cost": { "currency": "USD", "monthly": "1000.00", "monthlyAtMax": "…", "idle": "…",
///             "teams": { "search": { "gpus": 8, "monthly": "600.00", "monthlyAtMax": "…" } } } }
/// ```
/// Reading is lenient, so older and hand-edited locks still read: a missing field is nil, and
/// amounts may be strings or numbers.
package struct LockFile: Hashable, Sendable {
    /// Where the lock lives: at the root of the GitOps tree. The one spelling of the path.
    package static let path = Conventions.lockFilePath
    /// The name in `compiler.name` that marks a lock platformc wrote.
    package static let compilerName = "platformc"

    package var lockVersion: Int?
    package var platform: String?
    package var specDigest: String?
    package var compiler: Compiler?
    package var placement: LockPlacement?
    /// Objects per cluster.
    package var objects: [String: Int] = [:]
    package var cost: Cost?

    package struct Compiler: Hashable, Sendable {
        package var name: String
        package var version: String?
    }

    /// The cost pass's summary. Amounts are decimal text as written (exact cents).
    package struct Cost: Hashable, Sendable {
        package var currency: String?
        package var monthly: String?
        package var monthlyAtMax: String?
        package var idle: String?
        /// Team name → its share; nil when the lock has no `teams` map.
        package var teams: [String: Team]?

        package init(currency: String?, monthly: String?, monthlyAtMax: String?, idle: String?, teams: [String: Team]?) {
            (self.currency, self.monthly, self.monthlyAtMax, self.idle, self.teams) = (currency, monthly, monthlyAtMax, idle, teams)
        }

        package struct Team: Hashable, Sendable {
            package var gpus: GPUCount?
            package var monthly: String?
            package var monthlyAtMax: String?
        }
    }

    package init(lockVersion: Int? = nil, platform: String? = nil, specDigest: String? = nil, compiler: Compiler? = nil,
                placement: LockPlacement? = nil, objects: [String: Int] = [:], cost: Cost? = nil) {
        (self.lockVersion, self.platform, self.specDigest, self.compiler) = (lockVersion, platform, specDigest, compiler)
        (self.placement, self.objects, self.cost) = (placement, objects, cost)
    }

    /// True when platformc wrote this lock.
    package var isPlatformc: Bool { compiler?.name == Self.compilerName }

    // MARK: Reading

    /// The lock in `text` (JSON, or YAML for a hand-converted file); nil when it is neither or not a map.
    package init?(text: String) {
        guard let value = PlainJSON.parse(text) ?? (try? ManifestValue.parse(yaml: text)) else { return nil }
        self.init(value: value)
    }

    /// The lock in a parsed value; nil when it is not a map.
    package init?(value: ManifestValue) {
        guard value.mapValue != nil else { return nil }
        lockVersion = value["lockVersion"]?.intValue.map { Int($0) }
        platform = value["platform"]?.stringValue
        specDigest = value["specDigest"]?.stringValue
        if let name = value["compiler"]?["name"]?.stringValue {
            compiler = Compiler(name: name, version: value["compiler"]?["version"]?.stringValue)
        }
        placement = LockPlacement(lock: value)
        for entry in value["objects"]?.mapValue ?? ManifestMap() {
            if let count = entry.value.intValue { objects[entry.key] = Int(count) }
        }
        if let cost = value["cost"], cost.mapValue != nil { self.cost = Cost(cost) }
    }

    // MARK: Writing

    /// The lock's JSON text: two-space indentation, keys in byte order, a final newline.
    package var text: String { PrettyJSON.render(value) + "\n" }

    /// The lock as a value; every field is written, a missing cost as `null`.
    package var value: ManifestValue {
        var objectMap = ManifestMap()
        for (cluster, count) in objects { objectMap[cluster] = .int(Int64(count)) }
        var map: ManifestMap = ["objects": .map(objectMap), "cost": cost?.value ?? .null]
        if let lockVersion { map["lockVersion"] = .int(Int64(lockVersion)) }
        if let platform { map["platform"] = .string(platform) }
        if let specDigest { map["specDigest"] = .string(specDigest) }
        if let compiler {
            var c: ManifestMap = ["name": .string(compiler.name)]
            if let version = compiler.version { c["version"] = .string(version) }
            map["compiler"] = .map(c)
        }
        if let placement { map["placement"] = placement.value }
        return .map(map)
    }
}

extension LockFile.Cost {
    /// The short form of the cost pass's report: total and per team, now and at max.
    package init(summary r: CostReport) {
        var teams: [String: Team] = [:]
        for t in r.teams {
            teams[t.name] = Team(gpus: t.gpus, monthly: t.monthly.description, monthlyAtMax: t.monthlyAtMax.description)
        }
        self.init(currency: "USD", monthly: r.monthly.description, monthlyAtMax: r.monthlyAtMax.description,
                  idle: r.idle.description, teams: teams)
    }

    init(_ value: ManifestValue) {
        currency = value["currency"]?.stringValue
        monthly = Self.amount(value["monthly"])
        monthlyAtMax = Self.amount(value["monthlyAtMax"])
        idle = Self.amount(value["idle"])
        if let map = value["teams"]?.mapValue {
            var teams: [String: Team] = [:]
            for entry in map {
                teams[entry.key] = Team(gpus: LockPlacement.gpuCount(entry.value["gpus"]), monthly: Self.amount(entry.value["monthly"]),
                                        monthlyAtMax: Self.amount(entry.value["monthlyAtMax"]))
            }
            self.teams = teams
        }
    }

    var value: ManifestValue {
        var teamMap = ManifestMap()
        for (name, team) in teams ?? [:] {
            var t = ManifestMap()
            if let gpus = team.gpus { t["gpus"] = LockPlacement.gpuValue(gpus) }
            if let monthly = team.monthly { t["monthly"] = .string(monthly) }
            if let monthlyAtMax = team.monthlyAtMax { t["monthlyAtMax"] = .string(monthlyAtMax) }
            teamMap[name] = .map(t)
        }
        var map = ManifestMap()
        if let currency { map["currency"] = .string(currency) }
        if let monthly { map["monthly"] = .string(monthly) }
        if let monthlyAtMax { map["monthlyAtMax"] = .string(monthlyAtMax) }
        if let idle { map["idle"] = .string(idle) }
        if teams != nil { map["teams"] = .map(teamMap) }
        return .map(map)
    }

    /// An amount as its decimal text: a string as written, a number in its shortest form.
    private static func amount(_ value: ManifestValue?) -> String? {
        switch value {
        case .string(let text)?: return text
        case .int(let i)?: return String(i)
        case .double(let d)?: return String(d)
        default: return nil
        }
    }
}

extension LockPlacement {
    /// The placement of a lock file's text; nil when it is neither JSON nor YAML or has no placement.
    /// Here, beside the codec: the placement (a pass's memory) knows nothing of the lock file around it.
    package init?(lockText text: String) {
        guard let placement = LockFile(text: text)?.placement else { return nil }
        self = placement
    }
}
