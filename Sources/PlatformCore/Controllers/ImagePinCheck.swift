import PlatformDiagnostics

/// Every container image is pinned: by digest, or by a tag that names one release. No tag means
/// `latest` (kubernetes.io docs, concepts/containers/images: "If you don't specify a tag, Kubernetes assumes you mean the tag latest");
/// `latest`, `main`, `main-stable`, `stable`, `nightly`… move, so what a pod runs would change under an unchanged commit.
enum ImagePinCheck {
    static let movingTags: Set<String> = ["latest", "main", "master", "stable", "main-stable", "main-latest", "nightly",
                                          "dev", "edge", "head", "release", "rolling"]

    static func check(_ pod: DerivedPod) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for list in ["initContainers", "containers"] {
            for container in pod.podSpec[list]?.listValue ?? [] {
                guard let image = container["image"]?.stringValue, let problem = problem(image) else { continue }
                found.append(Diagnostic(.error, WillItRun.imageNotPinned,
                                        "\(WillItRun.describe(pod)) run image `\(image)` (container "
                                            + "`\(container["name"]?.stringValue ?? "?")`), \(problem)",
                                        at: pod.declaredAt,
                                        help: "pin the image to a release tag or a digest (`@sha256:…`)"))
            }
        }
        return found
    }

    /// Why `image` is not pinned; nil when it is.
    static func problem(_ image: String) -> String? {
        if image.contains("@sha256:") { return nil }
        let lastPart = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastPart.lastIndex(of: ":") else { return "which has no tag and so means `latest`" }
        let tag = String(lastPart[lastPart.index(after: colon)...])
        return movingTags.contains(tag.lowercased()) ? "whose tag `\(tag)` moves" : nil
    }
}

