import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import ChansiteOutput
import Foundation
import Testing

@testable import ChansiteSearch

/// A query that finds nothing is told what loosening it would find.
@Suite struct SuggestionTests {
    @Test func aQueryIsLoosenedOneStepAtATime() {
        let loosened = SearchEngine.relaxations(of: #"cats "black dog" -mice year:2024 -"red fox" has:photo"#)
        #expect(loosened.map(\.0) == [.withoutQuotes, .without("-mice"), .without("year:2024"), .without("has:photo"), .without(#"-"red fox""#)])
        #expect(loosened[0].1 == #"cats -mice year:2024 has:photo black dog -"red fox" "#)
        #expect(loosened[2].1 == #"cats -mice has:photo "black dog" -"red fox" "#)
        #expect(loosened[4].1 == #"cats -mice year:2024 has:photo "black dog" "#)
        #expect(SearchEngine.relaxations(of: "что-то - cats").isEmpty, "a hyphen in a word or alone excludes nothing")
    }

    @Test func onlyLooseningsThatFindSomethingAreSuggested() throws {
        let day: TimeInterval = 86_400
        let posts = [
            Post(
                text: "Black cats at night", date: Date(timeIntervalSince1970: 1_700_000_000),
                source: SourceRange(path: "a.txt", firstLine: 1, lastLine: 1)),
            Post(
                text: "Cats and mice", hashtags: ["#pets"], date: Date(timeIntervalSince1970: 1_700_000_000 + day),
                source: SourceRange(path: "a.txt", firstLine: 2, lastLine: 2)),
        ]
        let dumps = [
            ParsedDump(path: "a.txt", format: "generic", channel: ChannelInfo(title: "Cats"), posts: posts),
            ParsedDump(
                path: "b.txt", format: "generic", channel: ChannelInfo(title: "Dogs"),
                posts: [Post(text: "Dogs only", source: SourceRange(path: "b.txt", firstLine: 1, lastLine: 1))]),
        ]
        let site = SiteAssembler(config: SiteConfig(timeZone: "UTC")).assemble(dumps).site
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try OutputWriter(outputPath: folder.path).write(SearchIndexBuilder(site: site).build())
        let engine = try SearchEngine(outputPath: folder.path)

        #expect(try engine.search(#""cats black" year:2023 "#).isEmpty)
        let found = try engine.suggestions(#""cats black" year:2023 -zebra"#)
        #expect(found.map(\.relaxation) == [.withoutQuotes], "year:2023 holds both posts; -zebra leaves nothing out")
        #expect(found.first?.count == 1)
        #expect(try engine.count(found[0].query) == 1)
        #expect(try engine.suggestions("cats year:2020 ").map(\.relaxation) == [.without("year:2020")])
        #expect(try engine.suggestions("cats -mice -black ").map(\.relaxation) == [.without("-mice"), .without("-black")])
        #expect(try engine.suggestions("cats ", channel: "Dogs").map(\.relaxation) == [.allChannels])
        #expect(try engine.suggestions("black ", tag: "pets").map(\.relaxation) == [.anyTag])
        #expect(try engine.suggestions("zebra ").isEmpty)
    }
}
