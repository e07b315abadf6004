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
