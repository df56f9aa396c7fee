import Foundation

/// A scripted LSP client: runs the real `platformc lsp` over pipes and speaks the base protocol's
/// framing (`Content-Length` header, empty line, JSON body) to it, as an editor does.
///
/// `@unchecked Sendable`: the reader thread touches only `buffer`, `messages` and `ended`, always
/// with `lock` held, as `next` does; the rest (`nextID`, the pipes' writing end) is used by the
/// test's thread alone.
final class LSPClient: @unchecked Sendable {
    let process = Process()
    private let input = Pipe(), output = Pipe()
    private var buffer = Data()
    private var messages: [[String: Any]] = []
    private let lock = NSCondition()
    private var ended = false
    private var nextID = 0

    /// Bounds every wait, generous for a loaded machine: a missing reply fails the test, never hangs it.
    static let timeout: TimeInterval = 120

    init() throws {
        process.executableURL = CLIRunner.binary
        process.arguments = ["lsp"]
        process.standardInput = input
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let handle = output.fileHandleForReading
        Thread { [weak self] in
            var chunk = [UInt8](repeating: 0, count: 65_536)
            while true {
                let n = read(handle.fileDescriptor, &chunk, chunk.count)
                if n < 0 && errno == EINTR { continue }
                guard let self else { return }
                self.lock.lock()
                if n <= 0 { self.ended = true } else { self.buffer.append(contentsOf: chunk[0..<n]); self.parseFrames() }
                self.lock.broadcast()
                self.lock.unlock()
                if n <= 0 { return }
            }
        }.start()
    }

    deinit { if process.isRunning { process.terminate() } }

    /// Called with the lock held.
    private func parseFrames() {
        while let headerEnd = buffer.range(of: Data("\r\n\r\n".utf8)) {
            let header = String(decoding: buffer[buffer.startIndex..<headerEnd.lowerBound], as: UTF8.self)
            guard let lengthLine = header.split(separator: "\r\n").first(where: { $0.lowercased().hasPrefix("content-length:") }),
                  let length = Int(lengthLine.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) else { return }
            guard buffer.distance(from: headerEnd.upperBound, to: buffer.endIndex) >= length else { return }
            let bodyEnd = buffer.index(headerEnd.upperBound, offsetBy: length)
            if let object = try? JSONSerialization.jsonObject(with: buffer[headerEnd.upperBound..<bodyEnd]) as? [String: Any] {
                messages.append(object)
            }
            buffer = Data(buffer[bodyEnd...])
        }
    }

    func sendRaw(_ bytes: Data) {
        input.fileHandleForWriting.write(bytes)
    }

    func send(_ message: [String: Any]) throws {
        var object = message
        object["jsonrpc"] = "2.0"
        let body = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
        sendRaw(Data("Content-Length: \(body.count)\r\n\r\n".utf8) + body)
    }

    func notify(_ method: String, _ params: Any = NSNull()) throws {
        try send(["method": method, "params": params])
    }

    /// Sends a request and waits for its response (other messages stay queued).
    @discardableResult
    func request(_ method: String, _ params: Any = NSNull()) throws -> [String: Any] {
        nextID += 1
        let id = nextID
        try send(["id": id, "method": method, "params": params])
        return try next { ($0["id"] as? Int) == id }
    }

    /// The next `textDocument/publishDiagnostics` for `uri`.
    func diagnostics(for uri: String) throws -> [String: Any] {
        let message = try next { $0["method"] as? String == "textDocument/publishDiagnostics"
            && ($0["params"] as? [String: Any])?["uri"] as? String == uri }
        return message["params"] as? [String: Any] ?? [:]
    }

    /// The first queued or arriving message that matches, removed from the queue.
    func next(where matches: ([String: Any]) -> Bool) throws -> [String: Any] {
        let deadline = Date().addingTimeInterval(Self.timeout)
        lock.lock()
        defer { lock.unlock() }
        while true {
            if let index = messages.firstIndex(where: matches) { return messages.remove(at: index) }
            if ended { throw LSPClientError.serverEnded }
            guard lock.wait(until: deadline) else { throw LSPClientError.timeout }
        }
    }

    /// Waits for the server process to end and returns its exit status.
    func waitForExit() throws -> Int32 {
        let deadline = Date().addingTimeInterval(Self.timeout)
        while process.isRunning {
            guard Date() < deadline else { throw LSPClientError.timeout }
            usleep(10_000)
        }
        return process.terminationStatus
    }

    /// `initialize` with the given client capabilities, then `initialized`.
    @discardableResult
    func initialize(capabilities: [String: Any] = [:]) throws -> [String: Any] {
        let reply = try request("initialize", ["processId": NSNull(), "rootUri": NSNull(), "capabilities": capabilities])
        try notify("initialized", [String: Any]())
        return reply
    }

    func open(_ uri: String, text: String, version: Int = 1) throws {
        try notify("textDocument/didOpen", ["textDocument": ["uri": uri, "languageId": "yaml", "version": version, "text": text]])
    }

    func change(_ uri: String, text: String, version: Int) throws {
        try notify("textDocument/didChange", ["textDocument": ["uri": uri, "version": version], "contentChanges": [["text": text]]])
    }

    static func position(_ uri: String, line: Int, character: Int) -> [String: Any] {
        ["textDocument": ["uri": uri], "position": ["line": line, "character": character]]
    }
}

enum LSPClientError: Error { case timeout, serverEnded }

/// `JSONSerialization` values by path, for assertions: `value(reply, "result", "capabilities", "hoverProvider")`.
func value(_ object: Any?, _ path: Any...) -> Any? {
    var current = object
    for step in path {
        if let key = step as? String { current = (current as? [String: Any])?[key] }
        else if let index = step as? Int, let array = current as? [Any], index < array.count { current = array[index] }
        else { return nil }
    }
    return current
}

/// A range as `[startLine, startCharacter, endLine, endCharacter]`.
func rangeArray(_ range: Any?) -> [Int] {
    ["start", "end"].flatMap { side in ["line", "character"].map { (value(range, side, $0) as? Int) ?? -1 } }
}
