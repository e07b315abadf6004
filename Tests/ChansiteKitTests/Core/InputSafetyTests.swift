import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteMedia

/// The small rules every stage relies on to keep hostile input harmless.
@Suite struct InputSafetyTests {
    @Test func jsonRepairLeavesGoodJSONAloneAndRepairsEachKindOnItsLine() throws {
        #expect(JSONRepair.repair(Array(#"{"a":"Привет \ud83d\ude00 \n ok"}"#.utf8)) == nil)
        let bad = Array("{\"a\":\"x\u{1}y\",\n\"b\":\"\\udc00\",\n\"c\":\"".utf8) + [0xC3, 0x28] + Array("\"}".utf8)
        let repaired = try #require(JSONRepair.repair(bad))
        #expect(repaired.repairs.map(\.line) == [1, 2, 3])
        #expect(repaired.repairs.map(\.kind) == [.forbidden, .loneSurrogate, .invalidUTF8])
        let decoded = try JSONSerialization.jsonObject(with: Data(repaired.bytes)) as? [String: String]
        #expect(decoded == ["a": "x\u{FFFD}y", "b": "\u{FFFD}", "c": "\u{FFFD}("])
    }

    /// Skipping plain text (printable ASCII, two-byte letters) repairs what looking at every
    /// byte repairs, on random JSON-like bytes with every kind of damage.
    @Test func jsonRepairSkippingPlainTextRepairsTheSame() {
        var random = SeededRandom(state: 26)
        for _ in 0..<3_000 {
            let bytes = JSONLikeBytes.make(&random)
            let (fast, slow) = (JSONRepair.repair(bytes, skipping: true), JSONRepair.repair(bytes, skipping: false))
            #expect(fast?.bytes == slow?.bytes, "\(bytes)")
            #expect(fast?.repairs == slow?.repairs, "\(bytes)")
        }
    }

    /// Plain text is skipped eight bytes at a time: every byte that is not plain ASCII, at every
    /// place in and around a word, stops the skip where a byte at a time stops.
    @Test func jsonRepairSkipsWordsOfPlainTextExactly() {
        let plain = Array("\"abcdefghijklmnopqrstuvwxyz 0123456789 ABCDEFGH".utf8)
        let stops: [[UInt8]] =
            (0..<0x20).map { [UInt8($0)] } + [
                [0x22], [0x5C], [0x7F], [0x80], [0xC2, 0x85], [0xC3, 0xA9], [0xD0, 0xB6], [0xE2, 0x80, 0x8B], [0xEF, 0xBF, 0xBE], [0xFF],
            ]
        for stop in stops {
            for at in 1..<plain.count {
                var bytes = plain
                bytes.insert(contentsOf: stop, at: at)
                bytes += Array("\"".utf8)
                let (fast, slow) = (JSONRepair.repair(bytes, skipping: true), JSONRepair.repair(bytes, skipping: false))
                #expect(fast?.bytes == slow?.bytes, "\(stop) at \(at)")
                #expect(fast?.repairs == slow?.repairs, "\(stop) at \(at)")
                bytes.withUnsafeBufferPointer { buffer in
                    let end = JSONRepair.plainEnd(buffer, from: 1)
                    // The skip stops at the inserted byte, unless it is a letter the skip passes.
                    let passes = stop.count == 2 && stop[0] >= 0xC3
                    #expect(passes ? end == bytes.count - 1 : end == at, "\(stop) at \(at)")
                }
            }
        }
        #expect(JSONRepair.isPlainASCII(UInt64(littleEndian: 0x6867_6665_6463_6261)))
        for byte: UInt64 in [0x00, 0x0A, 0x1F, 0x22, 0x5C, 0x7F, 0x80, 0xFF] {
            for shift: UInt64 in stride(from: 0, to: 64, by: 8) {
                let word = (0x6161_6161_6161_6161 & ~(0xFF << shift)) | (byte << shift)
                #expect(!JSONRepair.isPlainASCII(word), "\(byte) at \(shift)")
            }
        }
    }

    /// Two-byte letters are skipped four at a time: every byte a letter at a time would stop at
    /// (or pass), at every place in a run of Cyrillic, Greek and Arabic letters, in and out of a
    /// string, stops the skip there and repairs the same; a whole word of such letters passes.
    @Test func jsonRepairSkipsTwoByteLettersExactly() {
        let letters = Array("\"привет мир ελλάδα مرحبا".utf8)
        let stops: [[UInt8]] =
            (0..<0x20).map { [UInt8($0)] } + [
                [0x22], [0x5C], [0x7F], [0x80], [0xBF], [0xC0, 0x80], [0xC1, 0xBF], [0xC2, 0x85], [0xC2, 0xA0], [0xC3, 0xA9], [0xDF, 0xBF],
                [0xD0, 0x41], [0xE2, 0x80, 0x8B], [0xEF, 0xBF, 0xBE], [0xF0, 0x9F, 0x98, 0x80], [0xFF],
            ]
        for stop in stops {
            for at in 1..<letters.count {
                var bytes = letters
                bytes.insert(contentsOf: stop, at: at)
                for tail in [Array("\"".utf8), Array("\"}".utf8) + letters] {
                    let (fast, slow) = (JSONRepair.repair(bytes + tail, skipping: true), JSONRepair.repair(bytes + tail, skipping: false))
                    #expect(fast?.bytes == slow?.bytes, "\(stop) at \(at)")
                    #expect(fast?.repairs == slow?.repairs, "\(stop) at \(at)")
                }
            }
        }
        #expect(JSONRepair.isTwoByteLetters(UInt64(littleEndian: 0xB8D0_B2D0_B8D0_BFD0)))  // "пиви"
        for (lead, continuation): (UInt64, UInt64) in [(0xC2, 0xA0), (0xC1, 0xBF), (0xE0, 0xB0), (0xD0, 0x41), (0xD0, 0xC0), (0x41, 0xB0)] {
            for pair: UInt64 in 0..<4 {
                let shift = pair * 16
                let word = (0xB8D0_B2D0_B8D0_BFD0 & ~(0xFFFF << shift)) | ((continuation << 8 | lead) << shift)
                #expect(!JSONRepair.isTwoByteLetters(word), "\(lead) \(continuation) in pair \(pair)")
            }
        }
    }

    @Test func overlongAndSurrogateUTF8SequencesAreNotUTF8() throws {
        for sequence: [UInt8] in [[0xC0, 0xAF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xFE]] {
            let repaired = try #require(JSONRepair.repair(Array("\"".utf8) + sequence + Array("\"".utf8)))
            #expect(repaired.repairs.allSatisfy { $0.kind == .invalidUTF8 })
        }
    }

    @Test(arguments: [
        ("ru", "ru"), ("ru_RU", "ru-RU"), ("EN-us", "en-US"), ("zh-hant-tw", "zh-Hant-TW"), ("es-419", "es-419"), ("de-CH-1996", "de-CH-1996"),
    ])
    func languageTagsAreNormalized(input: String, expected: String) {
        #expect(LanguageTag.normalize(input) == expected)
    }

    @Test(arguments: ["", "x", "<b>", "en-", "toolonglanguage", "ru RU", "en--us", "e1"])
    func textThatIsNoLanguageTagIsRefused(input: String) {
        #expect(LanguageTag.normalize(input) == nil)
    }

    @Test func pathNamesNeverTrapOnShortOrOddNames() {
        #expect(PathName.parent("x") == "" && PathName.last("x") == "x")
        #expect(PathName.parent("/x") == "/" && PathName.parent("a/b/") == "a" && PathName.last("a/b/") == "b")
        #expect(PathName.parent("/") == "/" && PathName.last("/") == "/")
        #expect(PathName.extension("photo.JPG") == "JPG" && PathName.extension(".profile") == "" && PathName.stem("a.tar.gz") == "a.tar")
    }

    @Test func terminalTextEscapesControlsAndDirectionOverrides() {
        #expect(TerminalText.escaped("ok ✓ текст") == "ok ✓ текст")
        #expect(TerminalText.escaped("a\u{1B}[31mb\u{7}") == "a\\u{1B}[31mb\\u{7}")
        #expect(TerminalText.escaped("name\u{202E}txt.exe") == "name\\u{202E}txt.exe")
        #expect(TerminalText.escaped("two\nlines", keepingLineBreaks: true) == "two\nlines")
        #expect(TerminalText.escaped("two\nlines") == "two\\u{A}lines")
        let diagnostic = Diagnostic.warning("a \u{1B}]0;title\u{7} b", at: SourceLocation(path: "Content/x\u{1B}.txt", line: 3))
        #expect(!diagnostic.description.unicodeScalars.contains { $0.value < 0x20 })
    }

    @Test func onlyPassiveMediaKeepTheirExtension() {
        for name in ["a.jpg", "b.MP4", "c.ogg", "d.pdf", "e.webp", "f.zip"] {
            #expect(MediaPolicy.publishedExtension(of: name) != "bin", "\(name)")
        }
        for name in ["a.html", "b.htm", "c.xhtml", "d.xml", "e.shtml", "f.svg", "g.svgz", "h.js", "i", "j.php", "k.mht"] {
            #expect(MediaPolicy.publishedExtension(of: name) == "bin", "\(name)")
        }
    }

    @Test func channelPageNamesAreNeverPostSlugs() {
        for name in ["index", "archive", "page-2", "archive-2024-03", "gallery", "gallery-2", "gallery-files", "gallery-links-3"] {
            #expect(SitePaths.isChannelPageName(name))
        }
        for name in ["1", "42-2", "pages", "post-abc123", "archived", "gallery-of-art", "galleryx"] { #expect(!SitePaths.isChannelPageName(name)) }
    }

    @Test func aSecondFileAtOnePathIsAnError() throws {
        let sink = MemorySink()
        try sink.write("channels/x/index.html", contents: Data("listing".utf8), fingerprint: nil)
        #expect(throws: DiagnosticError.self) { try sink.write("channels/x/index.html", contents: Data("post".utf8), fingerprint: nil) }
        #expect(sink.files.map(\.contents) == [Data("listing".utf8)])
    }
}
