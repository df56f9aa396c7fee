import Foundation
import Testing
import Yams

/// Every emitted PrometheusRule, run through the real `promtool` (Debian `prometheus`):
/// `check rules` with lint fatal (no duplicate rules), and `test rules` over synthetic series named
/// and labelled as vLLM 0.34.0 and dcgm-exporter export them (sources: `UpstreamMetrics`), plus the
/// labels the Prometheus Operator's scrape adds (`namespace`, `pod`, `instance`, `job`, …).
/// Each model's alerts fire for it alone, with its labels; each GPU alert names its GPU; the XID
/// alert fires on a change and stops once the value stays put.
@Suite struct PrometheusRulesTests {
    static let promtool: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/promtool" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let isCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    /// Runs when promtool is installed, and always in CI, where its absence is a failure.
    static var runnable: Bool {
        if promtool != nil || isCI { return true }
        print("SKIPPED PrometheusRulesTests: promtool is missing (Debian package `prometheus`; `make deps` installs it)")
        return false
    }

    @Test(.enabled(if: runnable)) func bundledPlatformRulesPassPromtool() throws {
        let fixture = try CLIFixture()
        let spec = CLIFixture.repoRoot.appendingPathComponent("platform.yaml").path
        let result = try fixture.run(["compile", spec, "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try Self.ruleFiles(under: fixture.root.appendingPathComponent("out"))
        #expect(files.count == 2)
        for file in files { try Self.promtoolPasses(file, in: fixture) }
    }

    @Test(.enabled(if: runnable)) func generatedPlatformWithModelsSharingANamespace() throws {
        let fixture = try CLIFixture()
        let generate = try fixture.run(["generate", "--clusters", "1", "--nodes", "8", "--models", "3", "--teams", "1", "-o", "gen.yaml"])
        #expect(generate.status == 0, "\(generate.stderr)")
        let result = try fixture.run(["compile", "gen.yaml", "--out", "out"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try Self.ruleFiles(under: fixture.root.appendingPathComponent("out"))
        #expect(files.count == 1)
        for file in files {
            let models = try Self.models(in: Self.rules(of: file))
            #expect(models.count >= 2 && Set(models.map(\.namespace)).count == 1, "\(models)")
            try Self.promtoolPasses(file, in: fixture)
        }
    }

    // MARK: - promtool

    static func promtoolPasses(_ file: URL, in fixture: CLIFixture, sourceLocation: SourceLocation = #_sourceLocation) throws {
        guard let promtool else {
            Issue.record("promtool is missing (required when CI is set)", sourceLocation: sourceLocation)
            return
        }
        let name = file.deletingPathExtension().lastPathComponent + "-"
            + file.deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
        let rules = try Self.rules(of: file)
        try fixture.write("\(name).rules.json", json(["groups": rules.groups]))
        try fixture.write("\(name).test.json", json(testFile(rules: "\(name).rules.json", rules: rules)))

        let check = run([promtool, "check", "rules", "--lint=all", "--lint-fatal", "\(name).rules.json"], in: fixture.root)
        #expect(check.status == 0, "\(file.path): \(check.output)", sourceLocation: sourceLocation)
        #expect(!check.output.contains("duplicate"), "\(check.output)", sourceLocation: sourceLocation)
        let test = run([promtool, "test", "rules", "\(name).test.json"], in: fixture.root)
        #expect(test.status == 0, "\(file.path): \(test.output)", sourceLocation: sourceLocation)
        #expect(test.output.contains("SUCCESS"), "\(test.output)", sourceLocation: sourceLocation)
    }

    static func run(_ arguments: [String], in directory: URL) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: arguments[0])
        process.arguments = Array(arguments.dropFirst())
        process.currentDirectoryURL = directory
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "\(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func json(_ object: Any) throws -> String {
        String(decoding: try JSONSerialization
            .data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]),
            as: UTF8.self)
    }

    // MARK: - the emitted rules

    struct Rules {
        var groups: [[String: Any]]
        var alerts: [[String: Any]] { groups.flatMap { $0["rules"] as? [[String: Any]] ?? [] } }
        func alert(_ name: String, _ labels: [String: String] = [:]) -> [String: Any]? {
            alerts.first { rule in
                rule["alert"] as? String == name
                    && labels.allSatisfy { (rule["labels"] as? [String: Any])?[$0.key] as? String == $0.value }
            }
        }
    }

    struct ServedModel: CustomStringConvertible {
        var namespace: String, name: String, queueThreshold: Int
        var description: String { "\(namespace)/\(name)" }
        var labels: [String: String] { ["namespace": namespace, "model_name": name] }
    }

    static func ruleFiles(under root: URL) throws -> [URL] {
        let paths = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String } ?? []
        return paths.filter { ($0 as NSString).lastPathComponent.hasPrefix("prometheusrule-") }.sorted()
            .map { root.appendingPathComponent($0) }
    }

    static func rules(of file: URL) throws -> Rules {
        let document = try Yams.load(yaml: String(contentsOf: file, encoding: .utf8)) as? [String: Any]
        let spec = try #require(document?["spec"] as? [String: Any], "\(file.path) has no spec")
        return Rules(groups: try #require(spec["groups"] as? [[String: Any]]))
    }

    /// The models with serving alerts, read from the queue-depth rules' labels and threshold.
    static func models(in rules: Rules) throws -> [ServedModel] {
        try rules.alerts.filter { $0["alert"] as? String == "VLLMQueueDepthHigh" }.map { rule in
            let labels = try #require(rule["labels"] as? [String: Any])
            let expr = try #require(rule["expr"] as? String)
            let threshold = try #require(expr.split(separator: " ").last.flatMap { Int($0) }, "\(expr)")
            return ServedModel(namespace: try #require(labels["namespace"] as? String),
                               name: try #require(labels["model_name"] as? String), queueThreshold: threshold)
        }
    }

    // MARK: - synthetic series and expected alerts

    /// `{{ $labels.x }}` and `{{ $value }}` of a rule's summary, as Prometheus renders them.
    static func summary(of rule: [String: Any]?, labels: [String: String], value: String = "") -> String {
        var text = ((rule?["annotations"] as? [String: Any])?["summary"] as? String) ?? ""
        for (key, value) in labels { text = text.replacingOccurrences(of: "{{ $labels.\(key) }}", with: value) }
        return text.replacingOccurrences(of: "{{ $value }}", with: value)
    }

    static func series(_ metric: String, _ labels: [String: String], _ values: String) -> [String: Any] {
        let body = labels.sorted { $0.key < $1.key }.map { "\($0.key)=\"\($0.value)\"" }.joined(separator: ",")
        return ["series": "\(metric){\(body)}", "values": values]
    }

    /// A vLLM series as scraped by the PodMonitor: vLLM's `model_name` and `engine`, then the
    /// target labels the Prometheus Operator adds.
    static func vllm(_ metric: String, _ model: ServedModel, pod: String, engine: String, _ values: String) -> [String: Any] {
        series(metric, ["model_name": model.name, "engine": engine, "namespace": model.namespace,
                        "pod": "\(model.name)-\(pod)", "container": "vllm", "instance": "10.1.0.\(pod == "a" ? 1 : 2):8000",
                        "job": "monitoring/vllm"], values)
    }

    /// One test per model: it is over its thresholds, every other model sits at them.
    static func servingTest(hot: ServedModel, models: [ServedModel], rules: Rules) -> [String: Any] {
        var input: [[String: Any]] = []
        for model in models {
            let t = model.queueThreshold
            if model.name == hot.name && model.namespace == hot.namespace {
                // Per replica (a pod sums its engines): a = t+1, b = t + 1 over two engines.
                input.append(vllm("vllm:num_requests_waiting", model, pod: "a", engine: "0", "\(t + 1)x15"))
                input.append(vllm("vllm:num_requests_waiting", model, pod: "b", engine: "0", "\(t)x15"))
                input.append(vllm("vllm:num_requests_waiting", model, pod: "b", engine: "1", "1x15"))
                input.append(vllm("vllm:kv_cache_usage_perc", model, pod: "a", engine: "0", "0.99x15"))
                input.append(vllm("vllm:kv_cache_usage_perc", model, pod: "b", engine: "0", "0.5x15"))
            } else {
                // At the threshold on every replica: twice it in total, still no alert.
                input.append(vllm("vllm:num_requests_waiting", model, pod: "a", engine: "0", "\(t)x15"))
                input.append(vllm("vllm:num_requests_waiting", model, pod: "b", engine: "0", "\(t)x15"))
                input.append(vllm("vllm:kv_cache_usage_perc", model, pod: "a", engine: "0", "0.95x15"))
            }
        }
        let labels = hot.labels.merging(["severity": "warning"]) { $1 }
        let expected = ["VLLMQueueDepthHigh", "VLLMKVCacheNearlyFull"].map { name -> [String: Any] in
            ["eval_time": "11m", "alertname": name,
             "exp_alerts": [["exp_labels": labels,
                 "exp_annotations": ["summary": summary(of: rules.alert(name, hot.labels), labels: labels)]]]]
        }
        return ["interval": "1m", "input_series": input, "alert_rule_test": expected]
    }

    /// Two GPUs on one node: GPU 0 idle and hit by XID 79 at minute 5, GPU 1 busy and healthy.
    static func gpuTest(rules: Rules) -> [String: Any] {
        func gpu(_ index: String, _ uuid: String) -> [String: String] {
            // dcgm-exporter's labels (render_metrics.go), then the ServiceMonitor's target labels.
            ["gpu": index, "UUID": uuid, "pci_bus_id": "00000000:\(index == "0" ? "18" : "2A"):00.0", "device": "nvidia\(index)",
             "modelName": "NVIDIA H100 80GB HBM3", "Hostname": "gpu-node-a",
             "namespace": "gpu-operator", "pod": "nvidia-dcgm-exporter-7x2kq", "service": "nvidia-dcgm-exporter",
             "container": "nvidia-dcgm-exporter", "endpoint": "gpu-metrics", "instance": "10.2.0.7:9400", "job": "nvidia-dcgm-exporter"]
        }
        let gpu0 = gpu("0", "GPU-5b6d1e8a-1c1e-4f0e-9d55-2d0c3a6a0f01"), gpu1 = gpu("1", "GPU-0e4a3c7b-8f2d-4b1a-a7c3-9e5f1d2b3c02")
        let input = [
            series("DCGM_FI_DEV_XID_ERRORS", gpu0, "0x4 79x80"),
            series("DCGM_FI_DEV_XID_ERRORS", gpu1, "0x85"),
            series("DCGM_FI_DEV_GPU_UTIL", gpu0, "5x85"),
            series("DCGM_FI_DEV_GPU_UTIL", gpu1, "90x85"),
        ]
        func identity(_ labels: [String: String], _ severity: String) -> [String: String] {
            ["Hostname": labels["Hostname"]!, "gpu": labels["gpu"]!, "UUID": labels["UUID"]!, "severity": severity]
        }
        let xid = identity(gpu0, "critical"), idle = identity(gpu0, "warning")
        let xidAlert: [[String: Any]] = [["exp_labels": xid,
                                          "exp_annotations": ["summary": summary(of: rules.alert("GPUXidError"), labels: xid,
                                              value: "79")]]]
        var expected: [[String: Any]] = []
        // Before the XID, right after it, still within the 5m window, and long after (the value stays 79).
        for (time, alerts) in [("4m", []), ("5m", xidAlert), ("9m", xidAlert), ("11m", []), ("80m", [])] as [(String, [[String: Any]])] {
            expected.append(["eval_time": time, "alertname": "GPUXidError", "exp_alerts": alerts])
        }
        expected.append(["eval_time": "30m", "alertname": "GPUUtilizationLow", "exp_alerts": [[String: Any]]()])
        expected.append(["eval_time": "70m", "alertname": "GPUUtilizationLow", "exp_alerts": [
            ["exp_labels": idle, "exp_annotations": ["summary": summary(of: rules.alert("GPUUtilizationLow"), labels: idle)]]]])
        return ["interval": "1m", "input_series": input, "alert_rule_test": expected]
    }

    static func testFile(rules file: String, rules: Rules) throws -> [String: Any] {
        let models = try Self.models(in: rules)
        var tests = models.map { servingTest(hot: $0, models: models, rules: rules) }
        if rules.alert("GPUXidError") != nil { tests.append(gpuTest(rules: rules)) }
        return ["rule_files": [file], "evaluation_interval": "1m", "tests": tests]
    }
}
