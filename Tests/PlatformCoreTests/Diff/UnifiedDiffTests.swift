import PlatformCore
import Testing

@Suite struct UnifiedDiffTests {
    @Test func equalTextsHaveNoDiff() {
        #expect(UnifiedDiff.render(path: "a.yaml", old: "x\n", new: "x\n") == "")
    }

    @Test func oneChangedLineWithContext() {
        let old = (1...10).map { "line \($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "line 6\n", with: "line six\n")
        #expect(UnifiedDiff.render(path: "f.yaml", old: old, new: new) == """
        --- a/f.yaml
        +++ b/f.yaml
        @@ -3,7 +3,7 @@
         line 3
         line 4
         line 5
        -line 6
        +line six
         line 7
         line 8
         line 9

        """)
    }

    @Test func addedAndRemovedFiles() {
        #expect(UnifiedDiff.render(path: "n.yaml", old: nil, new: "a\nb\n") == "--- /dev/null\n+++ b/n.yaml\n@@ -0,0 +1,2 @@\n+a\n+b\n")
        #expect(UnifiedDiff.render(path: "o.yaml", old: "a\n", new: nil) == "--- a/o.yaml\n+++ /dev/null\n@@ -1 +0,0 @@\n-a\n")
    }

    @Test func distantEditsMakeTwoHunks() {
        let old = (1...30).map { "l\($0)\n" }.joined()
        let new = old.replacingOccurrences(of: "l2\n", with: "L2\n").replacingOccurrences(of: "l28\n", with: "L28\n")
        let diff = UnifiedDiff.render(path: "f", old: old, new: new)
        #expect(diff.components(separatedBy: "\n").filter { $0.hasPrefix("@@") } == ["@@ -1,5 +1,5 @@", "@@ -25,6 +25,6 @@"])
    }

    @Test func missingFinalNewlineIsMarked() {
        #expect(UnifiedDiff
            .render(path: "f", old: "a\n", new: "a") == "--- a/f\n+++ b/f\n@@ -1 +1 @@\n-a\n+a\n\\ No newline at end of file\n")
    }
}
