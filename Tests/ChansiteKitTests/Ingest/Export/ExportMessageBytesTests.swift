import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// Most messages are read from their bytes in place (`ExportJSON.ByteFields` over `JSONBytes`)
/// and the rest by `JSONDecoder`: the fast path must give the decoder's message exactly, or
/// decline. Checked on every fixture export's messages, on those messages with values swapped
/// for every kind of JSON value at random, and on random JSON-like bytes.
struct ExportMessageBytesTests {
    /// The decoder's reading of `bytes`, and the fast path's (nil when it declines).
    static func both(_ bytes: [UInt8]) -> (decoded: ExportJSON.Message?, fast: ExportJSON.Message?) {
        let decoded = try? ExportReader.messageDecoder.decode(ExportJSON.Message.self, from: Data(bytes))
        let fast = bytes.withUnsafeBufferPointer { ExportJSON.Message(bytes: $0, range: 0..<$0.count) }
        return (decoded, fast)
    }

    /// Every message of every fixture export, as its bytes.
    static func fixtureMessages() throws -> [[UInt8]] {
        let root = TestSupport.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports")
        let files = FileManager.default.enumerator(atPath: root.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix("result.json") }
        var messages: [[UInt8]] = []
        for file in (files ?? []).sorted() {
            let bytes = [UInt8](try Data(contentsOf: root.appendingPathComponent(file)))
            let arrays = bytes.withUnsafeBufferPointer { JSONMessageArrays.scan($0) }
            messages += arrays.flatMap(\.elements).map { Array(bytes[$0]) }
        }
        return messages
    }

    @Test func theFastPathReadsEveryFixtureMessageAsTheDecoderDoes() throws {
        let messages = try Self.fixtureMessages()
        #expect(messages.count > 100)
        var fast = 0
        for bytes in messages {
            let read = Self.both(bytes)
            if let message = read.fast {
                fast += 1
                #expect(message == read.decoded, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
        // Polls, to-do lists, giveaways and broken messages are the decoder's; the rest are not.
        #expect(fast * 10 > messages.count * 7, "only \(fast) of \(messages.count) messages read in place")
    }

    @Test func commonMessagesTakeTheFastPath() {
        let messages = [
            #"{"id": 12, "type": "message", "date": "2024-01-02T03:04:05", "date_unixtime": "1704164645", "from": "Chan", "from_id": "channel77", "text": "hello \u00e9 \ud83d\ude00 \"q\" \/", "text_entities": [{"type": "plain", "text": "hello é 😀 \"q\" /"}]}"#,
            #"{"id": 13, "type": "message", "photo": "photos/a.jpg", "width": 800, "height": 600, "text": ["see ", {"type": "text_link", "text": "this", "href": "https://example.org/?a=1&b=2"}, {"type": "mention_name", "text": "Ann", "user_id": 42}, {"type": "custom_emoji", "text": "🙂", "document_id": "5368324170671202286"}, {"type": "blockquote", "text": "q", "collapsed": true}], "reactions": [{"type": "emoji", "count": 3, "emoji": "👍"}, {"type": "paid", "count": 1}], "edited_unixtime": "1704164700", "reply_to_message_id": 12, "future_key": {"a": [1, 2.5e3, null]}}"#,
            #"{"id": 14, "type": "service", "actor": "Chan", "action": "pin_message", "message_id": 13, "text": ""}"#,
        ]
        for json in messages {
            let read = Self.both(Array(json.utf8))
            #expect(read.fast != nil, "declined: \(json)")
            #expect(read.fast == read.decoded)
        }
        #expect(Self.both(Array(messages[1].utf8)).fast?.unknownKeys == ["future_key"])
    }

    /// Values a hostile or broken export can hold where a field expects another kind.
    static let values = [
        "0", "-0", "7", "-12", "1.5", "1e3", "1E-2", "123456789012345678", "1234567890123456789", "12345678901234567890", "true", "false",
        "null", "\"\"", "\"x\"", "\"12\"", #""\u00e9\ud83d\ude00""#, #""\ud800""#, #""\udc00x""#, #""a\/b\\c\"d\n""#, "[]", "{}", "[1]", #"["a"]"#,
        #"[{"type": 1, "text": "x"}]"#, #"[{"type": "bold", "text": null, "user_id": 1.5}]"#, #"[{"text": "x", "document_id": 5}]"#,
        #"[{"text": "x", "collapsed": "yes"}]"#, #"[{"text": "x", "text": "y"}]"#, #"[{"emoji": "👍", "count": "2"}]"#, "[[]]", "[null]",
        #"{"question": "q"}"#, #""\u0000""#,
    ]

    static let keys = [
        "id", "type", "date_unixtime", "from_id", "text", "text_entities", "photo", "width", "file_size", "photo_file_size", "reactions",
        "media_spoiler", "reply_to_message_id", "message_id", "poll", "stars", "completed", "duration_seconds", "future", "i\\u0064",
    ]

    /// Fixture messages with one to three keys set to values of every kind (added, replaced,
    /// repeated): the fast path gives the decoder's message or declines, and declines whatever
    /// the decoder refuses.
    @Test func valuesOfEveryKindReadAsTheDecoderReadsThem() throws {
        let messages = try Self.fixtureMessages()
        var random = SeededRandom(state: 4)
        var agreed = 0
        for _ in 0..<4_000 {
            var json = String(decoding: messages[Int.random(in: 0..<messages.count, using: &random)], as: UTF8.self)
            for _ in 0..<Int.random(in: 1...3, using: &random) {
                let key = Self.keys[Int.random(in: 0..<Self.keys.count, using: &random)]
                let value = Self.values[Int.random(in: 0..<Self.values.count, using: &random)]
                // After the opening brace: a new key, or a second one that repeats a key.
                json = "{\"\(key)\": \(value), " + json.drop(while: { $0 != "{" }).dropFirst()
            }
            let read = Self.both(Array(json.utf8))
            if let fast = read.fast {
                agreed += 1
                #expect(fast == read.decoded, "\(json)")
            }
        }
        #expect(agreed > 200)
    }

    @Test func randomBytesNeverReadDifferently() {
        var random = SeededRandom(state: 9)
        for _ in 0..<5_000 {
            let bytes = Array(#"{"id": 1, "text": "#.utf8) + JSONLikeBytes.make(&random)
            let read = Self.both(bytes)
            if let fast = read.fast {
                #expect(fast == read.decoded, "\(String(decoding: bytes, as: UTF8.self))")
            }
        }
    }

    /// Strings, numbers and literals read alone, against the decoder's reading.
    @Test func stringsAndNumbersReadAsTheDecoderReadsThem() {
        for json in Self.values + [
            #""\b\f\r\t""#, #""\u20AC\uD834\uDD1E""#, #""\x""#, #""\u12""#, "\"tab\tin\"", "01", "-", "1.", ".5", "tru", "nul",
        ] {
            let bytes = Array(json.utf8)
            bytes.withUnsafeBufferPointer { buffer in
                let read = JSONBytes(buffer, range: 0..<buffer.count)
                let string = try? JSONDecoder().decode(String.self, from: Data(bytes))
                let valid = (try? JSONSerialization.jsonObject(with: Data(bytes), options: .fragmentsAllowed)) != nil
                if read != nil { #expect(valid, "\(json) read but is not JSON") }
                if let read, let fast = read.string(read.root) { #expect(fast == string, "\(json)") }
                if let read, let fast = read.integerText(read.root) {
                    #expect(fast == (try? JSONDecoder().decode(Int64.self, from: Data(bytes))).map(String.init), "\(json)")
                }
            }
        }
    }

    /// Nesting and width a hostile export can have: the fast path declines in bounded time and
    /// stack, and the decoder says what is wrong.
    @Test func deepAndWideMessagesAreLeftToTheDecoder() {
        let deep = #"{"id": 1, "x": "# + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000) + "}"
        let wide = "{" + (0..<1_000).map { "\"k\($0)\": \($0)" }.joined(separator: ", ") + ", \"id\": 1}"
        for json in [deep, wide] {
            let bytes = Array(json.utf8)
            #expect(bytes.withUnsafeBufferPointer { ExportJSON.Message(bytes: $0, range: 0..<$0.count) } == nil)
        }
        let read = ExportReader().read(path: "e/result.json", data: Data(#"{"name": "C", "type": "public_channel", "messages": [\#(wide)]}"#.utf8))
        #expect(read.dumps.first?.posts.isEmpty == false || read.dumps.first?.diagnostics.isEmpty == false)
    }
}
