import ChansiteCore
import ChansiteModel

extension ExportChatReader {
    /// The post one message makes when it is not part of an album, made ahead of the reader on
    /// another core (the reader takes the messages in order, on one), with the notes making it
    /// said, which the reader adds when it takes the post.
    struct Draft: Sendable {
        var post: Post
        var notes: OnceNotes
    }

    /// What `makePost` makes of `message` alone, by a copy of this reader (its path, media
    /// and chat) with notes of its own.
    func draft(_ message: ExportJSON.Message, line: Int) -> Draft {
        var scratch = self
        scratch.notes = OnceNotes()
        scratch.currentPath = nil
        let post = scratch.makePost([message], line: line)
        return Draft(post: post, notes: scratch.notes)
    }
}
