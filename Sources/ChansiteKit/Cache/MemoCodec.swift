import ChansiteRender
import Foundation

/// How the per-channel values the render reads are kept in the build cache (`DiskMemo`): lists
/// of texts and numbers, little-endian, each text its 4-byte length (0xFFFFFFFF: none) and its
/// UTF-8. A value that does not read back whole is nil, and is made again.
enum MemoCodec {
    static let none = UInt64(UInt32.max)

    static func append(_ text: String?, to bytes: inout [UInt8]) {
        CacheReader.append(text.map { UInt64($0.utf8.count) } ?? none, size: 4, to: &bytes)
        if let text { bytes += text.utf8 }
    }

    static func append(_ number: Int?, to bytes: inout [UInt8]) {
        CacheReader.append(number.map { UInt64(truncatingIfNeeded: $0) } ?? none, size: 4, to: &bytes)
    }

    /// Reads the values `append` wrote, in order; nil once anything is out of place.
    struct Reader {
        var reader: CacheReader
        var at = 0
        let count: Int

        init(_ data: Data) {
            reader = CacheReader(bytes: Array(data))
            count = data.count
        }

        var isAtEnd: Bool { at == count }

        mutating func text() -> String?? {
            guard let length = reader.integer(at: at, size: 4) else { return nil }
            if length == none {
                at += 4
                return .some(nil)
            }
            guard let bytes = reader.block(at: &at, lengthBytes: 4) else { return nil }
            return .some(String(decoding: bytes, as: UTF8.self))
        }

        mutating func number() -> Int?? {
            guard let value = reader.integer(at: at, size: 4) else { return nil }
            at += 4
            return value == none ? .some(nil) : .some(Int(value))
        }

        /// A count of items that each take at least `least` bytes: never more than the bytes left.
        mutating func count(least: Int) -> Int? {
            guard let value = number(), let count = value, count <= (self.count - at) / least else { return nil }
            return count
        }

        mutating func texts() -> [String]? {
            guard let count = count(least: 4) else { return nil }
            var texts: [String] = []
            texts.reserveCapacity(count)
            for _ in 0..<count {
                guard let text = text(), let text else { return nil }
                texts.append(text)
            }
            return texts
        }
    }

    /// A count, then each text (or none).
    static func encode(_ texts: [String?]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4 + texts.count * 68)
        append(texts.count, to: &bytes)
        for text in texts { append(text, to: &bytes) }
        return bytes
    }

    static func decodeOptionalTexts(_ data: Data) -> [String?]? {
        var reader = Reader(data)
        guard let count = reader.count(least: 4) else { return nil }
        var texts: [String?] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = reader.text() else { return nil }
            texts.append(text)
        }
        return reader.isAtEnd ? texts : nil
    }

    /// A count, then each text.
    static func encode(_ texts: [String]) -> [UInt8] {
        encode(texts.map { Optional($0) })
    }

    static func decodeTexts(_ data: Data) -> [String]? {
        var reader = Reader(data)
        guard let texts = reader.texts(), reader.isAtEnd else { return nil }
        return texts
    }

    static func encode(_ queries: OutsideQueries) -> [UInt8] {
        var bytes: [UInt8] = []
        for list in [queries.links, queries.forwards] {
            append(list.count, to: &bytes)
            for text in list { append(text, to: &bytes) }
        }
        return bytes
    }

    static func decodeOutside(_ data: Data) -> OutsideQueries? {
        var reader = Reader(data)
        guard let links = reader.texts(), let forwards = reader.texts(), reader.isAtEnd else { return nil }
        return OutsideQueries(links: links, forwards: forwards)
    }

    /// Each kind in `allCases` order: its item count (none for a kind without items), then
    /// each item's post, media file and link.
    static func encode(_ galleries: [ChannelGalleries.Kind: [ChannelGalleries.Item]]) -> [UInt8] {
        var bytes: [UInt8] = []
        for kind in ChannelGalleries.Kind.allCases {
            guard let items = galleries[kind] else {
                append(nil as Int?, to: &bytes)
                continue
            }
            append(items.count, to: &bytes)
            for item in items {
                append(item.post, to: &bytes)
                append(item.media, to: &bytes)
                append(item.link, to: &bytes)
            }
        }
        return bytes
    }

    static func decodeGalleries(_ data: Data) -> [ChannelGalleries.Kind: [ChannelGalleries.Item]]? {
        var reader = Reader(data)
        var galleries: [ChannelGalleries.Kind: [ChannelGalleries.Item]] = [:]
        for kind in ChannelGalleries.Kind.allCases {
            guard let present = reader.number() else { return nil }
            guard let count = present else { continue }
            guard count <= (reader.count - reader.at) / 12 else { return nil }
            var items: [ChannelGalleries.Item] = []
            items.reserveCapacity(count)
            for _ in 0..<count {
                guard let post = reader.number(), let post, let media = reader.number(), let link = reader.text() else { return nil }
                items.append(ChannelGalleries.Item(post: post, media: media, link: link))
            }
            galleries[kind] = items
        }
        return reader.isAtEnd ? galleries : nil
    }
}
