import CLibXML2

/// The one place that serialises XML through libxml2: builds the tree with xmlNewNode/xmlNewProp and
/// saves it with no XML declaration (NCCL fails on `<?xml`) and two-space indentation (NCCL fails on tabs).
enum LibXML2Writer {
    static func serialise(_ root: NCCLTopologyElement) -> String {
        LibXML2Library.ensureInitialised()
        guard let doc = xmlNewDoc(xmlString("1.0")) else { return "" }
        defer { xmlFreeDoc(doc) }
        xmlDocSetRootElement(doc, node(root))

        guard let buffer = xmlBufferCreate() else { return "" }
        defer { xmlBufferFree(buffer) }
        let options = Int32(XML_SAVE_NO_DECL.rawValue | XML_SAVE_FORMAT.rawValue)
        guard let save = xmlSaveToBuffer(buffer, "UTF-8", options) else { return "" }
        xmlSaveDoc(save, doc)
        xmlSaveClose(save)
        guard let content = xmlBufferContent(buffer) else { return "" }
        return String(cString: content)
    }

    private static func node(_ element: NCCLTopologyElement) -> xmlNodePtr? {
        let node = xmlNewNode(nil, xmlString(element.name))
        for attribute in element.attributes {
            xmlNewProp(node, xmlString(attribute.name), xmlString(attribute.value))
        }
        for child in element.children {
            xmlAddChild(node, Self.node(child))
        }
        return node
    }

    /// NUL-terminated bytes; the array-to-pointer conversion lives for the call, and libxml2 copies
    /// names and values, so nothing outlives it.
    private static func xmlString(_ s: String) -> [xmlChar] {
        Array(s.utf8) + [0]
    }
}
