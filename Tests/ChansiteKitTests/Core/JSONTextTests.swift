import Foundation
import Testing

@testable import ChansiteCore

/// `JSONText.string` against Foundation's parser: every string, escapes and all, reads back as
/// itself, and the output never holds `</` or a raw U+2028/U+2029 (the index files are scripts).
@Suite struct JSONTextTests {
    static let pool: [String] = [
        "a", "Я", "中", "😺", "\"", "\\", "/", "\n", "\r", "\t", "\u{1}", "\u{1F}", "\u{2028}", "\u{2029}", "</script>", " ", "é", "\u{E2}",
        "€", "—",
    ]

    @Test func everyStringReadsBackAsItself() throws {
        var seeded = SeededRandom(state: 42)
        for _ in 0..<2000 {
            let length = Int.random(in: 0...24, using: &seeded)
            let text = (0..<length).map { _ in Self.pool.randomElement(using: &seeded) ?? "" }.joined()
            var json = JSONText()
            json.raw("[")
            json.string(text)
            json.raw("]")
            let data = json.take()
            let written = String(decoding: data, as: UTF8.self)
            #expect(!written.contains("</") && !written.contains("\u{2028}") && !written.contains("\u{2029}"), "\(written)")
            let parsed = try JSONSerialization.jsonObject(with: data) as? [String]
            #expect(parsed == [text], "\(text.debugDescription) → \(written)")
        }
    }

    /// A digest is written from its packed form as the same JSON as its text.
    @Test func aPackedDigestIsWrittenAsItsText() {
        for text in [
            "", "0", "00ff", "0123456789abcdef0123456789abcdef", Fingerprint("x").hex, "not hex", "ABCDEF", "0123456789abcdef0123456789abcdef0",
        ] {
            var packed = JSONText()
            packed.string(CompactText(text))
            var plain = JSONText()
            plain.string(text)
            #expect(packed.take() == plain.take(), "\(text)")
        }
    }
}
