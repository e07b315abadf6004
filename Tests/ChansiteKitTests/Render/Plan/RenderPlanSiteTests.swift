import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteKit
@testable import ChansiteOutput
@testable import ChansiteRender

/// Every page of a site with every kind of post (the samples, the fixture dumps and Desktop
/// exports) is the same rendered by the plan as by swift-mustache.
@Suite struct RenderPlanSiteTests {
    @Test func everyPageIsTheSameAsSwiftMustachesRendering() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let repository = TestSupport.repositoryRoot
        let content = root.appendingPathComponent("Content")
        try FileManager.default.copyItem(at: repository.appendingPathComponent("Content"), to: content)
        let fixtures = repository.appendingPathComponent("Tests/ChansiteKitTests/Fixtures")
        for name in try FileManager.default.contentsOfDirectory(atPath: fixtures.appendingPathComponent("dumps").path) {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("dumps/" + name), to: content.appendingPathComponent(name))
        }
        for name in ["album", "entities"] {
            try FileManager.default.copyItem(at: fixtures.appendingPathComponent("exports/" + name), to: content.appendingPathComponent(name))
        }
        let templatesPath = repository.appendingPathComponent("Templates").path
        let result = try Pipeline(
            options: BuildOptions(contentPath: content.path, templatesPath: templatesPath, outputPath: root.appendingPathComponent("Output").path)
        ).build()
        let site = try #require(result.site)
        let planned = try TemplateSet(folder: templatesPath)
        #expect(planned.plans != nil)
        var mustache = planned
        mustache.plans = nil
        let expected = PageRenderer(site: site, templates: mustache).render()
        let pages = PageRenderer(site: site, templates: planned).render()
        #expect(pages.count == expected.count)
        #expect(pages.count > 100)
        let expectedByPath = Dictionary(uniqueKeysWithValues: expected.map { ($0.path, $0.contents) })
        #expect(pages.filter { $0.contents != expectedByPath[$0.path] }.map(\.path) == [])
    }
}
