import ChansiteCore

/// What the render stage keeps from one build for the next in the same process (`serve`):
/// each post's body HTML and rendered summary, a channel's post views, and the fingerprints of
/// its pages. Every entry is keyed by a fingerprint of all its inputs, so rendering with memos
/// writes exactly what rendering without them writes.
package final class RenderMemos: Sendable {
    let bodies = Memo<String>()
    let summaries = Memo<String>()
    /// A channel's post views, by the channel's key and the site's tag links.
    let postViews = Memo<[PostView]>()
    /// The fingerprints of a channel's post and listing pages, by the channel's key, the
    /// templates and the interface words.
    let pageFingerprints = Memo<String>()

    package init() {}

    /// Drops what the build just finished did not use.
    package func endBuild() {
        bodies.endBuild()
        summaries.endBuild()
        postViews.endBuild()
        pageFingerprints.endBuild()
    }
}
