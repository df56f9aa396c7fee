extension ManifestValue {
    /// A scalar as people read it (a string without quotes), anything else as JSON: how the diff's
    /// facts and the template audit's messages print a value.
    package var plainText: String {
        switch self {
        case .string(let s): return s
        case .int(let i): return String(i)
        case .double(let d): return String(d)
        case .bool(let b): return String(b)
        default: return jsonText
        }
    }
}
