/// Kubernetes' syntax for label keys and values (apimachinery `IsQualifiedName`,
/// `IsValidLabelValue`): a key is an optional DNS-1123 subdomain prefix (at most 253 characters)
/// and `/`, then a name of at most 63 characters `[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?`;
/// a value is empty or such a name. Each check returns what is wrong, nil when nothing is.
package enum LabelSyntax {
    package static let maxNameLength = 63
    package static let maxPrefixLength = 253

    package static func keyProblem(_ key: String) -> String? {
        let parts = key.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count <= 2 else { return "it has more than one `/`" }
        if parts.count == 2 {
            let prefix = String(parts[0])
            if prefix.isEmpty { return "its prefix before `/` is empty" }
            if let problem = subdomainProblem(prefix) { return "its prefix `\(prefix)` \(problem)" }
        }
        return nameProblem(String(parts[parts.count - 1]), what: parts.count == 2 ? "its name after `/`" : "it")
    }

    package static func valueProblem(_ value: String) -> String? {
        value.isEmpty ? nil : nameProblem(value, what: "it")
    }

    static func nameProblem(_ name: String, what: String) -> String? {
        if name.isEmpty { return "\(what) is empty" }
        if name.utf8.count > maxNameLength { return "\(what) is \(name.utf8.count) characters long, over the limit of \(maxNameLength)" }
        let alnum = { (c: UInt8) in (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5A) || (c >= 0x61 && c <= 0x7A) }
        let bytes = Array(name.utf8)
        guard alnum(bytes.first!), alnum(bytes.last!) else { return "\(what) must start and end with a letter or digit" }
        guard bytes.allSatisfy({ alnum($0) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }) else {
            return "\(what) may hold only letters, digits, `-`, `_` and `.`"
        }
        return nil
    }

    /// DNS-1123 subdomain: dot-separated lower-case labels, at most 253 characters in all.
    static func subdomainProblem(_ s: String) -> String? {
        if s.utf8.count > maxPrefixLength { return "is \(s.utf8.count) characters long, over the limit of \(maxPrefixLength)" }
        let labelOK = { (label: Substring) -> Bool in
            let b = Array(label.utf8)
            let lowerAlnum = { (c: UInt8) in (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) }
            return !b.isEmpty && lowerAlnum(b.first!) && lowerAlnum(b.last!) && b.allSatisfy { lowerAlnum($0) || $0 == 0x2D }
        }
        return s.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(labelOK)
            ? nil : "is not a DNS subdomain (lower-case letters, digits, `-` and `.`)"
    }

    /// Prefixes a spec's labels may not use: platformc's own (it selects pools and workloads by
    /// them), and the ones Kubernetes reserves for its core components.
    package static let reservedPrefixes = ["platformc.dev", "kubernetes.io", "k8s.io"]

    /// The reserved domain `key`'s prefix falls under, if any (`node.kubernetes.io` → `kubernetes.io`).
    package static func reservedPrefix(of key: String) -> String? {
        guard let slash = key.firstIndex(of: "/") else { return nil }
        let prefix = key[..<slash].lowercased()
        return reservedPrefixes.first { prefix == $0 || prefix.hasSuffix("." + $0) }
    }
}
