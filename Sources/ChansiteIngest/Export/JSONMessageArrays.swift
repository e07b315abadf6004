import ChansiteCore
import Foundation

/// Where each chat's `"messages": [...]` array lies in an export's bytes, found by one pass: its
/// span, each element's bytes and the 1-based line each element starts on. The reader decodes
/// the rest of the file with every such array replaced by a slot number, then one message at a
/// time, so a large export never becomes one decoded tree (and the decoder knows no lines,
/// which diagnostics should name).
enum JSONMessageArrays {
    struct MessageArray {
        /// From `[` to its `]`, inclusive; to the end of the data when it is never closed.
        var span: Range<Int>
        /// How deep in the file its elements lie (the scanner's depth inside the array).
        var depth = 0
        var elements: [Range<Int>] = []
        var lines: [Int] = []
    }

    static func scan(_ data: Data) -> [MessageArray] {
        data.withUnsafeBytes { raw in scan(raw.bindMemory(to: UInt8.self)) }
    }

    private static let messagesKey = Array("messages".utf8)

    /// Every array that is the value of a `messages` key and not inside another such array
    /// (a message's own `messages` key stays part of that message).
    /// `skipping`: a string's plain bytes are passed over in a tight loop (most of a file is
    /// the messages' text); false steps through every byte, which tests compare it with.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>, skipping: Bool = true) -> [MessageArray] {
        var scanner = Scanner()
        var i = 0
        let count = bytes.count
        while i < count {
            if skipping, scanner.inString, !scanner.escaped {
                // Stops at line breaks too (control characters): the scanner counts lines.
                i = JSONBytes.stringTextEnd(bytes, from: i, end: count)
                guard i < count else { break }
            }
            scanner.step(bytes, i)
            i += 1
        }
        scanner.finish(at: count)
        return scanner.arrays
    }

    struct Scanner {
        var arrays: [MessageArray] = []
        var line = 1
        var inString = false
        var escaped = false
        var stringHasEscape = false
        var stringStart = 0
        var lastString = 0..<0
        var lastStringHasEscape = false
        var afterColon = false
        var depth = 0
        /// The depth of the open messages array, when inside one.
        var messagesDepth: Int?
        var elementStart: Int?
        var elementLine = 0

        mutating func step(_ bytes: UnsafeBufferPointer<UInt8>, _ i: Int) {
            let byte = bytes[i]
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                    stringHasEscape = true
                } else if byte == 0x22 {
                    inString = false
                    lastString = stringStart..<i
                    lastStringHasEscape = stringHasEscape
                }
                return
            }
            let isSpace = JSONBytes.isSpace(byte)
            if depth == messagesDepth, elementStart == nil, !isSpace, byte != 0x2C, byte != 0x5D, byte != 0x7D {
                elementStart = i
                elementLine = line
            }
            switch byte {
            case 0x22:
                inString = true
                stringHasEscape = false
                stringStart = i + 1
                afterColon = false
            case 0x3A:
                afterColon = true
            case 0x5B:  // [
                depth += 1
                if messagesDepth == nil, afterColon, JSONMessageArrays.isMessagesKey(bytes, lastString, escaped: lastStringHasEscape) {
                    messagesDepth = depth
                    arrays.append(MessageArray(span: i..<bytes.count, depth: depth))
                }
                afterColon = false
            case 0x7B:  // {
                depth += 1
                afterColon = false
            case 0x2C:  // ,
                if depth == messagesDepth { closeElement(bytes, at: i, empty: true) }
                afterColon = false
            case 0x5D, 0x7D:
                if depth == messagesDepth {
                    closeElement(bytes, at: i, empty: false)
                    arrays[arrays.count - 1].span = arrays[arrays.count - 1].span.lowerBound..<i + 1
                    messagesDepth = nil
                }
                depth -= 1
                afterColon = false
            default:
                if !isSpace { afterColon = false }
            }
        }

        /// Ends the element before `end`; a comma with no element before it is an empty one
        /// (it will not decode, and is reported as a message that cannot be read).
        mutating func closeElement(_ bytes: UnsafeBufferPointer<UInt8>, at end: Int, empty: Bool) {
            guard let start = elementStart else {
                if empty {
                    arrays[arrays.count - 1].elements.append(end..<end)
                    arrays[arrays.count - 1].lines.append(line)
                }
                return
            }
            var last = end
            while last > start, JSONBytes.isSpace(bytes[last - 1]) { last -= 1 }
            arrays[arrays.count - 1].elements.append(start..<last)
            arrays[arrays.count - 1].lines.append(elementLine)
            elementStart = nil
        }

        /// An array never closed keeps its last element (it will not decode).
        mutating func finish(at end: Int) {
            if messagesDepth != nil, let start = elementStart {
                arrays[arrays.count - 1].elements.append(start..<end)
                arrays[arrays.count - 1].lines.append(elementLine)
            }
        }
    }

    /// Whether the key ending before the colon is `messages`, as the decoder reads it: a key
    /// written with escapes (`m\u0065ssages`) is decoded first, so that no array the decoder
    /// takes for a chat's messages is left unmarked.
    static func isMessagesKey(_ bytes: UnsafeBufferPointer<UInt8>, _ key: Range<Int>, escaped: Bool) -> Bool {
        if !escaped {
            return key.count == messagesKey.count && messagesKey.indices.allSatisfy { bytes[key.lowerBound + $0] == messagesKey[$0] }
        }
        let quoted = Data([0x22] + bytes[key] + [0x22])
        do {
            return try JSONDecoder().decode(String.self, from: quoted) == "messages"
        } catch {
            return false  // not a string the decoder reads either; the decoder reports it
        }
    }

    /// The data with each array replaced by `[slot]`, its index in `arrays`.
    static func skeleton(_ bytes: UnsafeBufferPointer<UInt8>, arrays: [MessageArray]) -> Data {
        var result = Data()
        var cursor = 0
        for (slot, array) in arrays.enumerated() {
            result.append(contentsOf: bytes[cursor..<array.span.lowerBound])
            result.append(contentsOf: Array("[\(slot)]".utf8))
            cursor = array.span.upperBound
        }
        result.append(contentsOf: bytes[cursor..<bytes.count])
        return result
    }

    /// The 1-based line and column of a byte offset.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (line: Int, column: Int) {
        let end = min(max(offset, 0), bytes.count)
        var line = 1
        var lineStart = 0
        for i in 0..<end where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Columns count characters, as editors do, not bytes.
        let column = String(decoding: UnsafeBufferPointer(rebasing: bytes[lineStart..<end]), as: UTF8.self).count + 1
        return (line, column)
    }
}
