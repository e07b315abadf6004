import Testing

@testable import ChansiteIngest

/// The `title` of a Desktop HTML export's date: `DD.MM.YYYY HH:MM:SS` and, since mid-2022, the
/// machine's UTC offset.
struct DesktopHTMLDateTests {
    @Test func anOffsetMakesAnInstant() throws {
        let date = try #require(DesktopHTMLDate("03.06.2024 11:00:00 UTC+03:00"))
        #expect(date.local == "2024-06-03T11:00:00")
        #expect(date.unixTime == 1_717_401_600)  // 08:00:00Z
        #expect(DesktopHTMLDate("31.12.2023 23:30:00 UTC-05:30")?.unixTime == 1_704_085_200)  // 2024-01-01T05:00:00Z
        #expect(DesktopHTMLDate("01.01.2024 00:00:00 UTC+14")?.unixTime == 1_704_016_800)
    }

    @Test func anOldTitleIsLocalTimeOnly() throws {
        let date = try #require(DesktopHTMLDate("29.02.2020 23:30:00"))
        #expect(date.local == "2020-02-29T23:30:00")
        #expect(date.unixTime == nil)
        #expect(DesktopHTMLDate("05.03.0999 01:02:03")?.local == "0999-03-05T01:02:03")
    }

    @Test(arguments: [
        "", "yesterday", "32.01.2024 10:00:00", "01.13.2024 10:00:00", "01.01.2024 24:00:00", "01.01.2024 10:60:00",
        "01.01.20245 10:00:00", "01.01.2024 10:00", "01.01.2024 10:00:00 UTC+15:00", "01.01.2024 10:00:00 UTC03:00",
        "001.01.2024 10:00:00", "01.01.0 10:00:00",
    ])
    func anythingElseIsNotADate(title: String) {
        #expect(DesktopHTMLDate(title) == nil)
    }
}
