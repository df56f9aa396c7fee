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
        LibXML2Library.ensureInitialised()
        let sink = ErrorSink()
        let context = Unmanaged.passUnretained(sink).toOpaque()
        xmlSetStructuredErrorFunc(context) { userData, error in
            guard let userData, let error else { return }
            let sink = Unmanaged<ErrorSink>.fromOpaque(userData).takeUnretainedValue()
            // libxml2's own message quotes names and text of the file: say what is wrong in general terms.
            sink.errors.append(ParseError(message: LibXML2Tree.describe(code: error.pointee.code), line: Int(error.pointee.line),
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

    /// What libxml2's error `code` means, without any bytes of the document.
    static func describe(code: Int32) -> String {
        switch xmlParserErrors(rawValue: UInt32(code)) {
        case XML_ERR_DOCUMENT_EMPTY: return "the document is empty"
        case XML_ERR_DOCUMENT_START, XML_ERR_LT_REQUIRED: return "start tag expected, `<` not found"
        case XML_ERR_DOCUMENT_END: return "extra content at the end of the document"
        case XML_ERR_INVALID_CHAR: return "a character that XML does not allow"
        case XML_ERR_UNDECLARED_ENTITY: return "an undeclared entity"
        case XML_ERR_UNKNOWN_ENCODING, XML_ERR_INVALID_ENCODING: return "an unknown or invalid encoding"
        case XML_ERR_ATTRIBUTE_NOT_STARTED, XML_ERR_ATTRIBUTE_WITHOUT_VALUE: return "an attribute without a quoted value"
        case XML_ERR_ATTRIBUTE_REDEFINED: return "an attribute defined twice on one element"
        case XML_ERR_NAME_REQUIRED: return "a name was expected"
        case XML_ERR_GT_REQUIRED: return "`>` was expected"
        case XML_ERR_LTSLASH_REQUIRED: return "`</` was expected"
        case XML_ERR_TAG_NAME_MISMATCH: return "opening and ending tags do not match"
        case XML_ERR_TAG_NOT_FINISHED: return "an element is not closed"
        default: return "libxml2 error \(code)"
        }
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
