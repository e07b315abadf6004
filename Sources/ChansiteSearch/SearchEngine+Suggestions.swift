extension SearchEngine {
    /// One way to loosen a query that finds nothing (search.js's `relaxations`, in the same order).
    package enum Relaxation: Equatable, Sendable {
        /// The phrases' words searched as words.
        case withoutQuotes
        /// A `year:`, `month:` or `has:` operator, an excluded `-word` or `-"phrase"` left out, as written.
        case without(String)
        case allChannels
        case anyTag
    }

    /// A loosened query and what it finds.
    package struct Suggestion: Equatable, Sendable {
        package var relaxation: Relaxation
        package var query: String
        package var channel: String?
        package var tag: String?
        package var count: Int
    }

    /// For a query that finds nothing, each loosening of it that finds something, with its count.
    /// - Throws: `DiagnosticError` naming an index file when one is damaged.
    package func suggestions(_ query: String, channel: String? = nil, tag: String? = nil) throws -> [Suggestion] {
        var out: [Suggestion] = []
        for (relaxation, loosened) in Self.relaxations(of: query) {
            let count = try count(loosened, channel: channel, tag: tag)
            if count > 0 { out.append(Suggestion(relaxation: relaxation, query: loosened, channel: channel, tag: tag, count: count)) }
        }
        if channel != nil {
            let count = try count(query, tag: tag)
            if count > 0 { out.append(Suggestion(relaxation: .allChannels, query: query, channel: nil, tag: tag, count: count)) }
        }
        if tag != nil {
            let count = try count(query, channel: channel)
            if count > 0 { out.append(Suggestion(relaxation: .anyTag, query: query, channel: channel, tag: nil, count: count)) }
        }
        return out
    }

    /// Each loosening of a query's own words: its phrases unquoted, then each `year:`, `month:` and `has:`
    /// operator, each `-word` and each `-"phrase"` left out. A loosened query is written anew:
    /// its words, then its phrases in ASCII quotes, then a space (no word is being typed).
    static func relaxations(of query: String) -> [(Relaxation, String)] {
        let (words, phrases) = Phrase.split(query)
        let tokens = words.split(whereSeparator: \.isWhitespace).map(String.init)
        func write(_ tokens: [String], _ phrases: [Phrase]) -> String {
            let quoted = phrases.map { ($0.excluded ? "-" : "") + "\"" + $0.text + "\"" }
            return (tokens + quoted).joined(separator: " ") + " "
        }
        var out: [(Relaxation, String)] = []
        if phrases.contains(where: { !$0.excluded }) {
            let unquoted = phrases.filter { !$0.excluded }.map(\.text)
            out.append((.withoutQuotes, write(tokens + unquoted, phrases.filter(\.excluded))))
        }
        for (i, token) in tokens.enumerated() where isLoosenable(token) {
            var rest = tokens
            rest.remove(at: i)
            out.append((.without(token), write(rest, phrases)))
        }
        for (i, phrase) in phrases.enumerated() where phrase.excluded {
            var rest = phrases
            rest.remove(at: i)
            out.append((.without("-\"" + phrase.text + "\""), write(tokens, rest)))
        }
        return out
    }

    /// A `year:`, `month:` or `has:` operator, or an excluded word (`-` and a letter or digit).
    private static func isLoosenable(_ token: String) -> Bool {
        if Operators.filterNames.contains(where: { token.hasPrefix($0 + ":") }) { return true }
        guard token.hasPrefix("-"), let next = token.unicodeScalars.dropFirst().first else { return false }
        return next.properties.isAlphabetic || next.properties.numericType != nil || next == "#"
    }
}
