import ChansiteCore
import Foundation

/// What the pages of an HTML export showed, gathered while their messages are read: the chat's
/// name and whatever tells whether it is a channel.
final class PageFacts {
    var chatName: String?
    var senders: Set<String> = []
    var saysChannel = false
    var hasSignature = false
    /// The first page (in message order) that holds messages.
    var firstPath: String?
    var pagesWithMessages = 0
    var messages = 0
    var diagnostics: [Diagnostic] = []

    func add(_ path: String, _ page: DesktopHTMLPage) {
        chatName = chatName ?? page.chatName
        senders.formUnion(page.senders)
        saysChannel = saysChannel || page.saysChannel
        hasSignature = hasSignature || page.hasSignature
        guard !page.messages.isEmpty else { return }
        firstPath = firstPath ?? path
        pagesWithMessages += 1
        messages += page.messages.count
    }
}

/// An HTML export's messages in page order, parsed `batch` pages at a time on all cores: only a
/// batch's pages are held as messages while the reader turns them into posts.
struct PageEntries: Sequence {
    let pages: [(path: String, data: Data)]
    let facts: PageFacts
    let batch: Int

    func makeIterator() -> Iterator { Iterator(pages: pages, facts: facts, batch: Swift.max(1, batch)) }

    struct Iterator: IteratorProtocol {
        let pages: [(path: String, data: Data)]
        let facts: PageFacts
        let batch: Int
        private var nextPage = 0
        private var buffer: [ExportChatReader.Entry] = []
        private var position = 0

        init(pages: [(path: String, data: Data)], facts: PageFacts, batch: Int) {
            self.pages = pages
            self.facts = facts
            self.batch = batch
        }

        mutating func next() -> ExportChatReader.Entry? {
            while position == buffer.count {
                guard nextPage < pages.count else { return nil }
                let range = nextPage..<Swift.min(pages.count, nextPage + batch)
                nextPage = range.upperBound
                let pages = pages
                let parsed = range.concurrentMap(chunk: 1) { DesktopHTMLReader.parse(pages[$0].path, pages[$0].data) }
                buffer = []
                position = 0
                for read in parsed {
                    facts.diagnostics += read.diagnostics
                    guard let page = read.page else { continue }
                    facts.add(read.path, page)
                    for (message, line) in page.messages {
                        buffer.append(ExportChatReader.Entry(message: .success(message), line: line, nextLine: Int.max, path: read.path))
                    }
                }
            }
            defer { position += 1 }
            return buffer[position]
        }
    }
}
