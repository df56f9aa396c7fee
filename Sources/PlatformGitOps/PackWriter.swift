import CLibGit2
import CZlib
import PlatformConcurrency

/// An object to store: its git type and its bytes as they are hashed (without the header).
struct PackObject {
    let type: git_object_t
    let bytes: [UInt8]
}

/// Stores objects as one packfile (format version 2) through libgit2's pack indexer
/// (`git_odb_write_pack`), which reads the stream back, computes every object id, writes the
/// `.idx` and renames both files into `objects/pack` before it returns.
///
/// No delta search and no compression: each object is a stored zlib stream (level 0). For a first
/// commit of 31,000 files `git_packbuilder`'s delta search took longer than everything else in the
/// commit, and zlib level 1 (what git uses for loose objects) took 0.4 s of CPU, twice the time
/// of writing and indexing stored objects. The price is space: 29 MB for the 28.6 MB of YAML of
/// the big platform (the git CLI's loose objects of the same tree take 91 MB on disk), until
/// `git gc` repacks the repository with deltas.
enum PackWriter {
    /// zlib's level: stored, see above.
    private static let compression = Z_NO_COMPRESSION

    static func write(_ objects: [PackObject], to odb: OpaquePointer) throws {
        var header: [UInt8] = Array("PACK".utf8)
        for word in [UInt32(2), UInt32(objects.count)] {
            header += (0..<4).map { UInt8(truncatingIfNeeded: word >> (24 - 8 * $0)) }
        }
        let parts = [header] + (try objects.concurrentRuns(of: 256, entries))  // in order, on all cores
        // The trailer's SHA-1 is computed beside the indexer, which reads the same bytes.
        let trailer = Background {
            var checksum = SHA1()
            for part in parts { checksum.update(part) }
            return checksum.finish()
        }
        defer { _ = trailer.value }

        var writepack: UnsafeMutablePointer<git_odb_writepack>?
        try GitError.check(git_odb_write_pack(&writepack, odb, nil, nil))
        guard let writepack else { throw GitError.libgit2(code: -1, klass: 0, message: "no pack writer") }
        defer { writepack.pointee.free?(writepack) }
        var progress = git_indexer_progress()
        func append(_ part: [UInt8]) throws {
            _ = try part.withUnsafeBytes { bytes in
                try GitError.check(writepack.pointee.append!(writepack, bytes.baseAddress, bytes.count, &progress))
            }
        }
        for part in parts { try append(part) }
        try append(trailer.value)
        try GitError.check(writepack.pointee.commit!(writepack, &progress))
    }

    /// Entry header (type and size, 7 bits a byte, low bits first) then the zlib stream, per object.
    private static func entries(_ objects: ArraySlice<PackObject>) throws(GitError) -> [UInt8] {
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        defer { deflateEnd(stream); stream.deallocate() }
        guard deflateInit_(stream, compression, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw GitError.libgit2(code: -1, klass: 0, message: "zlib could not start a stream")
        }
        var out: [UInt8] = []
        for object in objects {
            guard object.bytes.count <= Int(UInt32.max) / 2 else {
                throw GitError.libgit2(code: -1, klass: 0, message: "an object of \(object.bytes.count) bytes is too large to store")
            }
            var size = object.bytes.count
            var byte = UInt8(object.type.rawValue << 4) | UInt8(size & 0x0f)
            size >>= 4
            while size > 0 {
                out.append(byte | 0x80)
                byte = UInt8(size & 0x7f)
                size >>= 7
            }
            out.append(byte)

            deflateReset(stream)
            let bound = Int(deflateBound(stream, uLong(object.bytes.count)))
            let start = out.count
            out.append(contentsOf: repeatElement(0, count: bound))
            let status = out.withUnsafeMutableBufferPointer { buffer in
                object.bytes.withUnsafeBufferPointer { input in
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                    stream.pointee.avail_in = uInt(input.count)
                    stream.pointee.next_out = buffer.baseAddress! + start
                    stream.pointee.avail_out = uInt(bound)
                    return deflate(stream, Z_FINISH)
                }
            }
            guard status == Z_STREAM_END else {
                throw GitError.libgit2(code: -1, klass: 0, message: "zlib could not store an object (\(status))")
            }
            out.removeLast(Int(stream.pointee.avail_out))
        }
        return out
    }
}
