import Foundation
@testable import PlatformGitOps
import Testing

/// Pushes over smart HTTP with basic authentication, served by `git http-backend` behind a small
/// Python server: credentials come from the environment, a wrong one fails once, without looping.
/// The server is plain http on loopback, so these tests use the internal switch that allows a
/// credential over http; the public API refuses (`plainHTTPNeverCarriesACredential`).
@Suite struct HTTPPushTests {
    /// A local smart-HTTP git server accepting one user and password, stopped when released.
    private final class Server {
        let process = Process()
        let url: String

        init?(root: String, username: String, password: String, fixture: GitFixture) throws {
            let script = fixture.path("git-http-server.py")
            try Self.script.write(toFile: script, atomically: true, encoding: .utf8)
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", script, root, username, password]
            let output = Pipe()
            process.standardOutput = output
            process.standardError = FileHandle.nullDevice
            do { try process.run() } catch { return nil }
            // The server prints the port it bound, then serves.
            var line = ""
            while !line.hasSuffix("\n") {
                let data = output.fileHandleForReading.availableData
                if data.isEmpty { break }
                line += String(decoding: data, as: UTF8.self)
            }
            guard let port = Int(line.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return nil
            }
            url = "http://127.0.0.1:\(port)"
        }

        func stop() {
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
        }

        deinit { stop() }

        static let script = #"""
import base64, os, subprocess, sys
from http.server import BaseHTTPRequestHandler, HTTPServer

ROOT, USER, PASSWORD = sys.argv[1], sys.argv[2], sys.argv[3]
EXPECTED = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()

class Handler(BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length", "0")))

    def serve(self):
        body = self.body() if self.command == "POST" else b""
        if self.headers.get("Authorization") != EXPECTED:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="git"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path, _, query = self.path.partition("?")
        env = dict(os.environ, GIT_PROJECT_ROOT=ROOT, GIT_HTTP_EXPORT_ALL="1", PATH_INFO=path,
                   QUERY_STRING=query, REQUEST_METHOD=self.command, REMOTE_USER=USER,
                   CONTENT_TYPE=self.headers.get("Content-Type", ""), CONTENT_LENGTH=str(len(body)),
                   GIT_PROTOCOL=self.headers.get("Git-Protocol", ""))
        out = subprocess.run(["git", "http-backend"], input=body, env=env, capture_output=True).stdout
        head, _, payload = out.partition(b"\r\n\r\n")
        status = 200
        headers = []
        for line in head.decode().split("\r\n"):
            name, _, value = line.partition(": ")
            if name.lower() == "status":
                status = int(value.split()[0])
            elif name:
                headers.append((name, value))
        self.send_response(status)
        for name, value in headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    do_GET = serve
    do_POST = serve

server = HTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
"""#
    }

    private func setUp(_ fixture: GitFixture, username: String, password: String) throws -> (GitRepository, Server?) {
        let repository = try GitRepository.openOrInit(path: fixture.path("gitops"), initialBranch: "main")
        _ = try repository.commitTree(sampleTree(["clusters/a.yaml": "a\n"]), branch: "main", message: "one",
                                      author: author, committer: author, expectedHead: nil, time: fixedTime)
        _ = try GitRepository.initBare(path: fixture.path("served/remote.git"))
        let server = try Server(root: fixture.path("served"), username: username, password: password, fixture: fixture)
        if server == nil { print("skipped: python3 git http server did not start; https credentials not tested") }
        return (repository, server)
    }

    @Test func userAndPasswordFromTheEnvironment() throws {
        let fixture = try GitFixture()
        let (repository, server) = try setUp(fixture, username: "deploy", password: "s3cret")
        guard let server else { return }
        try repository.push(remote: server.url + "/remote.git", branch: "main",
                            environment: ["GIT_USERNAME": "deploy", "GIT_PASSWORD": "s3cret"], allowsPlainHTTPCredentials: true)
        #expect(try fixture.gitOK(["rev-parse", "main"], in: fixture.path("served/remote.git"))
            == (try repository.head(branch: "main"))?.hex)
    }

    @Test func githubTokenAsAccessTokenUser() throws {
        let fixture = try GitFixture()
        let (repository, server) = try setUp(fixture, username: "x-access-token", password: "ghs_token")
        guard let server else { return }
        try repository.push(remote: server.url + "/remote.git", branch: "main", environment: ["GITHUB_TOKEN": "ghs_token"],
                            allowsPlainHTTPCredentials: true)
        #expect(try fixture.gitOK(["rev-parse", "main"], in: fixture.path("served/remote.git"))
            == (try repository.head(branch: "main"))?.hex)
    }

    @Test(arguments: [[:], ["GIT_USERNAME": "deploy", "GIT_PASSWORD": "wrong"], ["GITHUB_TOKEN": "ghs_wrong"]])
    func missingOrWrongCredentialsFailWithoutLooping(environment: [String: String]) throws {
        let fixture = try GitFixture()
        let (repository, server) = try setUp(fixture, username: "deploy", password: "s3cret")
        guard let server else { return }
        let remote = server.url + "/remote.git"
        var thrown: GitError?
        do {
            try repository.push(remote: remote, branch: "main", environment: environment, allowsPlainHTTPCredentials: true)
        } catch let error as GitError {
            thrown = error
        }
        guard case .authenticationFailed(let shown, let message) = thrown else {
            Issue.record("expected authenticationFailed, got \(String(describing: thrown))"); return
        }
        #expect(shown == remote)
        // Which variables supplied the rejected credential, never its value; never libgit2's "no callback set".
        let expected = environment.isEmpty ? "the remote asked for credentials and the environment has none"
            : environment["GITHUB_TOKEN"] != nil ? "the remote rejected the credentials from `GITHUB_TOKEN`"
            : "the remote rejected the credentials from `GIT_USERNAME`/`GIT_PASSWORD`"
        #expect(message == expected)
        #expect(!thrown!.description.contains("wrong") && !thrown!.description.contains("callback"))
    }

    /// Through the public API a credential never goes over plain http, not even to loopback.
    @Test func plainHTTPNeverCarriesACredential() throws {
        let fixture = try GitFixture()
        let (repository, server) = try setUp(fixture, username: "deploy", password: "s3cret")
        guard let server else { return }
        let remote = server.url + "/remote.git"
        #expect(throws: GitError.credentialOverPlainHTTP(remote: remote)) {
            try repository.push(remote: remote, branch: "main", environment: ["GITHUB_TOKEN": "s3cret"])
        }
        #expect(!GitError.credentialOverPlainHTTP(remote: remote).description.contains("s3cret"))
        #expect(try fixture.git(["rev-parse", "--verify", "-q", "main"], in: fixture.path("served/remote.git")).status != 0)
    }
}
