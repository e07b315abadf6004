import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteOutput

/// The output stage on its own: the guard's rules, the staging sink's carry-over, fingerprints.
@Suite struct OutputWriterTests {
    func inode(_ path: String) -> UInt64 {
        var info = stat()
        return lstat(path, &info) == 0 ? UInt64(info.st_ino) : 0
    }

    @Test func theGuardRefusesTheRootHomeCurrentFolderAndInputs() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let project = root.appendingPathComponent("project").path
        let home = root.appendingPathComponent("home").path
        try FileManager.default.createDirectory(atPath: project + "/Content", withIntermediateDirectories: true)
        func reason(_ output: String) -> String? {
            let options = BuildOptions(contentPath: "Content", templatesPath: "Templates", outputPath: output, configPath: "chansite.json")
            return OutputGuard(options: options, currentFolder: project, homeFolder: home).forbiddenReason(
                FileSystem.resolved(output, relativeTo: project))
        }
        #expect(reason("/") == "is the root of the file system")
        #expect(reason(home) == "is the home folder")
        #expect(reason(root.path) == "contains the home folder")
        #expect(reason(".") == "is the current folder")
        #expect(reason("Content") == "is the content folder")
        #expect(reason("Templates") == "is the templates folder")
        #expect(reason("chansite.json") == "is the configuration file")
        #expect(reason("Output") == nil)
        #expect(reason("Content/site") == "is inside the content folder 'Content'", "a site inside an input would be read back")
        #expect(reason("Templates/assets/site") == "is inside the templates folder 'Templates'")
    }

    @Test func theSinkCarriesUnchangedFilesOverAndWritesTheRest() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output").path
        let writer = OutputWriter(outputPath: output)
        do {  // the lock lives as long as the staged build
            let staged = try writer.begin()
            try staged.sink.write("a.html", contents: Data("a".utf8), fingerprint: "fa")
            try staged.sink.write("dir/b.html", contents: Data("b".utf8), fingerprint: "fb")
            try staged.sink.write("c.html", contents: Data("c".utf8), fingerprint: "fc")
            try writer.finish(staged)
        }
        let before = ["a.html", "dir/b.html", "c.html"].map { inode(output + "/" + $0) }

        // By hand, someone edits c.html in the output.
        try Data("hand".utf8).write(to: URL(fileURLWithPath: output + "/c.html"))
        let staged = try writer.begin()
        #expect(staged.sink.reuse("a.html", fingerprint: "fa"), "same inputs: carried over")
        #expect(!staged.sink.reuse("dir/b.html", fingerprint: "changed"))
        try staged.sink.write("dir/b.html", contents: Data("b".utf8), fingerprint: "changed")  // same bytes
        #expect(!staged.sink.reuse("c.html", fingerprint: "fc"), "a hand-edited file is never carried over")
        try staged.sink.write("c.html", contents: Data("c".utf8), fingerprint: "fc")
        #expect(staged.sink.reused == 2 && staged.sink.written == 1)
        try writer.finish(staged)
        #expect(inode(output + "/a.html") == before[0])
        #expect(inode(output + "/dir/b.html") == before[1], "same bytes: the same file")
        #expect(try String(contentsOfFile: output + "/c.html", encoding: .utf8) == "c")
        #expect(!FileSystem.exists(output + "/.chansite-partial"))
    }

    /// A page's key (what its view is made from) goes into the manifest with the file: the next
    /// build carries the page over by it while the file is the one written, and a page carried
    /// over by its fingerprint takes the key it has now.
    @Test func aPageIsCarriedOverByItsKeyWhileItsFileIsTheOneWritten() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output").path
        let writer = OutputWriter(outputPath: output)
        do {
            let staged = try writer.begin()
            try staged.sink.write("p.html", contents: Data("p".utf8), fingerprint: "fp", key: "k1")
            try staged.sink.write("q.html", contents: Data("q".utf8), fingerprint: "fq", key: "k2")
            try staged.sink.write("r.html", contents: Data("r".utf8), fingerprint: "fr")
            try staged.sink.write("s.html", contents: Data("s".utf8), fingerprint: "fs", key: "k4")
            try writer.finish(staged)
        }
        try Data("hand".utf8).write(to: URL(fileURLWithPath: output + "/s.html"))
        do {
            let staged = try writer.begin()
            #expect(staged.sink.reuse("p.html", key: "k1"))
            #expect(!staged.sink.reuse("q.html", key: "k1") && !staged.sink.reuse("r.html", key: "k1"), "another page's key, or none")
            #expect(staged.sink.reuse("q.html", fingerprint: "fq", key: "k3"))
            #expect(staged.sink.reuse("r.html", fingerprint: "fr", key: nil))
            #expect(!staged.sink.reuse("s.html", key: "k4"), "a hand-edited page is never carried over")
            try staged.sink.write("s.html", contents: Data("s".utf8), fingerprint: "fs", key: "k5")
            try writer.finish(staged)
        }
        let manifest = try String(contentsOfFile: WorkFolder.path(for: output) + "/manifest.json", encoding: .utf8)
        #expect(manifest.contains(#""key":"k3""#) && manifest.contains(#""key":"k5""#) && !manifest.contains(#""key":"k2""#))
        let staged = try writer.begin()
        #expect(staged.sink.reuse("p.html", key: "k1"), "kept with the file it was carried over with")
        #expect(!staged.sink.reuse("q.html", key: "k2") && staged.sink.reuse("q.html", key: "k3"))
        #expect(staged.sink.reuse("s.html", key: "k5") && !staged.sink.reuse("r.html", key: "fr"))
        try writer.finish(staged)
    }

    /// The site a swap replaced is the next build's staging folder: a file carried over stays
    /// where it is when it is the output's own, and nothing else of it reaches the next site —
    /// not a file replaced in it, a stray file, folder or symlink, a file where a folder goes,
    /// a folder where a file goes, or a name in another Unicode form.
    @Test func theSpareSiteIsStagedIntoAndNothingOfItLeaks() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output").path
        let spare = WorkFolder.path(for: output) + "/spare"
        let writer = OutputWriter(outputPath: output)
        func build(_ files: [String: String], reusing kept: [String: String] = [:]) throws -> (written: Int, reused: Int) {
            let staged = try writer.begin()
            for (path, fingerprint) in kept { #expect(staged.sink.reuse(path, fingerprint: fingerprint), "\(path)") }
            for (path, text) in files { try staged.sink.write(path, contents: Data(text.utf8), fingerprint: "f-" + text) }
            let counts = (staged.sink.written, staged.sink.reused)
            try writer.finish(staged)
            return counts
        }
        func site() throws -> [String: String] {
            var files: [String: String] = [:]
            let enumerator = try #require(FileManager.default.enumerator(atPath: output))
            while let path = enumerator.nextObject() as? String {
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: output + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                    files[path] = try String(contentsOfFile: output + "/" + path, encoding: .utf8)
                }
            }
            return files
        }
        let cafe = "caf\u{E9}.html"  // precomposed; the spare gets the decomposed name
        _ = try build(["a.html": "a", "b/c.html": "c", "x": "x", "y/z.html": "z", "old.html": "o", cafe: "e", "gone/g.html": "g"])
        #expect(!FileSystem.exists(spare), "no site was swapped out yet")
        _ = try build(["a.html": "a", "b/c.html": "c2", "x": "x", "y/z.html": "z", cafe: "e", "same.html": "s", "gone/g.html": "g"])
        #expect(FileSystem.isDirectory(spare), "the first site is kept")
        let (a, same) = (inode(output + "/a.html"), inode(output + "/same.html"))

        try FileManager.default.removeItem(atPath: spare + "/a.html")
        try Data("stale".utf8).write(to: URL(fileURLWithPath: spare + "/a.html"))
        try Data("stray".utf8).write(to: URL(fileURLWithPath: spare + "/stray.html"))
        try FileManager.default.createDirectory(atPath: spare + "/strays/deeper", withIntermediateDirectories: true)
        try Data("stray".utf8).write(to: URL(fileURLWithPath: spare + "/strays/deeper/s.html"))
        try FileManager.default.createSymbolicLink(atPath: spare + "/link.html", withDestinationPath: "/etc/hostname")
        try Data("e".utf8).write(to: URL(fileURLWithPath: spare + "/cafe\u{301}.html"))
        let counts = try build(
            ["x/inner.html": "i", "b/c.html": "c3", "y": "file now", cafe: "e2", "same.html": "s"], reusing: ["a.html": "f-a"])
        #expect(counts == (4, 2), "same.html made again with its bytes is linked")
        #expect(
            try site().filter { !$0.key.hasPrefix(".") } == [
                "a.html": "a", "b/c.html": "c3", "x/inner.html": "i", "y": "file now", cafe: "e2", "same.html": "s",
            ])
        #expect(inode(output + "/a.html") == a, "carried over: the output's own file")
        #expect(inode(output + "/same.html") == same)
        let names = try FileManager.default.contentsOfDirectory(atPath: output).map { Array($0.utf8) }
        #expect(!names.contains(Array("cafe\u{301}.html".utf8)), "the decomposed name is another file")
    }

    /// A path this build has staged is not carried over a second time, with a spare site as
    /// without one: the spare's file there (the output's own) must not stand in for the new one.
    @Test func aStagedPathIsNotCarriedOverAgainIntoTheSpare() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output").path
        let writer = OutputWriter(outputPath: output)
        for _ in 0..<2 {
            let staged = try writer.begin()
            try staged.sink.write("a.html", contents: Data("a".utf8), fingerprint: "fa")
            try writer.finish(staged)
        }
        #expect(FileSystem.isDirectory(WorkFolder.path(for: output) + "/spare"))
        let staged = try writer.begin()
        try staged.sink.write("a.html", contents: Data("new".utf8), fingerprint: "fb")
        #expect(!staged.sink.reuse("a.html", fingerprint: "fa"), "already staged")
        try writer.finish(staged)
        #expect(try String(contentsOfFile: output + "/a.html", encoding: .utf8) == "new")
    }

    /// A file made piece by piece (`posts.json`) is named into place when new, and dropped for
    /// the output's own file when its bytes are the same; the unnamed file leaves nothing behind.
    @Test func aStreamedFileIsNamedIntoPlaceOrDroppedForTheSameBytes() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output").path
        let writer = OutputWriter(outputPath: output)
        func build(_ pieces: [String]) throws -> (written: Int, reused: Int) {
            let staged = try writer.begin()
            let folder = try #require(staged.sink.scratchFolder)
            let file = try #require(StreamedFile(in: folder), "the work folder's file system makes unnamed files")
            for piece in pieces { try file.append(Data(piece.utf8)) }
            #expect(file.contentHash == Fingerprint.contentHash(of: Data(pieces.joined().utf8)), "hashed as it was written")
            try staged.sink.write("channels/a/posts.json", streamed: file, fingerprint: nil)
            let counts = (staged.sink.written, staged.sink.reused)
            try writer.finish(staged)
            return counts
        }
        #expect(try build(["{\"posts\":", "[1]}"]) == (1, 0))
        #expect(try String(contentsOfFile: output + "/channels/a/posts.json", encoding: .utf8) == "{\"posts\":[1]}")
        let first = inode(output + "/channels/a/posts.json")
        _ = try build(["{\"posts\":[1", "]}"])  // the same bytes in other pieces
        #expect(inode(output + "/channels/a/posts.json") == first, "same bytes: the same file")
        _ = try build(["{\"posts\":[2]}"])
        #expect(try String(contentsOfFile: output + "/channels/a/posts.json", encoding: .utf8) == "{\"posts\":[2]}")
        let workFolder = try FileManager.default.contentsOfDirectory(atPath: WorkFolder.path(for: output))
        #expect(workFolder.allSatisfy { !$0.contains("posts") }, "\(workFolder)")
    }

    @Test func largeFilesAreCopiedByPathAndCarriedOverWhileUnchanged() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let source = root.appendingPathComponent("photo.jpg").path
        try Data(repeating: 7, count: 3_000_000).write(to: URL(fileURLWithPath: source))
        let output = root.appendingPathComponent("Output").path
        let writer = OutputWriter(outputPath: output)
        func build() throws -> (written: Int, reused: Int) {
            let staged = try writer.begin()
            try staged.sink.copy("media/photo.jpg", from: source)
            let counts = (staged.sink.written, staged.sink.reused)
            try writer.finish(staged)
            return counts
        }
        #expect(try build() == (1, 0))
        #expect(inode(output + "/media/photo.jpg") != inode(source), "a copy, never the user's file itself")
        let first = inode(output + "/media/photo.jpg")
        #expect(try build() == (0, 1))
        #expect(inode(output + "/media/photo.jpg") == first)
        try Data(repeating: 8, count: 10).write(to: URL(fileURLWithPath: source))
        #expect(try build() == (1, 0))
        #expect(FileManager.default.contents(atPath: output + "/media/photo.jpg") == Data(repeating: 8, count: 10))
    }

    /// Files that cannot be written are each reported with their own diagnostics, then what
    /// became of the site: the previous one is left as it was.
    @Test func everyFailedFileIsReportedAndThePreviousSiteKept() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let output = root.appendingPathComponent("Output").path
        try OutputWriter(outputPath: output).write([RenderedFile(path: "index.html", contents: Data("old".utf8))])
        // `a` is a file and a folder at once: whichever is made first, the other fails.
        let clashing = ["a", "a/b.html", "a/c.html"].map { RenderedFile(path: $0, contents: Data("new".utf8)) }
        #expect {
            try OutputWriter(outputPath: output).write(clashing)
        } throws: { error in
            guard let diagnostics = (error as? DiagnosticError)?.diagnostics else { return false }
            return diagnostics.count >= 2 && diagnostics.allSatisfy { $0.severity == .error }
                && diagnostics.last?.message == "the previous site in '\(output)' was left unchanged"
        }
        #expect(try String(contentsOfFile: output + "/index.html", encoding: .utf8) == "old")
    }

    @Test func fingerprintsAreDeterministicAndOrderFree() {
        var a = Fingerprint("x")
        a.add(any: ["b": 1, "a": ["s", true, 2.5]] as [String: Any])
        var b = Fingerprint("x")
        b.add(any: ["a": ["s", true, 2.5], "b": 1] as [String: Any])
        var c = Fingerprint("x")
        c.add(any: ["a": ["s", true, 2.5], "b": 2] as [String: Any])
        #expect(a.hex == b.hex && a.hex != c.hex && a.hex.count == 32)
        // Strings are length-prefixed, so boundaries cannot shift.
        #expect(Fingerprint("ab", "c").hex != Fingerprint("a", "bc").hex)
    }
}
