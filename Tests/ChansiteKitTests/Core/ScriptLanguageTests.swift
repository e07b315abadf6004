import Testing

@testable import ChansiteCore

/// `ScriptLanguage.dominantScript` reads UTF-8 bytes; it must count exactly what going scalar
/// by scalar counts (the first `lettersRead` letters, across the texts in order).
@Suite struct ScriptLanguageTests {
    /// The scalar-by-scalar reading the byte reading replaced.
    static func reference(_ texts: [String]) -> ScriptLanguage.Script? {
        var counts = [Int](repeating: 0, count: ScriptLanguage.Script.allCases.count)
        var read = 0
        reading: for text in texts {
            for scalar in text.unicodeScalars {
                guard let script = ScriptLanguage.script(of: scalar) else { continue }
                counts[script.rawValue] += 1
                read += 1
                if read == ScriptLanguage.lettersRead { break reading }
            }
        }
        let kana = counts[ScriptLanguage.Script.kana.rawValue]
        let han = counts[ScriptLanguage.Script.han.rawValue]
        if kana > 0, kana * 10 >= kana + han {
            counts[ScriptLanguage.Script.kana.rawValue] += han
            counts[ScriptLanguage.Script.han.rawValue] = 0
        }
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }), counts[best] > 0
        else { return nil }
        return ScriptLanguage.Script(rawValue: best)
    }

    static let pieces = [
        "Hello, world! ", "Привет, мир. ", "Γειά σου ", "שלום ", "مرحبا بالعالم ", "नमस्ते ", "สวัสดี ", "გამარჯობა ", "Բարեւ ",
        "안녕하세요 ", "こんにちは ", "漢字と仮名 ", "中文字 ", "Ünïcödé façade ", "12345 ", "🙂👍🏽 ", "e\u{301}", "@#$%^&*[]{}", "\u{0}\t\n",
    ]

    @Test func countsWhatTheScalarsSay() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let texts = (0..<Int.random(in: 1...3, using: &generator)).map { _ in
                (0..<Int.random(in: 0...40, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
            }
            #expect(ScriptLanguage.dominantScript(of: texts) == Self.reference(texts), "\(texts)")
        }
    }

    /// Past `lettersRead` letters the rest does not count, across texts too.
    @Test func onlyTheFirstLettersCount() {
        let latin = String(repeating: "a", count: ScriptLanguage.lettersRead)
        #expect(ScriptLanguage.dominantScript(of: [latin, String(repeating: "я", count: 5_000)]) == .latin)
        #expect(ScriptLanguage.dominantScript(of: [String(latin.dropLast()) + "ббб"]) == .latin)
        #expect(ScriptLanguage.dominantScript(of: ["", "  ", "123"]) == nil)
        #expect(ScriptLanguage.dominantScript(of: ["кириллица and a few latin"]) == .latin)
        #expect(ScriptLanguage.dominantScript(of: ["кириллица, немного"]) == .cyrillic)
    }
}
