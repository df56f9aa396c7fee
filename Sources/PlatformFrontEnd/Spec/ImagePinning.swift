/// Whether an image reference pins what runs: the rule `image-digest-pinned` (P7001) and the
/// check of `components` overrides (lowering) both ask here.
package enum ImagePinning {
    /// nil when pinned by digest or by a version tag; otherwise what is wrong.
    package static func problem(_ image: String) -> String? {
        if image.contains("@sha256:") { return nil }
        // The tag follows the last `:` after the last `/` (a registry port also uses `:`).
        let lastSegment = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastSegment.lastIndex(of: ":") else { return "has no tag (it means `latest`) and no digest" }
        return lastSegment[lastSegment.index(after: colon)...] == "latest" ? "uses the mutable tag `latest` and no digest" : nil
    }
}
