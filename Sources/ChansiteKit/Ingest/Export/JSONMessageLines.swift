import Foundation

/// The line each message of an export starts on, found by one pass over the JSON's bytes: the
/// decoder knows no lines, and diagnostics should name them. Lists every `"messages": [...]`
/// array in file order, each with the 1-based line of each of its objects.
enum JSONMessageLines {
    static func scan(_ data: Data) -> [[Int]] {
        data.withUnsafeBytes { raw in scan(raw.bindMemory(to: UInt8.self)) }
    }

    private static let messagesKey = Array("messages".utf8)

    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) -> [[Int]] {
        var result: [[Int]] = []
        var line = 1
        var inString = false
        var escaped = false
        var stringStart = 0
        var lastString = 0..<0
        var afterColon = false
        // For each open container: true when it is a `messages` array.
        var isMessages: [Bool] = []
        for (i, byte) in bytes.enumerated() {
            if byte == 0x0A { line += 1 }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                    lastString = stringStart..<i
                }
                continue
            }
            switch byte {
            case 0x22:
                inString = true
                stringStart = i + 1
                afterColon = false
            case 0x3A:
                afterColon = true
            case 0x5B:  // [
                let messages =
                    afterColon && lastString.count == messagesKey.count
                    && messagesKey.indices.allSatisfy { bytes[lastString.lowerBound + $0] == messagesKey[$0] }
                if messages { result.append([]) }
                isMessages.append(messages)
                afterColon = false
            case 0x7B:  // {
                if isMessages.last == true { result[result.count - 1].append(line) }
                isMessages.append(false)
                afterColon = false
            case 0x5D, 0x7D:
                _ = isMessages.popLast()
                afterColon = false
            case 0x20, 0x09, 0x0A, 0x0D:
                break
            default:
                afterColon = false
            }
        }
        return result
    }

    /// The 1-based line and column of a byte offset.
    static func position(of offset: Int, in data: Data) -> (line: Int, column: Int) {
        var line = 1
        var lineStart = 0
        for (i, byte) in data.prefix(offset).enumerated() where byte == 0x0A {
            line += 1
            lineStart = i + 1
        }
        // Columns count characters, as editors do, not bytes.
        let column = String(decoding: data[data.startIndex + lineStart..<data.startIndex + min(offset, data.count)], as: UTF8.self).count + 1
        return (line, column)
    }
}
