import PlatformDiagnostics
import PlatformFrontEnd

/// `image-digest-pinned`: what was reviewed must be what runs. A digest pins the bytes; a
/// version tag (`v0.11.0`) is accepted as the minimum; `latest` or no tag at all is a violation,
/// since it changes under a running platform with every push.
package struct ImageDigestPinnedRule: PolicyRule {
    package let id = "image-digest-pinned"
    package init() {}

    package func check(_ input: PolicyInput) -> [PolicyViolation] {
        let p = input.platform
        var found: [PolicyViolation] = []
        for m in p.models {
            if let problem = Self.problem(m.image) {
                found.append(PolicyViolation("image `\(m.image)` of model `\(m.name)` \(problem)", at: m.locations[.image] ?? m.location,
                                             help: Self.help, cluster: input.plan?.servingClusters(ofModel: m.name).first ?? m.cluster,
                                             team: m.team))
            }
        }
        for j in p.training {
            if let problem = Self.problem(j.image) {
                found
                    .append(PolicyViolation("image `\(j.image)` of training job `\(j.name)` \(problem)",
                        at: j.locations[.image] ?? j.location,
                                             help: Self.help, cluster: input.plan?.cluster(ofJob: j) ?? j.cluster, team: j.team))
            }
        }
        return found
    }

    static let help = "pin the image by digest, e.g. `name:tag@sha256:<digest>` (`crane digest name:tag` prints it)"

    /// nil when pinned by digest or by a version tag; otherwise what is wrong.
    static func problem(_ image: String) -> String? { ImagePinning.problem(image) }
}
