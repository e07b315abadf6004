import ChansiteModel
import Foundation

/// Dates as pages show them: in the configured time zone and the site's language, plus the
/// ISO 8601 instant for `<time datetime>`. Format styles are values, safe on every thread.
struct DateDisplay: Sendable {
    let dateTime: Date.FormatStyle
    let monthYear: Date.FormatStyle
    /// A calendar day in UTC: when an export was made (its folder names a day, not an instant).
    let day: Date.FormatStyle
    let calendar: Calendar
    let timeZone: TimeZone
    /// The site's words, for numbers written the language's way.
    let strings: SiteStrings

    init(config: SiteConfig, strings: SiteStrings? = nil) {
        self.strings = strings ?? SiteStrings(language: config.language, plural: .oneOther, texts: [:], counted: [:])
        let timeZone = TimeZone(identifier: config.timeZone) ?? TimeZone(identifier: "UTC") ?? .current
        let locale = Locale(identifier: config.language)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.timeZone = timeZone
        self.calendar = calendar
        dateTime = Date.FormatStyle(date: .abbreviated, time: .shortened, locale: locale, calendar: calendar, timeZone: timeZone)
        monthYear = Date.FormatStyle(locale: locale, calendar: calendar, timeZone: timeZone).year().month(.wide)
        let utc = TimeZone(identifier: "UTC") ?? timeZone
        var utcCalendar = calendar
        utcCalendar.timeZone = utc
        day = Date.FormatStyle(date: .abbreviated, time: .omitted, locale: locale, calendar: utcCalendar, timeZone: utc)
    }

    /// `10 Jan 2024`: the UTC day of an export (as the language writes it).
    func dayText(_ date: Date) -> String { date.formatted(day) }

    /// `2024-01-10`, for `<time datetime>`.
    func dayISO(_ date: Date) -> String { String(iso(date).prefix(10)) }

    /// `5 Mar 2024, 10:00` (as the language writes it).
    func text(_ date: Date) -> String { date.formatted(dateTime) }

    /// A date the export wrote in the exporting machine's local time: shown as written, with no
    /// zone conversion (it was read as if UTC).
    func localText(_ date: Date) -> String {
        date.formatted(
            Date.FormatStyle(
                date: .abbreviated, time: .shortened, locale: dateTime.locale, calendar: calendar, timeZone: TimeZone(identifier: "UTC") ?? timeZone))
    }

    /// `2024-03-05T10:00:00Z`.
    func iso(_ date: Date) -> String { date.formatted(.iso8601) }

    /// The year, month and day in the configured zone.
    func day(of date: Date) -> (year: Int, month: Int, day: Int) {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return (parts.year ?? 1970, parts.month ?? 1, parts.day ?? 1)
    }

    /// `5 March` (a calendar day of no year), in the site's language.
    func dayName(month: Int, day: Int) -> String {
        // A leap year, so 29 February has a date.
        let date = calendar.date(from: DateComponents(year: 2024, month: month, day: day, hour: 12)) ?? Date(timeIntervalSince1970: 0)
        return date.formatted(Date.FormatStyle(locale: monthYear.locale, calendar: calendar, timeZone: timeZone).month(.wide).day())
    }

    /// `March` (standalone, as a heading), in the site's language.
    func monthOnlyName(_ month: Int) -> String {
        let date = calendar.date(from: DateComponents(year: 2024, month: month, day: 15)) ?? Date(timeIntervalSince1970: 0)
        // `LLLL`: the month's name on its own (март, not марта).
        let formatter = DateFormatter()
        formatter.locale = monthYear.locale
        formatter.calendar = calendar
        formatter.timeZone = timeZone
        formatter.dateFormat = "LLLL"
        let name = formatter.string(from: date)
        return name.prefix(1).uppercased() + name.dropFirst()
    }

    /// `March 2024`, in the site's language.
    func monthName(year: Int, month: Int) -> String {
        let date = calendar.date(from: DateComponents(year: year, month: month, day: 15)) ?? Date(timeIntervalSince1970: 0)
        return date.formatted(monthYear)
    }
}
