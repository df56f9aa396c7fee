/// One element of an NCCL topology file, with its attributes in file order and the line it starts on.
package struct NCCLTopologyElement: Hashable, Sendable {
    package struct Attribute: Hashable, Sendable {
        package var name: String
        package var value: String
        package init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    package var name: String
    package var attributes: [Attribute]
    package var children: [NCCLTopologyElement]
    package var line: Int

    package init(name: String, attributes: [Attribute] = [], children: [NCCLTopologyElement] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    package subscript(attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    /// Every descendant in document order (depth first), not including `self`.
    package var descendants: [NCCLTopologyElement] {
        children.flatMap { [$0] + $0.descendants }
    }
}

/// A parsed NCCL topology file (`<system version="1">` …) and what it says about the node.
package struct NCCLTopologyDocument: Hashable, Sendable {
    package var file: String
    package var system: NCCLTopologyElement
    /// The node's GPUs, NICs and NVLink islands as derived by `NCCLIslandDerivation`.
    package var topology: NodeTopology

    package init(file: String, system: NCCLTopologyElement, topology: NodeTopology) {
        self.file = file
        self.system = system
        self.topology = topology
    }
}
