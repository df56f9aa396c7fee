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

    /// The values that come from flags, checked before anything is compiled: each is one line, so
    /// none can add a trailer or a paragraph to the message. The spec's own parts (a DNS-label
    /// name, a digest) cannot hold a line break.
    static func validate(subject: String?, specCommit: String?) throws {
        if let specCommit, !isObjectID(specCommit) {
            throw IOFailure("`--spec-commit` must be a commit id: 4 to 64 hexadecimal digits")
        }
        if let subject {
            guard !subject.trimmingCharacters(in: .whitespaces).isEmpty else { throw IOFailure("`--message` is empty") }
            guard !hasControlCharacters(subject) else {
                throw IOFailure("`--message` is the subject line: it may not hold line breaks or other control characters")
            }
        }
    }

    /// `--author-name`, `--author-email` and `GIT_AUTHOR_*`: one line each, no `<` or `>` (they
    /// delimit the email in the commit header).
    static func validate(identity: GitSignature) throws {
        for (what, value) in [("name", identity.name), ("email", identity.email)]
        where hasControlCharacters(value) || value.contains("<") || value.contains(">") {
            throw IOFailure("the author \(what) may not hold line breaks, control characters, `<` or `>`")
        }
    }

    static func isObjectID(_ text: String) -> Bool {
        (4...64).contains(text.utf8.count) && text.utf8.allSatisfy { (48...57).contains($0) || (97...102).contains($0 | 0x20) }
    }

    private static func hasControlCharacters(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7f...0x9f).contains($0.value) || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }
}
