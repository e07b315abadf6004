import ChansiteCore

/// A post's text: held in memory, or written out to the build's scratch file and read back
/// each time it is asked for.
///
/// A build reads each text a few times across its stages (the model's slugs and keys, the
/// post's page, its summary, the search index), but holds all of them from the parse to the
/// end: at 100k posts they were 170 MB of a 444 MB heap. Out in the scratch file they wait in
/// the page cache, not in the process's memory (`Post.spillText`). Equal by their characters,
/// wherever they are held.
package enum PostText: Sendable, Hashable {
    case held(String)
    case spilled(ScratchFile, ScratchFile.Slice)

    /// Texts shorter than this stay in memory: a slice and a file reference take about as much.
    package static let spillFrom = 64
    /// Texts longer than this stay in memory too. Read back, a text is a copy of its own for
    /// each reader, and a text this long (only a text copy makes one: Telegram caps a message
    /// at 4,096 characters) is read by several stages at once: a 95 MB line cost 1.4 GB read
    /// back, 620 MB held once (`scripts/bench-large-inputs.sh`).
    package static let spillUpTo = 256 << 10

    /// Whether a text of `utf8Count` bytes waits on disk in a build.
    package static func spills(utf8Count: Int) -> Bool {
        utf8Count >= spillFrom && utf8Count <= spillUpTo
    }

    /// The text.
    package var string: String {
        switch self {
        case .held(let text): text
        case .spilled(let file, let slice): file.read(slice)
        }
    }

    /// Its length in UTF-8 bytes, without reading a spilled text back.
    package var utf8Count: Int {
        switch self {
        case .held(let text): text.utf8.count
        case .spilled(_, let slice): slice.count
        }
    }

    package static func == (a: PostText, b: PostText) -> Bool {
        if case .spilled(let fileA, let sliceA) = a, case .spilled(let fileB, let sliceB) = b, fileA === fileB,
            sliceA.offset == sliceB.offset, sliceA.count == sliceB.count
        {
            return true
        }
        return a.utf8Count == b.utf8Count && a.string == b.string
    }

    package func hash(into hasher: inout Hasher) { hasher.combine(string) }
}
