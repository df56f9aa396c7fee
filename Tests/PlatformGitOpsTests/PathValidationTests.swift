import PlatformGitOps
import Testing

@Suite struct PathValidationTests {
    @Test(arguments: [
        ("/etc/passwd", "absolute paths are not allowed"),
        ("clusters/../x", "`.` and `..` components are not allowed"),
        ("clusters/./x", "`.` and `..` components are not allowed"),
        ("clusters//x", "empty path components are not allowed"),
        ("clusters/x/", "empty path components are not allowed"),
        ("clusters/a\nb", "control characters are not allowed"),
        ("clusters/.git/config", "`.git` components are not allowed"),
        ("clusters/a\\b", "backslashes are not allowed"),
    ])
    func invalidPathIsRejectedBeforeAnythingIsWritten(path: String, reason: String) throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        #expect(throws: GitError.invalidPath(path, reason: reason)) {
            try repository.commitTree(sampleTree([path: "x"]), branch: "main", message: "m", author: author,
                                      committer: author, expectedHead: nil, time: fixedTime)
        }
        #expect(try fixture.gitOK(["count-objects"], in: fixture.path("bare")) == "0 objects, 0 kilobytes")
    }

    @Test func fileAndFolderAtTheSamePathIsRejected() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        #expect(throws: GitError.invalidPath("clusters/a/b.yaml", reason: "`clusters/a` is also a file")) {
            try repository.commitTree(sampleTree(["clusters/a": "x", "clusters/a/b.yaml": "y"]), branch: "main",
                                      message: "m", author: author, committer: author, expectedHead: nil, time: fixedTime)
        }
    }

    @Test func emptyFileIsCommitted() throws {
        let fixture = try GitFixture()
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        let commit = try #require(try repository.commitTree(
            sampleTree(["clusters/empty.yaml": ""]), branch: "main", message: "m", author: author,
            committer: author, expectedHead: nil, time: fixedTime).commit)
        #expect(try repository.files(at: commit) == ["clusters/empty.yaml": []])
        // The well-known id of the empty blob.
        #expect(try fixture.gitOK(["rev-parse", "main:clusters/empty.yaml"], in: fixture.path("bare"))
            == "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391")
    }

    @Test(arguments: ["has space", "a..b", "-dash", "end.lock", "x~1", ""])
    func invalidBranchNameIsRejected(name: String) throws {
        let fixture = try GitFixture()
        #expect(throws: GitError.invalidBranchName(name)) {
            try GitRepository.openOrInit(path: fixture.path("r"), initialBranch: name)
        }
        let repository = try GitRepository.initBare(path: fixture.path("bare"))
        #expect(throws: GitError.invalidBranchName(name)) {
            try repository.commitTree(sampleTree(["clusters/a": "a"]), branch: name, message: "m",
                                      author: author, committer: author, expectedHead: nil, time: fixedTime)
        }
    }
}
