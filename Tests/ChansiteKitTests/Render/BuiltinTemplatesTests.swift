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
}
