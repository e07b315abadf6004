extension String {
    /// The same text in storage of exactly its size. A string grown by appending keeps up to
    /// twice the room it needs; texts kept for the whole build (post texts, summaries) are
    /// copied once into a tight buffer, which at 100k posts saves tens of megabytes.
    package var compacted: String {
        var text = self
        let count = text.utf8.count
        // Small strings live inline, with no storage to trim.
        guard count > 15 else { return text }
        return text.withUTF8 { bytes in
            String(unsafeUninitializedCapacity: count) { buffer in
                _ = buffer.initialize(fromContentsOf: bytes)
                return count
            }
        }
    }

    /// The lines joined by `separator`, in storage sized once (`joined` grows as it goes).
    package static func joined<Lines: Collection<String>>(_ lines: Lines, separator: String) -> String {
        guard lines.count > 1 else { return lines.first ?? "" }
        let total = lines.reduce(separator.utf8.count * (lines.count - 1)) { $0 + $1.utf8.count }
        var text = ""
        text.reserveCapacity(total)
        for (n, line) in lines.enumerated() {
            if n > 0 { text += separator }
            text += line
        }
        return text
    }
}
