import ChansiteCore
import ChansiteModel

/// What a format parser made of one dump: the channel header, the posts, and an account of
/// every line that went into neither.
package struct ParsedDump: Sendable, Equatable {
    /// A non-blank line that is in no post body and no header, and why.
    package struct DroppedLine: Sendable, Hashable, Codable {
        package var line: Int
        package var reason: String
    }

    package var path: String
    /// The format's id (`tme_s_text_placeholders`, …, or `generic`).
    package var format: String
    package var channel: ChannelInfo
    package var posts: [Post]
    package var diagnostics: [Diagnostic]
    package var droppedLines: [DroppedLine]
    /// True when the dump lists posts newest first (aggregator pages); the site shows oldest first.
    package var newestFirst = false
    /// A fingerprint of everything the parse read (for an export, its files, its folder's
    /// media files and the reader's settings), so the model can know a channel whose inputs did
    /// not change. Set by the build; nil when some input could not be read.
    package var sourceKey: String?
    /// Posts started where no marker showed a seam, learned from the dump's marked seams.
    package var learnedSeams: [LearnedSeam] = []
    /// True for a channel's discussion group (`discussionGroups`): its messages are comments on
    /// the channel's posts, never a channel of the site.
    package var isDiscussion = false

    package init(
        path: String, format: String, channel: ChannelInfo = ChannelInfo(), posts: [Post] = [],
        diagnostics: [Diagnostic] = [], droppedLines: [DroppedLine] = []
    ) {
        self.path = path
        self.format = format
        self.channel = channel
        self.posts = posts
        self.diagnostics = diagnostics
        self.droppedLines = droppedLines
    }

    /// True for a channel read from a Telegram Desktop export.
    package var isExport: Bool { format == ExportChatReader.format }

    /// True when every post carries its real message id (exports and saved web-preview pages):
    /// such sources merge by id.
    package var hasMessageIDs: Bool { isExport || format == WebPreviewReader.format }

    /// Records that a line was left out of every post, and why.
    mutating func drop(_ line: Int, _ reason: String) {
        droppedLines.append(DroppedLine(line: line, reason: reason))
    }

    /// Each learned seam as a note at its line (`--verbose`, `inspect`).
    package var learnedSeamNotes: [Diagnostic] {
        learnedSeams.map { .note($0.message, at: SourceLocation(path: path, line: $0.line)) }
    }

    /// The dropped lines as notes, grouped into runs with one reason each.
    package var droppedLineNotes: [Diagnostic] {
        var notes: [Diagnostic] = []
        var runStart: DroppedLine?
        var runEnd = 0
        func flush() {
            guard let start = runStart else { return }
            let span = start.line == runEnd ? "" : " (lines \(start.line)–\(runEnd))"
            notes.append(.note("\(start.reason) skipped\(span)", at: SourceLocation(path: path, line: start.line)))
        }
        for dropped in droppedLines.sorted(by: { $0.line < $1.line }) {
            if let start = runStart, start.reason == dropped.reason, dropped.line == runEnd + 1 {
                runEnd = dropped.line
            } else {
                flush()
                runStart = dropped
                runEnd = dropped.line
            }
        }
        flush()
        return notes
    }
}

extension ParsedDump {
    /// Lets the posts' texts wait in `file` (`Post.spillTexts`).
    package mutating func spillTexts(into file: ScratchFile) {
        Post.spillTexts(of: &posts, into: file)
    }
}
