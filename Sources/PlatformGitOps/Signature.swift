import CLibGit2
import Foundation

/// Who wrote or committed a change. The time is passed separately so commits can be reproducible.
package struct GitSignature: Equatable, Sendable {
    package var name: String
    package var email: String

    package init(name: String, email: String) {
        self.name = name
        self.email = email
    }

    /// Which identity to read from the environment.
    package enum Role: Sendable {
        case author, committer
    }

    /// Reads `GIT_AUTHOR_NAME`/`GIT_AUTHOR_EMAIL` or `GIT_COMMITTER_NAME`/`GIT_COMMITTER_EMAIL`,
    /// the variables git itself honours; nil unless both are set and non-empty.
    package static func fromEnvironment(_ environment: [String: String], role: Role) -> GitSignature? {
        let prefix = role == .author ? "GIT_AUTHOR_" : "GIT_COMMITTER_"
        guard let name = environment[prefix + "NAME"], !name.isEmpty,
              let email = environment[prefix + "EMAIL"], !email.isEmpty
        else { return nil }
        return GitSignature(name: name, email: email)
    }

    /// The libgit2 signature at `time`, in UTC so the commit bytes do not depend on the host's zone.
    func make(at time: Date) throws -> GitPointer<UnsafeMutablePointer<git_signature>> {
        let seconds = git_time_t(time.timeIntervalSince1970.rounded(.down))
        return try GitPointer(create: { git_signature_new($0, name, email, seconds, 0) }, free: git_signature_free)
    }
}
