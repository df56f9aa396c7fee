import Foundation
// TEMPORARY profiling aid (not to be committed).
public enum PhaseTimer {
    nonisolated(unsafe) static var last = Date()
    public static let enabled = ProcessInfo.processInfo.environment["PLATFORMC_TIMING"] != nil
    public static func mark(_ name: String) {
        guard enabled else { return }
        let now = Date()
        FileHandle.standardError.write("\(name): \(String(format: "%.3f", now.timeIntervalSince(last)))\n".data(using: .utf8)!)
        last = now
    }
}
