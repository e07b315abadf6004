import Foundation
import Testing

@testable import ChansiteCore

/// `ByteKey` meets only texts of the same bytes: canonically equivalent spellings stay apart
/// (the caller composes them first), and a bridged string compares as a native one.
@Suite struct ByteKeyTests {
    @Test func keysAreEqualExactlyWhenTheirBytesAre() {
        let texts = ["", "a", "ab", "ba", "данные", "данныя", "caf\u{E9}", "cafe\u{301}", "東京", String(repeating: "x", count: 300)]
        for a in texts {
            for b in texts {
                #expect((ByteKey(a) == ByteKey(b)) == (Array(a.utf8) == Array(b.utf8)), "\(a) / \(b)")
                if ByteKey(a) == ByteKey(b) { #expect(ByteKey(a).hashValue == ByteKey(b).hashValue) }
            }
        }
    }

    @Test func aBridgedStringMeetsItsNativeCopy() {
        let bridged = NSString(string: "модели") as String
        #expect(ByteKey(bridged) == ByteKey("модели") && ByteKey(bridged) != ByteKey("модель"))
        var keys: [ByteKey: Int] = [ByteKey("модели"): 1]
        keys[ByteKey(bridged), default: 0] += 1
        #expect(keys == [ByteKey("модели"): 2])
    }
}
