import ChansiteCore
import Foundation

/// Every page URL the site has published, with what each showed (`PageIdentity`), kept in the
/// work folder across builds and versions: a URL that stops being a page becomes a redirect
/// to where its page went, or a "removed" page, never a 404.
///
/// Stored as lines of tab-separated fields after a header (`chansite-urls 1`):
/// `path  kind  key  channel|-  sketch|-`, sorted by path. Its format changes only with its
/// header, never with chansite's version: a history must outlive upgrades.
package struct URLHistory: Sendable, Equatable {
    package struct Entry: Sendable, Hashable {
        package var kind: PageIdentity.Kind
        package var key: UInt64
        package var channel: UInt64?
        /// The words of a text copy's post, to find it again after an edit.
        package var sketch: WordSketch?

        package init(_ identity: PageIdentity, sketch: WordSketch? = nil) {
            kind = identity.kind
            key = identity.key
            channel = identity.channel
            self.sketch = sketch
        }
    }

    package static let header = "chansite-urls 1"
    package var pages: [String: Entry] = [:]

    package init(pages: [String: Entry] = [:]) { self.pages = pages }

    /// The history in `data`; lines that are not well-formed are skipped with one warning
    /// naming the first (a hand-edited or damaged file loses only those URLs). Read as bytes:
    /// splitting 20 MB into lines and fields as `Character`s took a second at 100k posts.
    package static func parse(_ data: Data, path: String) -> (history: URLHistory, diagnostics: [Diagnostic]) {
        data.withUnsafeBytes { raw in parse(raw.bindMemory(to: UInt8.self), path: path) }
    }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, path: String) -> (history: URLHistory, diagnostics: [Diagnostic]) {
        // Lines without the empty ones, as `split(separator:)` gives them.
        var lines: [Range<Int>] = []
        var start = 0
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            if end > start { lines.append(start..<end) }
            start = end + 1
        }
        guard let first = lines.first, bytes[first].elementsEqual(header.utf8) else {
            let what = lines.isEmpty ? "is empty" : "is not a chansite URL history (\(header))"
            return (URLHistory(), [.warning("'\(PathName.last(path))' \(what); URLs published before are not kept", at: SourceLocation(path: path))])
        }
        var history = URLHistory()
        history.pages.reserveCapacity(lines.count - 1)
        var bad: (line: Int, count: Int)?
        for (offset, line) in lines.dropFirst().enumerated() {
            if let (page, entry) = Self.entry(UnsafeBufferPointer(rebasing: bytes[line])) {
                history.pages[page] = entry
            } else {
                bad = (bad?.line ?? offset + 2, (bad?.count ?? 0) + 1)
            }
        }
        guard let bad else { return (history, []) }
        return (
            history,
            [.warning("\(Counted.of(bad.count, "line")) of the URL history unreadable and skipped", at: SourceLocation(path: path, line: bad.line))]
        )
    }

    /// A line's page and entry: five tab-separated fields.
    static func entry(_ line: UnsafeBufferPointer<UInt8>) -> (String, Entry)? {
        var fields: [UnsafeBufferPointer<UInt8>] = []
        var start = 0
        while true {
            let end = line[start...].firstIndex(of: 0x09) ?? line.count
            fields.append(UnsafeBufferPointer(rebasing: line[start..<end]))
            if end == line.count { break }
            // A sixth field makes the line unreadable, as does a fourth.
            guard fields.count < 5 else { return nil }
            start = end + 1
        }
        guard fields.count == 5 else { return nil }
        let page = String(decoding: fields[0], as: UTF8.self)
        guard isSitePath(page), let kind = PageIdentity.Kind(rawValue: String(decoding: fields[1], as: UTF8.self)),
            let key = Self.key(fields[2])
        else { return nil }
        let dash = fields[3].elementsEqual("-".utf8)
        let channel = dash ? nil : Self.key(fields[3])
        if !dash, channel == nil { return nil }
        let noSketch = fields[4].elementsEqual("-".utf8)
        let sketch = noSketch ? nil : WordSketch(hexBytes: fields[4])
        if !noSketch, sketch == nil { return nil }
        return (page, Entry(PageIdentity(kind: kind, key: key, channel: channel), sketch: sketch))
    }

    /// Sixteen hex digits (either case), nil otherwise.
    static func key(_ field: UnsafeBufferPointer<UInt8>) -> UInt64? {
        field.count == 16 ? HexBytes.value(field) : nil
    }

    /// A page path the site could have written: relative, `.html`, no hidden or `..` segment,
    /// no control or separator characters, and not in a folder of files that are not pages
    /// (`assets/`, `search/`, `media/`: a redirect there would collide with a file the build
    /// writes later). The file is outside the site; it is still read as input. Checked on its
    /// bytes, as the file system splits a path: a `/` that a combining mark follows is still a
    /// folder's end there (as Characters, `assets/\u{301}x.html` was one segment).
    static func isSitePath(_ page: String) -> Bool {
        // At most 1,024 characters (a byte count above that may still be fewer).
        guard page.utf8.count <= 1024 || page.count <= 1024 else { return false }
        var page = page
        return page.withUTF8 { bytes in
            guard bytes.count >= 5, bytes.suffix(5).elementsEqual(".html".utf8), bytes.first != 0x2F,
                bytes.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 != 0x5C })
            else { return false }
            let segments = bytes.split(separator: 0x2F, omittingEmptySubsequences: false)
            if segments.count > 1, ["assets", "search", "media"].contains(where: { segments[0].elementsEqual($0.utf8) }) { return false }
            return segments.allSatisfy { !$0.isEmpty && $0.first != 0x2E }
        }
    }

    /// The history as its file holds it, handed to `write` in parts of about a megabyte (a
    /// site of 100k posts has a history of some 20 MB, never held whole).
    package func write(_ write: (Data) throws -> Void) rethrows {
        var bytes = [UInt8]()
        bytes.reserveCapacity(1 << 20 + 4096)
        bytes += Self.header.utf8
        bytes.append(0x0A)
        for path in pages.keys.sorted() {
            guard let entry = pages[path] else { continue }
            // Written as bytes: as Strings, each line's hex fields were a tenth of the file's cost.
            bytes += path.utf8
            bytes.append(0x09)
            bytes += entry.kind.rawValue.utf8
            bytes.append(0x09)
            HexBytes.append(entry.key, digits: 16, to: &bytes)
            bytes.append(0x09)
            if let channel = entry.channel { HexBytes.append(channel, digits: 16, to: &bytes) } else { bytes.append(0x2D) }
            bytes.append(0x09)
            if let sketch = entry.sketch { sketch.appendHex(to: &bytes) } else { bytes.append(0x2D) }
            bytes.append(0x0A)
            if bytes.count >= 1 << 20 {
                try write(Data(bytes))
                bytes.removeAll(keepingCapacity: true)
            }
        }
        try write(Data(bytes))
    }
}
