import Algorithms
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

/// A channel's discussion group (an export the user lists in `discussionGroups`) made into
/// comments under the channel's posts. The group holds an automatic forward of each post, sent
/// in the channel's name (by id in JSON, by title in HTML): that is a thread's root, found
/// again among the channel's posts by its words and time. Every message whose reply chain leads to a root is a comment on that post,
/// shown by its sender's name only (never an id or a phone number), its numbers masked as
/// posts' are. Messages outside every thread are not published (the group is not a channel).
enum DiscussionComments {
    /// The longest a group's automatic forward may come after its post.
    static let forwardDelay: TimeInterval = 600

    static func attach(_ groups: [ParsedDump], to channels: inout [Channel], withheld: inout Withheld) -> [Diagnostic] {
        var byID: [String: Int] = [:]
        // An HTML export names a forward's channel by title only: titles two channels share
        // name neither.
        var byTitle: [String: Int?] = [:]
        for (index, channel) in channels.enumerated() {
            if let id = channel.info.channelID { byID[id] = index }
            if let title = channel.info.title { byTitle[title] = byTitle[title] == nil ? index : .some(nil) }
        }
        func source(of post: Post) -> Int? {
            if let id = post.details?.forwardedFromID { return byID[String(id.drop { !$0.isNumber })] }
            // The client shows an automatic forward as the channel's own message or as a forward
            // from it.
            return (post.forwardedFrom ?? post.details?.sender).flatMap { byTitle[$0] ?? nil }
        }
        var diagnostics: [Diagnostic] = []
        for group in groups {
            var finder = RootFinder(channels: channels)
            var rootOf: [String: String] = [:]
            var target: [String: (channel: Int, post: Int)] = [:]
            var comments: [String: [Comment]] = [:]
            var outside = 0
            for post in group.posts {
                guard let id = post.messageID else { continue }
                if let channel = source(of: post), post.details?.sender == nil || post.details?.sender == channels[channel].info.title,
                    let found = finder.post(in: channel, like: post)
                {
                    rootOf[id] = id
                    target[id] = (channel, found)
                    continue
                }
                guard let reply = post.replyTo, let root = rootOf[reply] else {
                    outside += 1
                    continue
                }
                rootOf[id] = root
                let shown = PrivacyPass.masking(post, masked: &withheld)
                let author = post.details?.sender ?? post.details?.author ?? group.channel.title ?? ""
                comments[root, default: []].append(Comment(author: author, date: post.date, text: shown.text))
            }
            var count = 0
            for (root, list) in comments {
                guard let (channel, index) = target[root] else { continue }
                var details = channels[channel].posts[index].post.details ?? PostDetails()
                details.comments += list
                channels[channel].posts[index].post.details = details
                count += list.count
            }
            diagnostics.append(
                .note(
                    "discussion group \(group.channel.title ?? group.path): \(Counted.of(count, "comment")) under \(Counted.of(comments.count, "post"))"
                        + (outside > 0 ? "; \(Counted.of(outside, "message")) in no thread of a post not published" : ""),
                    at: SourceLocation(path: group.path)))
        }
        return diagnostics
    }

    /// Finds a channel's post by the words and time of its automatic forward: each channel's
    /// dated posts indexed once by their words, each word's posts by date, so a forward looks at
    /// the posts of its own minutes only (at most `scanLimit` of them: a channel of thousands of
    /// identical posts at one instant costs no more).
    struct RootFinder {
        let channels: [Channel]
        var indexes: [Int: [String: [(date: Date, post: Int)]]] = [:]
        static let scanLimit = 64

        init(channels: [Channel]) { self.channels = channels }

        mutating func post(in channel: Int, like forward: Post) -> Int? {
            if indexes[channel] == nil {
                var index: [String: [(date: Date, post: Int)]] = [:]
                for (n, post) in channels[channel].posts.enumerated() {
                    guard let date = post.post.date else { continue }
                    index[SiteAssembler.comparableText(post.post.text), default: []].append((date, n))
                }
                indexes[channel] = index.mapValues { $0.sorted { ($0.date, $0.post) < ($1.date, $1.post) } }
            }
            guard let date = forward.date, let candidates = indexes[channel]?[SiteAssembler.comparableText(forward.text)] else { return nil }
            // Posted at most `forwardDelay` before the forward, or a minute after (clock skew).
            let earliest = date.addingTimeInterval(-DiscussionComments.forwardDelay)
            let low = candidates.partitioningIndex { $0.date >= earliest }
            let window = candidates[low...].prefix(Self.scanLimit).prefix { $0.date <= date.addingTimeInterval(60) }
            return window.min { abs($0.date.timeIntervalSince(date)) < abs($1.date.timeIntervalSince(date)) }?.post
        }
    }
}
