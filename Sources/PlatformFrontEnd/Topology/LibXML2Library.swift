import CLibXML2

/// libxml2's global state, set up once before any parse or save: without `xmlInitParser`, threads
/// that parse at once race to build the encoding handlers (1 in 1,500 parallel runs crashed in
/// `xmlFindCharEncodingHandler`). A static let runs its initialiser exactly once, thread-safely.
enum LibXML2Library {
    private static let initialised: Bool = {
        xmlInitParser()
        return true
    }()

    /// Call before any libxml2 use; costs one atomic load after the first time.
    static func ensureInitialised() { _ = initialised }
}
