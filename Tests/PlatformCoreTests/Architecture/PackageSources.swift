import Foundation

/// The package's own Swift files, for the tests that read its sources (layering, folders, line
/// length, concurrency rules).
enum PackageSources {
    /// Every Swift file under `folder`, in path order.
    static func swiftFiles(_ folder: URL) -> [URL] {
        let files = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)?
            .compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" } ?? []
        return files.sorted { $0.path < $1.path }
    }
}
