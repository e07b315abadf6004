import Foundation
import Testing

@testable import ChansiteCore

/// `FileSystem.removeTree`, which removes the previous site after a swap and chansite's scratch
/// folders: the whole tree goes, and a symlink in it is removed, never followed.
@Suite struct RemoveTreeTests {
    @Test func aTreeGoesWholeAndSymlinksAreNotFollowed() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let tree = root.appendingPathComponent("tree").path
        let outside = root.appendingPathComponent("outside").path
        try FileManager.default.createDirectory(atPath: outside, withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: FileSystem.join(outside, "kept.txt")))
        // Files and folders at every depth, and symlinks to the outside folder at the first
        // three levels (the first two are where the removal splits the work).
        for folder in ["a/b/c", "d", "e/f"] {
            try FileManager.default.createDirectory(atPath: FileSystem.join(tree, folder), withIntermediateDirectories: true)
        }
        for file in ["top.html", "a/one.html", "a/b/two.html", "a/b/c/three.html", "e/f/four.js"] {
            try Data(file.utf8).write(to: URL(fileURLWithPath: FileSystem.join(tree, file)))
        }
        for link in ["link", "a/link", "a/b/link"] {
            try FileManager.default.createSymbolicLink(atPath: FileSystem.join(tree, link), withDestinationPath: outside)
        }
        FileSystem.removeTree(tree)
        #expect(!FileManager.default.fileExists(atPath: tree))
        #expect(try String(contentsOfFile: FileSystem.join(outside, "kept.txt"), encoding: .utf8) == "keep")
        // A symlink given as the tree is removed itself.
        let link = root.appendingPathComponent("to-outside").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: outside)
        FileSystem.removeTree(link)
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link)) == nil)
        #expect(FileManager.default.fileExists(atPath: FileSystem.join(outside, "kept.txt")))
        // A file, and a path that is not there.
        let file = root.appendingPathComponent("file.txt").path
        try Data("x".utf8).write(to: URL(fileURLWithPath: file))
        FileSystem.removeTree(file)
        FileSystem.removeTree(root.appendingPathComponent("missing").path)
        #expect(!FileManager.default.fileExists(atPath: file))
    }
}
