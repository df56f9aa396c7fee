extension String {
    /// Runs `body` over the UTF-8 bytes without making the string mutable (`withUTF8` is
    /// `mutating`): in place for a native string, whose bytes always are contiguous; a copy only
    /// for a bridged one. Hot byte loops (map key search, scalar styling, name checks) use it.
    package func withUTF8Bytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        if let result = utf8.withContiguousStorageIfAvailable(body) { return result }
        return Array(utf8).withUnsafeBufferPointer(body)
    }
}
