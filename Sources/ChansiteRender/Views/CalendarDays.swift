import ChansiteCore
import ChansiteModel

/// The site's dated posts by calendar day of the year (`03-05`), in the configured time zone,
/// across every channel and year: a page per day lists what was posted on it in each year
/// ("on this day"), and the home page's script picks today's.
struct CalendarDays {
    struct Entry {
        var channel: Int
        var post: Int
        var year: Int
    }

    /// The most posts one day page shows.
    static let postsPerPage = 100

    /// `MM-DD` → the day's posts, newest year first (then in reading order), sorted by key.
    let byDay: [(key: String, month: Int, day: Int, posts: [Entry])]

    init(calendar: PostCalendar) {
        var days: [String: (month: Int, day: Int, posts: [Entry])] = [:]
        for (c, channel) in calendar.days.enumerated() {
            for (p, found) in channel.enumerated() {
                guard let found else { continue }
                let key = Self.key(month: found.month, day: found.day)
                days[key, default: (found.month, found.day, [])].posts.append(Entry(channel: c, post: p, year: found.year))
            }
        }
        byDay = days.keys.sorted().compactMap { key in
            days[key].map {
                (key, $0.month, $0.day, $0.posts.enumerated().sorted { ($1.element.year, $0.offset) < ($0.element.year, $1.offset) }.map(\.element))
            }
        }
    }

    static func key(month: Int, day: Int) -> String {
        (month < 10 ? "0" : "") + "\(month)-" + (day < 10 ? "0" : "") + "\(day)"
    }

    /// What the home page's script needs: each day with the years it has posts in
    /// (`03-05:2021,2023;…`).
    var yearsByDay: String {
        byDay.map { day in day.key + ":" + Set(day.posts.map(\.year)).sorted().map(String.init).joined(separator: ",") }.joined(separator: ";")
    }
}

/// The page of one calendar day: its posts by year, newest first.
struct DayPageView: TemplateView {
    var dayName: String
    var countText: String
    var years: [DayYearView]
    var daysURL: String
    var pagination: PaginationView

    static let fields = ViewFields<Self>([
        "dayName": { $0.dayName }, "countText": { $0.countText }, "years": { $0.years }, "daysURL": { $0.daysURL },
        "pagination": { $0.pagination },
    ])
}

/// One year of a day page.
struct DayYearView: TemplateView {
    var year: Int
    var anchor: String
    var posts: [PostView]

    static let fields = ViewFields<Self>(["year": { $0.year }, "anchor": { $0.anchor }, "posts": { $0.posts }])
}

/// Every calendar day with posts, by month.
struct DaysView: TemplateView {
    var months: [DaysMonthView]

    static let fields = ViewFields<Self>(["months": { $0.months }])
}

struct DaysMonthView: TemplateView {
    var month: Int
    var monthName: String
    var days: [LinkView]

    static let fields = ViewFields<Self>(["monthName": { $0.monthName }, "days": { $0.days }])
}

/// A channel's year: its months, busiest days, top tags and most-reacted posts.
struct YearPageView: TemplateView {
    var channel: ChannelView
    var year: Int
    var countText: String
    var months: [MonthLinkView]
    var busiestDays: [LinkView]
    var topTags: [LinkView]
    var mostReacted: [LinkView]
    var archiveURL: String

    static let fields = ViewFields<Self>([
        "channel": { $0.channel }, "year": { $0.year }, "countText": { $0.countText }, "months": { $0.months },
        "busiestDays": { $0.busiestDays.isEmpty ? nil : $0.busiestDays }, "topTags": { $0.topTags.isEmpty ? nil : $0.topTags },
        "mostReacted": { $0.mostReacted.isEmpty ? nil : $0.mostReacted }, "archiveURL": { $0.archiveURL },
        "hasBusiestDays": { $0.busiestDays.isEmpty ? nil : true }, "hasTopTags": { $0.topTags.isEmpty ? nil : true },
        "hasMostReacted": { $0.mostReacted.isEmpty ? nil : true },
    ])
}
