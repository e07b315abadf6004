import Foundation
import Testing

/// Incremental builds through the real binary: after each kind of change, the output equals a
/// clean build byte for byte, and unchanged files are carried over untouched (same inode).
@Suite(.serialized) struct IncrementalBuildTests {
    static let first = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег\n\nВторой пост про данные.\n\n#тег #data"
    static let second = "Other channel\n7 subscribers\nDownload Telegram\nA post in English.\n\n#data\n\nAnother one."

    /// Every file under a folder, relative path → (inode, contents).
    static func files(_ root: URL) -> [String: (inode: UInt64, data: Data)] {
        var out: [String: (UInt64, Data)] = [:]
        for name in (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? [] {
            var info = stat()
            let path = root.appendingPathComponent(name).path
            guard lstat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            out[name] = (UInt64(info.st_ino), FileManager.default.contents(atPath: path) ?? Data())
        }
        return out
    }

    /// "N written" from the summary line.
    static func written(_ stdout: String) -> Int? {
        guard let range = stdout.range(of: #"\d+ written"#, options: .regularExpression) else { return nil }
        return Int(stdout[range].split(separator: " ")[0])
    }

    typealias Change = (name: String, apply: @Sendable (URL) throws -> Void)

    static let changes: [Change] = [
        ("nothing", { _ in }),
        ("one post edited", { try write($0, "Content/a.txt", first.replacingOccurrences(of: "данные", with: "датасеты")) }),
        ("a post added", { try write($0, "Content/a.txt", first + "\n\nТретий пост, новый.") }),
        ("a post removed", { try write($0, "Content/a.txt", first.replacingOccurrences(of: "\n\nВторой пост про данные.\n\n#тег #data", with: "")) }),
        ("a dump removed", { try FileManager.default.removeItem(at: $0.appendingPathComponent("Content/b.txt")) }),
        (
            "a template edited",
            {
                let url = $0.appendingPathComponent("Templates/post.mustache")
                try write($0, "Templates/post.mustache", try String(contentsOf: url, encoding: .utf8) + "\n<!-- edited -->\n")
            }
        ),
        ("an asset edited", { try write($0, "Templates/assets/extra.css", "body { margin: 0 }\n") }),
        ("an output file edited by hand", { try write($0, "Output/index.html", "changed by hand") }),
        ("the config edited", { try write($0, "chansite.json", #"{"title": "Renamed archive", "postsPerPage": 1}"#) }),
    ]

    static func write(_ root: URL, _ path: String, _ text: String) throws {
        try Data(text.utf8).write(to: root.appendingPathComponent(path))
    }

    @Test func anIncrementalBuildEqualsACleanBuildAfterEachChange() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.first.utf8), "b.txt": Data(Self.second.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Self.expectIncrementalBuildsEqualCleanBuilds(in: project, after: Self.changes)
    }

    /// Two exports whose channels read each other (a link to a post, a forward's channel): a
    /// channel's pages are kept by what it reads of the other too.
    @Test func anIncrementalBuildOfExportsThatLinkEachOtherEqualsACleanBuild() throws {
        let project = try CLIRunner.temporaryProject(content: [:])
        defer { try? FileManager.default.removeItem(at: project) }
        let linked = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports/linked")
        for name in ["alpha", "beta"] {
            try FileManager.default.copyItem(at: linked.appendingPathComponent(name), to: project.appendingPathComponent("Content/" + name))
        }
        let beta = try String(contentsOf: linked.appendingPathComponent("beta/result.json"), encoding: .utf8)
        let withoutLinked = beta.split(separator: "\n", omittingEmptySubsequences: false).filter { !$0.contains(#"{"id": 2,"#) }
        let changes: [Change] = [
            ("the linked post deleted", { try Self.write($0, "Content/beta/result.json", withoutLinked.joined(separator: "\n")) }),
            ("the linked post back", { try Self.write($0, "Content/beta/result.json", beta) }),
            ("the forward's channel removed", { try FileManager.default.removeItem(at: $0.appendingPathComponent("Content/beta")) }),
        ]
        try Self.expectIncrementalBuildsEqualCleanBuilds(in: project, after: changes)
    }

    static func expectIncrementalBuildsEqualCleanBuilds(in project: URL, after changes: [Change]) throws {
        let output = project.appendingPathComponent("Output")
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        for (n, change) in changes.enumerated() {
            try change.apply(project)
            // The clean build starts from the same history of published URLs (so writes the
            // same redirects), not from the same output.
            let clean = project.appendingPathComponent("Clean-\(n)")
            try FileManager.default.copyItem(
                at: project.appendingPathComponent(".Output.chansite"), to: project.appendingPathComponent(".Clean-\(n).chansite"))
            let before = Self.files(output)
            let incremental = try CLIRunner.run(["build"], in: project)
            #expect(incremental.status == 0, "\(change.name): \(incremental.stderr)")
            #expect(try CLIRunner.run(["build", "-q", "--no-cache", "--output", clean.lastPathComponent], in: project).status == 0)
            let after = Self.files(output)
            let expected = Self.files(clean)
            #expect(after.mapValues(\.data) == expected.mapValues(\.data), "after \(change.name) the incremental build differs from a clean one")
            // Files whose bytes did not change are the same files, untouched.
            let rewritten = after.filter { path, file in before[path].map { $0.data == file.data && $0.inode != file.inode } ?? false }
            #expect(rewritten.isEmpty, "after \(change.name), unchanged files were rewritten: \(rewritten.keys.sorted().prefix(5))")
            if change.name == "nothing" {
                #expect(Self.written(incremental.stdout) == 0, "\(incremental.stdout)")
            }
        }
    }

    @Test func oneWordChangedRewritesOnlyTheFilesThatShowIt() throws {
        var dump = "Канал\n5 subscribers\nDownload Telegram\n"
        for n in 0..<60 { dump += "Пост номер \(n) про модели и данные.\n\n#тег\(n % 3)\n\n" }
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        try Self.write(project, "Content/a.txt", dump.replacingOccurrences(of: "Пост номер 31 про модели", with: "Пост номер 31 про кошки"))
        let result = try CLIRunner.run(["build"], in: project)
        let written = try #require(Self.written(result.stdout), "\(result.stdout)")
        let total = Self.files(project.appendingPathComponent("Output")).count
        // Its page, its neighbours, its channel and tag pages, the feeds, a few index files.
        #expect(written > 0 && written * 5 < total, "\(written) of \(total) files written for one word")
    }

    @Test func aRebuildWithNothingChangedTouchesNothingAndRepeatsTheReport() throws {
        let project = try CLIRunner.temporaryProject(content: [
            "a.txt": Data(Self.first.utf8),
            "broken.txt": Data("Канал\n5 subscribers\nDownload Telegram\nok\n".utf8) + Data([0xC3, 0x28]),
            "binary.txt": Data([0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01]),
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let first = try CLIRunner.run(["build"], in: project)
        let before = Self.files(project.appendingPathComponent("Output"))
        let again = try CLIRunner.run(["build"], in: project)
        #expect(again.status == first.status && first.status == 1, "an error in a dump still fails the rebuild")
        for line in first.stderr.split(separator: "\n") where line.contains("warning:") || line.contains("error:") {
            #expect(again.stderr.contains(line), "not repeated: \(line)")
        }
        #expect(again.stdout.contains("0 written"), "\(again.stdout)")
        let after = Self.files(project.appendingPathComponent("Output"))
        #expect(after.mapValues(\.inode) == before.mapValues(\.inode))
        // Touching a dump without changing it is no change; changing a byte is.
        try Self.write(project, "Content/a.txt", Self.first)
        #expect(try CLIRunner.run(["build"], in: project).stdout.contains("0 written"))
        try Self.write(project, "Content/a.txt", Self.first + "\n\nНовый пост.")
        let changed = try CLIRunner.run(["build"], in: project)
        #expect(!changed.stdout.contains(": 0 written") && changed.stdout.contains("4 posts"), "\(changed.stdout)")
    }
}
