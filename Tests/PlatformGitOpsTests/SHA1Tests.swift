@testable import PlatformGitOps
import Testing

/// The pack trailer's SHA-1 against the FIPS 180 examples, whole and fed in pieces.
@Suite struct SHA1Tests {
    private func hex(_ bytes: [UInt8]) -> String {
        bytes.map { String($0, radix: 16) }.map { $0.count == 1 ? "0" + $0 : $0 }.joined()
    }

    private func digest(_ text: String) -> String {
        var sha = SHA1()
        sha.update(Array(text.utf8))
        return hex(sha.finish())
    }

    @Test func knownDigests() {
        #expect(digest("") == "da39a3ee5e6b4b0d3255bfef95601890afd80709")
        #expect(digest("abc") == "a9993e364706816aba3e25717850c26c9cd0d89d")
        #expect(digest("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") == "84983e441c3bd26ebaae4aa1f95129e5e54670f1")
        #expect(digest(String(repeating: "a", count: 1_000_000)) == "34aa973cd4c4daa4f61eeb2bdbad27316534016f")
    }

    @Test func piecesOfAnySizeGiveTheSameDigest() {
        let bytes = (0..<1_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) }
        var whole = SHA1()
        whole.update(bytes)
        let expected = whole.finish()
        for piece in [1, 3, 63, 64, 65, 200] {
            var sha = SHA1()
            for start in stride(from: 0, to: bytes.count, by: piece) { sha.update(Array(bytes[start..<min(bytes.count, start + piece)])) }
            #expect(sha.finish() == expected, "pieces of \(piece)")
        }
    }
}
