import ChansiteCore

/// What the seam model reads in the line that would open a post: a channel that opens its posts
/// one way does so in the posts whose seams are marked.
enum OpenerFeature: Hashable, Sendable {
    /// The line starts with this emoji or symbol, or this short label (`Update:`, `[Новости]`).
    case lead(ByteKey)
    /// The line starts with an emoji or symbol (a channel that varies its openers' emoji).
    case symbol
    /// The line starts with a short label of any words (`【更新】`, `Breaking:`).
    case label
    /// A short line without a closing full stop, comma or colon, before a blank line: a title.
    case title
    /// The line's first letter is a capital (only in scripts that have capitals).
    case capital

    /// Lexical features tell a channel's habit on their own; shapes only beside another feature.
    var isSpecific: Bool {
        switch self {
        case .lead, .symbol, .label: return true
        case .title, .capital: return false
        }
    }

    var kind: SeamFeatureKinds {
        switch self {
        case .lead, .symbol, .label: return .lead
        case .title: return .title
        case .capital: return .capital
        }
    }

    var phrase: String {
        switch self {
        case .lead(let token): return "opens with \u{201C}\(token.text)\u{201D}"
        case .symbol: return "opens with an emoji"
        case .label: return "opens with a label"
        case .title: return "opens with a short title line before a blank line"
        case .capital: return "opens with a capital letter"
        }
    }
}

/// What the seam model reads in the line that would close the post before a seam.
enum CloserFeature: Hashable, Sendable {
    /// The line is exactly this short text (a signature: `— @channel`, `Подписаться: t.me/x`).
    case line(ByteKey)
    /// Text followed by hashtags on the same line.
    case hashtagEnd
    /// The line ends with a link.
    case link
    /// The line starts like a sign-off: a dash, `©`, or it is one `@handle`.
    case signOff
    /// The line ends with this emoji or symbol.
    case trailing(ByteKey)
    /// The line ends a sentence (`.`, `!`, `?`, `…`).
    case sentenceEnd

    var isSpecific: Bool {
        switch self {
        case .line, .hashtagEnd: return true
        case .link, .signOff, .trailing, .sentenceEnd: return false
        }
    }

    var kind: SeamFeatureKinds {
        switch self {
        case .line: return .line
        case .hashtagEnd: return .hashtagEnd
        case .link: return .link
        case .signOff: return .signOff
        case .trailing: return .trailing
        case .sentenceEnd: return .sentenceEnd
        }
    }

    var phrase: String {
        switch self {
        case .line(let key): return "follows the line \u{201C}\(key.text)\u{201D}"
        case .hashtagEnd: return "follows a line ending in hashtags"
        case .link: return "follows a line ending in a link"
        case .signOff: return "follows a sign-off line"
        case .trailing(let token): return "follows a line ending in \u{201C}\(token.text)\u{201D}"
        case .sentenceEnd: return "follows a line that ends a sentence"
        }
    }
}

/// Which features a reading needs: after the marked seams are read, only the kinds a pattern can
/// still use are read inside posts (most copies need two or three of the eleven).
struct SeamFeatureKinds: OptionSet, Hashable, Sendable {
    let rawValue: Int
    static let lead = SeamFeatureKinds(rawValue: 1 << 0)
    static let title = SeamFeatureKinds(rawValue: 1 << 1)
    static let capital = SeamFeatureKinds(rawValue: 1 << 2)
    static let line = SeamFeatureKinds(rawValue: 1 << 3)
    static let hashtagEnd = SeamFeatureKinds(rawValue: 1 << 4)
    static let link = SeamFeatureKinds(rawValue: 1 << 5)
    static let signOff = SeamFeatureKinds(rawValue: 1 << 6)
    static let trailing = SeamFeatureKinds(rawValue: 1 << 7)
    static let sentenceEnd = SeamFeatureKinds(rawValue: 1 << 8)
    static let all = SeamFeatureKinds(rawValue: (1 << 9) - 1)
}

/// Reads opener and closer features from a line. Each reads a bounded part of the line (its
/// first or last characters, or the whole of a short line), so a hostile line costs no more
/// than its length.
enum SeamFeatures {
    /// Lines longer than this (in UTF-8 bytes) are never a signature or a title.
    static let shortLineBytes = 360
    /// A label is at most this many characters and three words (`Breaking news:`).
    static let labelCharacters = 24

    static func openers(of line: String, nextIsBlank: Bool, kinds: SeamFeatureKinds = .all) -> [OpenerFeature] {
        let text = line.trimmingWhitespace()
        guard let first = text.first else { return [] }
        var features: [OpenerFeature] = []
        if kinds.contains(.lead) {
            if let token = symbolToken(first) {
                features += [.lead(ByteKey(token)), .symbol]
            } else if let token = label(text) {
                features += [.lead(ByteKey(token)), .label]
            }
        }
        if kinds.contains(.title), nextIsBlank, text.utf8.count <= shortLineBytes, text.count <= 90, let last = text.last,
            !",.;:".contains(last)
        {
            features.append(.title)
        }
        if kinds.contains(.capital), let letter = text.prefix(8).first(where: \.isLetter), letter.isUppercase { features.append(.capital) }
        return features
    }

    static func closers(of line: String, kinds: SeamFeatureKinds = .all) -> [CloserFeature] {
        let text = line.trimmingWhitespace()
        guard let last = text.last else { return [] }
        var features: [CloserFeature] = []
        if kinds.contains(.line), text.utf8.count <= shortLineBytes { features.append(.line(ByteKey(text.normalizedSpaces))) }
        if !kinds.isDisjoint(with: [.hashtagEnd, .link, .signOff]) {
            let lastWord = text.suffix(from: text.lastIndex(where: { $0.isWhitespace }).map(text.index(after:)) ?? text.startIndex)
            if kinds.contains(.hashtagEnd), lastWord.first == "#", lastWord.count > 1, lastWord.dropFirst().contains(where: \.isLetter),
                !Hashtags.isHashtagLine(text)
            {
                features.append(.hashtagEnd)
            }
            if kinds.contains(.link), lastWord.hasPrefix("http://") || lastWord.hasPrefix("https://") || lastWord.hasPrefix("t.me/") {
                features.append(.link)
            }
            if kinds.contains(.signOff), let first = text.first, "—–©".contains(first) || (first == "@" && lastWord.startIndex == text.startIndex) {
                features.append(.signOff)
            }
        }
        if kinds.contains(.trailing), let token = symbolToken(last) { features.append(.trailing(ByteKey(token))) }
        if kinds.contains(.sentenceEnd), ".!?…".contains(last) { features.append(.sentenceEnd) }
        return features
    }

    /// An emoji or other symbol, without its variation selector (`❗️` and `❗` are one token).
    static func symbolToken(_ character: Character) -> String? {
        guard let scalar = character.unicodeScalars.first else { return nil }
        switch scalar.properties.generalCategory {
        case .otherSymbol, .mathSymbol:
            break
        default:
            // Keycaps and flags start with digits, `#` or regional indicators: emoji too.
            guard character.unicodeScalars.count > 1, character.unicodeScalars.contains(where: \.properties.isEmojiPresentation) else {
                return nil
            }
        }
        return String(String.UnicodeScalarView(character.unicodeScalars.filter { $0.value != 0xFE0F }))
    }

    /// A short label that opens the line's text: up to three words and a colon, or bracketed words.
    static func label(_ text: String) -> String? {
        // Most lines open with a word and hold no colon near the start: answered from the bytes.
        let bytes = text.utf8
        let opensBracket = bytes.first == UInt8(ascii: "[") || text.hasPrefix("【")
        guard opensBracket || bytes.prefix(4 * (labelCharacters + 1)).contains(UInt8(ascii: ":")) else { return nil }
        let head = text.prefix(labelCharacters + 2)
        let brackets: [Character: Character] = ["[": "]", "【": "】"]
        if let open = head.first, let close = brackets[open], let end = head.firstIndex(of: close) {
            let inner = head[head.index(after: head.startIndex)..<end]
            return inner.contains(where: \.isLetter) ? String(head[...end]).lowercased() : nil
        }
        guard let colon = head.firstIndex(of: ":"), colon > head.startIndex else { return nil }
        let after = head.index(after: colon)
        // A label opens text on its line; a short line ending in a colon introduces a list.
        guard after < text.endIndex, text[after].isWhitespace, text[after...].contains(where: { !$0.isWhitespace }) else { return nil }
        let words = head[..<colon].split(whereSeparator: \.isWhitespace)
        guard words.count <= 3, head[..<colon].contains(where: \.isLetter), !head[..<colon].contains("/") else { return nil }
        return String(head[...colon]).lowercased()
    }
}
