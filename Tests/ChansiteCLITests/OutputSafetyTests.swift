import Foundation
import Testing

/// The output folder through the real binary: what it refuses to touch, what a killed build
/// leaves behind, and two builds at once.
@Suite(.serialized) struct OutputSafetyTests {
    static let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег"

    /// Every file under a folder (hidden ones included), relative path → contents.
    static func tree(_ root: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        for name in names {
            let path = root.appendingPathComponent(name).path
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                out[name] = FileManager.default.contents(atPath: path) ?? Data()
            }
        }
        return out
    }

    static func project() throws -> URL {
        try CLIRunner.temporaryProject(content: ["a.txt": Data(dump.utf8)])
    }

    @Test(arguments: [".", "Content", "Templates", "..", "/", "home", "chansite.json"])
    func forbiddenOutputsAreRefusedBeforeAnythingIsTouched(target: String) throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let home = project.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try Data("my notes".utf8).write(to: home.appendingPathComponent("notes.txt"))
        try Data("{}".utf8).write(to: project.appendingPathComponent("chansite.json"))
        let before = Self.tree(project)
        let result = try CLIRunner.run(["build", "--output", target], in: project, environment: ["HOME": home.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to write the site to '\(target)'"), "\(result.stderr)")
        #expect(result.stderr.contains("nothing was changed"))
        #expect(Self.tree(project) == before, "files changed under a refused --output \(target)")
        let resolved = URL(fileURLWithPath: target, relativeTo: project).standardizedFileURL
        let work = resolved.deletingLastPathComponent().appendingPathComponent(".\(resolved.lastPathComponent).chansite")
        #expect(target == "/" || !FileManager.default.fileExists(atPath: work.path), "a work folder was made for \(target)")
    }

    @Test func aNonEmptyFolderChansiteDidNotMakeIsRefusedUnlessForced() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let site = project.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: site.appendingPathComponent("mine.html"))
        try Data("deploy".utf8).write(to: site.appendingPathComponent(".deploy"))
        let refused = try CLIRunner.run(["build", "--output", "public"], in: project)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("it is not empty and chansite did not make it"))
        #expect(refused.stderr.contains("--force"))
        #expect(try Data(contentsOf: site.appendingPathComponent("mine.html")) == Data("keep me".utf8))

        let forced = try CLIRunner.run(["build", "--output", "public", "--force"], in: project)
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("mine.html").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent(".chansite").path), "a taken-over folder is marked")
        #expect(try Data(contentsOf: site.appendingPathComponent(".deploy")) == Data("deploy".utf8), "hidden files are kept")
        #expect(try CLIRunner.run(["build", "--output", "public", "-q"], in: project).status == 0, "a marked folder needs no --force")
    }

    @Test(arguments: ["Content/site", "Templates/assets/site", "Content/deep/er/site"])
    func anOutputFolderInsideAnInputFolderIsRefused(target: String) throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let before = Self.tree(project)
        let result = try CLIRunner.run(["build", "--output", target], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("refusing to write the site to '\(target)': it is inside the"), "\(result.stderr)")
        #expect(Self.tree(project) == before, "files changed under a refused --output \(target)")
    }

    /// Kills a build with SIGKILL at each step of the swap; the output path must always hold a
    /// complete site (the old or the new one), and the next build must leave exactly one site.
    @Test(arguments: [
        ("staging", false), ("staged", false), ("exchanged", false), ("done", false),
        ("staging", true), ("staged", true), ("retired", true), ("renamed", true),
    ])
    func aBuildKilledAtAnyStepLeavesACompleteSite(point: String, twoRenames: Bool) throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("Output")
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        let old = Self.tree(output)
        try Data((Self.dump + "\n\nВторой пост.").utf8).write(to: project.appendingPathComponent("Content/a.txt"))
        #expect(try CLIRunner.run(["build", "-q", "--output", "Expected"], in: project).status == 0)
        let new = Self.tree(project.appendingPathComponent("Expected"))
        #expect(old != new)

        var environment = ["CHANSITE_FAULT": point]
        if twoRenames { environment["CHANSITE_NO_EXCHANGE"] = "1" }
        let killed = try CLIRunner.run(["build", "-q"], in: project, environment: environment)
        #expect(killed.status == SIGKILL, "the build should have been killed at '\(point)'")
        let after = Self.tree(output)
        if twoRenames && point == "retired" {
            // The one window of the fallback swap: the old site waits, complete, in the work folder.
            #expect(after.isEmpty)
        } else {
            #expect(after == old || after == new, "a killed build at '\(point)' left a broken site")
        }

        let next = try CLIRunner.run(["build"], in: project)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(Self.tree(output) == new)
        let work = project.appendingPathComponent(".Output.chansite")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: work.path).sorted() == [
                ".chansite-work", "cache.bin", "lock", "manifest.json", "parses", "spare", "urls.tsv",
            ], "the site the last build replaced is the spare")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: project.path).sorted()
        #expect(siblings == [".Output.chansite", ".Expected.chansite", "Content", "Expected", "Output", "Templates"].sorted())
    }

    /// What a build lets wait in scratch files, read back short (a failing disk), would publish
    /// pages and an index made from empty pieces, so the build fails and the site and the build
    /// cache stay as they were. `scratch-read` fails every scratch file's reads (summaries, the
    /// index's words); `text-read` the posts' texts' file alone, waiting from the parse to the
    /// index (the build cache stores the parses made from them).
    @Test(arguments: [
        ("scratch-read", "from the build's scratch file (a failing disk?); nothing was published"),
        ("text-read", "of the posts' texts from the build's scratch file (a failing disk?)"),
    ])
    func aScratchFileThatCannotBeReadBackFailsTheBuild(fault: String, message: String) throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let output = project.appendingPathComponent("Output")
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        let old = Self.tree(output)
        let cache = project.appendingPathComponent(".Output.chansite/cache.bin")
        let oldCache = try Data(contentsOf: cache)
        // Long enough to wait on disk rather than in memory (`PostText.spillFrom`).
        try Data((Self.dump + "\n\nВторой пост, достаточно длинный, чтобы ждать на диске, а не в памяти процесса.").utf8)
            .write(to: project.appendingPathComponent("Content/a.txt"))
        let failed = try CLIRunner.run(["build"], in: project, environment: ["CHANSITE_FAULT": fault])
        #expect(failed.status == 1)
        #expect(failed.stderr.contains(message), "\(failed.stderr)")
        #expect(failed.stderr.contains("'Output' was left unchanged"), "\(failed.stderr)")
        #expect(Self.tree(output) == old)
        #expect(try Data(contentsOf: cache) == oldCache)
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        #expect(Self.tree(output) != old)
    }

    @Test func aSecondBuildIntoTheSameOutputFailsClearlyWhileOneIsWriting() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLIRunner.run(["build", "-q"], in: project).status == 0)
        let before = Self.tree(project.appendingPathComponent("Output"))
        // Hold the lock as a running build does.
        let fd = open(project.appendingPathComponent(".Output.chansite/lock").path, O_RDWR)
        #expect(fd >= 0 && flock(fd, LOCK_EX) == 0)
        let blocked = try CLIRunner.run(["build"], in: project)
        flock(fd, LOCK_UN)
        close(fd)
        #expect(blocked.status == 1)
        #expect(blocked.stderr.contains("another chansite build"), "\(blocked.stderr)")
        #expect(Self.tree(project.appendingPathComponent("Output")) == before)
    }

    @Test func buildsStartedTogetherNeverCorruptTheOutput() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        #expect(try CLIRunner.run(["build", "-q", "--output", "Expected"], in: project).status == 0)
        let expected = Self.tree(project.appendingPathComponent("Expected"))
        for _ in 0..<4 {
            let results = LockedResults()
            DispatchQueue.concurrentPerform(iterations: 3) { _ in
                let result = try? CLIRunner.run(["build", "-q"], in: project)
                results.append(result)
            }
            for result in results.all {
                guard let result else {
                    Issue.record("a build did not run")
                    continue
                }
                #expect(result.status == 0 || result.stderr.contains("another chansite build"), "\(result.status): \(result.stderr)")
            }
            #expect(Self.tree(project.appendingPathComponent("Output")) == expected)
        }
    }
}

/// Results gathered from concurrent runs.
final class LockedResults: @unchecked Sendable {
    private var items: [CLIRunner.Output?] = []
    private let lock = NSLock()
    func append(_ item: CLIRunner.Output?) { lock.withLock { items.append(item) } }
    var all: [CLIRunner.Output?] { lock.withLock { items } }
}
