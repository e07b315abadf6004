/// Where one post's text lines lie in its dump, as the first segmentation found them: what the
/// seam model learns from.
struct PostLayout {
    /// 1-based line numbers of the post's non-blank text lines, in order.
    var textLines: [Int] = []
    /// False for a forwarded post: its lines show another channel's habits.
    var isOwn = true
}
