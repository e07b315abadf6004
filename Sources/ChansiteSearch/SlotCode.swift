/// The text a `positions/` file holds for one term: each of its postings' slots (the places its
/// words stand, `Tokenizer.positionedWords`), postings in the order of the term's postings list
/// and separated by `,`, each posting's slots as gaps (the first from 0). A number is written in
/// base 32, most significant digit first: the last digit from `0-9a-v`, the ones before it from
/// `A-Z w-z _ ~`, so a gap under 32 (most of them) is one character and no character needs
/// escaping in JSON or a `<script>`. `slotsOf` in search.js reads the same text.
package enum SlotCode {
    static let last = Array("0123456789abcdefghijklmnopqrstuv".utf8)
    static let more = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZwxyz_~".utf8)

    /// Appends one posting's slots (increasing) to `text`, after a `,` unless it is the first.
    static func append(_ slots: some Sequence<Int32>, to text: inout [UInt8], first: Bool) {
        if !first { text.append(UInt8(ascii: ",")) }
        var previous: Int32 = 0
        for slot in slots {
            write(UInt32(max(0, slot - previous)), to: &text)
            previous = max(previous, slot)
        }
    }

    /// One number, most significant digit first, straight into `text` (this runs for every slot
    /// of the index: no array a number).
    private static func write(_ value: UInt32, to text: inout [UInt8]) {
        var shift: UInt32 = 0
        while value >> (shift + 5) > 0 { shift += 5 }  // `>>` past 31 bits gives 0
        while shift > 0 {
            text.append(more[Int((value >> shift) & 31)])
            shift -= 5
        }
        text.append(last[Int(value & 31)])
    }

    /// Each posting's slots; nil when the text is not of this code (a damaged file) or a slot
    /// would pass `Int32.max`.
    package static func decode(_ text: String) -> [[Int]]? {
        var postings: [[Int]] = [[]]
        var value = 0
        var slot = 0
        var pending = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: ",") {
                guard !pending else { return nil }
                postings.append([])
                slot = 0
            } else if let digit = last.firstIndex(of: byte) {
                slot += value * 32 + digit
                guard slot <= Int(Int32.max) else { return nil }
                postings[postings.count - 1].append(slot)
                (value, pending) = (0, false)
            } else if let digit = more.firstIndex(of: byte) {
                value = value * 32 + digit
                guard value <= Int(Int32.max) else { return nil }
                pending = true
            } else {
                return nil
            }
        }
        return pending ? nil : postings
    }
}
