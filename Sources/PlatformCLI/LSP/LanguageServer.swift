import Foundation
import PlatformCore
import PlatformDiagnostics

/// The session of `platformc lsp`: JSON-RPC requests and notifications in, responses and
/// `textDocument/publishDiagnostics` out. It does no process I/O (the stdio loop in `LSPCommand`
/// does); the files a spec names are read through the `InputLoader` it is given.
/// Message names and fields: microsoft/language-server-protocol `_specifications/lsp/3.17/`
/// (commit 60f2bb8aec6050bddcc131b0ad1397af1f5aa84e).
struct LanguageServer {
    /// JSON-RPC and LSP error codes (`specification.md`, "Response Message").
    enum ErrorCode: Int {
        case parseError = -32700, invalidRequest = -32600, methodNotFound = -32601, invalidParams = -32602
        case serverNotInitialized = -32002
    }

    struct Document {
        var uri: String
        var version: Int?
        var text: String
        var analysis: SpecAnalysis
        /// The last analysis whose YAML loaded (names for completion while the text does not parse)
        /// and whose front end passed (the facts hovers show while the spec has errors).
        var lastLoaded: NameIndex
        var lastChecked: Compiler.Output?
    }

    let load: SpecAnalysis.InputLoader
    /// The files each open spec names (templates, topology files), read on open and save and when
    /// the spec names other topology files: an edit re-checks without reading the folder again.
    private var files: [String: CompileInput] = [:]
    private(set) var initialized = false
    private(set) var shutdownRequested = false
    /// Set by `exit`: 0 after `shutdown`, 1 without (LSP `exit`).
    private(set) var exitCode: Int32?
    private(set) var encoding = PositionEncoding.utf16
    private(set) var documents: [String: Document] = [:]
    /// Other files (templates) each document last published diagnostics for, to clear them.
    private var publishedElsewhere: [String: Set<String>] = [:]
    private var outbox: [JSONValue] = []

    init(load: @escaping SpecAnalysis.InputLoader) { self.load = load }

    // MARK: Messages

    /// Handles one frame's body and returns the messages to send, in order.
    mutating func handle(_ body: [UInt8]) -> [JSONValue] {
        outbox = []
        guard let message = JSONValue.parse(body) else {
            respond(id: .null, error: .parseError, "the message is not valid JSON")
            return outbox
        }
        guard case let .object(fields) = message, fields["jsonrpc"]?.string == "2.0" else {
            respond(id: message["id"] ?? .null, error: .invalidRequest, "not a JSON-RPC 2.0 message object")
            return outbox
        }
        guard let method = fields["method"]?.string else {
            // A response to a request of ours: the server sends none, so there is nothing to match.
            if fields["id"] != nil, fields["result"] != nil || fields["error"] != nil { return outbox }
            respond(id: fields["id"] ?? .null, error: .invalidRequest, "a request needs a `method`")
            return outbox
        }
        let params = fields["params"] ?? .null
        if let id = fields["id"] {
            request(id: id, method: method, params: params)
        } else {
            notification(method, params: params)
        }
        return outbox
    }

    /// The reply to a frame whose header could not be read.
    mutating func malformedFrame(_ reason: String) -> [JSONValue] {
        outbox = []
        respond(id: .null, error: .parseError, "malformed message frame: \(reason)")
        return outbox
    }

    private mutating func request(id: JSONValue, method: String, params: JSONValue) {
        guard initialized || method == "initialize" else {
            return respond(id: id, error: .serverNotInitialized, "the server is not initialized: send `initialize` first")
        }
        guard !shutdownRequested else { return respond(id: id, error: .invalidRequest, "the server is shutting down") }
        switch method {
        case "initialize":
            guard !initialized else { return respond(id: id, error: .invalidRequest, "`initialize` may be sent only once") }
            initialized = true
            let offered = params["capabilities"]?["general"]?["positionEncodings"]?.array?.compactMap(\.string) ?? []
            encoding = PositionEncoding.negotiate(offered)
            respond(id: id,
                result: ["capabilities": capabilities, "serverInfo": ["name": "platformc", "version": .string(PlatformcVersion.string)]])
        case "shutdown":
            shutdownRequested = true
            respond(id: id, result: .null)
        case "textDocument/hover": answer(id: id, params) { $0.hover(at: $1, in: $2) }
        case "textDocument/completion": answer(id: id, params) { $0.completion(at: $1, in: $2) }
        case "textDocument/definition": answer(id: id, params) { $0.definition(at: $1, in: $2) }
        case "textDocument/references":
            let declaration = params["context"]?["includeDeclaration"]?.bool ?? false
            answer(id: id, params) { $0.references(at: $1, in: $2, includeDeclaration: declaration) }
        case "textDocument/codeAction":
            guard let uri = params["textDocument"]?["uri"]?.string, let start = TextPosition(params["range"]?["start"]),
                  let end = TextPosition(params["range"]?["end"]) else {
                return respond(id: id, error: .invalidParams, "`textDocument/codeAction` needs `textDocument.uri` and `range`")
            }
            respond(id: id, result: documents[uri].map { codeActions(in: $0, range: TextRange(start: start, end: end)) } ?? .array([]))
        default:
            respond(id: id, error: .methodNotFound, "unknown method `\(method)`")
        }
    }

    private var capabilities: JSONValue {
        [
            "positionEncoding": .string(encoding.rawValue),
            // Full: every change carries the whole text (LSP `TextDocumentSyncKind.Full` = 1).
            "textDocumentSync": ["openClose": true, "change": 1, "save": ["includeText": false]],
            "hoverProvider": true,
            "completionProvider": ["triggerCharacters": [":", "-", " "]],
            "definitionProvider": true,
            "referencesProvider": true,
            "codeActionProvider": ["codeActionKinds": ["quickfix"]],
        ]
    }

    private mutating func notification(_ method: String, params: JSONValue) {
        if method == "exit" {
            exitCode = shutdownRequested ? 0 : 1
            return
        }
        // Before `initialize` every notification but `exit` is dropped; `$/…` ones may be ignored.
        guard initialized, !method.hasPrefix("$/") else { return }
        let uri = params["textDocument"]?["uri"]?.string
        switch method {
        case "textDocument/didOpen":
            guard let uri, let text = params["textDocument"]?["text"]?.string else { return }
            files[uri] = nil
            update(uri: uri, text: text, version: params["textDocument"]?["version"]?.int)
        case "textDocument/didChange":
            guard let uri, var document = documents[uri], let changes = params["contentChanges"]?.array else { return }
            for change in changes {
                guard let text = change["text"]?.string else { continue }
                if let start = TextPosition(change["range"]?["start"]), let end = TextPosition(change["range"]?["end"]) {
                    document.text = Self.replacing(document.text, from: start, to: end, with: text, encoding: encoding)
                } else {
                    document.text = text
                }
            }
            update(uri: uri, text: document.text, version: params["textDocument"]?["version"]?.int)
        case "textDocument/didSave":
            // Templates or topology files beside the spec may have changed with it: read them again.
            guard let uri, let document = documents[uri] else { return }
            files[uri] = nil
            update(uri: uri, text: document.text, version: document.version)
        case "textDocument/didClose":
            guard let uri else { return }
            documents[uri] = nil
            files[uri] = nil
            for other in publishedElsewhere.removeValue(forKey: uri) ?? [] { publish(uri: other, version: nil, []) }
            publish(uri: uri, version: nil, [])
        default:
            break  // `initialized`, `workspace/didChangeConfiguration`…: nothing to do.
        }
    }

    // MARK: Documents and diagnostics

    private mutating func update(uri: String, text: String, version: Int?) {
        let path = FileURI.path(of: uri)
        let cached = files[uri]
        let analysis = SpecAnalysis.run(path: path, shownAs: path ?? uri, text: text, encoding: encoding) { [load] path, spec in
            if var input = cached,
                Set(input.topologyFiles.keys).union(input.topologyRefusals.keys) == Set(TopologyFileScan.paths(in: spec, file: path)) {
                input.spec = spec
                return input
            }
            return try load(path, spec)
        }
        files[uri] = analysis.input
        let previous = documents[uri]
        documents[uri] = Document(uri: uri, version: version, text: text, analysis: analysis,
                                  lastLoaded: analysis.root != nil ? analysis.names : previous?.lastLoaded ?? analysis.names,
                                  lastChecked: analysis.output?.platform != nil ? analysis.output : previous?.lastChecked)
        let file = path ?? uri
        var byFile: [String: [JSONValue]] = [:]
        for d in analysis.diagnostics {
            let target = d.location?.file ?? file
            // A template's diagnostic is marked at its line and column (its text is not open here).
            let range = LSPDiagnostics.range(d, in: target == file ? analysis.text : nil)
            byFile[target, default: []].append(LSPDiagnostics.json(d, range: range, texts: { $0 == file ? analysis.text : nil }))
        }
        publish(uri: uri, version: version, byFile.removeValue(forKey: file) ?? [])
        let now = Set(byFile.keys.map(FileURI.uri(forPath:)))
        for stale in (publishedElsewhere[uri] ?? []).subtracting(now) { publish(uri: stale, version: nil, []) }
        for (other, diagnostics) in byFile.sorted(by: { $0.key < $1.key }) {
            publish(uri: FileURI.uri(forPath: other), version: nil, diagnostics)
        }
        publishedElsewhere[uri] = now
    }

    private mutating func publish(uri: String, version: Int?, _ diagnostics: [JSONValue]) {
        var params: [String: JSONValue] = ["uri": .string(uri), "diagnostics": .array(diagnostics)]
        if let version { params["version"] = .int(version) }
        outbox.append(["jsonrpc": "2.0", "method": "textDocument/publishDiagnostics", "params": .object(params)])
    }

    // MARK: Positions

    /// Runs a position request against its document; no document or position is `null`.
    private mutating func answer(id: JSONValue, _ params: JSONValue, _ body: (LanguageServer, TextPosition, Document) -> JSONValue) {
        guard let uri = params["textDocument"]?["uri"]?.string, let position = TextPosition(params["position"]) else {
            return respond(id: id, error: .invalidParams, "the request needs `textDocument.uri` and `position`")
        }
        guard let document = documents[uri] else { return respond(id: id, result: .null) }
        respond(id: id, result: body(self, position, document))
    }

    // MARK: Replies

    private mutating func respond(id: JSONValue, result: JSONValue) {
        outbox.append(["jsonrpc": "2.0", "id": id, "result": result])
    }

    private mutating func respond(id: JSONValue, error: ErrorCode, _ message: String) {
        outbox.append(["jsonrpc": "2.0", "id": id, "error": ["code": .int(error.rawValue), "message": .string(message)]])
    }

    /// `text` with the range `start..<end` (LSP positions) replaced.
    static func replacing(_ text: String, from start: TextPosition, to end: TextPosition, with new: String,
        encoding: PositionEncoding) -> String {
        let document = DocumentText(text, encoding: encoding)
        func offset(_ p: TextPosition) -> String.UnicodeScalarView.Index {
            var index = text.unicodeScalars.startIndex
            var line = 0
            while line < p.line, let newline = text.unicodeScalars[index...].firstIndex(of: "\n") {
                index = text.unicodeScalars.index(after: newline)
                line += 1
            }
            if line < p.line { return text.unicodeScalars.endIndex }
            let column = document.scalarColumn(p)
            return text.unicodeScalars.index(index, offsetBy: column, limitedBy: text.unicodeScalars.endIndex)
                ?? text.unicodeScalars.endIndex
        }
        let from = offset(start), to = max(from, offset(end))
        var scalars = text.unicodeScalars
        scalars.replaceSubrange(from..<to, with: new.unicodeScalars)
        return String(scalars)
    }
}
