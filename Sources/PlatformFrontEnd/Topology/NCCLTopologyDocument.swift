/// One element of an NCCL topology file, with its attributes in file order and the line it starts on.
public struct NCCLTopologyElement: Hashable, Sendable {
    public struct Attribute: Hashable, Sendable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) { self.name = name; self.value = value }
    }

    public var name: String
    public var attributes: [Attribute]
    public var children: [NCCLTopologyElement]
    public var line: Int

    public init(name: String, attributes: [Attribute] = [], children: [NCCLTopologyElement] = [], line: Int = 0) {
        self.name = name
        self.attributes = attributes
        self.children = children
        self.line = line
    }

    public subscript(attribute: String) -> String? {
        attributes.first { $0.name == attribute }?.value
    }

    /// Every descendant in document order (depth first), not including `self`.
    public var descendants: [NCCLTopologyElement] {
        children.flatMap { [$0] + $0.descendants }
    }
}

/// A parsed NCCL topology file (`<system version="1">` …) and what it says about the node.
public struct NCCLTopologyDocument: Hashable, Sendable {
    public var file: String
    public var system: NCCLTopologyElement
    /// The node's GPUs, NICs and NVLink islands as derived by `NCCLIslandDerivation`.
    public var topology: NodeTopology

    public init(file: String, system: NCCLTopologyElement, topology: NodeTopology) {
        self.file = file
        self.system = system
        self.topology = topology
    }
}
