import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

@Suite struct TextRulesTests {
    @Test func hashtagsNeedALetterAndAWordBoundary() {
        #expect(Hashtags.find(in: "Империя #2 (#1 было) #математика_в_ML и #ML, a#b") == ["#математика_в_ML", "#ML"])
        #expect(Hashtags.isHashtagLine("#a #б_в"))
        #expect(!Hashtags.isHashtagLine("#a text"))
        #expect(Hashtags.find(in: "x/#a @#b ##c (#d) e\u{301}#f #é\u{301}g") == ["#d", "#é\u{301}g"])
    }

    @Test func spacesOfEveryKindBecomeOne() {
        for (text, flat) in [
            ("a b", "a b"), (" a", "a"), ("a ", "a"), ("a  b", "a b"), ("a\tb", "a b"), ("a\u{a0}b", "a b"), ("«a» — b…", "«a» — b…"),
            ("a\u{2009}\u{200B}b", "a b"), ("a\u{feff}", "a"), ("\u{3000}я\u{1680}ю\u{202F}\u{205F}", "я ю"), ("", ""), ("   ", ""),
            ("\u{ef}\u{e2}", "\u{ef}\u{e2}"), ("ω\u{2028}x", "ω\u{2028}x"),
        ] {
            #expect(text.normalizedSpaces == flat, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// The byte-level fold gives what folding scalar by scalar gives, on texts mixing every
    /// width of UTF-8 with spaces of every kind.
    @Test func foldingSpacesByBytesMatchesFoldingByScalars() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var pending = false
            for scalar in text.unicodeScalars {
                if scalar.isSpaceLike {
                    pending = !out.isEmpty
                } else {
                    if pending { out.append(" ") }
                    pending = false
                    out.append(scalar)
                }
            }
            return String(out)
        }
        let pieces = ["a", "я", "中", "👍🏽", "\u{10FFFF}", " ", "  ", "\t", "\u{a0}", "\u{2009}", "\u{3000}", "\u{feff}", "\n", "e\u{301}", "ω"]
        var random = SeededRandom(state: 7)
        for _ in 0..<2000 {
            let text = (0..<Int(random.next() % 12)).map { _ in pieces[Int(random.next() % UInt64(pieces.count))] }.joined()
            #expect(text.normalizedSpaces == reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    /// Every scalar of the Basic Multilingual Plane (where all spaces are) is a space exactly
    /// when `isSpaceLike` says so, whichever path of `normalizedSpaces` reads it.
    @Test func everySpaceIsFoundByItsBytes() {
        for value in UInt32(0)...0xFFFF where value != 0x20 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = "a" + String(scalar) + "b"
            #expect(text.normalizedSpaces == (scalar.isSpaceLike ? "a b" : text), "U+\(String(value, radix: 16))")
        }
    }

    @Test func bytesAreFoundAnywhereInALine() {
        for (text, needle, found) in [
            ("http", "http", true), ("xhttp", "http", true), ("htt", "http", false), ("hhttp", "http", true),
            ("httphttx", "httx", true), ("ttp htp", "http", false), ("", "a", false), ("abc", "", true),
            ("до t.me/x", "t.me/", true), ("t.me", "t.me/", false), ("ééé", "é", true), ("e\u{301}", "é", false),
        ] {
            #expect(text.containsBytes(needle) == found, "\(text) \(needle)")
            #expect(text[...].containsBytes(needle) == found, "\(text) \(needle)")
        }
        for (text, byte, found) in [
            ("a#b", UInt8(ascii: "#"), true), ("ab", UInt8(ascii: "#"), false), ("", UInt8(ascii: "#"), false), ("я", 0xD1, true),
        ] {
            #expect(text.containsByte(byte) == found && text[...].containsByte(byte) == found, "\(text)")
        }
        #expect("a href=\"%01x\" b href=\"%01y\"".replacingBytes(of: "href=\"%01", with: "H") == "a Hx\" b Hy\"")
        #expect("no match here".replacingBytes(of: "href=\"%01", with: "H") == "no match here")
    }

    @Test func clockTimesInEveryShape() {
        for time in ["12:30", "9:05", " 9:05 PM", "12:30\u{a0}", "\u{2009}23:59\u{3000}AM", "0:00"] {
            #expect(PageParts.isClockTime(time), "\(time)")
        }
        for text in ["", "12", "24:00", "12:60", "123:00", "12:3", "at 12:30", "12:30 pm", "12:30 PMX", "1:2:3", "١٢:٣٠"] {
            #expect(!PageParts.isClockTime(text), "\(text)")
        }
    }

    /// The ASCII shortcut gives the Unicode properties' answer for every ASCII scalar.
    @Test func hashtagWordScalarsInASCIIFollowTheUnicodeProperties() {
        for value in 0..<128 {
            let scalar = Unicode.Scalar(UInt8(value))
            let byProperties =
                scalar == "_" || scalar.properties.isAlphabetic || scalar.properties.numericType != nil
                || scalar.properties.generalCategory == .nonspacingMark
            #expect(Hashtags.isWordScalar(scalar) == byProperties, "U+\(String(value, radix: 16))")
        }
    }

    @Test func linksDropTrailingPunctuation() {
        let text = "see https://t.me/gonzo_ML/819). and (https://en.wikipedia.org/wiki/A_(b)) t.me/x/1, https://arxiv.org/abs/1909.08410 ."
        #expect(
            Links.find(in: text).map(\.url) == [
                "https://t.me/gonzo_ML/819", "https://en.wikipedia.org/wiki/A_(b)",
                "https://t.me/x/1", "https://arxiv.org/abs/1909.08410",
            ])
    }

    @Test func linksStartOnlyAtACharacterBoundaryInAnyCase() {
        #expect(Links.find(in: "HTTPS://A.bc x Http://d.ef T.ME/abc").map(\.url) == ["HTTPS://A.bc", "Http://d.ef", "https://T.ME/abc"])
        // U+0600 (a prepended mark) joins the `h` into one character: no link starts there.
        #expect(Links.find(in: "\u{600}https://x.yz").isEmpty)
        #expect(Links.find(in: "a\u{301}https://x.yz").isEmpty)  // after a letter
        #expect(Links.find(in: "🚀https://x.yz…").map(\.text) == ["https://x.yz"])
        #expect(Links.find(in: "ht https:/ t.me/ t.me/a").map(\.text) == ["t.me/a"])
    }

    @Test func relativeDates() {
        #expect(RelativeDate.isDateLine("5\u{a0}months, 2\u{a0}weeks ago"))
        #expect(RelativeDate.isDateLine("an hour ago"))
        #expect(RelativeDate.isDateLine("3 дня назад"))
        #expect(!RelativeDate.isDateLine("Last updated 2 days ago"))
        #expect(!RelativeDate.isDateLine("5 apples ago"))
        #expect(RelativeDate.isDateLine("  2 days ago,, \u{a0}"))
        #expect(RelativeDate.isDateLine("1 year, 3 months назад\u{3000}"))
        #expect(!RelativeDate.isDateLine("2 days ago ,"))
        #expect(!RelativeDate.isDateLine("2 days agony"))
        #expect(!RelativeDate.isDateLine("2 days ago. Then"))
    }

    @Test func genericFallbackWarnsAndSplitsAtBlankRuns() {
        let parsed = TestSupport.parse("one\nstill one\n\n\ntwo\n\n\n\nthree")
        #expect(parsed.format == "generic")
        #expect(parsed.posts.map(\.text) == ["one\nstill one", "two", "three"])
        #expect(parsed.diagnostics.contains { $0.severity == .warning && $0.message.contains("no known dump format") })
    }

    @Test func loaderHandlesBadInput() {
        let loader = DumpLoader()
        #expect(loader.decode(Data(), path: "e.txt").dump == nil)
        #expect(loader.decode(Data(), path: "e.txt").diagnostics.first?.description == "e.txt: warning: file is empty; skipped")
        let binary = loader.decode(Data([0x50, 0x4B, 0x00, 0x01]), path: "b.txt")
        #expect(binary.dump == nil && binary.diagnostics.first?.severity == .error)
        let invalid = loader.decode(Data("ok\nbad \u{0}".utf8.dropLast()) + Data([0xFF, 0x0A, 0x61]), path: "u.txt")
        #expect(invalid.dump?.lines == ["ok", "bad \u{FFFD}", "a"])
        #expect(invalid.dump?.diagnostics.first?.location == SourceLocation(path: "u.txt", line: 2))
        #expect(invalid.diagnostics.isEmpty, "decoding problems travel with the dump, reported once")
        let crlf = loader.decode(Data([0xEF, 0xBB, 0xBF]) + Data("a\r\nb\r\n".utf8), path: "c.txt")
        #expect(crlf.dump?.lines == ["a", "b"])
        let longLine = String(repeating: "слово ", count: 200_000)
        #expect(loader.decode(Data(longLine.utf8), path: "l.txt").dump?.lines.count == 1)
        #expect(loader.load(path: "/nonexistent/x.txt").diagnostics.first?.severity == .error)
    }

    @Test func utf16WithABOMIsDecodedAndLoneSurrogatesReplaced() {
        let loader = DumpLoader()
        let text = "Канал 🚀\nпост\n"
        let little = Data([0xFF, 0xFE]) + text.utf16.reduce(into: Data()) { $0 += [UInt8($1 & 0xFF), UInt8($1 >> 8)] }
        let big = Data([0xFE, 0xFF]) + text.utf16.reduce(into: Data()) { $0 += [UInt8($1 >> 8), UInt8($1 & 0xFF)] }
        #expect(loader.decode(little, path: "le.txt").dump?.lines == ["Канал 🚀", "пост"])
        #expect(loader.decode(big, path: "be.txt").dump?.lines == ["Канал 🚀", "пост"])
        // A lone high surrogate on line 2.
        let broken = Data([0xFF, 0xFE, 0x61, 0x00, 0x0A, 0x00, 0x00, 0xD8, 0x62, 0x00])
        let decoded = loader.decode(broken, path: "s.txt")
        #expect(decoded.dump?.lines == ["a", "\u{FFFD}b"])
        #expect(decoded.dump?.diagnostics.first?.location == SourceLocation(path: "s.txt", line: 2))
    }

    @Test func charactersNoOutputFormatAllowsAreReplacedOnce() {
        let text = "ok\nbell\u{7} del\u{7F} c1\u{85} nonchar\u{FFFE}\u{FFFF}\ttab\nnul\u{0}"
        let decoded = DumpLoader().decode(Data(String(repeating: "x", count: 9000).utf8) + Data(("\n" + text).utf8), path: "c.txt")
        #expect(decoded.dump?.lines.dropFirst() == ["ok", "bell\u{FFFD} del\u{FFFD} c1\u{FFFD} nonchar\u{FFFD}\u{FFFD}\ttab", "nul\u{FFFD}"])
        #expect(decoded.dump?.diagnostics.count == 1)
        #expect(decoded.dump?.diagnostics.first?.location == SourceLocation(path: "c.txt", line: 3))
    }

    @Test(arguments: ["", "\n", "a", "a\nb", "a\r\nb\n", "\n\nx\n", "é\u{301}\nж\r\n\r\n", "a\n\u{301}b", "\r\n", "\r\r\n\r", "🙂\n🙂"])
    func linesSplitByBytesAsByCharacters(text: String) {
        let split = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(text.lineSlices() == split)
        #expect(text.lineSlicesByIndex() == split)
        #expect(text.utf16Length == text.utf16.count)
    }

    @Test(arguments: [[], [""], ["a"], ["", ""], ["first line", "", "é\u{301} ж 🙂"], Array(repeating: "a longer line of words", count: 50)])
    func linesJoinedInOneBufferAsByJoined(lines: [String]) {
        let joined = String.joined(lines, separator: "\n")
        #expect(joined == lines.joined(separator: "\n"))
        #expect(joined.compacted == joined)
        #expect(Array(joined.compacted.utf8) == Array(joined.utf8))
    }
}
