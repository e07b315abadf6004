import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import ChansiteOutput
import Foundation
import Testing

@testable import ChansiteSearch

/// A result names its post's day, in the site's time zone, or the date as a copy wrote it.
@Suite struct ResultDateTests {
    func engine(timeZone: String, posts: [Post]) throws -> (SearchEngine, URL) {
        let parsed = ParsedDump(path: "t.txt", format: "generic", channel: ChannelInfo(title: "Test"), posts: posts)
        let site = SiteAssembler(config: SiteConfig(timeZone: timeZone)).assemble([parsed]).site
        let folder = try TestSupport.temporaryFolder()
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site).build())
        return (try SearchEngine(outputPath: folder.path), folder)
    }

    @Test func aResultCarriesItsDayInTheSitesZoneOrItsWrittenDate() throws {
        // 2024-03-05 23:30 UTC is already 6 March in Tokyo.
        let late = Date(timeIntervalSince1970: 1_709_681_400)
        let posts = [
            Post(text: "Dated post about owls", date: late, source: SourceRange(path: "t.txt", firstLine: 1, lastLine: 1)),
            Post(text: "Undated post about owls", dateText: "3 days ago", source: SourceRange(path: "t.txt", firstLine: 2, lastLine: 2)),
            Post(text: "Timeless post about owls", source: SourceRange(path: "t.txt", firstLine: 3, lastLine: 3)),
        ]
        let (utc, first) = try engine(timeZone: "UTC", posts: posts)
        defer { try? FileManager.default.removeItem(at: first) }
        let dates = Dictionary(uniqueKeysWithValues: try utc.search("owls ").map { ($0.title, $0.date) })
        #expect(dates["Dated post about owls"] == "2024-03-05")
        #expect(dates["Undated post about owls"] == "3 days ago")
        #expect(dates["Timeless post about owls"] == .some(nil))
        let (tokyo, second) = try engine(timeZone: "Asia/Tokyo", posts: posts)
        defer { try? FileManager.default.removeItem(at: second) }
        #expect(try tokyo.search("dated ").first?.date == "2024-03-06")
    }

    @Test func onlyADayIsTakenFromTheIndex() {
        #expect(SearchEngine.isDay("2024-03-05"))
        for text in ["2024-3-5", "2024-03-05T00:00", "<img>", "", "２０２４-03-05"] { #expect(!SearchEngine.isDay(text)) }
    }
}
