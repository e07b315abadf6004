import Foundation

/// What one build hands the next in the same process (`serve`): each dump's parse by its path
/// and bytes, each channel's posts by its dumps, each post's body HTML and rendered summary, and the search index's words (each
/// post's, by its text, and every word's stem). Every entry is keyed by a fingerprint of all
/// its inputs, so a build with a cache writes exactly what one without writes; entries the
/// latest build did not use are dropped after it.
public final class BuildCache: Sendable {
    let parses = Memo<ParsedDump>()
    let channels = Memo<SiteAssembler.ChannelPosts>()
    let bodies = Memo<String>()
    let summaries = Memo<String>()
    let vocabulary = IndexVocabulary(keepsDocuments: true)

    public init() {}

    /// Drops what the build just finished did not use.
    func endBuild() {
        parses.endBuild()
        channels.endBuild()
        bodies.endBuild()
        summaries.endBuild()
        vocabulary.endBuild()
    }
}
