import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// `serve` scans an edited export again from the element where it first differs from the
/// bytes it read last: the result must be the whole scan's, whatever the edit, and every
/// element said to be an earlier one must hold that element's bytes.
struct JSONMessageArraysRescanTests {
    static func element(_ random: inout SeededRandom, id: Int) -> [UInt8] {
        switch Int.random(in: 0..<5, using: &random) {
        case 0: return JSONLikeBytes.make(&random)
        case 1: return Array("\(id)".utf8)
        default:
            var text: [UInt8] = []
            for _ in 0..<Int.random(in: 0...4, using: &random) {
                text += JSONLikeBytes.pieces[Int.random(in: 0..<JSONLikeBytes.pieces.count, using: &random)]
            }
            return Array(#"{"id": \#(id), "type": "message", "text": ""#.utf8) + text + Array("\"}".utf8)
        }
    }

    static func messages(_ random: inout SeededRandom) -> [UInt8] {
        var bytes = Array("[".utf8)
        for index in 0..<Int.random(in: 0...10, using: &random) {
            bytes += Array((index == 0 ? "\n " : ",\n ").utf8) + element(&random, id: index + 1)
        }
        return bytes + Array((Bool.random(using: &random) ? "\n]" : ", ]").utf8)
    }

    /// One chat, or an account's chats (several messages arrays), sometimes cut short.
    static func file(_ random: inout SeededRandom) -> [UInt8] {
        var bytes = Array(#"{"name": "C", "type": "public_channel", "messages": "#.utf8) + messages(&random)
        if Bool.random(using: &random) {
            bytes += Array(#", "chats": {"list": [{"id": 2, "messages": "#.utf8) + messages(&random)
            bytes += Array(#"}, {"messages": "#.utf8) + messages(&random) + Array("}]}".utf8)
        }
        bytes += Array("\n}\n".utf8)
        return Int.random(in: 0..<8, using: &random) == 0 ? Array(bytes.prefix(Int.random(in: 0...bytes.count, using: &random))) : bytes
    }

    /// A few bytes replaced by a few pieces: inside a text, across messages, in the skeleton.
    static func edit(_ bytes: [UInt8], _ random: inout SeededRandom) -> [UInt8] {
        let start = Int.random(in: 0...bytes.count, using: &random)
        let end = min(bytes.count, start + Int.random(in: 0...(Bool.random(using: &random) ? 3 : 40), using: &random))
        var inserted: [UInt8] = []
        for _ in 0..<Int.random(in: 0...3, using: &random) {
            inserted +=
                Bool.random(using: &random)
                ? element(&random, id: 99) : JSONLikeBytes.pieces[Int.random(in: 0..<JSONLikeBytes.pieces.count, using: &random)]
        }
        return Array(bytes[..<start]) + inserted + Array(bytes[end...])
    }

    static func check(old: [UInt8], new: [UInt8]) -> JSONMessageArrays.Rescan? {
        let earlier = old.withUnsafeBufferPointer { JSONMessageArrays.scan($0) }
        let whole = new.withUnsafeBufferPointer { JSONMessageArrays.scan($0) }
        guard
            let rescan = new.withUnsafeBufferPointer({ n in
                old.withUnsafeBufferPointer { o in JSONMessageArrays.rescan(n, after: o, arrays: earlier) }
            })
        else { return nil }
        #expect(rescan.arrays.map(\.span) == whole.map(\.span), "\(old) → \(new)")
        #expect(rescan.arrays.map(\.elements) == whole.map(\.elements), "\(old) → \(new)")
        #expect(rescan.arrays.map(\.lines) == whole.map(\.lines), "\(old) → \(new)")
        #expect(rescan.arrays.map(\.depth) == whole.map(\.depth), "\(old) → \(new)")
        #expect(rescan.earlier.map(\.count) == rescan.arrays.map(\.elements.count))
        for (a, list) in zip(rescan.earlier.indices, rescan.earlier) where a < rescan.arrays.count {
            for (e, o) in list.enumerated() {
                guard let o else { continue }
                #expect(new[rescan.arrays[a].elements[e]] == old[earlier[a].elements[o]], "\(old) → \(new)")
            }
        }
        return rescan
    }

    @Test func aRescanFindsWhatAWholeScanFinds() {
        var random = SeededRandom(state: 37)
        var joined = 0
        for _ in 0..<6_000 {
            let old = Self.file(&random)
            if Self.check(old: old, new: Self.edit(old, &random)) != nil { joined += 1 }
        }
        // Most edits land inside a messages array: the rescan is what answers them.
        #expect(joined > 2_000)
    }

    static func export(_ texts: [String]) -> String {
        let messages = texts.enumerated().map { index, text in
            #"  {"id": \#(index + 1), "type": "message", "date_unixtime": "1700000000", "text": "\#(text)"}"#
        }
        return "{\n \"name\": \"C\",\n \"type\": \"public_channel\",\n \"messages\": [\n\(messages.joined(separator: ",\n"))\n ]\n}\n"
    }

    @Test func anEditedTextIsTheOnlyMessageScannedAgain() throws {
        let texts = (1...1_000).map { "message \($0) says something" }
        var edited = texts
        edited[499] = "message 500 says something else,\\n on two lines ] } ["
        let old = Array(Self.export(texts).utf8)
        let new = Array(Self.export(edited).utf8)
        let rescan = try #require(Self.check(old: old, new: new))
        #expect(rescan.earlier[0].filter { $0 == nil }.count == 1)
        #expect(rescan.earlier[0][499] == nil)
        #expect(rescan.earlier[0][500] == 500)
        #expect(rescan.scanned.count < 200)
    }

    @Test func appendedMessagesAreScannedAndTheRestIsKept() throws {
        let texts = (1...300).map { "message \($0)" }
        let old = Array(Self.export(texts).utf8)
        let new = Array(Self.export(texts + (301...400).map { "message \($0)" }).utf8)
        let rescan = try #require(Self.check(old: old, new: new))
        #expect(rescan.arrays[0].elements.count == 400)
        #expect(rescan.earlier[0].prefix(299).allSatisfy { $0 != nil })
        #expect(rescan.earlier[0].suffix(101).allSatisfy { $0 == nil })
    }

    @Test func anEditOutsideTheMessagesIsLeftToAWholeScan() {
        let texts = (1...50).map { "message \($0)" }
        let old = Array(Self.export(texts).utf8)
        let new = Array(Self.export(texts).replacingOccurrences(of: "\"name\": \"C\"", with: "\"name\": \"Renamed\"").utf8)
        #expect(Self.check(old: old, new: new) == nil)
        // The same bytes: every element is the earlier one.
        let same = Self.check(old: old, new: old)
        #expect(same?.earlier[0] == Array(0..<50))
    }

    /// After a messages array's `]`, a `[` after a colon opens another when the last string
    /// before it was a `messages` key: with no string between, that string lies before the
    /// bytes scanned again, and the whole scan decides.
    @Test func whatFollowsAnArrayIsLeftToAWholeScanWhenItsLastStringDecidesIt() {
        let old = Array(#"{"messages": ["a", 1] : [3]}"#.utf8)
        let new = Array(#"{"messages": [0, 1] : [3]}"#.utf8)
        #expect(new.withUnsafeBufferPointer { JSONMessageArrays.scan($0) }.count == 2)
        #expect(Self.check(old: old, new: new) == nil)
        // With a string before the `[`, the earlier scan's rest is the new one's.
        let quoted = Self.check(old: Array(#"{"messages": ["a", 1], "x": [3]}"#.utf8), new: Array(#"{"messages": [0, 1], "x": [3]}"#.utf8))
        #expect(quoted?.arrays.count == 1)
    }

    @Test func commonRunsAreFoundAcrossBlocks() {
        let a = [UInt8](repeating: 7, count: 10_000) + [1] + [UInt8](repeating: 9, count: 9_000)
        var b = a
        b[10_000] = 2
        a.withUnsafeBufferPointer { pa in
            b.withUnsafeBufferPointer { pb in
                #expect(ByteRuns.commonPrefix(pa, pb, limit: .max) == 10_000)
                #expect(ByteRuns.commonSuffix(pa, pb, limit: .max) == 9_000)
                #expect(ByteRuns.commonSuffix(pa, pb, limit: 5_000) == 5_000)
                #expect(ByteRuns.commonPrefix(pa, pa, limit: .max) == a.count)
            }
        }
    }
}
