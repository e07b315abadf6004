import ChansiteCore

extension Post {
    /// Writes the texts of `posts` (from `start` on) that are held in memory, neither short nor
    /// huge (`PostText.spills`), out to `file`, in one write, and holds them there instead
    /// (`PostText`). Texts that cannot be written stay in memory.
    package static func spillTexts(of posts: inout [Post], from start: Int = 0, into file: ScratchFile) {
        var indices: [Int] = []
        var texts: [String] = []
        for index in posts.indices[min(start, posts.count)...] {
            guard case .held(let text) = posts[index].fields.text, PostText.spills(utf8Count: text.utf8.count) else { continue }
            indices.append(index)
            texts.append(text)
        }
        guard !texts.isEmpty, let slices = file.append(texts: texts) else { return }
        for (index, slice) in zip(indices, slices) { posts[index].hold(.spilled(file, slice)) }
    }
}
