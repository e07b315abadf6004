import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteOutput
@testable import ChansiteRender

@Suite struct PageRendererTests {
    /// A channel rendered in ranges of a few listing pages gives the same pages as in one range:
    /// each range's first and last posts link to neighbours made in the ranges around it.
    @Test(arguments: [1, 4, 7])
    func aChannelInRangesGivesTheSamePagesAsInOne(postsPerRange: Int) throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        try TestSupport.write(["chansite.json": #"{"postsPerPage": 3}"#], under: temp)
        let root = TestSupport.repositoryRoot
        let result = try Pipeline(
            options: BuildOptions(
                contentPath: root.appendingPathComponent("Content").path, templatesPath: root.appendingPathComponent("Templates").path,
                outputPath: temp.appendingPathComponent("Output").path, configPath: temp.appendingPathComponent("chansite.json").path)
        ).build()
        let site = try #require(result.site)
        let templates = try TemplateSet(folder: root.appendingPathComponent("Templates").path)
        var ranged = PageRenderer(site: site, templates: templates)
        ranged.postsPerRange = postsPerRange
        #expect(ranged.postRanges(0).count > 1)
        let whole = PageRenderer(site: site, templates: templates).render()
        let parts = ranged.render()
        #expect(parts.count == ranged.allPages().count)
        #expect(parts.map(\.path) == whole.map(\.path))
        let wholeByPath = Dictionary(uniqueKeysWithValues: whole.map { ($0.path, $0.contents) })
        #expect(parts.filter { $0.contents != wholeByPath[$0.path] }.map(\.path) == [])
    }
}
