import ChansiteCore

extension Post {
    /// What makes a post the same post: its words and what a reader sees that does not change
    /// when the channel is copied again later. A relative date ("3 months ago"), reaction counts
    /// and the time of the copy are not part of it, so a post keeps its URL across copies.
    package var contentFingerprint: String {
        [title ?? "", text, stableDateText ?? "", forwardedFrom ?? "", hasMediaPlaceholder ? "media" : ""].joined(separator: "\u{1F}")
    }

    /// The date text when it is a date, not a distance from the moment of the copy.
    package var stableDateText: String? {
        dateText.flatMap { RelativeDate.isDateLine($0) ? nil : $0 }
    }
}
