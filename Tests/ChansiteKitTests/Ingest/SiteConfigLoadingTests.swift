import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

/// `chansite.json` as `SiteConfig.load` reads it: settings that steer the build are typed, and
/// a value the build cannot use is an error naming the file and the key.
@Suite struct SiteConfigLoadingTests {
    func load(_ json: String) throws -> SiteConfig {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("chansite.json").path
        try Data(json.utf8).write(to: URL(fileURLWithPath: path))
        return try SiteConfig.load(path: path).config
    }

    func error(_ json: String) -> Diagnostic? {
        do {
            _ = try load(json)
            return nil
        } catch let error as DiagnosticError {
            return error.diagnostics.first
        } catch {
            return Diagnostic.error("unexpected \(error)")
        }
    }

    @Test func channelOrderIsOneOfTwoOrders() throws {
        #expect(try load("{}").channelOrder == .oldest)
        #expect(try load(#"{"channelOrder": "newest"}"#).channelOrder == .newest)
        let wrong = error(#"{"channelOrder": "Newest"}"#)
        #expect(wrong?.message == #"'channelOrder' must be "oldest" or "newest", not 'Newest'"#)
        #expect(wrong?.location?.path.hasSuffix("chansite.json") == true)
    }

    @Test func aValueOfTheWrongTypeNamesItsKey() {
        #expect(error(#"{"channelOrder": 1}"#)?.message.hasPrefix("'channelOrder' has the wrong type") == true)
        #expect(error(#"{"postsPerPage": "ten"}"#)?.message.hasPrefix("'postsPerPage' has the wrong type") == true)
        #expect(error("{").map { $0.message.hasPrefix("not valid JSON") } == true)
    }
}
