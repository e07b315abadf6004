import Foundation
import Testing

@testable import ChansiteCore

@Suite struct ScratchFileTests {
    @Test func textsAppendedFromManyThreadsReadBackWhole() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = try #require(ScratchFile(in: temp.path))
        let texts = (0..<2000).map { "<p>текст \($0) 🙂</p>" + String(repeating: "x", count: $0 % 97) }
        let slices = LockedBox([ScratchFile.Slice?](repeating: nil, count: texts.count))
        DispatchQueue.concurrentPerform(iterations: texts.count) { index in
            let slice = file.append(texts[index])
            slices.mutate { $0[index] = slice }
        }
        for (index, slice) in slices.value.enumerated() {
            #expect(file.read(try #require(slice)) == texts[index])
        }
        #expect(file.read(try #require(file.append(""))) == "")
    }

    @Test func leavesNothingInItsFolder() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = try #require(ScratchFile(in: temp.path))
        _ = file.append("kept on disk, but under no name")
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path).isEmpty)
    }

    @Test func aFolderThatTakesNoFileGivesNone() {
        #expect(ScratchFile(in: "/nonexistent-\(UUID().uuidString)") == nil)
    }
}
