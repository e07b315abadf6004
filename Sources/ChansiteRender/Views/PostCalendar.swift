import ChansiteCore
import ChansiteModel

/// Each dated post's calendar day in the configured time zone, worked out once a build (on all
/// cores) for the month, day and year pages, which all group posts by it.
struct PostCalendar: Sendable {
    struct Day: Sendable, Hashable {
        var year: Int
        var month: Int
        var day: Int
    }

    /// By channel (in the site's order), by post: nil for an undated post.
    let days: [[Day?]]

    /// `memo` keeps each keyed channel's days between builds (its key holds the time zone).
    init(site: Site, dates: DateDisplay, memo: (any StageCache<[Day?]>)? = nil) {
        days = site.channels.map { channel in
            channel.kept("calendar", in: memo) {
                channel.posts.indices.concurrentMap { index in
                    channel.posts[index].post.date.map { date in
                        let (year, month, day) = dates.day(of: date)
                        return Day(year: year, month: month, day: day)
                    }
                }
            }
        }
    }
}
