import ChansiteCore
import ChansiteModel

/// What one line of a dump is, as a format's classifier reads it; the `Segmenter` acts on it.
struct LineRole {
    enum Action {
        /// Text of the open post; a post opens for it when none is open.
        case text
        /// Text of the open post, followed by lines only the other copy of a doubled text holds.
        case textWithExtras([String])
        /// A paragraph break inside the open post; nothing outside one.
        case blank
        /// A hashtag-only line: the post's tags (opens a post when none is open).
        case tags
        /// A marker of the open post (opens one when none is open): covered, not text.
        case marker
        /// In no post's text, for a reason.
        case dropped(String, DropPlacement)
        /// A blank line that separates posts (generic text): closes the open post, covers nothing.
        case separator
        /// Nothing at all (blank lines of formats whose copies have none between a post's lines).
        case ignored
    }

    /// Where a dropped line's span goes.
    enum DropPlacement {
        /// Between posts or beside them: no post's span.
        case aside
        /// Inside the open post's span (a duplicate copy, a duration, a preview line).
        case inPost
        /// Inside the span of the post closed last (a footer under it).
        case previousPost
    }

    var action: Action
    /// What the line tells about the post (forward, media, reactions…).
    var mark: PostMark = .none
    /// Close the open post before acting (the line starts a new post or stands between posts).
    var closesBefore = false
    /// Close the post after acting (the line ends it).
    var closesAfter = false

    static let text = LineRole(action: .text)
    static let blank = LineRole(action: .blank)
    static let ignored = LineRole(action: .ignored)

    static func marker(_ mark: PostMark = .none, closesBefore: Bool = false, closesAfter: Bool = false) -> LineRole {
        LineRole(action: .marker, mark: mark, closesBefore: closesBefore, closesAfter: closesAfter)
    }

    static func dropped(_ reason: String, _ placement: DropPlacement = .aside, closesBefore: Bool = false) -> LineRole {
        LineRole(action: .dropped(reason, placement), closesBefore: closesBefore)
    }
}

/// What a line tells about the post it belongs to, besides its text.
enum PostMark {
    case none
    case forward(String)
    case media
    case reactions([Reaction])
    case date(String)
    case title(String)
    case card(LinkPreview)
    case reply(ReplyQuote)
}
