/// The one rule for every path segment platformc builds from data: `gitops.path` and the
/// cluster, namespace, kind, name and group that `GitOpsLayout` turns into folders and file
/// names. A segment that passes can never be `.`, `..`, empty, absolute, hold a `/` or `\`, name
/// git metadata (`.git`, `.gitmodules`…) or differ from another only in bytes a file system drops.
package enum PathSegment {
    /// What a segment names, which sets its grammar.
    package enum Role: String, Sendable {
        /// A segment of `gitops.path`: letters, digits, `_`, `-`, `.`, not starting with `.` or `-`.
        case folder
        /// A cluster or namespace: a DNS-1123 label.
        case cluster, namespace
        /// An object name: a DNS-1123 subdomain.
        case name
        /// A kind: letters and digits, starting with a letter.
        case kind
        /// An API group: a DNS-1123 subdomain, or empty for the core group.
        case group
    }

    /// Nil when `text` is a safe segment for `role`; otherwise why not, for a message.
    package static func problem(_ text: String, as role: Role) -> String? {
        let bytes = Array(text.utf8)
        if bytes.isEmpty { return role == .group ? nil : "it is empty" }
        // A separator says most about an escape, so it is named before any other bad byte.
        if let bad = bytes.first(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "\\") })
            ?? bytes.first(where: { !allowed($0, role) }) {
            return "it contains \(describe(bad))"
        }
        switch role {
        case .folder:
            if bytes.count > 255 { return "a segment is longer than 255 bytes" }
            if text == "." || text == ".." { return "it names the current or the parent folder" }
            if bytes[0] == UInt8(ascii: ".") || bytes[0] == UInt8(ascii: "-") {
                return "it starts with `\(Character(Unicode.Scalar(bytes[0])))`"
            }
        case .cluster, .namespace:
            if bytes.count > 63 { return "it is longer than 63 characters" }
            if !isAlphanumeric(bytes[0]) || !isAlphanumeric(bytes[bytes.count - 1]) {
                return "it must start and end with a letter or digit"
            }
        case .name, .group:
            if bytes.count > 253 { return "it is longer than 253 characters" }
            if !isAlphanumeric(bytes[0]) || !isAlphanumeric(bytes[bytes.count - 1]) {
                return "it must start and end with a letter or digit"
            }
        case .kind:
            if bytes.count > 63 { return "it is longer than 63 characters" }
            if !isLetter(bytes[0]) { return "it must start with a letter" }
        }
        return nil
    }

    /// True when `segment` names git metadata (`.git`, `.gitmodules`, `.gitattributes`,
    /// `.gitignore`, …) in any case: a checkout would write into the repository's own files.
    package static func namesGitMetadata(_ segment: String) -> Bool {
        segment.lowercased().hasPrefix(".git")
    }

    private static func allowed(_ byte: UInt8, _ role: Role) -> Bool {
        switch role {
        case .folder: return isLetter(byte) || isDigit(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
            || byte == UInt8(ascii: ".")
        case .cluster, .namespace: return isLower(byte) || isDigit(byte) || byte == UInt8(ascii: "-")
        case .name, .group: return isLower(byte) || isDigit(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".")
        case .kind: return isLetter(byte) || isDigit(byte)
        }
    }

    private static func describe(_ byte: UInt8) -> String {
        if byte < 0x20 || byte == 0x7f { return "a control character" }
        if byte >= 0x80 { return "a non-ASCII character" }
        return "`\(Character(Unicode.Scalar(byte)))`"
    }

    private static func isLower(_ b: UInt8) -> Bool { b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z") }
    private static func isLetter(_ b: UInt8) -> Bool { isLower(b) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) }
    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private static func isAlphanumeric(_ b: UInt8) -> Bool { isLower(b) || isDigit(b) }
}
