import CJemalloc

/// The process's memory allocator: jemalloc, linked into the executable so that its `malloc`
/// replaces glibc's everywhere (libxml2's trees, cmark's nodes, the Swift runtime). glibc's
/// allocator spent about a third of the HTML reader's time consolidating and unlinking small
/// chunks freed across threads (docs/performance.md); jemalloc's per-thread caches do not.
/// This wrapper is the one file that imports the C module; it reads jemalloc's statistics for
/// `build --verbose`.
enum Allocator {
    /// jemalloc's version, or nil when another allocator answers `malloc` (the library was not
    /// linked ahead of glibc, or a preload replaced it).
    static var version: String? {
        var pointer: UnsafePointer<CChar>?
        var length = MemoryLayout<UnsafePointer<CChar>?>.size
        guard mallctl("version", &pointer, &length, nil, 0) == 0, let pointer else { return nil }
        return String(cString: pointer)
    }

    /// Bytes the program holds and bytes mapped resident by the allocator, refreshed on call.
    static var statistics: (allocated: Int, resident: Int)? {
        // jemalloc caches its statistics; bumping the epoch refreshes them.
        var epoch: UInt64 = 1
        guard mallctl("epoch", nil, nil, &epoch, MemoryLayout<UInt64>.size) == 0 else { return nil }
        guard let allocated = read("stats.allocated"), let resident = read("stats.resident") else { return nil }
        return (allocated, resident)
    }

    private static func read(_ name: String) -> Int? {
        var value = 0
        var length = MemoryLayout<Int>.size
        return mallctl(name, &value, &length, nil, 0) == 0 ? value : nil
    }

    /// Returns the pages freed memory left behind to the system now, rather than over the next
    /// seconds (jemalloc's decay): called between stages, when one stage's working memory
    /// (libxml2's trees, the read files) is gone and the next is about to grow its own.
    static func releaseFreedPages() {
        // MALLCTL_ARENAS_ALL: every arena.
        _ = mallctl("arena.4096.purge", nil, nil, nil, 0)
    }

    /// One line for `--verbose`: the allocator and what it holds now.
    static var summary: String {
        guard let version else { return "allocator: the system's malloc" }
        let release = version.prefix { $0 != "-" }
        guard let (allocated, resident) = statistics else { return "allocator: jemalloc \(release)" }
        return "allocator: jemalloc \(release), \(allocated >> 20) MB allocated, \(resident >> 20) MB resident at the end"
    }
}
