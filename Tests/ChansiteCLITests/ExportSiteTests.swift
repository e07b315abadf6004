import ChansiteCore
import ChansiteMedia
import Foundation
import Testing

/// Builds a site from the fixture exports with the real binary and checks it as a reader would
/// meet it: links resolve, pictures are real images of the stated size, no message text is
/// lost, nothing private is published, and two builds are byte-identical.
@Suite(.serialized) struct ExportSiteTests {
    static let fixtures = CLIRunner.repositoryRoot.appendingPathComponent("Tests/ChansiteKitTests/Fixtures/exports")

    /// A project whose content is the fixture exports; the site is built into `Output`.
    static func build(into project: URL) throws -> CLIRunner.Output {
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        let config =
            #"{"title": "Exports", "language": "en", "baseURL": "https://example.org/archive/", "channelHandles": {"1000000005": "replychain"}}"#
        try Data(config.utf8).write(to: project.appendingPathComponent("chansite.json"))
        return try CLIRunner.run(["build", "--content", fixtures.path], in: project)
    }

    @Test func theExportSiteIsCompleteLinkedAndDeterministic() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        let result = try Self.build(into: project)
        // The malformed message is an error that names its place; everything else is built.
        #expect(result.status == 1)
        #expect(result.stderr.contains("malformed/result.json:7:51: error: malformed JSON (Invalid value) in message 2 of Broken"))
        #expect(result.stderr.contains("traversal/result.json:10: warning: message 3: media path 'photos/escape.jpg' refused"))
        #expect(result.stderr.contains("message 21: media file 'photos/photo_2@05-03-2024_10-13-00.jpg' is not in the export folder"))
        let output = project.appendingPathComponent("Output")
        let files = SiteFiles(root: output)
        #expect(files.html.count > 50)

        var broken: [String] = []
        var images = 0
        for page in files.html {
            let html = try String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)
            for link in SiteFiles.references(in: html) where !files.exists(link, from: page) {
                broken.append("\(page) → \(link)")
            }
            for image in SiteFiles.images(in: html) {
                images += 1
                let path = files.resolve(image.src, from: page)
                let size = ImageThumbnailer.size(of: output.appendingPathComponent(path).path)
                #expect(size?.width == image.width && (image.height == nil || size?.height == image.height), "\(page): \(image.src)")
            }
        }
        #expect(broken.isEmpty, "\(broken.prefix(10))")
        #expect(images >= 8)

        // Every message's text is on its post page (an album's on its first message's page).
        var lost: [String] = []
        for message in try FixtureMessages.all(in: Self.fixtures) {
            let pages = files.html.filter { page in
                message.pageIDs.contains { page.hasSuffix("/\($0).html") } && page.hasPrefix("channels/")
            }
            let found = pages.contains { page in
                SiteFiles.visibleText(of: (try? String(contentsOf: output.appendingPathComponent(page), encoding: .utf8)) ?? "")
                    .contains(message.text)
            }
            if !found { lost.append("\(message.chat) #\(message.id): \(message.text.prefix(40))") }
        }
        #expect(lost.isEmpty, "\(lost)")

        // A post with a photo gives link previews its thumbnail, by absolute URL.
        let album = try String(contentsOf: output.appendingPathComponent("channels/album-walk/40.html"), encoding: .utf8)
        #expect(album.contains(#"<meta property="og:image" content="https://example.org/archive/media/album-walk/40-1-thumb.jpg">"#))

        // A personal chat in the account export is never published, not even in the index.
        let everything = files.all.map { (try? Data(contentsOf: output.appendingPathComponent($0))) ?? Data() }
        #expect(!everything.contains { String(decoding: $0, as: UTF8.self).contains("must never be published") })
        // Who gave a gift, boosted or suggested a post, and a giveaway's winners (by id), never.
        for secret in ["Booster Bob", "Secret Santa", "Suggesting Sue", "8800555", "user7001", "user7002"] {
            #expect(!everything.contains { String(decoding: $0, as: UTF8.self).contains(secret) }, "\(secret) was published")
        }

        // A second build into another folder gives the same bytes.
        let second = project.appendingPathComponent("second")
        _ = try CLIRunner.run(["build", "--content", Self.fixtures.path, "--output", second.path, "--quiet"], in: project)
        let again = SiteFiles(root: second)
        #expect(again.all == files.all)
        for path in files.all {
            let a = try Data(contentsOf: output.appendingPathComponent(path))
            let b = try Data(contentsOf: second.appendingPathComponent(path))
            #expect(a == b, "\(path) differs between two builds")
        }
    }

    @Test func aRebuildCarriesMediaOverAndRemakesAThumbnailOnlyWhenItsPhotoChanged() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        let export = project.appendingPathComponent("Content/media")
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("media"), to: export)
        func build() throws {
            let result = try CLIRunner.run(["build", "--quiet"], in: project)
            #expect(result.status == 0, "\(result.stderr)")
        }
        func inode(_ path: String) throws -> Int {
            let attributes = try FileManager.default.attributesOfItem(atPath: project.appendingPathComponent("Output/" + path).path)
            return (attributes[.systemFileNumber] as? Int) ?? -1
        }
        try build()
        let photo = try inode("media/media-shelf/10-1.jpg")
        let thumbnail = try inode("media/media-shelf/10-1-thumb.jpg")
        let video = try inode("media/media-shelf/11-1.mp4")

        let json = export.appendingPathComponent("result.json")
        let edited = try String(contentsOf: json, encoding: .utf8).replacingOccurrences(
            of: "A photo with a caption.", with: "A photo with a new caption.")
        try Data(edited.utf8).write(to: json)
        try build()
        #expect(
            try String(contentsOf: project.appendingPathComponent("Output/channels/media-shelf/10.html"), encoding: .utf8).contains(
                "A photo with a new caption."))
        #expect(try inode("media/media-shelf/10-1.jpg") == photo)
        #expect(try inode("media/media-shelf/10-1-thumb.jpg") == thumbnail)
        #expect(try inode("media/media-shelf/11-1.mp4") == video)

        // A different picture under the same name: a new copy and a new thumbnail of its size.
        let source = export.appendingPathComponent("photos/photo_1@05-03-2024_10-00-00.jpg")
        try FileManager.default.removeItem(at: source)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("album/photos/photo_2@01-04-2024_09-00-00.jpg"), to: source)
        try build()
        #expect(try inode("media/media-shelf/10-1-thumb.jpg") != thumbnail)
        let size = ImageThumbnailer.size(of: project.appendingPathComponent("Output/media/media-shelf/10-1-thumb.jpg").path)
        #expect(size?.width == 640 && size?.height == 960)
        #expect(
            try String(contentsOf: project.appendingPathComponent("Output/channels/media-shelf/10.html"), encoding: .utf8).contains(
                #"width="640" height="960""#))
    }

    @Test func servePlaysMediaWithByteRanges() throws {
        let project = FileManager.default.temporaryDirectory.appendingPathComponent("chansite-export-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: project) }
        try FileManager.default.createDirectory(at: project.appendingPathComponent("Content"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.fixtures.appendingPathComponent("media"), to: project.appendingPathComponent("Content/media"))
        let server = try ServerProcess(project: project, extra: ["--no-watch"])
        defer { _ = server.stop() }
        let whole = try server.get("/media/media-shelf/11-1.mp4")
        #expect(whole.status == 200 && whole.headers["content-type"] == "video/mp4" && whole.headers["accept-ranges"] == "bytes")
        #expect(whole.body == "not really a video, only bytes to copy\n")
        let part = try server.get("/media/media-shelf/11-1.mp4", headers: ["Range": "bytes=4-9"])
        #expect(part.status == 206 && part.body == "really" && part.headers["content-range"] == "bytes 4-9/39")
        #expect(try server.get("/media/media-shelf/11-1.mp4", headers: ["Range": "bytes=500-"]).status == 416)
        #expect(try server.get("/media/media-shelf/13-1.ogg").headers["content-type"] == "audio/ogg")
        #expect(try server.get("/media/media-shelf/10-1-thumb.jpg").headers["content-type"] == "image/jpeg")
    }
}
