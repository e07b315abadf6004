extension String {
    /// The text with every occurrence of `target` replaced, compared byte for byte. Foundation's
    /// `replacingOccurrences` compares as Unicode text and costs far more; placeholders
    /// (`{n}`) and markers are ASCII, for which bytes and characters agree.
    package func replacingBytes(of target: String, with replacement: String) -> String {
        let needle = Array(target.utf8)
        // Most texts have no match: memchr-based search first, nothing copied.
        guard let first = needle.first, containsBytes(target) else { return self }
        var out: [UInt8] = []
        var found = false
        var text = self
        text.withUTF8 { bytes in
            var i = 0
            var copied = 0
            while i + needle.count <= bytes.count {
                if bytes[i] == first, bytes[i..<(i + needle.count)].elementsEqual(needle) {
                    if !found {
                        found = true
                        out.reserveCapacity(bytes.count + replacement.utf8.count)
                    }
                    out.append(contentsOf: bytes[copied..<i])
                    out.append(contentsOf: replacement.utf8)
                    i += needle.count
                    copied = i
                } else {
                    i += 1
                }
            }
            if found { out.append(contentsOf: bytes[copied...]) }
        }
        return found ? String(decoding: out, as: UTF8.self) : self
    }
}

extension String {
    /// The text with each `{name}` placeholder replaced by `values[name]`, in one pass: a value
    /// that itself holds `{…}` (a channel called `{n}`) is never filled in again. Unknown names
    /// stay as written.
    package func fillingPlaceholders(_ values: [String: String]) -> String {
        guard containsByte(UInt8(ascii: "{")) else { return self }
        var out = ""
        var rest = self[...]
        while let open = rest.utf8.firstIndex(of: UInt8(ascii: "{")) {
            guard let close = rest.utf8[open...].firstIndex(of: UInt8(ascii: "}")) else { break }
            out += rest[..<open]
            let name = String(rest[rest.index(after: open)..<close])
            if let value = values[name] {
                out += value
                rest = rest[rest.index(after: close)...]
            } else {
                out += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return out + rest
    }
}
