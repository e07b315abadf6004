/// A way posts meet that the seam model can learn: how the next post opens, how the post
/// before closes, or both at once.
enum SeamPattern: Hashable, Sendable {
    case opener(OpenerFeature)
    case closer(CloserFeature)
    case pair(OpenerFeature, CloserFeature)

    /// Lexical patterns (a lead token, a signature line, trailing hashtags) may be learned from
    /// seams alone; a pattern of shapes only must also be rare where a seam cannot be.
    var isSpecific: Bool {
        switch self {
        case .opener(let opener): return opener.isSpecific
        case .closer(let closer): return closer.isSpecific
        case .pair(let opener, let closer): return opener.isSpecific || closer.isSpecific
        }
    }

    var isPair: Bool {
        if case .pair = self { return true }
        return false
    }

    var phrase: String {
        switch self {
        case .opener(let opener): return opener.phrase
        case .closer(let closer): return closer.phrase
        case .pair(let opener, let closer): return opener.phrase + " and " + closer.phrase
        }
    }

    /// Every pattern that holds where a line with `closers` is followed by one with `openers`.
    static func all(openers: [OpenerFeature], closers: [CloserFeature]) -> [SeamPattern] {
        var patterns: [SeamPattern] = []
        patterns.reserveCapacity(openers.count * (closers.count + 1) + closers.count)
        for opener in openers {
            patterns.append(.opener(opener))
            for closer in closers { patterns.append(.pair(opener, closer)) }
        }
        for closer in closers { patterns.append(.closer(closer)) }
        return patterns
    }
}
