import ChansiteCore
import ChansiteModel

/// The pages of the calendar: a channel's year, every calendar day, and one day across years.
extension PageRenderer {
    /// Busiest days, top tags and most-reacted posts a year page shows.
    static let yearHighlights = (days: 5, tags: 10, posts: 5)

    func yearPage(channel c: Int, year: Int, views: Views) -> (String, PageView) {
        let channel = site.channels[c]
        let dates = views.posts.dates
        let months = (self.months.byChannel[channel.slug] ?? []).filter { $0.year == year }
        let indices = months.flatMap(\.posts)
        var perDay: [String: (month: Int, day: Int, count: Int)] = [:]
        var perTag: [String: Int] = [:]
        var reacted: [(index: Int, total: Int)] = []
        for index in indices {
            // Read in place: a copy of each post retained a dozen references.
            if let found = calendar.days[c][index] {
                perDay[CalendarDays.key(month: found.month, day: found.day), default: (found.month, found.day, 0)].count += 1
            }
            for key in Set(channel.posts[index].tagKeys) { perTag[key, default: 0] += 1 }
            let total = (channel.posts[index].post.reactions ?? []).reduce(0) { $0 + min($1.count, Int(Int32.max)) }
            if total > 0 { reacted.append((index, total)) }
        }
        let busiest = perDay.sorted { ($1.value.count, $0.key) < ($0.value.count, $1.key) }.prefix(Self.yearHighlights.days).map { key, value in
            LinkView(
                name: dates.dayName(month: value.month, day: value.day),
                url: SitePaths.rootLink(to: SitePaths.month(channel.slug, "\(year)-" + key.prefix(2))), count: strings.count("posts", value.count))
        }
        let tags = perTag.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.prefix(Self.yearHighlights.tags).compactMap { key, count in
            tagsByKey[key].map { LinkView(name: $0.name, url: SitePaths.rootLink(to: SitePaths.tag($0.slug)), count: strings.number(count)) }
        }
        let top = reacted.sorted { ($1.total, $0.index) < ($0.total, $1.index) }.prefix(Self.yearHighlights.posts).map { entry in
            let post = channel.posts[entry.index]
            return LinkView(name: post.heading, url: SitePaths.rootLink(to: post.path), count: strings.count("reactionsTotal", entry.total))
        }
        let view = YearPageView(
            channel: views.steady[c], year: year, countText: strings.count("posts", indices.count),
            months: months.map { month in
                MonthLinkView(
                    monthName: dates.monthName(year: month.year, month: month.month), count: strings.number(month.posts.count),
                    url: SitePaths.rootLink(to: SitePaths.month(channel.slug, month.key)))
            }, busiestDays: Array(busiest), topTags: Array(tags), mostReacted: Array(top),
            archiveURL: SitePaths.rootLink(to: SitePaths.archive(channel.slug)))
        let title = strings.text("yearOf", ["channel": channel.displayName, "year": String(year)])
        return (SitePaths.year(channel.slug, year), page(.year, title: title, view))
    }

    func dayIndexPage(views: Views) -> (String, PageView) {
        let dates = views.posts.dates
        var months: [DaysMonthView] = []
        for day in days.byDay {
            let link = LinkView(
                name: dates.dayName(month: day.month, day: day.day), url: SitePaths.rootLink(to: SitePaths.day(day.key)),
                count: strings.number(day.posts.count))
            if months.last?.month == day.month {
                months[months.count - 1].days.append(link)
            } else {
                months.append(DaysMonthView(month: day.month, monthName: dates.monthOnlyName(day.month), days: [link]))
            }
        }
        return (SitePaths.dayIndex, page(.days, title: strings.text("onThisDay"), DaysView(months: months)))
    }

    func dayPage(_ d: Int, page number: Int, views: Views) -> (String, PageView) {
        let day = days.byDay[d]
        let pagination = Pagination(itemCount: day.posts.count, perPage: CalendarDays.postsPerPage)
        var years: [DayYearView] = []
        for entry in day.posts[pagination.range(ofPage: number)] {
            let view = views.posts.view(channel: entry.channel, post: entry.post)
            if years.last?.year == entry.year {
                years[years.count - 1].posts.append(view)
            } else {
                years.append(DayYearView(year: entry.year, anchor: "y\(entry.year)", posts: [view]))
            }
        }
        let name = views.posts.dates.dayName(month: day.month, day: day.day)
        let view = DayPageView(
            dayName: name, countText: strings.count("posts", day.posts.count), years: years,
            daysURL: SitePaths.rootLink(to: SitePaths.dayIndex),
            pagination: pagination.view(page: number, chronological: false) { SitePaths.day(day.key, page: $0) })
        let title = number > 1 ? strings.text("pageOf", ["title": name, "n": strings.number(number)]) : name
        return (SitePaths.day(day.key, page: number), page(.day, title: title, view))
    }
}
