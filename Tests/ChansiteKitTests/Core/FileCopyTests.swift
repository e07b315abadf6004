import Foundation
import Testing

@testable import ChansiteCore

@Suite struct FileCopyTests {
    /// `readFile` gives a regular file's bytes, whatever their size (an empty file is no bytes,
    /// not nothing), and nothing for what is not there or not a regular file.
    @Test func readFileGivesARegularFilesBytesOnly() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        let large = Data((0..<300_000).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        for (name, bytes) in [("empty", Data()), ("small", Data("пост\n".utf8)), ("large", large)] {
            let path = root.appendingPathComponent(name).path
            try bytes.write(to: URL(fileURLWithPath: path))
            #expect(FileCopy.readFile(path) == [UInt8](bytes), "\(name)")
        }
        #expect(FileCopy.readFile(root.appendingPathComponent("missing").path) == nil)
        #expect(FileCopy.readFile(root.path) == nil)
        let link = root.appendingPathComponent("link").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: root.appendingPathComponent("small").path)
        #expect(FileCopy.readFile(link) == Array("пост\n".utf8))
    }
}
