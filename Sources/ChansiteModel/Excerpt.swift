import ChansiteCore

/// A post's one-paragraph summary, cut from the start of its shown text in one pass over its
/// UTF-8 bytes. Listings, day and month pages, feeds and descriptions each ask for it (about
/// five times a post in a build), and the scalar-by-scalar version was 6 % of a build's CPU.
/// The rule: the first `2 × limit + 16` scalars, line breaks (LF, CR) as spaces, trimmed of
/// space-like scalars; when more than `limit` scalars remain, cut at the last space before
/// the limit if it lies past half of it, else just after the limit (keeping joiners and
/// combining marks with what they join), trimmed again, with an ellipsis.
enum Excerpt {
    static func of(_ text: String, limit: Int) -> String {
        var text = text
        return text.withUTF8 { make(from: $0, limit: limit) }
    }

    static func make(from bytes: UnsafeBufferPointer<UInt8>, limit: Int) -> String {
        let most = limit * 2 + 16
        var starts: [Int] = []
        var values: [UInt32] = []
        starts.reserveCapacity(min(most, bytes.count))
        values.reserveCapacity(min(most, bytes.count))
        var i = 0
        while i < bytes.count, starts.count < most {
            let (value, length) = decode(bytes, at: i)
            starts.append(i)
            values.append(value == 0x0A || value == 0x0D ? 0x20 : value)
            i += length
        }
        let end = i
        func byteEnd(_ scalar: Int) -> Int { scalar + 1 < starts.count ? starts[scalar + 1] : end }
        guard let first = values.firstIndex(where: { !isSpaceLike($0) }), let last = values.lastIndex(where: { !isSpaceLike($0) }) else {
            return ""
        }
        if last - first + 1 <= limit { return string(bytes, starts[first]..<byteEnd(last)) }
        var cut = first + limit
        if let space = values[first..<cut].lastIndex(where: isSpaceLike), space - first > limit / 2 {
            cut = space
        } else {
            // No space to cut at: at least keep joiners and modifiers with their emoji.
            while cut <= last, values[cut] == 0x200D || Unicode.Scalar(values[cut])?.properties.isGraphemeExtend == true { cut += 1 }
        }
        guard let kept = values[first..<cut].lastIndex(where: { !isSpaceLike($0) }) else { return "…" }
        return string(bytes, starts[first]..<byteEnd(kept)) + "…"
    }

    /// The bytes as text, line breaks as spaces.
    static func string(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        String(unsafeUninitializedCapacity: range.count) { out in
            for (n, byte) in bytes[range].enumerated() { out[n] = byte == 0x0A || byte == 0x0D ? 0x20 : byte }
            return range.count
        }
    }

    /// The scalar at `i` of valid UTF-8 (a Swift string's) and its length in bytes.
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (UInt32, Int) {
        let lead = UInt32(bytes[i])
        func next(_ k: Int) -> UInt32 { UInt32(bytes[i + k] & 0x3F) }
        switch lead {
        case ..<0x80: return (lead, 1)
        case ..<0xE0: return ((lead & 0x1F) << 6 | next(1), 2)
        case ..<0xF0: return ((lead & 0x0F) << 12 | next(1) << 6 | next(2), 3)
        default: return ((lead & 0x07) << 18 | next(1) << 12 | next(2) << 6 | next(3), 4)
        }
    }

    static func isSpaceLike(_ value: UInt32) -> Bool {
        Unicode.Scalar(value)?.isSpaceLike ?? false
    }
}
