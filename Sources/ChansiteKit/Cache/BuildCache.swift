import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteRender
import ChansiteSearch
import Foundation

/// What one build hands the next in the same process (`serve`): each dump file's load and
/// parse by its path and bytes, each channel's posts by its dumps, each post's body HTML and rendered summary, and the search index's words (each
/// post's, by its text, and every word's stem). Every entry is keyed by a fingerprint of all
/// its inputs, so a build with a cache writes exactly what one without writes; entries the
/// latest build did not use are dropped after it.
package final class BuildCache: Sendable {
    let dumps = Memo<LoadedFile>()
    /// Each export job's channels, by its files, media folders and the readers' settings.
    let exports = Memo<Pipeline.ExportRead>()
    /// Each export message decoded, by its bytes: an edited export decodes only what changed.
    let exportMessages = Memo<ExportReader.Decoded>()
    /// The export read last on its own (an edit), with its bytes and scan: its next edit scans
    /// only what changed.
    let lastExport = LockedBox<ExportReader.Scanned?>(nil)
    /// The last read's export digests with their files' stamps: an export whose stamp did not
    /// change is not hashed again.
    let exportDigests = LockedBox<[String: ContentFiles.Stamped]>([:])
    let channels = Memo<SiteAssembler.ChannelPosts>()
    /// Post bodies and summaries, post views and page fingerprints.
    let render = RenderCache()
    let vocabulary = IndexVocabulary(
        documents: Memo<SearchIndexBuilder.DocumentWordIDs>(), channelLists: Memo<[String]>(), segments: Memo<SearchIndexBuilder.Segment>())

    /// A dump file's parse (nil when it had none to give) and what loading it reported.
    struct LoadedFile: Sendable {
        var parsed: ParsedDump?
        var diagnostics: [Diagnostic]
    }

    package init() {}

    /// Drops what the build just finished did not use.
    func endBuild() {
        dumps.endBuild()
        exports.endBuild()
        exportMessages.endBuild()
        channels.endBuild()
        render.endBuild()
        vocabulary.endBuild()
    }
}
