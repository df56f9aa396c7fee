import PlatformCore

/// The commit message: a subject, a summary of the change, and trailers in the style of Argo CD's
/// source hydrator (`Platform-Spec-Digest`, `Platformc-Version`, `Platform-Spec-Commit`).
enum CommitMessage {
    static func make(subject: String?, platform: Platform, before: [String: [UInt8]], after: [String: [UInt8]],
                     managed: [String], specCommit: String?) -> String {
        func isManaged(_ path: String) -> Bool { managed.contains { path == $0 || path.hasPrefix($0 + "/") } }
        let old = before.filter { isManaged($0.key) }
        let added = after.keys.filter { old[$0] == nil }.count
        let removed = old.keys.filter { after[$0] == nil }.count
        let changed = after.filter { old[$0.key] != nil && old[$0.key] != $0.value }.count
        var text = (subject ?? "platformc: compile \(platform.name)") + "\n\n"
        text += "Objects: \(added) added, \(changed) changed, \(removed) removed.\n"
        let gpus = platform.models.reduce(0) { $0 + $1.minReplicas * ($1.migProfile == nil ? $1.gpusPerReplicaTotal : 0) }
            + platform.training.reduce(0) { $0 + $1.totalGPUs }
        text += "GPUs held at minimum scale: \(gpus).\n\n"
        text += "Platform-Spec-Digest: sha256:\(platform.specDigest)\n"
        text += "Platformc-Version: \(PlatformcVersion.string)\n"
        if let specCommit { text += "Platform-Spec-Commit: \(specCommit)\n" }
        return text
    }
}
