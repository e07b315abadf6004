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

    /// A thread's recent reads are answered again from memory, by file and place: two files
    /// with texts at the same offsets never answer for each other, however reads interleave.
    @Test func recentReadsAnswerForTheirOwnFileAlone() throws {
        let temp = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let files = try (0..<3).map { _ in try #require(ScratchFile(in: temp.path)) }
        let slices = try files.enumerated().map { number, file in
            try (0..<8).map { try #require(file.append("file \(number) text \($0) " + String(repeating: "ж", count: 20))) }
        }
        DispatchQueue.concurrentPerform(iterations: 400) { round in
            let number = round % 3
            let index = (round / 3) % 8
            #expect(files[number].read(slices[number][index]) == "file \(number) text \(index) " + String(repeating: "ж", count: 20))
        }
        for _ in 0..<3 {
            for number in 0..<3 { #expect(files[number].read(slices[number][0]).hasPrefix("file \(number) ")) }
        }
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
