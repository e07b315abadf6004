import ChansiteCore

/// What the render stage asks of a cache kept between builds (`serve` keeps one in memory):
/// each post's body HTML and rendered summary, a channel's post views, and the fingerprints of
/// its pages. Every entry is keyed by a fingerprint of all its inputs, so rendering with a
/// cache writes exactly what rendering without one writes.
package struct RenderCache: Sendable {
    let bodies: any StageCache<String>
    let summaries: any StageCache<String>
    /// A channel's post views, by the channel's key and the site's tag links.
    let postViews: any StageCache<[PostView]>
    /// The fingerprints of a channel's post and listing pages, by the channel's key, the
    /// templates and the interface words.
    let pageFingerprints: any StageCache<String>

    /// Kept in memory, for as long as the value is.
    package init() {
        bodies = Memo<String>()
        summaries = Memo<String>()
        postViews = Memo<[PostView]>()
        pageFingerprints = Memo<String>()
    }

    /// Drops what the build just finished did not use.
    package func endBuild() {
        bodies.endBuild()
        summaries.endBuild()
        postViews.endBuild()
        pageFingerprints.endBuild()
    }
}
