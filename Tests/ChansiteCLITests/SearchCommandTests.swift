import Foundation
import Testing

/// `chansite search` against indexes damaged in each way a copy or an editor can damage them:
/// a clear message naming the file, exit status 1, never a crash.
@Suite(.serialized) struct SearchCommandTests {
    static let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег\n\nВторой пост про модели и данные."

    static func builtSite() throws -> URL {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(dump.utf8)])
        let built = try CLIRunner.run(["build", "-q"], in: project)
        #expect(built.status == 0, "\(built.stderr)")
        return project
    }

    @Test func anIntactIndexAnswers() throws {
        let project = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["search", "модели"], in: project)
        #expect(result.status == 0)
        #expect(result.stdout.contains("пост про модели"))
    }

    @Test func aChannelIsNamedByTitleFolderOrHandleAndAnUnknownOneIsRejected() throws {
        let other = "Other\n7 subscribers\nDownload Telegram\nЕщё пост про модели."
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8), "b.txt": Data(other.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        for name in ["Канал", "канал", "kanal"] {
            let result = try CLIRunner.run(["search", "модели", "--channel", name, "--json"], in: project)
            #expect(result.status == 0, "\(name): \(result.stderr)")
            let channels = Set(
                (try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]] ?? []).compactMap { $0["channel"] as? String })
            #expect(channels == ["Канал"], "\(name) → \(channels)")
        }
        let unknown = try CLIRunner.run(["search", "модели", "--channel", "nope"], in: project)
        #expect(unknown.status != 0)
        #expect(unknown.stderr.contains("no channel 'nope'") && unknown.stderr.contains("Other (other)") && unknown.stderr.contains("Канал (kanal)"))
    }

    /// (file to damage, what to write there).
    static let damages: [(String, String)] = [
        ("manifest.js", #"window.__chansiteSearch("manifest",{"buckets":0,"docsPerChunk":10,"channels":[]});"#),
        ("manifest.js", #"window.__chansiteSearch("manifest",{"buckets":16,"docsPerChunk":0,"channels":[]});"#),
        ("manifest.js", #"window.__chansiteSearch("manifest",{"buckets":16,"docsPerChunk":10,"channels":[["x",5,1]]});"#),
        ("manifest.js", #"window.__chansiteSearch("manifest",{"buck"#),
        ("manifest.js", ""),
        ("postings/*", #"window.__chansiteSearch("p",{"#),
        ("postings/*", #"window.__chansiteSearch("p",[1,2,3]);"#),
        ("postings/*", "ALL:[9223372036854775807,1,9223372036854775807,1]"),
        ("postings/*", "ALL:[-5,1]"),
        ("docs/*", #"window.__chansiteSearch("d",[[1]]);"#),
        ("docs/*", #"window.__chansiteSearch("d",[]);"#),
        ("docs/*", "garbage"),
        ("forms/*", #"window.__chansiteSearch("f",{"модели":7});"#),
    ]

    @Test(arguments: damages.indices)
    func aDamagedIndexGetsAClearMessageNotACrash(case index: Int) throws {
        let (target, contents) = Self.damages[index]
        let project = try Self.builtSite()
        defer { try? FileManager.default.removeItem(at: project) }
        let search = project.appendingPathComponent("Output/search")
        var files = [target]
        if target.hasSuffix("/*") {
            let folder = String(target.dropLast(2))
            let names = (FileManager.default.enumerator(atPath: search.appendingPathComponent(folder).path)?.allObjects as? [String]) ?? []
            files = names.filter { $0.hasSuffix(".js") }.map { folder + "/" + $0 }
        }
        for file in files {
            let url = search.appendingPathComponent(file)
            var text = contents
            if contents.hasPrefix("ALL:") {
                // Every stem of the file gets the hostile postings list.
                let original = try String(contentsOf: url, encoding: .utf8)
                text = original.replacingOccurrences(of: #"\[[0-9,]*\]"#, with: String(contents.dropFirst(4)), options: .regularExpression)
            }
            try Data(text.utf8).write(to: url)
        }
        let result = try CLIRunner.run(["search", "модели"], in: project)
        #expect(result.status == 1, "damage \(index): status \(result.status), stdout \(result.stdout)")
        #expect(
            result.stderr.contains("the search index is damaged") || result.stderr.contains("no search index"),
            "damage \(index): \(result.stderr)")
        #expect(result.stderr.contains("Output/search/"), "the message names the file: \(result.stderr)")
    }
}
