import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteRender

@Suite struct BuiltinTemplatesTests {
    /// The built-in templates are generated from Templates/ (scripts/embed-templates.py).
    @Test func theBuiltInTemplatesAreThoseOfTheTemplatesFolder() throws {
        let folder = TestSupport.repositoryRoot.appendingPathComponent("Templates")
        let names = ((FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String]) ?? [])
            .filter { !FileSystem.isDirectory(folder.appendingPathComponent($0).path) }
        var files: [String: String] = [:]
        for name in names { files[name] = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8) }
        #expect(files == BuiltinTemplates.files, "Templates/ changed: run scripts/embed-templates.py")
    }

    @Test func theCheckFindsMisspeltVariablesAndMissingPartials() throws {
        let problems = TemplateCheck.problems(
            in: try TemplateParser.parse(
                "<p>{{post.heading}}</p>\n{{#posts}}{{headng}}{{/posts}}\n{{> partials/post}}{{> partials/gone}}\n{{! {{nothing}} }}"
            ).tags,
            partials: ["partials/post"])
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems[0].message.contains("'headng'") && !problems[0].isMissingPartial)
        #expect(problems[1].message.contains("'partials/gone'") && problems[1].isMissingPartial)
    }

    /// Cycles are found once each, at the include that closes them; a template included from
    /// many places is not one.
    @Test func includeCyclesAreFoundOnce() throws {
        let includes: [String: [(name: String, line: Int)]] = [
            "base": [("partials/header", 3), ("partials/footer", 9)], "post": [("base", 1), ("partials/post", 4)],
            "tag": [("base", 1), ("partials/post", 2)], "partials/post": [("partials/post-meta", 5)], "partials/post-meta": [],
            "partials/header": [], "partials/footer": [("partials/footer", 2)], "a": [("b", 1)], "b": [("c", 7)], "c": [("a", 8), ("missing", 9)],
        ]
        let cycles = TemplateCheck.cycles(includes)
        #expect(cycles.map(\.path) == [["a", "b", "c", "a"], ["partials/footer", "partials/footer"]])
        #expect(cycles.map(\.template) == ["c", "partials/footer"])
        #expect(cycles.map(\.line) == [8, 2])
        let parent = try TemplateParser.parse("{{<base}}\n{{/base}}{{> partials/x}} {{>y}}{{#a}}{{/a}}")
        #expect(TemplateCheck.includes(in: parent.tags).map(\.name) == ["base", "partials/x", "y"])
        // Lines counted once over the text, CRLF breaks included.
        #expect(try TemplateParser.parse("a\r\n{{x}}\n\n{{> y}} {{z}}\r\n{{#w}}{{/w}}").tags.map(\.line) == [2, 4, 4, 5, 5])
    }
}
