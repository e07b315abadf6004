#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where two byte buffers agree at their start and at their end: what an edit of a large file
/// left as it was. Compared a block at a time by `memcmp`, then byte by byte inside the first
/// block that differs.
package enum ByteRuns {
    static let block = 4096

    /// How many bytes at the start of `a` and `b` are the same, up to `limit`.
    package static func commonPrefix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let limit = min(limit, a.count, b.count)
        guard limit > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        var i = 0
        while i + block <= limit, memcmp(pa + i, pb + i, block) == 0 { i += block }
        while i < limit, pa[i] == pb[i] { i += 1 }
        return i
    }

    /// How many bytes at the end of `a` and `b` are the same, up to `limit`.
    package static func commonSuffix(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>, limit: Int) -> Int {
        let limit = min(limit, a.count, b.count)
        guard limit > 0, let pa = a.baseAddress, let pb = b.baseAddress else { return 0 }
        let ea = pa + a.count
        let eb = pb + b.count
        var n = 0
        while n + block <= limit, memcmp(ea - n - block, eb - n - block, block) == 0 { n += block }
        while n < limit, ea[-n - 1] == eb[-n - 1] { n += 1 }
        return n
    }
}
