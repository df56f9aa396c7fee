import Foundation

/// The hidden timing line of `platformc commit`, for benchmarks: with `PLATFORMC_PROFILE=1` the
/// command prints `{"compileSeconds": x, "commitSeconds": y}` to stderr (monotonic clock), so the
/// commit's own share is measured in the process instead of as the difference of two process
/// walls. compileSeconds runs from the start of the command to the end of the compile;
/// commitSeconds from there to the end of the commit, work-tree update included (push excluded).
/// Nothing is printed without the variable.
struct CommitProfile {
    let compile: Duration
    let commit: Duration

    func print() {
        let line = "{\"compileSeconds\": \(Self.seconds(compile)), \"commitSeconds\": \(Self.seconds(commit))}\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    private static func seconds(_ duration: Duration) -> String {
        let (whole, attoseconds) = duration.components
        return String(format: "%.6f", Double(whole) + Double(attoseconds) / 1e18)
    }
}
