import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// `serve` reads an export it read before from what changed (`ExportReader.readAgain`): after
/// any run of edits — a text edited, messages removed, inserted or appended, bytes that need
/// repair, the chat renamed, a message broken — the read equals a fresh read of the same bytes,
/// diagnostics included.
struct ExportReaderRescanTests {
    static let path = "/nonexistent/result.json"

    /// Each message on a line of its own, as Telegram Desktop writes them.
    static func export(name: String, messages: [String]) -> Data {
        Data(
            "{\n \"name\": \"\(name)\",\n \"type\": \"public_channel\",\n \"id\": 42,\n \"messages\": [\n  \(messages.joined(separator: ",\n  "))\n ]\n}\n"
                .utf8)
    }

    static func message(id: Int, _ random: inout SeededRandom) -> String {
        let made = ExportPropertyTests.message(id: id, seed: random.next(), time: 1_700_000_000 + id / 3 * 60)
        let data = (try? JSONSerialization.data(withJSONObject: made.json, options: [.sortedKeys])) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// One change to the export; true when this read's bytes also get a byte that is not UTF-8
    /// (in the middle of the file: inside a text or between messages).
    static func change(_ messages: inout [String], name: inout String, next: inout Int, _ random: inout SeededRandom) -> Bool {
        let index = Int.random(in: 0..<max(messages.count, 1), using: &random)
        switch Int.random(in: 0..<8, using: &random) {
        case 0,
            1 where !messages.isEmpty:
            messages[index] = messages[index].replacingOccurrences(of: "x", with: "xy")
        case 2 where !messages.isEmpty: messages.remove(at: index)
        case 3:
            next += 1
            messages.insert(message(id: next, &random), at: min(index, messages.count))
        case 4:
            for _ in 0..<5 {
                next += 1
                messages.append(message(id: next, &random))
            }
        case 5: return true
        case 6: name += "!"
        default:
            // A message cut short: it is not JSON.
            if !messages.isEmpty { messages[index] = String(messages[index].dropLast(3)) }
        }
        return false
    }

    @Test func readingWhatChangedEqualsAFreshRead() {
        var random = SeededRandom(state: 2026)
        var readAgain = 0
        for _ in 0..<25 {
            var next = Int.random(in: 5...60, using: &random)
            var messages = (1...next).map { Self.message(id: $0, &random) }
            var name = "Channel"
            let reader = ExportReader()
            // The same folder throughout: the posts kept with their messages are taken.
            var kept = reader
            kept.mediaFingerprint = "one folder"
            kept.decodesAhead = true
            let memo = Memo<ExportReader.Decoded>()
            let last = LockedBox<ExportReader.Scanned?>(nil)
            for _ in 0..<8 {
                var data = Self.export(name: name, messages: messages)
                if Self.change(&messages, name: &name, next: &next, &random) {
                    var bytes = Array(Self.export(name: name, messages: messages))
                    bytes.insert(0xFF, at: bytes.count / 2)
                    data = Data(bytes)
                } else {
                    data = Self.export(name: name, messages: messages)
                }
                let fresh = reader.read(path: Self.path, data: data)
                if let previous = last.value, reader.readAgain(path: Self.path, data: data, previous, messages: Memo(), last: LockedBox(nil)) != nil {
                    readAgain += 1
                }
                let read = kept.read(path: Self.path, data: data, messages: memo, last: last)
                #expect(read.dumps == fresh.dumps)
                #expect(read.diagnostics == fresh.diagnostics)
                memo.endBuild()
            }
        }
        // Most changes are inside the messages and are read from what changed.
        #expect(readAgain > 35)
    }

    /// A message kept decoded keeps the post it made for the next read with the same export
    /// folder; a folder that changed (a photo added) makes it again.
    @Test func aKeptPostNamesItsMediaAsTheFolderNowHoldsThem() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let path = root.appendingPathComponent("result.json").path
        let data = Self.export(
            name: "C", messages: [#"{"id": 1, "type": "message", "date_unixtime": "1700000000", "photo": "photos/p.jpg", "text": "A photo"}"#])
        let memo = Memo<ExportReader.Decoded>()
        var reader = ExportReader()
        reader.decodesAhead = true
        reader.mediaFingerprint = "without the photo"
        let before = reader.read(path: path, data: data, messages: memo).dumps[0].posts[0]
        #expect(before.media.first?.sourcePath == nil)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("photos"), withIntermediateDirectories: true)
        try Data([0xFF, 0xD8]).write(to: root.appendingPathComponent("photos/p.jpg"))
        reader.mediaFingerprint = "with the photo"
        let after = reader.read(path: path, data: data, messages: memo)
        #expect(after.dumps[0].posts[0].media.first?.sourcePath != nil)
        #expect(after.dumps == ExportReader().read(path: path, data: data).dumps)
    }
}
