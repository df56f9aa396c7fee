import Foundation
import PlatformConcurrency
import Testing

/// The report in a real browser: headless Chromium (Debian `chromium`) loads the page of the
/// bundled platform and of a 5,000-node generated fleet, with no console error, every SVG element
/// inside its drawing and every drawing inside the page's width, and screenshots it to PNG.
/// A probe script is added to a copy of the page (the report itself carries none, and its
/// Content-Security-Policy forbids scripts, so the copy widens the policy for the probe alone).
@Suite(.serialized) struct ReportBrowserTests {
    static let chromium: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").flatMap { ["\($0)/chromium", "\($0)/chromium-browser"] }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }()
    static let isCI = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty

    /// Runs when Chromium is installed, and always in CI, where its absence is a failure.
    static var runnable: Bool {
        if chromium != nil || isCI { return true }
        print("SKIPPED ReportBrowserTests: chromium is missing (Debian package `chromium`; `make deps` installs it)")
        return false
    }

    static let width = 1280

    /// Checks each SVG's elements against its view box and each SVG against the page's width,
    /// and writes the findings into the DOM as JSON.
    static let probe = """
        <script>
        (function () {
          var bad = [], elements = 0, svgs = document.querySelectorAll('svg'), page = document.documentElement.clientWidth;
          svgs.forEach(function (svg, i) {
            var box = svg.viewBox.baseVal, w = box.width, h = box.height, r = svg.getBoundingClientRect();
            if (r.left < -0.5 || r.right > page + 0.5) bad.push('svg ' + i + ' outside the page: ' + r.left + '..' + r.right);
            svg.querySelectorAll('rect,path,text,line,circle').forEach(function (el) {
              if (el.closest('defs')) return;
              elements++;
              var b = el.getBBox();
              if (b.x < -0.5 || b.y < -0.5 || b.x + b.width > w + 0.5 || b.y + b.height > h + 0.5)
                bad.push('svg ' + i + ' ' + el.tagName + ' at ' + [b.x, b.y, b.width, b.height].join(','));
            });
          });
          var out = document.createElement('pre');
          out.id = 'probe';
          out.textContent = JSON.stringify({ svgs: svgs.length, elements: elements, bad: bad.slice(0, 20), badCount: bad.length });
          document.body.appendChild(out);
        })();
        </script>
        """

    struct Probe: Decodable {
        var svgs: Int
        var elements: Int
        var bad: [String]
        var badCount: Int
    }

    /// Loads `html` with the probe, returns its findings and Chromium's console errors, and writes a PNG.
    static func render(_ html: String, in fixture: CLIFixture, name: String, height: Int) throws -> (probe: Probe?, errors: [String],
        png: Data?) {
        let probed = html.replacingOccurrences(of: "default-src 'none';", with: "default-src 'none'; script-src 'unsafe-inline';")
            .replacingOccurrences(of: "</body>", with: probe + "</body>")
        try fixture.write("\(name)-probe.html", probed)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--enable-logging=stderr", "--v=0",
                      "--user-data-dir=\(fixture.path("chromium-profile"))", "--window-size=\(width),\(height)"]
        let dom = try run(common + ["--dump-dom", "file://\(fixture.path("\(name)-probe.html"))"], in: fixture)
        let shot = try run(common + ["--screenshot=\(fixture.path("\(name).png"))", "file://\(fixture.path("\(name).html"))"], in: fixture)
        let errors = (dom.stderr + shot.stderr).split(separator: "\n").map(String.init)
            .filter { $0.contains("Uncaught") || $0.contains(":CONSOLE") }   // `INFO:CONSOLE:1] "message"`: the page logs nothing
        var probe: Probe?
        if let start = dom.stdout.range(of: "<pre id=\"probe\">"),
            let end = dom.stdout.range(of: "</pre>", range: start.upperBound..<dom.stdout.endIndex) {
            let json = String(dom.stdout[start.upperBound..<end.lowerBound]).replacingOccurrences(of: "&quot;", with: "\"")
                .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
                    .replacingOccurrences(of: "&amp;", with: "&")
            probe = try JSONDecoder().decode(Probe.self, from: Data(json.utf8))
        }
        return (probe, errors, FileManager.default.contents(atPath: fixture.path("\(name).png")))
    }

    static func run(_ arguments: [String], in fixture: CLIFixture) throws -> CLIRunner.Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: chromium ?? "/usr/bin/chromium")
        process.arguments = arguments
        process.currentDirectoryURL = fixture.root
        process.environment = ["PATH": "/usr/bin:/bin", "HOME": fixture.root.path]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = err.fileHandleForReading
        let stderr = Background { errors.readDataToEndOfFile() }
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return CLIRunner.Result(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
                                stderr: String(decoding: stderr.value, as: UTF8.self))
    }

    static func isPNG(_ data: Data?) -> Bool { data.map { $0.count > 1000 && Array($0.prefix(4)) == [0x89, 0x50, 0x4E, 0x47] } ?? false }

    @Test(.enabled(if: runnable)) func bundledReportRendersCleanly() throws {
        let fixture = try CLIFixture()
        let spec = CLIFixture.repoRoot.appendingPathComponent("platform.yaml").path
        let result = try fixture.run(["report", spec, "--out", "bundled.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let (probe, errors, png) = try Self.render(try fixture.read("bundled.html"), in: fixture, name: "bundled", height: 1700)
        #expect(errors.isEmpty, "console errors: \(errors)")
        let found = try #require(probe, "the probe wrote nothing: the page did not load")
        #expect(found.svgs >= 12 && found.elements > 100)
        #expect(found.badCount == 0, "outside their viewport: \(found.bad)")
        #expect(Self.isPNG(png))
    }

    /// The checks can fail: a page that logs, throws and draws outside its box is caught.
    @Test(.enabled(if: runnable)) func aBrokenPageIsCaught() throws {
        let fixture = try CLIFixture()
        let page = "<!DOCTYPE html><html><head><meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none';\"></head><body>"
            + "<svg width=\"10\" height=\"10\" viewBox=\"0 0 10 10\"><rect x=\"5\" y=\"0\" width=\"20\" height=\"5\"/></svg>"
            + "<script>console.error('boom'); missing();</script></body></html>"
        try fixture.write("broken.html", page)
        let (probe, errors, _) = try Self.render(page, in: fixture, name: "broken", height: 400)
        #expect(errors.contains { $0.contains("boom") } && errors.contains { $0.contains("Uncaught ReferenceError") })
        #expect(probe?.badCount == 1)
    }

    @Test(.enabled(if: runnable)) func fiveThousandNodeFleetRendersCleanly() throws {
        let fixture = try CLIFixture()
        let generate = try fixture
            .run(["generate", "--nodes", "5000", "--models", "500", "--teams", "60", "--clusters", "20", "-o", "fleet.yaml"])
        #expect(generate.status == 0, "\(generate.stderr)")
        let result = try fixture.run(["report", "fleet.yaml", "--out", "fleet.html"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try fixture.read("fleet.html")
        #expect(html.contains("5000 running nodes"))
        let (probe, errors, png) = try Self.render(html, in: fixture, name: "fleet", height: 3000)
        #expect(errors.isEmpty, "console errors: \(errors)")
        let found = try #require(probe, "the probe wrote nothing: the page did not load")
        #expect(found.svgs > 100 && found.elements > 1_000)
        #expect(found.badCount == 0, "outside their viewport: \(found.bad)")
        #expect(Self.isPNG(png))
    }
}
