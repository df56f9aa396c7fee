import CLibGit2

/// Owns one libgit2 object and frees it exactly once, when the Swift owner goes away.
///
/// Every C object the module creates lives in one of these, so no code path can leak or
/// double-free; the pointer never escapes the module's public API.
final class GitPointer<Pointer> {
    let pointer: Pointer
    private let free: (Pointer) -> Void

    /// Runs a libgit2 constructor that writes its result through an out-parameter.
    init(create: (UnsafeMutablePointer<Pointer?>) -> Int32, free: @escaping (Pointer) -> Void) throws {
        LibGit2.initialize()
        var out: Pointer?
        try GitError.check(create(&out))
        guard let out else {
            throw GitError.libgit2(code: -1, klass: 0, message: "libgit2 reported success but returned no object")
        }
        self.pointer = out
        self.free = free
    }

    deinit { free(pointer) }
}
