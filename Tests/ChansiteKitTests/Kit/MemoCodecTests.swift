import Foundation
import Testing

@testable import ChansiteKit
@testable import ChansiteRender

/// The per-channel values kept in the build cache: what is written is read back whole, and
/// bytes cut short or with anything added are nil (the value is then made again).
@Suite struct MemoCodecTests {
    @Test func outsideQueriesAreReadBack() throws {
        let queries = OutsideQueries(links: ["https://t.me/a/1", "", "ссылка/2"], forwards: ["channel100", "🙂"])
        let bytes = MemoCodec.encode(queries)
        let read = try #require(MemoCodec.decodeOutside(Data(bytes)))
        #expect(read.links == queries.links && read.forwards == queries.forwards)
        let empty = try #require(MemoCodec.decodeOutside(Data(MemoCodec.encode(OutsideQueries(links: [], forwards: [])))))
        #expect(empty.links.isEmpty && empty.forwards.isEmpty)
        for length in 0..<bytes.count { #expect(MemoCodec.decodeOutside(Data(bytes.prefix(length))) == nil, "cut to \(length)") }
        #expect(MemoCodec.decodeOutside(Data(bytes + [0])) == nil)
    }

    @Test func galleriesAreReadBack() throws {
        let galleries: [ChannelGalleries.Kind: [ChannelGalleries.Item]] = [
            .photos: [ChannelGalleries.Item(post: 3, media: 0), ChannelGalleries.Item(post: 70_000, media: 12)],
            .links: [ChannelGalleries.Item(post: 0, link: "https://example.org/ü?q=1"), ChannelGalleries.Item(post: 1, link: "")],
        ]
        let bytes = MemoCodec.encode(galleries)
        let read = try #require(MemoCodec.decodeGalleries(Data(bytes)))
        #expect(read == galleries)
        #expect(MemoCodec.decodeGalleries(Data(MemoCodec.encode([:]))) == [:])
        for length in 0..<bytes.count { #expect(MemoCodec.decodeGalleries(Data(bytes.prefix(length))) == nil, "cut to \(length)") }
        #expect(MemoCodec.decodeGalleries(Data(bytes + [0])) == nil)
        // A count larger than the bytes could hold is refused before anything is reserved.
        var huge: [UInt8] = []
        MemoCodec.append(Int(UInt32.max - 1), to: &huge)
        #expect(MemoCodec.decodeGalleries(Data(huge)) == nil)
    }
}
