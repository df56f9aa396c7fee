import CLibGit2

/// libgit2 must be initialised once per process before any other call. A Swift global is
/// initialised lazily under `swift_once`, so the first touch from any thread runs
/// `git_libgit2_init` exactly once. We never shut it down: objects may outlive any scope we
/// could pick, and the process exit releases everything anyway.
private let libgit2Initialized: Int32 = git_libgit2_init()

enum LibGit2 {
    /// Ensures `git_libgit2_init` has run; cheap after the first call.
    static func initialize() {
        _ = libgit2Initialized
    }
}

/// Calls `body` with a one-element `git_strarray` holding `refspec` (fetch and push take lists).
func withRefspec(_ refspec: String, _ body: (UnsafeMutablePointer<git_strarray>) -> Int32) -> Int32 {
    refspec.withCString { spec in
        var strings: [UnsafeMutablePointer<CChar>?] = [UnsafeMutablePointer(mutating: spec)]
        return strings.withUnsafeMutableBufferPointer { buffer in
            var refspecs = git_strarray(strings: buffer.baseAddress, count: 1)
            return body(&refspecs)
        }
    }
}
