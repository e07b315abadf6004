import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteOutput

/// The build manifest's hand-written JSON: what Foundation's encoder would write, and read back whole.
@Suite struct BuildManifestTests {
    func manifest(paths: [String]) -> BuildManifest {
        var manifest = BuildManifest()
        for (n, path) in paths.enumerated() {
            manifest.files[path] = BuildManifest.Entry(
                fingerprint: "f\(n)", contentHash: "h\(n)", size: Int64(n * 1000), modified: 1_790_000_000_123_456_789 + Int64(n),
                inode: UInt64.max - UInt64(n))
            // Pages have keys, other files none.
            if n % 2 == 0 { manifest.files[path]?.key = n % 4 == 0 ? "0123456789abcdef0123456789abcdef" : "k\(n)" }
        }
        manifest.groups = ["search/": "g1", "b/": "g2"]
        manifest.inputs = "digest"
        manifest.replay = BuildManifest.Replay(
            counts: BuildResult.Counts(channels: 1, posts: 2, tags: 3, pages: 4),
            diagnostics: [.warning("a \"quoted\" note", at: SourceLocation(path: "Content/a.txt", line: 3))],
            dumps: [])
        return manifest
    }

    @Test func theManifestIsWhatJSONEncoderWritesWithSortedKeys() throws {
        let manifest = manifest(paths: ["index.html", "channels/a/p-1.html", "search/docs/0.js", "tags/ü.html", "0.html"])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        #expect(try manifest.encoded() == encoder.encode(manifest))
    }

    /// A manifest of more entries than a batch is written in parts on all cores: the same bytes.
    @Test func aLargeManifestIsWrittenInOrderAcrossParts() throws {
        let count = 2 * BuildManifest.entriesPerBatch + BuildManifest.entriesPerPart + 7
        let manifest = manifest(paths: (0..<count).map { "channels/c/\(String($0, radix: 7))-пост.html" })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var parts = 0
        var written = Data()
        try manifest.encode {
            parts += 1
            written.append($0)
        }
        #expect(parts > count / BuildManifest.entriesPerPart)
        #expect(written == (try encoder.encode(manifest)))
        #expect(ManifestReader.read(written)?.files == manifest.files)
    }

    @Test func everyPathAndFieldIsReadBack() throws {
        let odd = ["a\"b.html", "c\\d.html", "tab\there.html", "line\u{2028}sep.html", "emoji 🙂/x.html", "</script>.html"]
        let manifest = manifest(paths: odd)
        let decoded = try JSONDecoder().decode(BuildManifest.self, from: manifest.encoded())
        #expect(decoded.files == manifest.files)
        #expect(decoded.groups == manifest.groups)
        #expect(decoded.inputs == "digest")
        #expect(decoded.replay?.counts.posts == 2)
        #expect(decoded.replay?.diagnostics.first?.message == "a \"quoted\" note")
        #expect(decoded.format == BuildManifest.format)
    }

    @Test func anEmptyManifestIsValidJSON() throws {
        let decoded = try JSONDecoder().decode(BuildManifest.self, from: BuildManifest().encoded())
        #expect(decoded.files.isEmpty && decoded.inputs == nil && decoded.replay == nil)
    }

    /// The byte reader gives what JSONDecoder gives, for every path the writer can escape.
    @Test func theFastReaderReadsWhatTheWriterWrote() throws {
        let odd = [
            "a\"b.html", "c\\d.html", "tab\there.html", "line\u{2028}sep.html", "emoji 🙂/x.html", "</script>.html", "\u{1}\u{1F}.html", "index.html",
        ]
        for paths in [odd, []] {
            let manifest = manifest(paths: paths)
            let data = try manifest.encoded()
            let fast = try #require(ManifestReader.read(data))
            let decoded = try JSONDecoder().decode(BuildManifest.self, from: data)
            #expect(fast.files == decoded.files)
            #expect(fast.files == manifest.files)
            #expect(fast.groups == decoded.groups && fast.inputs == decoded.inputs && fast.format == decoded.format)
            #expect(fast.replay?.diagnostics.first?.message == decoded.replay?.diagnostics.first?.message)
        }
    }

    /// A large manifest is read in shares on all cores, each from a `},"` where an entry may
    /// begin: the shares tile the table, so the files are what one reader finds. Paths that end
    /// in `},` put the same bytes where no entry begins; a share that starts there does not
    /// end where the next begins, and the table is read by one reader instead, to the same files.
    @Test(arguments: [false, true])
    func aLargeManifestIsReadInSharesAsOneReaderWould(oddPaths: Bool) throws {
        let paths = (0..<40_000).map { n in oddPaths && n % 3 == 0 ? "channels/c\(n % 7)/p\(n)}," : "channels/c\(n % 7)/p\(n).html" }
        let manifest = manifest(paths: paths)
        let data = try manifest.encoded()
        #expect(try #require(ManifestReader.read(data)).files == manifest.files)
        try data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let first = Array("{\"files\":{".utf8).count
            let starts = ManifestReader.chunkStarts(bytes, from: first)
            #expect(starts.count > 4)
            let shares = ManifestReader.entries(bytes, starts: starts)
            if !oddPaths {
                let read = try #require(shares)
                #expect(read.entries.count == starts.count && read.entries.reduce(0) { $0 + $1.count } == paths.count)
            }
            // A start moved one byte is never taken for an entry's.
            #expect(ManifestReader.entries(bytes, starts: [starts[0], starts[1] + 1] + starts.dropFirst(2)) == nil)
        }
    }

    /// What the byte reader does not expect is left to JSONDecoder: other key orders, spaces,
    /// numbers that do not fit; a broken file reads as no manifest at all.
    @Test func anythingElseIsLeftToJSONDecoder() throws {
        let entry = #"{"contentHash":"h","fingerprint":"f","inode":7,"modified":-3,"size":5}"#
        let reordered = #"{"files":{"a.html":{"fingerprint":"f","contentHash":"h","size":5,"inode":7,"modified":-3}},"format":"x","groups":{}}"#
        #expect(ManifestReader.read(Data(reordered.utf8)) == nil)
        let decoded = try JSONDecoder().decode(BuildManifest.self, from: Data(reordered.utf8))
        #expect(decoded.files["a.html"]?.modified == -3)
        let escaped = #"{"files":{"\ud83d\ude42\u00e9.html":"# + entry + #"},"format":"x","groups":{}}"#
        #expect(ManifestReader.read(Data(escaped.utf8))?.files.keys.first == "🙂é.html")
        for broken in [
            #"{"files":{"a.html":"# + entry, #"{"files":{"a.html":{"contentHash":"h"}}}"#, #"{"files": {}}"#,
            #"{"files":{"\ud83d.html":"# + entry + "}}",
            #"{"files":{"a":"# + entry.replacingOccurrences(of: "7", with: "99999999999999999999") + "}}",
        ] {
            #expect(ManifestReader.read(Data(broken.utf8)) == nil, "\(broken)")
        }
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("manifest.json").path
        try Data(#"{"files":{"a":"#.utf8).write(to: URL(fileURLWithPath: path))
        #expect(BuildManifest.load(path).files.isEmpty)
    }

    /// The check that a site's files are still the manifest's, made on all cores: true for an
    /// untouched folder; false when any one file, in any chunk, was rewritten or is gone.
    @Test func everyFileIsCheckedAgainstItsEntry() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String: BuildManifest.Entry] = [:]
        for n in 0..<3_000 {
            let path = "p\(n).html"
            let full = folder.appendingPathComponent(path).path
            try Data("page \(n)".utf8).write(to: URL(fileURLWithPath: full))
            var info = stat()
            #expect(lstat(full, &info) == 0)
            files[path] = BuildManifest.Entry(
                fingerprint: "f", contentHash: "h", size: Int64(info.st_size), modified: FileSystem.modifiedNanoseconds(info),
                inode: UInt64(info.st_ino))
        }
        #expect(BuildManifest.allMatch(files, under: folder.path))
        for path in ["p17.html", "p2999.html"] {
            var changed = files
            changed[path]?.size += 1
            #expect(!BuildManifest.allMatch(changed, under: folder.path), "\(path)")
        }
        try FileManager.default.removeItem(at: folder.appendingPathComponent("p2100.html"))
        #expect(!BuildManifest.allMatch(files, under: folder.path))
    }
}
