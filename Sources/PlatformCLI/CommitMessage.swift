import PlatformCore
import PlatformGitOps

/// The commit message: a subject, a summary of the change, and trailers in the style of Argo CD's
/// source hydrator (`Platform-Spec-Digest`, `Platformc-Version`, `Platform-Spec-Commit`).
enum CommitMessage {
    /// `stats`: the files under the managed paths that the commit adds, changes and removes.
    static func make(subject: String?, platform: Platform, stats: ChangeStats, specCommit: String?) -> String {
        var text = (subject ?? "platformc: compile \(platform.name)") + "\n\n"
        text += "Objects: \(stats.added.count) added, \(stats.changed.count) changed, \(stats.removed.count) removed.\n"
        let gpus = platform.models.reduce(0) { $0 + $1.minReplicas * ($1.migProfile == nil ? $1.gpusPerReplicaTotal : 0) }
            + platform.training.reduce(0) { $0 + $1.totalGPUs }
        text += "GPUs held at minimum scale: \(gpus).\n\n"
        text += "Platform-Spec-Digest: sha256:\(platform.specDigest)\n"
        text += "Platformc-Version: \(PlatformcVersion.string)\n"
        if let specCommit { text += "Platform-Spec-Commit: \(specCommit)\n" }
        return text
    }
}
