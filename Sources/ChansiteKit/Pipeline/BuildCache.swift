import Foundation

/// What one build hands the next in the same process (`serve`): each dump file's load and
/// parse by its path and bytes, each channel's posts by its dumps, each post's body HTML and rendered summary, and the search index's words (each
/// post's, by its text, and every word's stem). Every entry is keyed by a fingerprint of all
/// its inputs, so a build with a cache writes exactly what one without writes; entries the
/// latest build did not use are dropped after it.
public final class BuildCache: Sendable {
    let dumps = Memo<LoadedFile>()
    let channels = Memo<SiteAssembler.ChannelPosts>()
    let bodies = Memo<String>()
    let summaries = Memo<String>()
    /// A channel's post views, by the channel's key and the site's tag links.
    let postViews = Memo<[PostView]>()
    /// The fingerprints of a channel's post and listing pages, by the channel's key, the
    /// templates and the interface words.
    let pageFingerprints = Memo<String>()
    let vocabulary = IndexVocabulary(keepsDocuments: true)

    /// A dump file's parse (nil when it had none to give) and what loading it reported.
    struct LoadedFile: Sendable {
        var parsed: ParsedDump?
        var diagnostics: [Diagnostic]
    }

    public init() {}

    /// Drops what the build just finished did not use.
    func endBuild() {
        dumps.endBuild()
        channels.endBuild()
        bodies.endBuild()
        summaries.endBuild()
        postViews.endBuild()
        pageFingerprints.endBuild()
        vocabulary.endBuild()
    }
}
