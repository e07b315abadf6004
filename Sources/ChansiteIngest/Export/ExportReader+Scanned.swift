import ChansiteCore
import Foundation

extension ExportReader {
    /// An export file's bytes with their scan and the messages decoded from them, kept by
    /// `serve` for its next read of the same file (`readAgain`). Only a read whose bytes needed
    /// no repair is kept, so its scan and messages are those of `data` itself.
    package final class Scanned: Sendable {
        let path: String
        let data: Data
        let arrays: [JSONMessageArrays.MessageArray]
        /// Each array's messages by element; nil where none was decoded (a chat not read, a
        /// message that is not one).
        let messages: [[Decoded?]]

        init(path: String, data: Data, arrays: [JSONMessageArrays.MessageArray], messages: [[Decoded?]]) {
            self.path = path
            self.data = data
            self.arrays = arrays
            self.messages = messages
        }

        func message(_ slot: Int, _ index: Int) -> Decoded? {
            messages.indices.contains(slot) && messages[slot].indices.contains(index) ? messages[slot][index] : nil
        }

        /// The messages of each array as a read decodes them, in order.
        final class Messages {
            var decoded: [[Decoded?]]

            init(arrays: [JSONMessageArrays.MessageArray]) { decoded = arrays.map { _ in [] } }
        }
    }
}
