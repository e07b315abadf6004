/// The language a text is most likely in, told by the script most of its letters are written in:
/// enough for `lang` attributes (fonts, hyphenation, screen readers) on posts that are not in
/// the site's language. A script the site's language is written in means the site's language;
/// another script means the language most written in it (Latin: English, Cyrillic: Russian,
/// Arabic: Arabic, Han: Chinese, Han with kana: Japanese, …). Reads at most the first
/// `lettersRead` letters.
package enum ScriptLanguage {
    package enum Script: Int, CaseIterable, Sendable {
        case latin, cyrillic, greek, arabic, hebrew, devanagari, thai, georgian, armenian, hangul, kana, han
    }

    static let lettersRead = 1_000

    /// The language of `text` when it is not `siteLanguage`; nil when it is, or when the text
    /// has no letters.
    package static func language(of texts: String..., siteLanguage: String) -> String? {
        guard let script = dominantScript(of: texts) else { return nil }
        let site = String(siteLanguage.prefix { $0 != "-" && $0 != "_" }).lowercased()
        if script == self.script(ofLanguage: site) || (script == .han && site == "ja") { return nil }
        return language(writtenIn: script)
    }

    /// The script most of the text's first letters are written in (Han with a tenth or more
    /// kana counts as kana: Japanese).
    package static func dominantScript(of texts: [String]) -> Script? {
        // Counted in a fixed array by the script's number: this runs for every post. The texts
        // are read in place, one after another (a post's title, then its body).
        var counts = [Int](repeating: 0, count: Script.allCases.count)
        var read = 0
        for var text in texts where read < lettersRead {
            // Over the UTF-8 bytes: an ASCII byte is classed without decoding a scalar (most
            // letters of most posts), a longer sequence is decoded in place (a `String` is
            // valid UTF-8). Going by `unicodeScalars` was 0.4 s of CPU in a 100k rebuild.
            text.withUTF8 { bytes in
                var i = 0
                while i < bytes.count, read < lettersRead {
                    let lead = bytes[i]
                    let found: Script?
                    if lead < 0x80 {
                        i += 1
                        found = (lead | 0x20) >= 0x61 && (lead | 0x20) <= 0x7A ? .latin : nil
                    } else {
                        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
                        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
                        for k in 1..<length where i + k < bytes.count { value = value << 6 | UInt32(bytes[i + k] & 0x3F) }
                        i += length
                        found = Unicode.Scalar(value).flatMap(script(of:))
                    }
                    guard let found else { continue }
                    counts[found.rawValue] += 1
                    read += 1
                }
            }
        }
        let kana = counts[Script.kana.rawValue]
        let han = counts[Script.han.rawValue]
        if kana > 0, kana * 10 >= kana + han {
            counts[Script.kana.rawValue] += han
            counts[Script.han.rawValue] = 0
        }
        // The most letters; ties go to the script listed first.
        guard let best = counts.indices.max(by: { counts[$0] < counts[$1] || (counts[$0] == counts[$1] && $0 > $1) }), counts[best] > 0
        else { return nil }
        return Script(rawValue: best)
    }

    package static func script(of scalar: Unicode.Scalar) -> Script? {
        switch scalar.value {
        case 0x41...0x5A, 0x61...0x7A, 0xC0...0xD6, 0xD8...0xF6, 0xF8...0x24F, 0x1E00...0x1EFF: .latin
        case 0x370...0x3FF, 0x1F00...0x1FFF: .greek
        case 0x400...0x52F: .cyrillic
        case 0x530...0x58F: .armenian
        case 0x5D0...0x5EA: .hebrew
        case 0x620...0x64A, 0x66E...0x6D3, 0x750...0x77F, 0x8A0...0x8C9, 0xFB50...0xFDFF, 0xFE70...0xFEFC: .arabic
        case 0x900...0x97F: .devanagari
        case 0xE00...0xE7F: .thai
        case 0x10A0...0x10FF: .georgian
        case 0x1100...0x11FF, 0x3130...0x318F, 0xAC00...0xD7AF: .hangul
        case 0x3040...0x30FF: .kana
        case 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF: .han
        default: nil
        }
    }

    /// The script a language is written in (BCP 47 primary subtag); Latin for the rest.
    static func script(ofLanguage language: String) -> Script {
        switch language {
        case "ru", "uk", "be", "bg", "sr", "mk", "kk", "ky", "tg", "mn", "tt", "ba", "cv": .cyrillic
        case "ar", "fa", "ur", "ps", "sd", "ug", "ckb": .arabic
        case "he", "yi": .hebrew
        case "el": .greek
        case "hi", "mr", "ne", "sa": .devanagari
        case "th": .thai
        case "ka": .georgian
        case "hy": .armenian
        case "ko": .hangul
        case "ja": .kana
        case "zh": .han
        default: .latin
        }
    }

    static func language(writtenIn script: Script) -> String {
        switch script {
        case .latin: "en"
        case .cyrillic: "ru"
        case .greek: "el"
        case .arabic: "ar"
        case .hebrew: "he"
        case .devanagari: "hi"
        case .thai: "th"
        case .georgian: "ka"
        case .armenian: "hy"
        case .hangul: "ko"
        case .kana: "ja"
        case .han: "zh"
        }
    }
}
