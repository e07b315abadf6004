import Foundation
import Testing

/// Starts the real binary on a free port and talks HTTP to it.
@Suite(.serialized) struct ServeCommandTests {
    static let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\n\n#тег"

    @Test func servesPagesSafely() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        try Data("secret".utf8).write(to: project.appendingPathComponent("Package.swift"))
        let server = try ServerProcess(project: project, extra: ["--no-watch"])
        defer { _ = server.stop() }
        let home = try server.get("/")
        #expect(home.status == 200)
        #expect(home.headers["content-type"] == "text/html; charset=utf-8")
        #expect(!home.body.contains("/__chansite/live.js"), "--no-watch pages get no reload script")
        #expect(try server.get("/__chansite/events").status == 404)
        #expect(try server.get("/assets/style.css").headers["content-type"] == "text/css; charset=utf-8")
        #expect(try server.get("/search/manifest.js").headers["content-type"] == "text/javascript; charset=utf-8")
        let redirect = try server.get("/tags")
        #expect(redirect.status == 301 && redirect.headers["location"] == "/tags/")
        #expect(try server.get("/tags/").status == 200)
        let missing = try server.get("/no/such/page.html")
        #expect(missing.status == 404 && missing.body.contains("Страница не найдена"))  // the sample site is in Russian
        #expect(missing.body.contains("<base href=\"/\">"), "links of the 404 page must resolve from the site root")
        #expect(missing.body.contains("href=\"/no/such/page.html#main\""), "the skip link stays on the page, not the home page")
        #expect(!missing.body.contains("href=\"#"))
        // The address asked for is escaped where the page names it.
        #expect(!(try server.get("/no/%22onmouseover=alert(1)%22").body.contains("\"onmouseover")))
        let etag = try #require(home.headers["etag"])
        #expect(try server.get("/", headers: ["If-None-Match": etag]).status == 304)
        let head = try server.get("/", "HEAD")
        #expect(head.status == 200 && head.body.isEmpty && head.headers["content-length"] != nil)
        // Traversal attempts never return a file from outside the site.
        try FileManager.default.createSymbolicLink(
            atPath: project.appendingPathComponent("Output/leak.txt").path,
            withDestinationPath: project.appendingPathComponent("Package.swift").path)
        for path in [
            "/../Package.swift", "/%2e%2e/Package.swift", "/..%2fPackage.swift", "/%2e%2e%2fPackage.swift", "/leak.txt",
            "/assets/..%5c..%5cPackage.swift",
        ] {
            let response = try server.get(path)
            #expect([400, 404].contains(response.status), "\(path) gave \(response.status)")
            #expect(!response.body.contains("secret"), "\(path) leaked a file")
        }
        #expect(server.stop() == 0)
    }

    @Test func rebuildsOnChangeReloadsAndShowsErrors() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project)
        defer { _ = server.stop() }
        #expect(try server.get("/").body.contains("<script src=\"/__chansite/live.js\"></script>"))
        #expect(
            try server.get("/__chansite/live.js").body.contains("EventSource(\"/__chansite/events?page=\"+encodeURIComponent(location.pathname))"))
        let disk = try String(contentsOf: project.appendingPathComponent("Output/index.html"), encoding: .utf8)
        #expect(!disk.contains("__chansite"), "the reload script must never be written to the output folder")
        let fd = try RawHTTP.connect(port: server.port)
        defer { close(fd) }
        RawHTTP.send(fd, "GET", "/__chansite/events", headers: [:])
        #expect(RawHTTP.readStream(fd, until: "connected", seconds: 3).contains("text/event-stream"))
        let start = Date()
        try Data((Self.dump + "\nНовая строка про кошек.").utf8).write(to: project.appendingPathComponent("Content/a.txt"))
        let events = RawHTTP.readStream(fd, until: "event: reload", seconds: 10)
        #expect(events.contains("event: reload"))
        #expect(Date().timeIntervalSince(start) < 3, "reload took \(Date().timeIntervalSince(start)) s")
        #expect(try server.get("/").body.contains("Первый пост про модели."))
        #expect(try server.get("/channels/kanal/index.html").body.contains("Новая строка про кошек."))
        // The reload goes out before the unchanged files are linked into place; they follow.
        let onDisk = project.appendingPathComponent("Output/channels/kanal/index.html")
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, !((try? String(contentsOf: onDisk, encoding: .utf8))?.contains("Новая строка про кошек.") ?? false) {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(try String(contentsOf: onDisk, encoding: .utf8).contains("Новая строка про кошек."))
        // The search index follows the pages (the last one is served until then): once in place,
        // the file of the new word's forms, which the last build did not have, is served.
        let search = project.appendingPathComponent("Output/search")
        var formsFile: String?
        while Date() < deadline, formsFile == nil {
            let files = FileManager.default.enumerator(atPath: search.path)?.allObjects as? [String] ?? []
            formsFile = files.first { ((try? String(contentsOf: search.appendingPathComponent($0), encoding: .utf8)) ?? "").contains("кошек") }
            if formsFile == nil { Thread.sleep(forTimeInterval: 0.05) }
        }
        let newForms = try #require(formsFile)
        let onDiskForms = try String(contentsOf: search.appendingPathComponent(newForms), encoding: .utf8)
        var served = try server.get("/search/" + newForms)
        while Date() < deadline, served.status != 200 || served.body != onDiskForms {
            Thread.sleep(forTimeInterval: 0.05)
            served = try server.get("/search/" + newForms)
        }
        #expect(served.status == 200)
        #expect(served.body == onDiskForms)
        // A broken template: the old site is still served, with the overlay naming file and line.
        try Data("{{#posts}}\n{{/post}}".utf8).write(to: project.appendingPathComponent("Templates/channel.mustache"))
        #expect(RawHTTP.readStream(fd, until: "channel.mustache:2", seconds: 10).contains("event: error"))
        let page = try server.get("/channels/kanal/index.html")
        #expect(page.status == 200)
        #expect(page.body.contains("Новая строка про кошек."))
        #expect(page.body.contains("chansite-error") && page.body.contains("Templates/channel.mustache:2"))
        #expect(server.stop() == 0)
    }

    /// A rebuild renders the open post and listing pages first and reloads them at once, while
    /// the rest of the build goes on (held here by `CHANSITE_FAULT=first-pages`); the other
    /// open pages reload when the whole build is served, and the early page, which the build
    /// then made byte for byte the same, does not reload twice.
    @Test func theOpenPageReloadsBeforeTheRestOfTheBuild() throws {
        let dump = "Канал\n5 subscribers\nDownload Telegram\nПервый пост про модели.\nВторая строка.\n\n#тег"
        let other = "Другой канал\n3 subscribers\nDownload Telegram\nПост другого канала."
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(dump.utf8), "b.txt": Data(other.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project, environment: ["CHANSITE_FAULT": "first-pages"])
        defer { _ = server.stop() }
        let folder = project.appendingPathComponent("Output/channels/kanal")
        let post = try #require(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".html") && $0 != "index.html" }.sorted().first)
        func stream(_ page: String) throws -> Int32 {
            let fd = try RawHTTP.connect(port: server.port)
            RawHTTP.send(fd, "GET", "/__chansite/events?page=" + page, headers: [:])
            #expect(RawHTTP.readStream(fd, until: "connected", seconds: 3).contains("text/event-stream"))
            return fd
        }
        let open = try stream("/channels/kanal/" + post)
        defer { close(open) }
        let home = try stream("/")
        defer { close(home) }
        // Another channel's post page, open too: rendered first, but the same bytes, so no early reload.
        let otherFolder = project.appendingPathComponent("Output/channels/drugoy-kanal")
        let otherPost = try #require(
            try FileManager.default.contentsOfDirectory(atPath: otherFolder.path).filter { $0.hasSuffix(".html") && $0 != "index.html" }.sorted()
                .first)
        let unchanged = try stream("/channels/drugoy-kanal/" + otherPost)
        defer { close(unchanged) }
        let start = Date()
        try Data(dump.replacingOccurrences(of: "Вторая строка.", with: "Вторая строка про кошек.").utf8).write(
            to: project.appendingPathComponent("Content/a.txt"))
        #expect(RawHTTP.readStream(open, until: "event: reload", seconds: 6).contains("event: reload"))
        #expect(Date().timeIntervalSince(start) < 6)
        #expect(try server.get("/channels/kanal/" + post).body.contains("Вторая строка про кошек."))
        // The rest of the build is held: a page not open is the last build's, and the home page waits.
        #expect(!(try server.get("/channels/kanal/index.html").body.contains("про кошек")))
        #expect(!RawHTTP.readStream(home, until: "event: reload", seconds: 1).contains("event: reload"))
        #expect(!RawHTTP.readStream(unchanged, until: "event: reload", seconds: 0.2).contains("event: reload"))
        #expect(RawHTTP.readStream(home, until: "event: reload", seconds: 20).contains("event: reload"))
        #expect(try server.get("/channels/kanal/index.html").body.contains("Вторая строка про кошек."))
        #expect(!RawHTTP.readStream(open, until: "event: reload", seconds: 1).contains("event: reload"))
        #expect(server.stop() == 0)
    }

    @Test func aRebuildPrintsOnlyTheDiagnosticsThatChanged() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let log = project.appendingPathComponent("serve.log")
        let server = try ServerProcess(project: project, errorLog: log)
        defer { _ = server.stop() }
        let fd = try #require(ServeRobustnessTests.openStream(port: server.port))
        defer { close(fd) }
        try Data((Self.dump + "\nЕщё строка.").utf8).write(to: project.appendingPathComponent("Content/a.txt"))
        #expect(RawHTTP.readStream(fd, until: "event: reload", seconds: 10).contains("event: reload"))
        // The rebuild's summary follows its reload.
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline, (try String(contentsOf: log, encoding: .utf8)).components(separatedBy: "not repeated").count < 2 {
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(server.stop() == 0)
        let printed = try String(contentsOf: log, encoding: .utf8)
        // The missing base URL is said by the first build; the rebuild only counts it.
        #expect(printed.components(separatedBy: "no 'baseURL' in the configuration").count == 2, "\(printed)")
        #expect(printed.contains("(1 diagnostic as in the last build, not repeated)"), "\(printed)")
    }

    /// An export copied in slowly (a pause mid-file longer than the watcher's quiet time) is
    /// read once it is closed: never half-written, as malformed JSON.
    @Test func aFileStillBeingWrittenIsReadOnceClosed() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        // The export's folder is there before: a folder made later is watched from when the
        // watcher sees it, and a file written into it at once is known only by the folder.
        let folder = project.appendingPathComponent("Content/shelf")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let log = project.appendingPathComponent("serve.log")
        let server = try ServerProcess(project: project, errorLog: log)
        defer { _ = server.stop() }
        let fd = try #require(ServeRobustnessTests.openStream(port: server.port))
        defer { close(fd) }
        let export = BuildCacheFileTests.export(12)
        let file = folder.appendingPathComponent("result.json")
        FileManager.default.createFile(atPath: file.path, contents: nil)
        let handle = try FileHandle(forWritingTo: file)
        try handle.write(contentsOf: export.prefix(export.count / 2))
        Thread.sleep(forTimeInterval: 0.8)
        try handle.write(contentsOf: export.dropFirst(export.count / 2))
        try handle.close()
        #expect(RawHTTP.readStream(fd, until: "event: reload", seconds: 10).contains("event: reload"))
        #expect(try server.get("/channels/shelf/index.html").body.contains("Message 12 about models"))
        #expect(server.stop() == 0)
        let printed = try String(contentsOf: log, encoding: .utf8)
        #expect(!printed.contains("malformed JSON"), "\(printed)")
    }

    @Test func aBusyPortGetsAClearMessage() throws {
        let project = try CLIRunner.temporaryProject(content: ["a.txt": Data(Self.dump.utf8)])
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project, extra: ["--no-watch"])
        defer { _ = server.stop() }
        let second = try CLIRunner.run(
            [
                "serve", "--port", String(server.port), "--output", project.appendingPathComponent("Out2").path,
                "--no-watch",
            ], in: project)
        #expect(second.status == 1)
        #expect(second.stderr.contains("already in use") && second.stderr.contains("--port"))
        #expect(!second.stdout.contains("built"), "a busy port is reported before building")
    }
}
