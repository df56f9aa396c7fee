import PlatformGitOps
import Testing

/// The messages users read when a commit or push fails say what happened and what to do.
@Suite struct GitErrorTests {
    private let old = GitObjectID(hex: "1111111111111111111111111111111111111111")
    private let new = GitObjectID(hex: "2222222222222222222222222222222222222222")

    @Test func concurrentUpdateNamesBothCommitsAndIsRetryable() {
        let error = GitError.concurrentUpdate(branch: "main", expected: old, actual: new)
        #expect(error.description == "branch `main` moved concurrently: expected "
            + "1111111111111111111111111111111111111111, found 2222222222222222222222222222222222222222; "
            + "read the branch again and retry")
        #expect(error.isRetryable)
        #expect(GitError.concurrentUpdate(branch: "main", expected: nil, actual: new).description
            .hasPrefix("branch `main` moved concurrently: expected no commit, found 2222"))
    }

    @Test func nonFastForwardSaysWhatToDo() {
        let error = GitError.nonFastForward(remote: "https://github.com/acme/gitops.git", branch: "main")
        #expect(error.description == "push of `main` to https://github.com/acme/gitops.git rejected: the remote "
            + "branch has commits that are not in the local branch (non-fast-forward); fetch and recommit first")
        #expect(!error.isRetryable)
    }

    @Test func objectIDParsesOnlyFullHex() {
        #expect(old?.hex == "1111111111111111111111111111111111111111")
        #expect(GitObjectID(hex: "abc") == nil)
        #expect(GitObjectID(hex: String(repeating: "z", count: 40)) == nil)
        #expect(GitObjectID(hex: "ABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD")?.description
            == "abcdefabcdefabcdefabcdefabcdefabcdefabcd")
    }
}
