import ArgumentParser
import Foundation

/// `platformc lsp`: the compiler as a Language Server Protocol server on standard input and output,
/// for editors (docs/editor.md). The session (`LanguageServer`) is pure; this loop moves bytes.
struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "lsp",
        abstract: "Serve the Language Server Protocol on standard input and output.")

    func run() throws {
        var server = LanguageServer { path, spec in try CompileInput.load(specPath: path, spec: spec, templatesFolder: nil) }
        var reader = FrameReader()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        // A broken pipe to the client must end the loop with an error, not kill the process unseen.
        signal(SIGPIPE, SIG_IGN)
        while true {
            let n = read(STDIN_FILENO, &buffer, buffer.count)
            if n < 0 && errno == EINTR { continue }
            // End of input without `exit`: the client is gone (LSP: exit 1 without a prior `shutdown`).
            guard n > 0 else { throw ExitCode(server.shutdownRequested ? 0 : 1) }
            reader.append(buffer[0..<n])
            while let frame = reader.next() {
                let replies: [JSONValue]
                switch frame {
                case let .message(body): replies = server.handle(body)
                case let .malformed(reason):
                    FileHandle.standardError.write(Data("platformc lsp: malformed message frame: \(reason)\n".utf8))
                    replies = server.malformedFrame(reason)
                }
                for reply in replies { try write(FrameReader.frame(reply.bytes)) }
                if let code = server.exitCode { throw ExitCode(code) }
            }
        }
    }

    private func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let n = bytes[offset...].withUnsafeBytes { Foundation.write(STDOUT_FILENO, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw ExitCode(1) }
            offset += n
        }
    }
}
