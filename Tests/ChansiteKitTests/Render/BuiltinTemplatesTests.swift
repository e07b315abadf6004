import Foundation
import Testing

@testable import ChansiteKit

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

    @Test func theCheckFindsMisspeltVariablesAndMissingPartials() {
        let problems = TemplateCheck.problems(
            in: "<p>{{post.heading}}</p>\n{{#posts}}{{headng}}{{/posts}}\n{{> partials/post}}{{> partials/gone}}\n{{! {{nothing}} }}",
            partials: ["partials/post"])
        #expect(problems.map(\.line) == [2, 3])
        #expect(problems[0].message.contains("'headng'") && !problems[0].isMissingPartial)
        #expect(problems[1].message.contains("'partials/gone'") && problems[1].isMissingPartial)
    }
}
