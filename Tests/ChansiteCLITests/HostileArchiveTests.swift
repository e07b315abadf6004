import ChansiteCore
import Foundation
import Testing

/// Archives built by someone hostile, through the real binary and the real preview server:
/// each case is the minimal input of a failure found by attacking chansite (issue "Hostile
/// archives"). Nothing may run on the site's origin, crash, leak, collide or blow up.
@Suite(.serialized) struct HostileArchiveTests {
    /// A project whose `Content/export/` is an export of `messages` with `files` beside it
    /// (a `nil` content makes a 1 GB sparse file; a content starting with `->` a symlink).
    static func project(messages: [String], files: [String: String?] = [:], type: String = "public_channel") throws -> URL {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-hostile-\(UUID().uuidString)")
        let export = root.appendingPathComponent("Content/export")
        try FileManager.default.createDirectory(at: export, withIntermediateDirectories: true)
        let json = "{\"name\":\"Hostile\",\"type\":\"\(type)\",\"id\":1,\"messages\":[\n\(messages.joined(separator: ",\n"))\n]}"
        try Data(json.utf8).write(to: export.appendingPathComponent("result.json"))
        for (name, contents) in files {
            let url = export.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            if let contents, contents.hasPrefix("->") {
                try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: String(contents.dropFirst(2)))
            } else if let contents {
                try Data(contents.utf8).write(to: url)
            } else {
                FileManager.default.createFile(atPath: url.path, contents: nil)
                let handle = try FileHandle(forWritingTo: url)
                try handle.truncate(atOffset: 1 << 30)
                try handle.close()
            }
        }
        return root
    }

    static func message(_ id: Int, _ extra: String = "") -> String {
        "{\"id\":\(id),\"type\":\"message\",\"date_unixtime\":\"\(1_709_632_800 + id * 60)\",\"text\":\"post \(id)\"\(extra)}"
    }

    /// Every file and symlink under `root`, relative path → whether it is a symlink.
    static func entries(_ root: URL) -> [String: Bool] {
        var out: [String: Bool] = [:]
        for name in (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? [] {
            var info = stat()
            lstat(root.appendingPathComponent(name).path, &info)
            if (info.st_mode & S_IFMT) != S_IFDIR { out[name] = (info.st_mode & S_IFMT) == S_IFLNK }
        }
        return out
    }

    @Test func filesThatCouldRunScriptsArePublishedOnlyAsDownloads() throws {
        let project = try Self.project(
            messages: [
                Self.message(1, #","file":"files/evil.html","file_name":"evil.html","mime_type":"text/html""#),
                Self.message(2, #","photo":"photos/p.svg""#),
                Self.message(3, #","file":"stickers/s.svg","media_type":"sticker","mime_type":"image/webp""#),
                Self.message(4, #","file":"files/page.xhtml""#), Self.message(5, #","photo":"photos/ok.jpg""#),
            ],
            files: [
                "files/evil.html": "<script>alert(1)</script>",
                "photos/p.svg": "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
                "stickers/s.svg": "<svg/>", "files/page.xhtml": "<html/>", "photos/ok.jpg": "not really a jpeg",
            ])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        let media = Self.entries(project.appendingPathComponent("Output/media")).keys.sorted()
        #expect(media == ["hostile/1-1.bin", "hostile/2-1.bin", "hostile/3-1.bin", "hostile/4-1.bin", "hostile/5-1.jpg"])
        for id in 1...4 {
            let page = try String(contentsOf: project.appendingPathComponent("Output/channels/hostile/\(id).html"), encoding: .utf8)
            #expect(page.contains("href=\"../../media/hostile/\(id)-1.bin\" download="), "post \(id) links its file without download")
        }

        let server = try ServerProcess(project: project, extra: ["--no-watch"])
        defer { _ = server.stop() }
        let file = try server.get("/media/hostile/1-1.bin")
        #expect(file.status == 200 && file.headers["content-type"] == "application/octet-stream")
        #expect(file.headers["content-disposition"] == "attachment" && file.headers["x-content-type-options"] == "nosniff")
        let page = try server.get("/channels/hostile/1.html")
        #expect(page.headers["content-security-policy"]?.contains("script-src 'self'") == true)
        #expect(try server.get("/media/hostile/5-1.jpg").headers["content-disposition"] == nil)
    }

    @Test func numbersNoTelegramExportHoldsNeitherCrashTheBuildNorServe() throws {
        let poll = #","poll":{"question":"q","total_voters":92233720368547759,"answers":[{"text":"a","voters":92233720368547759}]}"#
        let project = try Self.project(messages: [
            Self.message(1, poll), "{\"id\":2,\"type\":\"message\",\"date_unixtime\":\"nan\",\"text\":\"no date\"}",
            "{\"id\":3,\"type\":\"message\",\"date_unixtime\":\"1e30\",\"date\":\"99999-01-01T00:00:00\",\"text\":\"far\"}",
        ])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("message 1: poll total_voters '92233720368547759' is not a count"))
        #expect(result.stderr.contains("message 2: 'date_unixtime' 'nan' is not a time within years 1–9999"))
        let feed = try String(contentsOf: project.appendingPathComponent("Output/channels/hostile/feed.xml"), encoding: .utf8)
        #expect(feed.contains("no date") && feed.contains("far"))
    }

    @Test func serveKeepsServingWhenAHostileExportArrives() throws {
        let project = try Self.project(messages: [Self.message(1)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project)
        defer { _ = server.stop() }
        let poll = #","poll":{"question":"q","total_voters":92233720368547759,"answers":[{"text":"a","voters":92233720368547759}]}"#
        let json = "{\"name\":\"Second\",\"type\":\"public_channel\",\"id\":2,\"messages\":[\(Self.message(1, poll))]}"
        let second = project.appendingPathComponent("Content/second")
        try FileManager.default.createDirectory(at: second, withIntermediateDirectories: true)
        try Data(json.utf8).write(to: second.appendingPathComponent("result.json"))
        var status = 0
        for _ in 0..<100 where status != 200 {
            Thread.sleep(forTimeInterval: 0.1)
            status = (try? server.get("/channels/second/1.html"))?.status ?? 0
        }
        #expect(status == 200, "the new channel was never served")
        #expect(try server.get("/").status == 200)
    }

    @Test(arguments: [
        (#"{"postsPerPage": 9223372036854775807}"#, "'postsPerPage' must be from 1 to 1000"),
        (#"{"homePostsPerChannel": -1}"#, "'homePostsPerChannel' must be from 0 to 1000"),
        (#"{"tagPostsPerPage": 0}"#, "'tagPostsPerPage' must be from 1 to 1000"),
        (#"{"maxMediaFileSize": -5}"#, "'maxMediaFileSize' must be from 0"),
        (#"{"language": "<b>"}"#, "'language' '<b>' is not a language tag"),
    ])
    func configurationValuesOutOfRangeAreErrorsNamingTheKey(config: String, message: String) throws {
        let project = try Self.project(messages: [Self.message(1)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(config.utf8).write(to: project.appendingPathComponent("chansite.json"))
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 1)
        #expect(result.stderr.contains("chansite.json: error: \(message)"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: project.appendingPathComponent("Output").path))
    }

    @Test func anUnderscoreLanguageTagIsReadAsBCP47WithANote() throws {
        let project = try Self.project(messages: [Self.message(1)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data(#"{"language": "ru_RU"}"#.utf8).write(to: project.appendingPathComponent("chansite.json"))
        let result = try CLIRunner.run(["build", "--verbose"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("'language' 'ru_RU' read as 'ru-RU'"))
        let home = try String(contentsOf: project.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(home.contains("<html lang=\"ru-RU\">"))
    }

    @Test(arguments: ["x", "y/z", "./a"])
    func anyOutputFolderNameWorks(name: String) throws {
        let project = try Self.project(messages: [Self.message(1)])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build", "--output", name, "-q"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: project.appendingPathComponent(name + "/index.html").path))
    }

    @Test func sparseLargeOrSharedFilesNeverMakeTheSiteLargerThanItsInput() throws {
        var messages = [
            Self.message(1, #","file":"files/sparse.bin","file_name":"s.bin","file_size":10"#),
            Self.message(2, #","file":"files/sparse2.bin","file_name":"s2.bin""#),
            Self.message(3, #","file":"files/small.txt","file_name":"small.txt","file_size":1"#),
        ]
        // One file named by 200 messages is copied once.
        messages += (10..<210).map { Self.message($0, #","file":"files/shared.pdf","file_name":"shared.pdf""#) }
        let project = try Self.project(
            messages: messages,
            files: ["files/sparse.bin": nil, "files/sparse2.bin": nil, "files/small.txt": "more than one byte", "files/shared.pdf": "%PDF-1.4 x"])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("'files/sparse.bin' is not published: it is 1024.0 MB on disk but the export says 10 bytes"))
        #expect(result.stderr.contains("'files/sparse2.bin' is not published: it is a sparse file"))
        let media = Self.entries(project.appendingPathComponent("Output/media")).keys.sorted()
        #expect(media == ["hostile/10-1.pdf", "hostile/3-1.txt"])
        let page = try String(contentsOf: project.appendingPathComponent("Output/channels/hostile/209.html"), encoding: .utf8)
        #expect(page.contains("../../media/hostile/10-1.pdf"))
    }

    @Test func symlinksInAnExportAreNeverPublishedAsSymlinks() throws {
        let project = try Self.project(
            messages: [Self.message(1, #","photo":"photos/a.jpg""#), Self.message(2, #","file":"files/b.txt""#)],
            files: ["photos/real.jpg": "jpeg bytes", "photos/a.jpg": "->real.jpg", "files/b.txt": "->/etc/hostname"])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("message 2: media path 'files/b.txt' refused (a symlink that leads out of the export)"))
        let output = Self.entries(project.appendingPathComponent("Output"))
        #expect(!output.isEmpty && output.values.allSatisfy { !$0 }, "symlinks: \(output.filter(\.value).keys.sorted())")
        #expect(try String(contentsOf: project.appendingPathComponent("Output/media/hostile/1-1.jpg"), encoding: .utf8) == "jpeg bytes")
    }

    @Test func controlCharactersInFileNamesNeverReachTheTerminal() throws {
        let project = try CLIRunner.temporaryProject(content: ["bad\u{1B}]0;owned\u{7}name.txt": Data("Just one line\n".utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try CLIRunner.run(["build", "--verbose"], in: project)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!(result.stderr + result.stdout).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 })
        #expect(result.stderr.contains("bad\\u{1B}]0;owned\\u{7}name.txt"))
    }

    /// Every adversarial shape of `scripts/adversarial-input.py` (the benchmark's): ×10 the
    /// input costs at most ×15 the output bytes and ×15 the build's CPU time. CPU time, not wall
    /// time: file creation on a busy disk is noise, a quadratic step is not. Builds of under
    /// half a second count as half a second, so start-up noise cannot fail a linear shape.
    @Test(arguments: Self.adversarialKinds)
    func outputAndTimeGrowLinearlyWithAdversarialInput(kind: String) throws {
        var costs: [(bytes: Int, seconds: Double)] = []
        for scale in [1, 10] {
            let project = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-adversarial-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: project) }
            let generator = CLIRunner.repositoryRoot.appendingPathComponent("scripts/adversarial-input.py").path
            let made = try CLIRunner.run([generator, kind, String(scale), project.path], executable: URL(fileURLWithPath: "/usr/bin/python3"))
            try #require(made.status == 0, "\(made.stderr)")
            // bash's `time` reports the build's own user CPU seconds.
            let timed = try CLIRunner.run(
                ["-c", "TIMEFORMAT=%U; time \"$0\" build -q", CLIRunner.binary.path], in: project, executable: URL(fileURLWithPath: "/bin/bash"))
            #expect(timed.status == 0, "\(kind) ×\(scale): \(timed.stderr)")
            let seconds = try #require(timed.stderr.split(separator: "\n").last.flatMap { Double($0) }, "\(timed.stderr)")
            costs.append((Self.bytes(under: project.appendingPathComponent("Output")), max(seconds, 0.5)))
        }
        #expect(Double(costs[1].bytes) / Double(costs[0].bytes) <= 15, "\(kind) output bytes: \(costs.map(\.bytes))")
        #expect(costs[1].seconds / costs[0].seconds <= 15, "\(kind) CPU seconds: \(costs.map(\.seconds))")
    }

    @Test func everyAdversarialShapeIsTested() {
        #expect(Self.adversarialKinds.count >= 20, "\(Self.adversarialKinds)")
    }

    static let adversarialKinds: [String] = {
        let script = CLIRunner.repositoryRoot.appendingPathComponent("scripts/adversarial-input.py").path
        let listed = try? CLIRunner.run([script, "--kinds"], executable: URL(fileURLWithPath: "/usr/bin/python3"))
        return (listed?.stdout ?? "").split(whereSeparator: \.isWhitespace).map(String.init)
    }()

    static func bytes(under root: URL) -> Int {
        var total = 0
        for name in (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? [] {
            total += (try? FileManager.default.attributesOfItem(atPath: root.appendingPathComponent(name).path)[.size] as? Int) ?? 0
        }
        return total
    }
}

/// The preview server under what a hostile page or a careless owner does: odd ranges, a build
/// run beside it, a lock held while it rebuilds.
@Suite(.serialized) struct HostileServeTests {
    static let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег"

    @Test func rangesFollowRFC9110() throws {
        let project = try HostileArchiveTests.project(
            messages: [HostileArchiveTests.message(1, #","file":"files/clip.mp4""#)], files: ["files/clip.mp4": "0123456789"])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project, extra: ["--no-watch"])
        defer { _ = server.stop() }
        let path = "/media/hostile/1-1.mp4"
        let etag = try #require(try server.get(path).headers["etag"])
        let cut = try server.get(path, headers: ["Range": "bytes=5-99999999999999999999999"])
        #expect(cut.status == 206 && cut.body == "56789" && cut.headers["content-range"] == "bytes 5-9/10")
        let several = try server.get(path, headers: ["Range": "bytes=0-1,4-5"])
        #expect(several.status == 200 && several.body == "0123456789")
        let stale = try server.get(path, headers: ["Range": "bytes=0-1", "If-Range": "\"another-version\""])
        #expect(stale.status == 200 && stale.body == "0123456789")
        let current = try server.get(path, headers: ["Range": "bytes=0-1", "If-Range": etag])
        #expect(current.status == 206 && current.body == "01")
        #expect(try server.get(path, headers: ["Range": "bytes=-3"]).body == "789")
        #expect(try server.get(path, headers: ["Range": "bytes=10-"]).status == 416)
    }

    /// A `chansite build` run beside `serve` replaces the output; `serve` notices and puts its
    /// own site back, so what it lists and what is on disk agree again.
    @Test func aBuildRunBesideServeIsNoticed() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project)
        defer { _ = server.stop() }
        let other = project.appendingPathComponent("Other")
        try FileManager.default.copyItem(at: project.appendingPathComponent("Templates"), to: other)
        let base = other.appendingPathComponent("base.mustache")
        try Data(try String(contentsOf: base, encoding: .utf8).replacingOccurrences(of: "<main", with: "<p>OTHER BUILD</p><main").utf8)
            .write(to: base)
        let built = try CLIRunner.run(["build", "--templates", "Other", "-q"], in: project)
        #expect(built.status == 0, "\(built.stderr)")
        let page = project.appendingPathComponent("Output/channels/kanal/index.html")
        let deadline = Date().addingTimeInterval(15)
        while Date() < deadline, (try? String(contentsOf: page, encoding: .utf8))?.contains("OTHER BUILD") ?? true {
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(try !String(contentsOf: page, encoding: .utf8).contains("OTHER BUILD"), "serve did not rebuild its own site")
        let served = try server.get("/channels/kanal/index.html")
        #expect(served.status == 200 && !served.body.contains("OTHER BUILD"))
    }

    /// While another build holds the output's lock, a rebuild waits for it instead of failing.
    @Test func aRebuildWaitsForALockHeldByAnotherBuild() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project)
        defer { _ = server.stop() }
        let lock = open(project.appendingPathComponent(".Output.chansite/lock").path, O_RDWR)
        #expect(lock >= 0 && flock(lock, LOCK_EX) == 0)
        try Data((Self.dump + "\nСтрока после замка.").utf8).write(to: project.appendingPathComponent("Content/a.txt"))
        Thread.sleep(forTimeInterval: 1.5)
        #expect(try !server.get("/channels/kanal/index.html").body.contains("Строка после замка."))
        close(lock)
        var body = ""
        for _ in 0..<100 where !body.contains("Строка после замка.") {
            Thread.sleep(forTimeInterval: 0.1)
            body = (try? server.get("/channels/kanal/index.html").body) ?? ""
        }
        #expect(body.contains("Строка после замка."), "the rebuild did not follow the lock")
        #expect(try !server.get("/").body.contains("chansite-error"), "a held lock is not an error to show")
    }
}

extension HostileServeTests {
    /// The server's user and system CPU seconds so far (Linux `/proc`).
    static func cpuSeconds(_ pid: Int32) -> Double {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let end = stat.lastIndex(of: ")")
        else { return 0 }
        let fields = stat[stat.index(after: end)...].split(separator: " ")
        return Double((Int(fields[11]) ?? 0) + (Int(fields[12]) ?? 0)) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// A flood past the descriptor limit must not make the server spin a core.
    @Test func theServerIdlesAtTheDescriptorLimit() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(
            project: project, extra: ["--max-connections", "512", "--no-watch"], launcher: ["/usr/bin/prlimit", "--nofile=64:64"])
        defer { _ = server.stop() }
        let flood = (0..<150).compactMap { _ in try? RawHTTP.connect(port: server.port, timeout: 1) }
        defer { for fd in flood { close(fd) } }
        Thread.sleep(forTimeInterval: 0.5)
        let before = Self.cpuSeconds(server.process.processIdentifier)
        Thread.sleep(forTimeInterval: 2)
        let used = Self.cpuSeconds(server.process.processIdentifier) - before
        #expect(used < 0.5, "the server used \(used) s of CPU in 2 s at the descriptor limit")
        #expect(server.process.isRunning)
    }
}

extension HostileServeTests {
    /// While the site is rebuilt again and again, every page served is the file its ETag names
    /// and a page every build has is never missing: the list and the files swap together (before,
    /// for 0.15–0.45 s after each rebuild, new bytes went out under old ETags and pages 404ed).
    @Test func pagesAndTheirETagsAgreeThroughRebuilds() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project)
        defer { _ = server.stop() }
        let done = LockedFlag()
        let editor = Thread {
            for n in 0..<16 {
                let text = Self.dump + (0...n).map { "\n\nПост номер \($0) про кошек и модели." }.joined()
                try? Data(text.utf8).write(to: project.appendingPathComponent("Content/a.txt"))
                Thread.sleep(forTimeInterval: 0.35)
            }
            done.set()
        }
        editor.start()
        var checked = 0
        var problems: [String] = []
        while !done.isSet || checked < 20 {
            for path in ["/channels/kanal/index.html", "/index.html", "/search.html"] {
                guard let response = try? server.get(path), response.status != 0 else { continue }
                guard response.status == 200 else {
                    problems.append("\(path): \(response.status)")
                    continue
                }
                guard let etag = response.headers["etag"] else { continue }
                let file = response.body.replacingOccurrences(of: "<script src=\"/__chansite/live.js\"></script>\n", with: "")
                let named = etag.trimmingCharacters(in: CharacterSet(charactersIn: "\"")).components(separatedBy: "-").first ?? ""
                if !response.body.contains("chansite-error"), Fingerprint.contentHash(of: Data(file.utf8)) != named {
                    problems.append("\(path): bytes do not match ETag \(etag)")
                }
                checked += 1
            }
        }
        #expect(checked >= 20)
        #expect(problems.isEmpty, "\(problems.prefix(5))")
    }
}

/// A flag one thread sets and another reads.
final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}
