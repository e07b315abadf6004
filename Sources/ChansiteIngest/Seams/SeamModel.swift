import ChansiteCore

/// Learns from one dump's marked seams how its channel opens and closes posts, and finds the
/// places inside posts where that shape says a post ended with no marker (a footer or media
/// block the copy lost). The thresholds, and why (docs/formats.md, "Unmarked seams"):
/// - nothing is learned from fewer than `minimumSeams` (12) marked seams between the channel's own
///   posts (forwarded posts show another channel's habits);
/// - a pattern must hold at `minimumExamples` of them and at most of them: 80 % for one feature,
///   50 % for an opener and a closer together;
/// - it may hold inside posts at most a quarter as often as at marked seams: a channel's habit is
///   rare inside its posts, and those places are the copy's lost seams (a copy that lost more
///   than a fifth of its markers is not read this way);
/// - where a seam cannot be (lines a blank line apart in a t.me/s copy, whose posts never are)
///   the pattern must be at least 20 times rarer than at seams; a pattern of shapes only (a
///   title line, a capital, a full stop, a link) needs that proof, a lexical one (a lead emoji or
///   label, a signature line, trailing hashtags) is trusted without it.
/// A split cuts between two text lines: no word is lost or repeated, and each is reported.
struct SeamModel {
    /// Which gaps between two text lines of one post a lost seam can be, for one format.
    struct Gaps: Sendable {
        /// Blank lines between two lines a lost seam may lie between.
        var candidate: ClosedRange<Int>
        /// From this many blank lines between them, two lines are never a seam (nil: no such gap).
        var impossibleFrom: Int?
    }

    struct Counts {
        var atSeams = 0
        var inside = 0
        var impossible = 0
    }

    static let minimumSeams = 12
    static let minimumExamples = 8
    static let singleConsistency = 0.8
    static let pairConsistency = 0.5
    static let insideShare = 0.25
    static let likelihoodRatio = 20.0
    static let minimumImpossible = 20

    /// The posts' starts the copy's marked seams teach, for a dump first segmented as `layouts`.
    static func seams(layouts: [PostLayout], lines: [String], gaps: Gaps) -> [LearnedSeam] {
        let marked = zip(layouts, layouts.dropFirst()).compactMap { before, after -> (Int, Int)? in
            guard before.isOwn, after.isOwn, let a = before.textLines.last, let b = after.textLines.first else { return nil }
            return (a, b)
        }
        guard marked.count >= minimumSeams else { return [] }
        // Features first, alone: only one common enough for a pair goes into patterns, so the
        // counts stay a few entries however many distinct lines close the posts.
        // Each seam's features are read once, for the counts alone and then for the patterns.
        let features = marked.map { a, b in
            (SeamFeatures.openers(of: lines[b - 1], nextIsBlank: nextIsBlank(b, lines)), SeamFeatures.closers(of: lines[a - 1]))
        }
        var openers: [OpenerFeature: Int] = [:]
        var closers: [CloserFeature: Int] = [:]
        for (opening, closing) in features {
            for feature in opening { openers[feature, default: 0] += 1 }
            for feature in closing { closers[feature, default: 0] += 1 }
        }
        let least = max(Double(minimumExamples), Double(marked.count) * pairConsistency)
        let commonOpeners = Set(openers.filter { Double($0.value) >= least }.keys)
        let commonClosers = Set(closers.filter { Double($0.value) >= least }.keys)
        guard !commonOpeners.isEmpty || !commonClosers.isEmpty else { return [] }
        let openerKinds = commonOpeners.reduce(into: SeamFeatureKinds()) { $0.formUnion($1.kind) }
        let closerKinds = commonClosers.reduce(into: SeamFeatureKinds()) { $0.formUnion($1.kind) }
        func patterns(closing a: Int, opening b: Int) -> [SeamPattern] {
            SeamPattern.all(
                openers: openerKinds.isEmpty
                    ? []
                    : SeamFeatures.openers(of: lines[b - 1], nextIsBlank: nextIsBlank(b, lines), kinds: openerKinds).filter(commonOpeners.contains),
                closers: closerKinds.isEmpty ? [] : SeamFeatures.closers(of: lines[a - 1], kinds: closerKinds).filter(commonClosers.contains))
        }
        var counts: [SeamPattern: Counts] = [:]
        for (opening, closing) in features {
            let found = SeamPattern.all(openers: opening.filter(commonOpeners.contains), closers: closing.filter(commonClosers.contains))
            for pattern in found { counts[pattern, default: Counts()].atSeams += 1 }
        }
        let seamCount = marked.count
        counts = counts.filter { pattern, count in
            count.atSeams >= minimumExamples
                && Double(count.atSeams) >= Double(seamCount) * (pattern.isPair ? pairConsistency : singleConsistency)
        }
        guard !counts.isEmpty else { return [] }
        var candidates: [(line: Int, patterns: [SeamPattern])] = []
        var impossiblePairs = 0
        for layout in layouts {
            for (a, b) in zip(layout.textLines, layout.textLines.dropFirst()) {
                guard let gap = blankGap(from: a, to: b, in: lines) else { continue }
                let isCandidate = gaps.candidate.contains(gap)
                let isImpossible = gaps.impossibleFrom.map { gap >= $0 } ?? false
                guard isCandidate || isImpossible else { continue }
                let found = patterns(closing: a, opening: b).filter { counts[$0] != nil }
                if isImpossible { impossiblePairs += 1 }
                for pattern in found {
                    if isCandidate { counts[pattern]?.inside += 1 } else { counts[pattern]?.impossible += 1 }
                }
                if isCandidate, !found.isEmpty { candidates.append((b, found)) }
            }
        }
        let trusted = counts.filter { trusts($0.key, $0.value, seams: seamCount, impossiblePairs: impossiblePairs) }
        return candidates.compactMap { candidate in
            let best = candidate.patterns.compactMap { pattern in trusted[pattern].map { (pattern, $0) } }
                .max { isWeaker($0, than: $1) }
            guard let (pattern, count) = best else { return nil }
            let reason =
                "\(pattern.phrase), as at \(count.atSeams) of \(seamCount) marked seams; \(Counted.of(count.inside, "such place")) inside posts"
            return LearnedSeam(line: candidate.line, reason: reason, score: score(count))
        }
    }

    /// Orders the patterns that hold at one place: the higher score, then the more seams, then
    /// the simpler pattern (one feature before a pair) tells the reason.
    static func isWeaker(_ a: (SeamPattern, Counts), than b: (SeamPattern, Counts)) -> Bool {
        if score(a.1) != score(b.1) { return score(a.1) < score(b.1) }
        if a.1.atSeams != b.1.atSeams { return a.1.atSeams < b.1.atSeams }
        return a.0.isPair && !b.0.isPair
    }

    static func score(_ count: Counts) -> Double { Double(count.atSeams) / Double(count.atSeams + count.inside) }

    /// Whether a pattern that holds at enough marked seams also passes the tests inside posts.
    static func trusts(_ pattern: SeamPattern, _ count: Counts, seams: Int, impossiblePairs: Int) -> Bool {
        guard count.inside > 0, Double(count.inside) <= Double(count.atSeams) * insideShare else { return false }
        let atSeams = Double(count.atSeams) / Double(seams)
        if pattern.isSpecific {
            guard count.impossible > 0 else { return true }
            return impossiblePairs > 0 && atSeams >= likelihoodRatio * Double(count.impossible) / Double(impossiblePairs)
        }
        guard impossiblePairs >= minimumImpossible else { return false }
        return atSeams >= likelihoodRatio * Double(count.impossible + 1) / Double(impossiblePairs + 1)
    }

    /// The blank lines between two text lines of a post; nil when a non-blank line (a marker,
    /// a dropped line) lies between them.
    static func blankGap(from a: Int, to b: Int, in lines: [String]) -> Int? {
        guard b > a else { return nil }
        for line in a + 1..<b where !lines[line - 1].isBlankLine { return nil }
        return b - a - 1
    }

    /// True when the line after 1-based line `b` is blank.
    static func nextIsBlank(_ b: Int, _ lines: [String]) -> Bool { b < lines.count && lines[b].isBlankLine }
}
