import Foundation

/// The LSP base protocol's framing: `Content-Length: N\r\n` (and optionally `Content-Type`)
/// header fields, an empty line, then N bytes of UTF-8 JSON
/// (microsoft/language-server-protocol `_specifications/lsp/3.17/specification.md`, "Base Protocol").
/// Pure: bytes are fed in as they arrive and whole frames come out.
struct FrameReader {
    enum Frame: Equatable {
        case message([UInt8])
        /// A header block that cannot be used; its bytes are skipped and reading goes on.
        case malformed(String)
    }

    /// Bounds that keep a broken or hostile client from making the server buffer without end:
    /// a header block is a few dozen bytes; a message carries at most a spec (16 MiB) escaped.
    static let maxHeaderBytes = 8 * 1024
    static let maxContentBytes = 64 << 20

    private var buffer: [UInt8] = []
    private var start = 0
    /// Bytes of an over-long message still to be thrown away.
    private var discarding = 0

    mutating func append(_ bytes: some Sequence<UInt8>) {
        buffer.append(contentsOf: bytes)
    }

    /// The next whole frame, or nil when more bytes are needed.
    mutating func next() -> Frame? {
        defer { compact() }
        if discarding > 0 {
            let dropped = min(discarding, buffer.count - start)
            start += dropped
            discarding -= dropped
            if discarding > 0 { return nil }
        }
        guard let end = headerEnd() else {
            if buffer.count - start > Self.maxHeaderBytes {
                start = buffer.count
                return .malformed("header block longer than \(Self.maxHeaderBytes) bytes without an empty line")
            }
            return nil
        }
        let header = String(decoding: buffer[start..<end], as: UTF8.self)
        let bodyStart = end + 4
        var length: Int?
        var badCharset: String?
        for field in header.components(separatedBy: "\r\n") where !field.isEmpty {
            guard let colon = field.firstIndex(of: ":") else {
                start = bodyStart
                return .malformed("header field `\(field.prefix(80))` has no `:`")
            }
            let name = field[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = field[field.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "content-length" {
                guard let n = Int(value), n >= 0 else {
                    start = bodyStart
                    return .malformed("`Content-Length` is not a number: `\(value.prefix(40))`")
                }
                length = n
            } else if name == "content-type", let charset = value.lowercased().components(separatedBy: "charset=").dropFirst().first {
                badCharset = ["utf-8", "utf8"].contains(charset.trimmingCharacters(in: .whitespaces)) ? nil : charset
            }
        }
        if let badCharset {
            // The spec allows only UTF-8 ("utf8" for old clients); the body is skipped whole.
            start = bodyStart
            discarding = length ?? 0
            return .malformed("unsupported charset `\(badCharset.prefix(40))`: only utf-8 is supported")
        }
        guard let length else {
            start = bodyStart
            return .malformed("header block has no `Content-Length`")
        }
        guard length <= Self.maxContentBytes else {
            start = bodyStart
            discarding = length
            return .malformed("`Content-Length` \(length) is over the \(Self.maxContentBytes >> 20) MiB limit")
        }
        guard buffer.count - bodyStart >= length else { return nil }
        let body = Array(buffer[bodyStart..<(bodyStart + length)])
        start = bodyStart + length
        return .message(body)
    }

    /// Index of the `\r\n\r\n` that ends the header block starting at `start`.
    private func headerEnd() -> Int? {
        var i = start
        while i + 3 < buffer.count {
            if buffer[i] == 13, buffer[i + 1] == 10, buffer[i + 2] == 13, buffer[i + 3] == 10 { return i }
            i += 1
        }
        return nil
    }

    private mutating func compact() {
        if start > 0 && (start == buffer.count || start > 1 << 16) {
            buffer.removeFirst(start)
            start = 0
        }
    }

    /// One message with its header, as written to the client.
    static func frame(_ body: [UInt8]) -> [UInt8] {
        Array("Content-Length: \(body.count)\r\n\r\n".utf8) + body
    }
}
