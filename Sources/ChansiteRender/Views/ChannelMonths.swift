import ChansiteCore
import ChansiteModel

/// A channel's dated posts by month, in the configured time zone: the archive page lists the
/// months with their counts, and each month has a page of its posts (pages of them, past
/// `postsPerPage`).
struct ChannelMonths {
    /// The most posts one month page shows: a busy channel's month (167 posts made one 233 KB
    /// page) is read in pages of summaries of a size a phone loads at once, and a bot's or a
    /// hostile export's month of tens of thousands of posts is never one page of megabytes.
    static let postsPerPage = 100

    struct Month {
        var year: Int
        var month: Int
        /// Indexes into the channel's posts, in reading order.
        var posts: [Int]

        var key: String { "\(year)-" + (month < 10 ? "0" : "") + "\(month)" }
    }

    /// Channel slug → its months, oldest first; channels with no dated post are absent.
    let byChannel: [String: [Month]]

    init(site: Site, calendar: PostCalendar) {
        var byChannel: [String: [Month]] = [:]
        for (c, channel) in site.channels.enumerated() {
            // Appended in place: a month copied out, appended to and stored back copied its
            // whole list each time (quadratic in a busy month).
            var months: [Int: Month] = [:]
            for (index, day) in calendar.days[c].enumerated() {
                guard let day else { continue }
                months[day.year * 12 + day.month, default: Month(year: day.year, month: day.month, posts: [])].posts.append(index)
            }
            if !months.isEmpty { byChannel[channel.slug] = months.keys.sorted().compactMap { months[$0] } }
        }
        self.byChannel = byChannel
    }

    /// The archive page's years, newest first, each with its months and counts.
    func years(channel slug: String, dates: DateDisplay) -> [YearView] {
        let months = byChannel[slug] ?? []
        return Set(months.map(\.year)).sorted(by: >).map { year in
            let inYear = months.filter { $0.year == year }
            return YearView(
                year: year, url: SitePaths.rootLink(to: SitePaths.year(slug, year)),
                count: dates.strings.number(inYear.reduce(0) { $0 + $1.posts.count }),
                months: inYear.map { month in
                    MonthLinkView(
                        monthName: dates.monthName(year: month.year, month: month.month), count: dates.strings.number(month.posts.count),
                        url: SitePaths.rootLink(to: SitePaths.month(slug, month.key)))
                })
        }
    }
}

/// A year of a channel's archive.
struct YearView: TemplateView {
    var year: Int
    var url: String
    var count: String
    var months: [MonthLinkView]

    static let fields = ViewFields<Self>(["year": { $0.year }, "url": { $0.url }, "count": { $0.count }, "months": { $0.months }])
}

/// A link to a month of the archive (also the month pages' earlier and later links).
struct MonthLinkView: TemplateView {
    var monthName: String
    var count: String?
    var url: String

    static let fields = ViewFields<Self>(["monthName": { $0.monthName }, "count": { $0.count }, "url": { $0.url }])
}
