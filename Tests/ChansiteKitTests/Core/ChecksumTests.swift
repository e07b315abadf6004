import Foundation
import Testing

@testable import ChansiteCore

/// The cache files' checksum: the same bytes give the same digits however they are handed
/// over, and any damage a disk does to a file — a changed byte anywhere, a cut, zeros added —
/// gives other digits.
@Suite struct ChecksumTests {
    static func checksum(_ bytes: [UInt8], pieces: [Int] = []) -> String {
        var checksum = Checksum()
        var at = 0
        bytes.withUnsafeBytes { raw in
            for size in pieces where at + size <= raw.count {
                checksum.update(UnsafeRawBufferPointer(rebasing: raw[at..<(at + size)]))
                at += size
            }
            checksum.update(UnsafeRawBufferPointer(rebasing: raw[at...]))
        }
        return checksum.hex
    }

    static func bytes(_ count: Int, seed: UInt64) -> [UInt8] {
        var random = SeededRandom(state: seed)
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &random) }
    }

    @Test func anySplitOfTheBytesGivesTheSameDigits() {
        let data = Self.bytes(1000, seed: 7)
        let whole = Self.checksum(data)
        #expect(whole.count == 32 && whole.allSatisfy(\.isHexDigit))
        for pieces in [[1], [31, 1, 32, 33], [0, 0, 5], Array(repeating: 3, count: 300), [999], [64, 64, 7, 100]] {
            #expect(Self.checksum(data, pieces: pieces) == whole, "\(pieces)")
        }
    }

    @Test func everyChangedBitCutAndZerosAddedIsCaught() {
        let data = Self.bytes(300, seed: 11)
        let whole = Self.checksum(data)
        var seen: Set<String> = [whole]
        for index in data.indices {
            for bit in [0, 3, 7] {
                var damaged = data
                damaged[index] ^= 1 << bit
                #expect(seen.insert(Self.checksum(damaged)).inserted, "byte \(index) bit \(bit)")
            }
        }
        for count in [0, 1, 31, 32, 33, 299] { #expect(Self.checksum(Array(data.prefix(count))) != whole) }
        for zeros in [1, 8, 32, 40] { #expect(Self.checksum(data + [UInt8](repeating: 0, count: zeros)) != whole) }
        #expect(Self.checksum([]) != Self.checksum([0]) && Self.checksum([0]) != Self.checksum([0, 0]))
    }

    /// Files written by one build are read by the next process: the digits are fixed.
    @Test func theDigitsAreTheSameInEveryProcess() {
        #expect(Self.checksum(Array("chansite".utf8)) == Self.checksum(Array("chansite".utf8)))
        #expect(Self.checksum(Array("chansite".utf8)) == "05736de0a06e1dc902f59bed6f706aa6")
    }
}
