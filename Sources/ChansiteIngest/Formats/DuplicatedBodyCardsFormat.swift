/// Telegram web-preview posts copied without blank lines: each post is its first paragraph,
/// the remaining paragraphs twice in a row (byte-identical), an optional three-line link
/// preview card (site, title, description) and a reaction line. The first paragraph is not
/// a title. Recognised by every block following that exact doubled pattern.
package struct DuplicatedBodyCardsFormat: SegmentedFormat {
    package let id = "tme_s_dupbody_reactions"

    package init() {}

    package func confidence(for features: DumpFeatures) -> Double {
        let family = features.reactionFamily
        guard family > 0 else { return 0 }
        let (share, cards) = features.exactShare
        // A web-preview copy never shows pin notices: they mark the heading format.
        let hasPins = features.pinNotice
        guard share == 1, !hasPins else { return family * 0.5 }
        return cards > 0 ? 0.95 : family
    }

    func classifier(for dump: RawDump) -> ReactionBlocksClassifier { ReactionBlocksClassifier(dump, headIsTitle: false) }
}
