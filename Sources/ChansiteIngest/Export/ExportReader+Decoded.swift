import ChansiteCore

extension ExportReader {
    /// A message as decoded, for a cache outside this module to keep: a reference, so that
    /// the cache's table holds a pointer a message. Held inline, the table of an edited
    /// export's 17k messages was tens of megabytes, copied and its new pages cleared at each
    /// doubling: a third of `serve`'s first edit of an export at 100k posts.
    package final class Decoded: Sendable {
        let message: ExportJSON.Message
        /// What the last read made of it ahead of the reader, and in what context.
        private let made = LockedBox<(context: Context, prepared: Prepared)?>(nil)

        init(message: ExportJSON.Message) { self.message = message }

        /// Everything a message's draft depends on besides its bytes: the file, the chat's
        /// name (a message from anyone else names its sender), the export folder's files (its
        /// media are resolved there) and the line it starts on.
        struct Context: Hashable, Sendable {
            var path: String
            var chat: String?
            var media: String
            var line: Int
        }

        /// A message's range problems and the post it makes alone (`ExportChatReader.draft`).
        struct Prepared: Sendable {
            var problems: [String]
            var draft: ExportChatReader.Draft?
        }

        /// What an earlier read in the same context made of this message, else `make()`'s,
        /// kept for the next read.
        func prepared(_ context: Context, _ make: () -> Prepared) -> Prepared {
            if let earlier = made.value, earlier.context == context { return earlier.prepared }
            let prepared = make()
            made.mutate { $0 = (context, prepared) }
            return prepared
        }
    }
}
