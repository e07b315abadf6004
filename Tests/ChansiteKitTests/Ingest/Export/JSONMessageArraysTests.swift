import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// The export reader finds each chat's messages by a byte scan and decodes them one at a time:
/// the scan must agree with the decoder on every file a hostile poster or a broken disk can
/// make, and never hand one chat another chat's messages.
struct JSONMessageArraysTests {
    static func read(_ json: String, chatTypes: Set<String> = ExportReader.channelTypes) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        ExportReader(chatTypes: chatTypes).read(path: "export/result.json", data: Data(json.utf8))
    }

    static func texts(_ read: (dumps: [ParsedDump], diagnostics: [Diagnostic])) -> [String] {
        read.dumps.flatMap(\.posts).map(\.text)
    }

    static func messages(_ read: (dumps: [ParsedDump], diagnostics: [Diagnostic])) -> [String] {
        (read.diagnostics + read.dumps.flatMap(\.diagnostics)).map(\.message)
    }

    /// Random JSON-like bytes (quotes, escapes, brackets, `messages` keys, line breaks, text in
    /// several scripts, broken UTF-8): skipping a string's plain bytes finds what stepping
    /// through every byte finds.
    @Test func skippingPlainBytesFindsWhatSteppingFinds() {
        var random = SeededRandom(state: 26)
        for _ in 0..<3_000 {
            let bytes = JSONLikeBytes.make(&random)
            let (fast, slow) = bytes.withUnsafeBufferPointer {
                (JSONMessageArrays.scan($0, skipping: true), JSONMessageArrays.scan($0, skipping: false))
            }
            #expect(fast.map(\.span) == slow.map(\.span), "\(bytes)")
            #expect(fast.map(\.elements) == slow.map(\.elements), "\(bytes)")
            #expect(fast.map(\.lines) == slow.map(\.lines), "\(bytes)")
        }
    }

    @Test func eachElementIsFoundWithItsLine() {
        let json = "{\"messages\": [\n {\"id\": 1},\n \"x\" ,\n\n [1, [2]], {\"id\": 2, \"text\": \"a ] } , [\"}\n]}"
        let arrays = JSONMessageArrays.scan(Data(json.utf8))
        #expect(arrays.count == 1)
        let bytes = Array(json.utf8)
        #expect(
            arrays[0].elements.map { String(decoding: bytes[$0], as: UTF8.self) } == [
                "{\"id\": 1}", "\"x\"", "[1, [2]]", "{\"id\": 2, \"text\": \"a ] } , [\"}",
            ])
        #expect(arrays[0].lines == [2, 3, 5, 5])
        #expect(String(decoding: bytes[arrays[0].span], as: UTF8.self).hasSuffix("}\n]"))
    }

    @Test func aMessagesKeyInsideAMessageStaysPartOfIt() {
        let read = Self.read(
            #"{"name": "C", "type": "public_channel", "messages": [{"id": 1, "type": "message", "text": "outer", "messages": [{"id": 2, "type": "message", "text": "inner"}]}]}"#
        )
        #expect(Self.texts(read) == ["outer"])
        #expect(Self.messages(read).contains { $0.contains("unknown message key 'messages'") })
    }

    @Test func aKeyWrittenWithEscapesIsStillAChatsMessages() {
        // A private chat whose key the decoder reads as `messages`: never read as another's.
        let read = Self.read(
            #"{"chats": {"list": [{"name": "P", "type": "personal_chat", "m\u0065ssages": [{"id": 1, "type": "message", "text": "secret"}]}, "#
                + #"{"name": "C", "type": "public_channel", "m\u0065ssages": [{"id": 5, "type": "message", "text": "public"}]}]}}"#)
        #expect(Self.texts(read) == ["public"])
    }

    @Test func aChatCannotNameAnotherChatsSlot() {
        // `[0]` in the file is an array of its own (a message that is not one), not slot 0.
        let read = Self.read(
            #"{"chats": {"list": [{"name": "P", "type": "personal_chat", "messages": [{"id": 1, "type": "message", "text": "secret"}]}, "#
                + #"{"name": "C", "type": "public_channel", "messages": [0]}, {"name": "D", "type": "public_channel", "messages": 0}]}}"#)
        #expect(!Self.texts(read).contains("secret"))
        #expect(read.dumps.flatMap(\.posts).isEmpty)
    }

    @Test func elementsThatAreNotMessagesAreNamedAndTheRestRead() {
        let read = Self.read(
            "{\"name\": \"C\", \"type\": \"public_channel\", \"messages\": [\n1,\n\"x\",\n{\"id\": 2, \"type\": \"message\", \"text\": \"kept\"},\n]}"
        )
        #expect(Self.texts(read) == ["kept"])
        let lines = read.dumps.flatMap(\.diagnostics).filter { $0.message.contains("cannot be read") }.compactMap(\.location?.line)
        #expect(lines == [2, 3])
    }

    @Test func manyBrokenMessagesCostOneColumnSearch() {
        let broken = Array(repeating: #"{"id": 1,, }"#, count: 200).joined(separator: ",\n")
        let read = Self.read(
            "{\"name\": \"C\", \"type\": \"public_channel\", \"messages\": [\n\(broken),\n{\"id\": 7, \"type\": \"message\", \"text\": \"kept\"}]}")
        #expect(Self.texts(read) == ["kept"])
        let errors = read.dumps.flatMap(\.diagnostics).filter { $0.severity == .error }
        #expect(errors.count == 200)
        #expect(errors.first?.location?.column == 10)  // the second comma
        #expect(errors.dropFirst().allSatisfy { $0.location?.column == nil })
        #expect(errors.last?.location?.line == 201)
    }
}
