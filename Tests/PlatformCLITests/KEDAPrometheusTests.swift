import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing
import Yams

/// Every emitted KEDA ScaledObject's Prometheus query, evaluated by a real Prometheus (Debian
/// `prometheus`) on 127.0.0.1, one server per cluster as KEDA would ask it. Its TSDB holds synthetic
/// series named and labelled as vLLM 0.34.0 exports them (`UpstreamMetrics.VLLM`:
/// vllm/v1/metrics/loggers.py, labels `model_name` and `engine`) for every model-server workload
/// compiled into that cluster, plus the Prometheus Operator's target labels from our PodMonitor
/// (`namespace`, `pod`, `container`, `instance`, `job`, and `app_kubernetes_io_name` from
/// `podTargetLabels`). `model_name` is the first `--served-model-name` of the workload's vLLM
/// command, which vLLM reports (vllm/config `get_served_model_name`: "the first model_name in
/// `served_model_name` is taken"). Each workload gets its own values, so a query that selects
/// another workload's series, or mixes two, returns a wrong value: each query must return exactly
/// one series whose value is that of its own scale target.
@Suite struct KEDAPrometheusTests {
    static let prometheus: String? = executable("prometheus")
    static let promtool: String? = executable("promtool")
    static let isCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs when prometheus and promtool are installed, and always in CI, where their absence fails.
    static var runnable: Bool {
        if (prometheus != nil && promtool != nil) || isCI { return true }
        print("SKIPPED KEDAPrometheusTests: prometheus/promtool missing (Debian package `prometheus`; `make deps` installs it)")
        return false
    }

    @Test(.enabled(if: runnable)) func bundledPlatformQueriesSelectTheirOwnModel() throws {
        let fixture = try CLIFixture()
        let spec = CLIFixture.repoRoot.appendingPathComponent("platform.yaml").path
        let checked = try checkQueries(spec: spec, in: fixture)
        #expect(checked >= 4, "\(checked) queries")
    }

    /// The bundled platform with its models scaled on each of the three metrics.
    @Test(.enabled(if: runnable)) func everyAutoscalingMetricSelectsItsOwnModel() throws {
        let fixture = try CLIFixture()
        var text = try String(contentsOf: CLIFixture.repoRoot.appendingPathComponent("platform.yaml"), encoding: .utf8)
        for (old, new) in [("autoscaling: { metric: queueDepth, target: 6 }", "autoscaling: { metric: kvCacheUsage, target: 80 }"),
                           ("autoscaling: { metric: queueDepth, target: 8 }", "autoscaling: { metric: requestsPerSecond, target: 5 }")] {
            #expect(text.contains(old), "platform.yaml no longer has `\(old)`")
            text = text.replacingOccurrences(of: old, with: new)
        }
        try fixture.write("platform.yaml", text)
        let metrics = try checkQueries(spec: "platform.yaml", in: fixture)
        #expect(metrics >= 4)
    }

    @Test(.enabled(if: runnable)) func generatedFleetQueriesSelectTheirOwnModel() throws {
        let fixture = try CLIFixture()
        let generate = try fixture.run(["generate", "--clusters", "1", "--nodes", "8", "--models", "3", "--teams", "1", "-o", "gen.yaml"])
        #expect(generate.status == 0, "\(generate.stderr)")
        let checked = try checkQueries(spec: "gen.yaml", in: fixture)
        #expect(checked >= 1, "\(checked) queries")
    }

    // MARK: - the compiled objects

    struct Workload {
        var namespace: String, kind: String, name: String, servedName: String, index: Int
    }

    struct Trigger {
        var namespace: String, name: String, targetKind: String, target: String, metric: String, query: String
    }

    /// Compiles `spec`, then per cluster loads series for its workloads and checks its queries.
    /// Returns how many queries were checked.
    func checkQueries(spec: String, in fixture: CLIFixture, sourceLocation: SourceLocation = #_sourceLocation) throws -> Int {
        guard let prometheus = Self.prometheus, let promtool = Self.promtool else {
            Issue.record("prometheus or promtool is missing (required when CI is set)", sourceLocation: sourceLocation)
            return 0
        }
        let result = try fixture.run(["compile", spec, "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)", sourceLocation: sourceLocation)
        let clusters = fixture.root.appendingPathComponent("out/clusters")
        var checked = 0
        for cluster in try FileManager.default.contentsOfDirectory(atPath: clusters.path).sorted() {
            let objects = try Self.objects(under: clusters.appendingPathComponent(cluster))
            let workloads = Self.workloads(objects)
            let triggers = Self.triggers(objects)
            guard !triggers.isEmpty else { continue }
            let server = try PrometheusServer(binary: prometheus, promtool: promtool,
                                              directory: fixture.root.appendingPathComponent("prom-\(cluster)"),
                                              openMetrics: Self.openMetrics(workloads))
            defer { server.stop() }
            for trigger in triggers {
                let target = try #require(workloads.first { $0.namespace == trigger.namespace && $0.name == trigger.target
                                                             && $0.kind == trigger.targetKind },
                                          "\(cluster): ScaledObject \(trigger.namespace)/\(trigger.name) targets no model server",
                                          sourceLocation: sourceLocation)
                let series = try server.query(trigger.query)
                #expect(series.count == 1, "\(cluster) \(trigger.name): `\(trigger.query)` returned \(series.count) series: \(series)",
                        sourceLocation: sourceLocation)
                let expected = Self.expected(trigger.metric, target)
                if let value = series.first?.value {
                    #expect(abs(value - expected) < 1e-6,
                            "\(cluster) \(trigger.name): `\(trigger.query)` = \(value), expected \(expected) (its own pods only)",
                            sourceLocation: sourceLocation)
                }
                checked += 1
            }
        }
        return checked
    }

    static func objects(under root: URL) throws -> [[String: Any]] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return try paths.filter { $0.hasSuffix(".yaml") && !$0.hasSuffix("kustomization.yaml") }.sorted().compactMap {
            try Yams.load(yaml: String(contentsOf: root.appendingPathComponent($0), encoding: .utf8)) as? [String: Any]
        }
    }

    static func workloads(_ objects: [[String: Any]]) -> [Workload] {
        var out: [Workload] = []
        for object in objects {
            let kind = object["kind"] as? String ?? ""
            guard kind == "Deployment" || kind == "LeaderWorkerSet",
                  let metadata = object["metadata"] as? [String: Any],
                  (metadata["labels"] as? [String: Any])?["app.kubernetes.io/component"] as? String == "model-server" else { continue }
            // vLLM runs in the pod template (Deployment) or the leader's template (LeaderWorkerSet).
            let spec = object["spec"] as? [String: Any]
            let lws = spec?["leaderWorkerTemplate"] as? [String: Any]
            let template = (lws?["leaderTemplate"] ?? lws?["workerTemplate"] ?? spec?["template"]) as? [String: Any]
            let containers = ((template?["spec"] as? [String: Any])?["containers"] as? [[String: Any]]) ?? []
            let words = containers.flatMap { ($0["command"] as? [String] ?? []) + ($0["args"] as? [String] ?? []) }
            guard let flag = words.firstIndex(of: "--served-model-name"), flag + 1 < words.count else { continue }
            out.append(Workload(namespace: metadata["namespace"] as? String ?? "", kind: kind, name: metadata["name"] as? String ?? "",
                                servedName: words[flag + 1], index: out.count + 1))
        }
        return out
    }

    static func triggers(_ objects: [[String: Any]]) -> [Trigger] {
        objects.filter { $0["kind"] as? String == "ScaledObject" }.flatMap { object -> [Trigger] in
            let metadata = object["metadata"] as? [String: Any] ?? [:]
            let spec = object["spec"] as? [String: Any] ?? [:]
            let target = spec["scaleTargetRef"] as? [String: Any] ?? [:]
            return (spec["triggers"] as? [[String: Any]] ?? []).filter { $0["type"] as? String == "prometheus" }.map { trigger in
                Trigger(namespace: metadata["namespace"] as? String ?? "", name: metadata["name"] as? String ?? "",
                        targetKind: target["kind"] as? String ?? "Deployment", target: target["name"] as? String ?? "",
                        metric: trigger["name"] as? String ?? "",
                        query: (trigger["metadata"] as? [String: Any])?["query"] as? String ?? "")
            }
        }
    }

    // MARK: - synthetic series

    /// Workload k: pod `a` (engine 0) and pod `b` (engines 0 and 1, data parallel).
    /// Waiting requests a = 10k+1, b = 10k+2 and 3: sum 20k+6. KV-cache use a = k/100, b = k/100+0.02
    /// (engine 0 only): average k/100+0.01. Successful requests grow by k/s on a (`stop`) and by
    /// k/2 per s for each of two `finished_reason`s on b: rate sum 2k.
    static func expected(_ metric: String, _ w: Workload) -> Double {
        let k = Double(w.index)
        switch metric {
        case "kvCacheUsage": return k / 100 + 0.01
        case "requestsPerSecond": return 2 * k
        default: return 20 * k + 6
        }
    }

    static let step = 15
    static let samples = 121  // 30 minutes every 15 s

    /// The series of every workload in OpenMetrics text, ending at `PrometheusServer.end`.
    static func openMetrics(_ workloads: [Workload]) -> (text: String, end: Int) {
        let end = Int(Date().timeIntervalSince1970) / 60 * 60 - 300
        let start = end - (samples - 1) * step
        var lines: [String: [String]] = [:]
        func add(_ metric: String, _ w: Workload, pod: String, engine: String, extra: [String: String] = [:], value: (Int) -> Double) {
            var labels = ["model_name": w.servedName, "engine": engine, "namespace": w.namespace, "pod": "\(w.name)-\(pod)",
                          "container": "vllm", "instance": "10.1.\(w.index).\(pod == "a" ? 1 : 2):8000", "job": "monitoring/vllm",
                          "app_kubernetes_io_name": w.name]
            labels.merge(extra) { $1 }
            let body = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
            for i in 0..<samples {
                lines[metric, default: []].append("\(metric){\(body)} \(value(i)) \(start + i * step)")
            }
        }
        for w in workloads {
            let k = Double(w.index)
            add("vllm:num_requests_waiting", w, pod: "a", engine: "0") { _ in 10 * k + 1 }
            add("vllm:num_requests_waiting", w, pod: "b", engine: "0") { _ in 10 * k + 2 }
            add("vllm:num_requests_waiting", w, pod: "b", engine: "1") { _ in 3 }
            add("vllm:kv_cache_usage_perc", w, pod: "a", engine: "0") { _ in k / 100 }
            add("vllm:kv_cache_usage_perc", w, pod: "b", engine: "0") { _ in k / 100 + 0.02 }
            add("vllm:request_success_total", w, pod: "a", engine: "0", extra: ["finished_reason": "stop"]) { i in k * Double(i * step) }
            for reason in ["stop", "length"] {
                add("vllm:request_success_total", w, pod: "b", engine: "0",
                    extra: ["finished_reason": reason]) { i in k / 2 * Double(i * step) }
            }
        }
        // One metric family at a time (OpenMetrics wants them contiguous); no `# TYPE`: untyped.
        let text = lines.keys.sorted().flatMap { lines[$0]! }.joined(separator: "\n") + "\n# EOF\n"
        return (text, end)
    }
}

/// A real Prometheus on 127.0.0.1 over a TSDB built by `promtool tsdb create-blocks-from openmetrics`.
final class PrometheusServer {
    let process = Process()
    let port: Int
    let time: Int

    init(binary: String, promtool: String, directory: URL, openMetrics: (text: String, end: Int)) throws {
        let fm = FileManager.default
        try fm.createDirectory(at: directory.appendingPathComponent("data"), withIntermediateDirectories: true)
        try openMetrics.text.write(to: directory.appendingPathComponent("series.om"), atomically: true, encoding: .utf8)
        try "global:\n  scrape_interval: 15s\n".write(to: directory.appendingPathComponent("prometheus.yml"), atomically: true,
            encoding: .utf8)
        let blocks = PrometheusRulesTests.run([promtool, "tsdb", "create-blocks-from", "openmetrics", "series.om", "data"], in: directory)
        guard blocks.status == 0 else { throw Failure("promtool create-blocks-from failed: \(blocks.output)") }
        time = openMetrics.end
        port = try Self.freePort()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = ["--config.file=prometheus.yml", "--storage.tsdb.path=data", "--storage.tsdb.retention.time=100y",
                             "--web.listen-address=127.0.0.1:\(port)", "--log.level=warn"]
        process.currentDirectoryURL = directory
        let log = try FileHandle(forWritingTo: {
            let url = directory.appendingPathComponent("prometheus.log")
            _ = fm.createFile(atPath: url.path, contents: nil)
            return url
        }())
        process.standardOutput = log
        process.standardError = log
        try process.run()
        // Ready once the TSDB is open (`/-/ready` answers 200).
        for _ in 0..<200 {
            if (try? get("/-/ready"))?.status == 200 { return }
            guard process.isRunning else { break }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let output = (try? String(contentsOf: directory.appendingPathComponent("prometheus.log"), encoding: .utf8)) ?? ""
        stop()
        throw Failure("prometheus did not become ready on 127.0.0.1:\(port): \(output)")
    }

    func stop() {
        guard process.isRunning else { return }
        process.terminate()
        process.waitUntilExit()
    }

    /// The instant vector `query` evaluates to at the end of the synthetic series: labels and value per series.
    func query(_ query: String) throws -> [(labels: [String: String], value: Double)] {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        let encoded = query.addingPercentEncoding(withAllowedCharacters: allowed) ?? query
        let response = try get("/api/v1/query?query=\(encoded)&time=\(time)")
        let body = try JSONSerialization.jsonObject(with: response.data) as? [String: Any]
        guard body?["status"] as? String == "success", let data = body?["data"] as? [String: Any],
              data["resultType"] as? String == "vector", let result = data["result"] as? [[String: Any]] else {
            throw Failure("`\(query)` failed: \(String(decoding: response.data, as: UTF8.self))")
        }
        return result.map { series in
            let pair = series["value"] as? [Any] ?? []
            return (series["metric"] as? [String: String] ?? [:], Double(pair.last as? String ?? "") ?? .nan)
        }
    }

    func get(_ path: String) throws -> (status: Int, data: Data) {
        let url = URL(string: "http://127.0.0.1:\(port)\(path)")!
        let done = DispatchSemaphore(value: 0)
        // `nonisolated(unsafe)`: the completion handler writes it before `done.signal()`; it is read
        // only after `done.wait()` succeeds, which orders the write before the read.
        nonisolated(unsafe) var outcome: Result<(Int, Data), Error> = .failure(Failure("no answer"))
        let task = URLSession.shared.dataTask(with: url) { data, response, error in
            if let error { outcome = .failure(error) } else {
                outcome = .success(((response as? HTTPURLResponse)?.statusCode ?? 0, data ?? Data()))
            }
            done.signal()
        }
        task.resume()
        guard done.wait(timeout: .now() + 10) == .success else { task.cancel(); throw Failure("GET \(path) timed out") }
        let (status, data) = try outcome.get()
        return (status, data)
    }

    /// A loopback port nobody listens on (bound and released).
    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw Failure("socket failed") }
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        guard bound == 0 else { throw Failure("bind failed") }
        let named = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self,
            capacity: 1) { getsockname(fd, $0, &length) } }
        guard named == 0 else { throw Failure("getsockname failed") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    struct Failure: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }
}
