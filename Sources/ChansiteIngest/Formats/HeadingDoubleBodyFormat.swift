/// A channel page copied without blank lines: each post is a heading line (the message's first
/// line, which the page shows as a headline), the rest of the message twice (the copies may
/// differ where formatted spans were cut or glued), and a reaction line. Pin notices
/// (`Name pinned «…»`) sit between posts. The author's `@handle` signature is body text.
package struct HeadingDoubleBodyFormat: SegmentedFormat {
    package let id = "tg_heading_doublebody_reactions"

    package init() {}

    package func confidence(for features: DumpFeatures) -> Double {
        let family = features.reactionFamily
        guard family > 0 else { return 0 }
        // A copy artefact that is not exact everywhere, or pin notices, mark this variant.
        let hasPins = features.pinNotice
        let share = features.exactShare.share
        // Exact everywhere and no pins reads as the card format; this one stays well behind.
        return hasPins || share < 1 ? min(1, family + 0.05) : family * 0.6
    }

    func classifier(for dump: RawDump) -> ReactionBlocksClassifier { ReactionBlocksClassifier(dump, headIsTitle: true) }
}
