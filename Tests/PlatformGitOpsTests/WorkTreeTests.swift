import Foundation
import PlatformGitOps
import Testing

/// How a commit brings the checked-out files and the index along: only changed paths are touched,
/// local changes are never overwritten (they are kept, while the index moves to the commit), and
/// the git CLI sees a clean work tree afterwards.
@Suite struct WorkTreeTests {
    private func commit(_ repository: GitRepository, _ files: [String: String]) throws -> CommitOutcome {
        try repository.commitTree(sampleTree(files), branch: "main", message: "m", author: author, committer: author,
                                  expectedHead: try repository.head(branch: "main"), time: fixedTime)
    }

    private func thrownError(_ body: () throws -> Void) -> GitError? {
        do { try body() } catch let error as GitError { return error } catch {}
        return nil
    }

    private func read(_ path: String) -> String? { try? String(contentsOfFile: path, encoding: .utf8) }

    @Test func firstCommitIsOnePackAndAnIndexThatMatchesTheFiles() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        var files: [String: String] = [:]
        for i in 0..<300 { files["clusters/c\(i % 7)/team-\(i % 11)/object-\(i).yaml"] = "kind: ConfigMap\nname: o\(i)\n" }
        files["clusters/c0/same-a.yaml"] = "identical\n"
        files["clusters/c1/same-b.yaml"] = "identical\n"
        files["platform.lock.json"] = "{}\n"
        _ = try commit(repository, files)

        #expect(try fixture.gitOK(["count-objects"], in: path) == "0 objects, 0 kilobytes")
        let packs = try FileManager.default.contentsOfDirectory(atPath: path + "/.git/objects/pack").filter { $0.hasSuffix(".pack") }
        #expect(packs.count == 1)
        #expect(try fixture.git(["verify-pack", path + "/.git/objects/pack/" + packs[0]], in: path).status == 0)
        #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
        // The index holds the committed blobs and the stat data of the written files.
        #expect(try fixture.gitOK(["diff-index", "--cached", "HEAD"], in: path) == "")
        #expect(try fixture.git(["diff-files", "--quiet"], in: path).status == 0)
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
        #expect(read(path + "/clusters/c3/team-3/object-3.yaml") == "kind: ConfigMap\nname: o3\n")
    }

    @Test func recommitTouchesOnlyTheChangedFiles() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a/x.yaml": "x\n", "clusters/a/y.yaml": "y\n", "clusters/b/z.yaml": "z\n"])
        let untouched = path + "/clusters/a/y.yaml"
        let before = try FileManager.default.attributesOfItem(atPath: untouched)
        usleep(20_000)

        let outcome = try commit(repository, ["clusters/a/x.yaml": "x2\n", "clusters/a/y.yaml": "y\n", "clusters/c/w.yaml": "w\n"])

        #expect(outcome.stats == ChangeStats(added: ["clusters/c/w.yaml"], changed: ["clusters/a/x.yaml"], removed: ["clusters/b/z.yaml"]))
        let after = try FileManager.default.attributesOfItem(atPath: untouched)
        #expect(after[.modificationDate] as? Date == before[.modificationDate] as? Date)
        #expect(after[.systemFileNumber] as? Int == before[.systemFileNumber] as? Int)
        #expect(read(path + "/clusters/a/x.yaml") == "x2\n")
        #expect(read(path + "/clusters/c/w.yaml") == "w\n")
        // The removed file's emptied folder goes too.
        #expect(!FileManager.default.fileExists(atPath: path + "/clusters/b"))
        #expect(try fixture.gitOK(["status", "--porcelain", "--ignored"], in: path) == "")
        #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
    }

    @Test func fileTurningIntoAFolderAndBackKeepsTheWorkTreeClean() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        for files in [["clusters/a": "file\n"], ["clusters/a/b.yaml": "below\n"], ["clusters/a": "file again\n"]] {
            _ = try commit(repository, files)
            #expect(try fixture.gitOK(["ls-tree", "-r", "--name-only", "HEAD"], in: path) == files.keys.first)
            #expect(read(path + "/" + files.keys.first!) == files.values.first)
            #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
            #expect(try fixture.git(["fsck", "--strict"], in: path).status == 0)
        }
    }

    /// A file platformc did not write is kept; every other path follows the commit, and the index
    /// records the commit everywhere, so the kept file is an unstaged change on top of it.
    @Test func untrackedFileInTheWayIsKeptAndTheRestIsWritten() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a.yaml": "a\n"])
        try "mine\n".write(toFile: path + "/clusters/b.yaml", atomically: false, encoding: .utf8)

        let outcome = try commit(repository, ["clusters/a.yaml": "a2\n", "clusters/b.yaml": "theirs\n"])

        #expect(outcome.stats.keptLocalEdits == ["clusters/b.yaml"])
        #expect(read(path + "/clusters/b.yaml") == "mine\n")
        #expect(read(path + "/clusters/a.yaml") == "a2\n")
        try expectIndexAtHead(fixture, path, status: " M clusters/b.yaml")
    }

    @Test func untrackedFileWhereAFolderMustGoIsKept() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a.yaml": "a\n"])
        try "mine\n".write(toFile: path + "/clusters/new", atomically: false, encoding: .utf8)

        let outcome = try commit(repository, ["clusters/a.yaml": "a2\n", "clusters/new/x.yaml": "x\n"])

        #expect(outcome.stats.keptLocalEdits == ["clusters/new/x.yaml"])
        #expect(read(path + "/clusters/new") == "mine\n")
        #expect(read(path + "/clusters/a.yaml") == "a2\n")
        #expect(try fixture.gitOK(["diff", "--cached", "--name-only"], in: path) == "")
    }

    /// The index's record of a file (size, times, inode) spares reading it only when all of it matches.
    @Test func editKeepingSizeAndModificationTimeIsStillSeen() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a.yaml": "aaaa\n", "clusters/b.yaml": "b\n"])
        let file = path + "/clusters/a.yaml"
        // An index written after the files' timestamps (as for any commit of many files), so their
        // recorded status counts: a status as new as the index proves nothing (git's racy case).
        usleep(20_000)
        #expect(utimensat(AT_FDCWD, path + "/.git/index", nil, 0) == 0)
        var before = stat()
        #expect(stat(file, &before) == 0)
        let handle = try #require(FileHandle(forWritingAtPath: file))
        try handle.write(contentsOf: Data("bbbb\n".utf8)) // same size, same inode
        try handle.close()
        var times = [before.st_atim, before.st_mtim] // the old times, to the nanosecond
        #expect(utimensat(AT_FDCWD, file, &times, 0) == 0)

        let outcome = try commit(repository, ["clusters/a.yaml": "cccc\n", "clusters/b.yaml": "b2\n"])

        #expect(outcome.stats.keptLocalEdits == ["clusters/a.yaml"])
        #expect(read(file) == "bbbb\n")
        #expect(read(path + "/clusters/b.yaml") == "b2\n")
        try expectIndexAtHead(fixture, path, status: " M clusters/a.yaml")
    }

    @Test func handDeletedFileStaysDeletedWhenChangedAndIsNoEditWhenRemoved() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")
        _ = try commit(repository, ["clusters/a.yaml": "a\n", "clusters/b.yaml": "b\n", "clusters/c.yaml": "c\n"])
        try FileManager.default.removeItem(atPath: path + "/clusters/b.yaml")

        // b is removed by the commit too: nothing to protect.
        _ = try commit(repository, ["clusters/a.yaml": "a\n", "clusters/c.yaml": "c\n"])
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")

        try FileManager.default.removeItem(atPath: path + "/clusters/c.yaml")
        let outcome = try commit(repository, ["clusters/a.yaml": "a2\n", "clusters/c.yaml": "c2\n"])
        #expect(outcome.stats.keptLocalEdits == ["clusters/c.yaml"])
        #expect(!FileManager.default.fileExists(atPath: path + "/clusters/c.yaml"))
        #expect(read(path + "/clusters/a.yaml") == "a2\n")
        try expectIndexAtHead(fixture, path, status: " D clusters/c.yaml")
    }

    /// `git commit -a` after a kept edit commits only the edit: the index never holds the old tree.
    private func expectIndexAtHead(_ fixture: GitFixture, _ path: String, status: String) throws {
        #expect(try fixture.gitOK(["diff", "--cached", "--name-only"], in: path) == "")
        #expect(try fixture.git(["status", "--porcelain"], in: path).output == status + "\n")
    }

    @Test func executableFromAnotherToolIsReplacedThroughLibgit2sCheckout() throws {
        let fixture = try GitFixture()
        let path = fixture.path("gitops")
        _ = try fixture.gitOK(["init", "-q", "-b", "main", path], in: fixture.root.path)
        try FileManager.default.createDirectory(atPath: path + "/clusters", withIntermediateDirectories: true)
        try "#!/bin/sh\n".write(toFile: path + "/clusters/run.sh", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: path + "/clusters/run.sh")
        _ = try fixture.gitOK(["add", "."], in: path)
        _ = try fixture.gitOK(["commit", "-q", "-m", "exec"], in: path)
        let repository = try GitRepository.openOrInit(path: path, initialBranch: "main")

        let outcome = try commit(repository, ["clusters/run.sh": "plain\n"])

        #expect(outcome.stats == ChangeStats(changed: ["clusters/run.sh"]))
        #expect(try fixture.gitOK(["ls-tree", "HEAD", "clusters/run.sh"], in: path).hasPrefix("100644 blob"))
        #expect(read(path + "/clusters/run.sh") == "plain\n")
        #expect(try fixture.gitOK(["status", "--porcelain"], in: path) == "")
    }
}

extension CommitOutcome {
    /// The change of a commit; empty when nothing was committed.
    var stats: ChangeStats {
        if case .committed(_, let stats) = self { return stats }
        return ChangeStats()
    }
}
