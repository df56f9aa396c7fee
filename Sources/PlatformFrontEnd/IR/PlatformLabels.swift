/// Labels every emitted object carries, so that Argo CD, Flux and humans can tell who owns it.
package enum PlatformLabels {
    package static let managedBy = "app.kubernetes.io/managed-by"
    package static let partOf = "app.kubernetes.io/part-of"
    package static let name = "app.kubernetes.io/name"
    package static let component = "app.kubernetes.io/component"
    package static let team = "platformc.dev/team"
    package static let model = "platformc.dev/model"

    /// The common set: managed-by platformc, part of the platform, plus the spec's own labels.
    package static func common(_ platform: Platform, team: String? = nil) -> ManifestMap {
        var labels = ManifestMap()
        for (k, v) in platform.labels.sorted(by: { $0.key < $1.key }) { labels[k] = .string(v) }
        labels[managedBy] = "platformc"
        labels[partOf] = .string(platform.name)
        if let team { labels[Self.team] = .string(team) }
        return labels
    }
}
