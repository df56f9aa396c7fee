import CLibXML2

/// The one place that parses XML through libxml2. It returns a Swift tree and the parser's errors with
/// their line and column; no libxml2 pointer leaves this file.
enum LibXML2Tree {
    struct ParseError: Hashable {
        var message: String
        var line: Int
        var column: Int
    }

    /// Collects structured errors; libxml2 calls back with the context pointer we hand it.
    private final class ErrorSink {
        var errors: [ParseError] = []
    }

    /// Parses `bytes` without network access and without entity expansion (no XML_PARSE_NOENT, no DTD
    /// loading), so a topology file can neither fetch anything nor grow. Returns nil for the tree when
    /// libxml2 could not build a document; errors are reported either way, in the order seen.
    static func parse(_ bytes: [UInt8], file: String) -> (NCCLTopologyElement?, [ParseError]) {
        let sink = ErrorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlSetStructuredErrorFunc(context) { userData, error in
            guard let userData, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
            let text = error.pointee.message.map { String(cString: $0) } ?? "malformed XML"
            sink.errors.append(ParseError(message: text.trimmingTrailingNewlines(), line: Int(error.pointee.line),
                                          column: Int(error.pointee.int2)))
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }

        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOCDATA.rawValue | XML_PARSE_BIG_LINES.rawValue)
        let doc: xmlDocPtr? = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress?.withMemoryRebound(to: CChar.self, capacity: buffer.count) { base in
                xmlReadMemory(base, Int32(buffer.count), file, nil, options)
            }
        }
        guard let doc else { return (nil, sink.errors) }
        defer { xmlFreeDoc(doc) }
        guard let root = xmlDocGetRootElement(doc) else { return (nil, sink.errors) }
        return (element(root), sink.errors)
    }

    private static func element(_ node: xmlNodePtr) -> NCCLTopologyElement {
        var attributes: [NCCLTopologyElement.Attribute] = []
        var attr = node.pointee.properties
        while let a = attr {
            let name = String(cString: a.pointee.name)
            var value = ""
            var text = a.pointee.children
            while let t = text {
                if let content = t.pointee.content { value += String(cString: content) }
                text = t.pointee.next
            }
            attributes.append(.init(name, value))
            attr = a.pointee.next
        }
        var children: [NCCLTopologyElement] = []
        var child = node.pointee.children
        while let c = child {
            if c.pointee.type == XML_ELEMENT_NODE { children.append(element(c)) }
            child = c.pointee.next
        }
        return NCCLTopologyElement(name: String(cString: node.pointee.name), attributes: attributes,
                                   children: children, line: Int(xmlGetLineNo(node)))
    }
}

private extension String {
    func trimmingTrailingNewlines() -> String {
        var s = self
        while s.last == "\n" || s.last == "\r" { s.removeLast() }
        return s
    }
}
