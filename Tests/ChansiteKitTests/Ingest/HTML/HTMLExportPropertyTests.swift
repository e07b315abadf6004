import Foundation
import PropertyBased
import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// Random exports (the export property test's generator: formatted text of every kind, photos,
/// placeholders, refused paths, albums, service messages) written in both forms — the HTML by
/// `scripts/export-html.py`, as the client writes it, three messages a page — give the same
/// posts (`HTMLExportParityTests.comparable`).
@Suite struct HTMLExportPropertyTests {
    static let generator = TestSupport.repositoryRoot.appendingPathComponent("scripts/export-html.py").path

    @Test func randomExportsGiveTheSamePostsFromHTMLAndJSON() async throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        var caseNumber = 0
        await propertyCheck(count: 25, input: Gen.uint64(), Gen.int(in: 1...24)) { seed, count in
            caseNumber += 1
            var random = SeededRandom(state: seed)
            var messages: [[String: Any]] = []
            var time = 1_700_000_000
            for id in 1...count {
                if random.next() % 3 != 0 { time += 60 }
                var message = ExportPropertyTests.message(id: id, seed: random.next(), time: time).json
                message["from"] = "Generated"
                message["from_id"] = "channel42"
                messages.append(message)
            }
            let chat: [String: Any] = ["name": "Generated", "type": "public_channel", "id": 42, "messages": messages]
            let folder = root.appendingPathComponent("case-\(caseNumber)")
            do {
                try FileManager.default.createDirectory(at: folder.appendingPathComponent("json"), withIntermediateDirectories: true)
                let json = folder.appendingPathComponent("json/result.json")
                try JSONSerialization.data(withJSONObject: chat).write(to: json)
                let python = Process()
                python.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                python.arguments = [
                    "python3", Self.generator, json.path, folder.appendingPathComponent("html").path, "--per-file", "3", "--offset", "+05:30",
                ]
                try python.run()
                python.waitUntilExit()
                #expect(python.terminationStatus == 0)
                let fromJSON = ExportReader().read(path: json.path, data: try Data(contentsOf: json)).dumps.flatMap(\.posts)
                let htmlFolder = folder.appendingPathComponent("html").path
                let pages = try DesktopHTMLReader.pages(of: htmlFolder).map { ($0, try Data(contentsOf: URL(fileURLWithPath: $0))) }
                let fromHTML = DesktopHTMLReader().read(folder: htmlFolder, pages: pages).dumps.flatMap(\.posts)
                let (a, b) = (fromJSON.map(HTMLExportParityTests.comparable), fromHTML.map(HTMLExportParityTests.comparable))
                #expect(a.count == b.count, "seed \(seed): \(a.count) posts from JSON, \(b.count) from HTML")
                for (json, html) in zip(a, b) {
                    for (x, y) in zip(json, html) where x != y { Issue.record("seed \(seed): JSON \(x)\n      HTML \(y)") }
                }
            } catch {
                Issue.record("seed \(seed): \(error)")
            }
        }
    }
}
