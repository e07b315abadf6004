import ChansiteCore
import Foundation

/// Reads a Telegram Desktop export (a folder holding `result.json`): a single chat, or a whole
/// account whose channels each become a channel of the site. Problems become diagnostics naming
/// `result.json` and a line; the rest of the site is built whatever happens here.
package struct ExportReader: Sendable {
    /// Chat types read by default: channels. Groups and personal chats are skipped with a note
    /// unless the configuration lists their types in `exportChatTypes`.
    package static let channelTypes: Set<String> = ["public_channel", "private_channel"]
    /// The type a chat without `type` (or with a null one) counts as: never published unless
    /// `exportChatTypes` lists it.
    package static let untypedChat = "unknown"

    package var chatTypes: Set<String>
    /// Channel id → public handle, from the configuration (an export does not name the handle).
    package var handles: [String: String]

    /// Group chats (by export id or name) read as the discussion groups of channels: their
    /// messages become comments, whatever `chatTypes` says.
    package var discussionGroups: Set<String> = []

    /// Decode each chat's next batch of messages while one is read: for a reader that has the
    /// cores to itself (`serve` re-reading the one export that changed), never for exports
    /// read in parallel (`PrefetchedBatches`).
    package var decodesAhead = false

    /// A fingerprint of the export folder's files (`ExportFolderIdentity`), when the caller
    /// has one: a message kept decoded (`Decoded`) then keeps the post it made, which names
    /// its media files as the folder held them, for the next read with the same folder.
    package var mediaFingerprint: String?

    /// Where the posts' texts wait as they are read (`ExportChatReader.texts`); nil: in memory.
    package var texts: ScratchFile?

    package init(chatTypes: Set<String> = ExportReader.channelTypes, handles: [String: String] = [:], discussionGroups: Set<String> = []) {
        self.discussionGroups = discussionGroups
        self.chatTypes = chatTypes
        self.handles = handles
    }

    /// The `result.json` a path names: the file itself, or the one in an export folder.
    package static func resultFile(of path: String) -> String? {
        if FileSystem.isDirectory(path) {
            let file = FileSystem.join(path, "result.json")
            return FileSystem.isRegularFile(file) ? file : nil
        }
        return PathName.last(path) == "result.json" ? path : nil
    }

    /// - Parameters:
    ///   - path: `result.json`'s path as the user should see it.
    ///   - data: its bytes.
    ///   - messages: messages decoded by earlier reads, by their bytes (`serve`'s), and where
    ///     to keep the ones decoded now.
    ///   - last: the file `serve` read last with what reading it found, and where to keep this
    ///     one: when it is the same file, only the bytes that changed are scanned and decoded.
    package func read(
        path: String, data: Data, messages: (any StageCache<ExportReader.Decoded>)? = nil, last: LockedBox<Scanned?>? = nil
    ) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        if let last, let previous = last.value, previous.path == path,
            let read = readAgain(path: path, data: data, previous, messages: messages, last: last)
        {
            return read
        }
        // What is kept is that file's, not this one's (until this one is read whole, below).
        last?.mutate { $0 = nil }
        let (repair, given) = Self.repairAndScan(data)
        guard let repaired = repair else {
            return data.withUnsafeBytes { raw in
                decode(
                    path: path, bytes: raw.bindMemory(to: UInt8.self), arrays: given, lines: given.map(\.lines), repairs: [], original: data,
                    messages: messages, keep: last)
            }
        }
        let kinds = Set(repaired.repairs.map(\.kind)).map(\.description).sorted().joined(separator: ", ")
        let note = Diagnostic.warning(
            "\(kinds) replaced with U+FFFD on \(Set(repaired.repairs.map(\.line)).count) lines (first on line \(repaired.repairs[0].line))",
            at: SourceLocation(path: path, line: repaired.repairs[0].line))
        // Lines are counted on the bytes as given (a repair may take a raw line break out of a
        // string), so repairs and messages name the same lines.
        let (dumps, diagnostics) = repaired.bytes.withUnsafeBufferPointer { bytes in
            let arrays = JSONMessageArrays.scan(bytes)
            let lines = given.map(\.elements.count) == arrays.map(\.elements.count) ? given.map(\.lines) : arrays.map(\.lines)
            return decode(path: path, bytes: bytes, arrays: arrays, lines: lines, repairs: repaired.repairs, original: data, messages: messages)
        }
        return (dumps, [note] + diagnostics)
    }

    /// The file's repairs (nil when it needs none, as most do) and its messages arrays as given:
    /// two passes over the whole file that each read it alone, made side by side.
    static func repairAndScan(_ data: Data) -> (repaired: (bytes: [UInt8], repairs: [JSONRepair.Repair])?, arrays: [JSONMessageArrays.MessageArray]) {
        data.withUnsafeBytes { raw in
            let source = SharedBytes(bytes: raw.bindMemory(to: UInt8.self))
            let repaired = LockedBox<(bytes: [UInt8], repairs: [JSONRepair.Repair])?>(nil)
            let arrays = LockedBox<[JSONMessageArrays.MessageArray]>([])
            Parallel.forEach(2) { pass in
                if pass == 0 {
                    let made = JSONRepair.repair(source.bytes)
                    repaired.mutate { $0 = made }
                } else {
                    let found = JSONMessageArrays.scan(source.bytes)
                    arrays.mutate { $0 = found }
                }
            }
            return (repaired.value, arrays.value)
        }
    }

    /// The file read from `previous`, the same file's earlier bytes, when they differ inside
    /// its messages (an edit, messages added): the earlier scan is taken up where the bytes
    /// first differ, and every message whose bytes are the same is the one decoded then. Nil
    /// when the file must be read whole (it changed elsewhere, or the new bytes need repair).
    func readAgain(path: String, data: Data, _ previous: Scanned, messages: (any StageCache<ExportReader.Decoded>)?, last: LockedBox<Scanned?>)
        -> (dumps: [ParsedDump], diagnostics: [Diagnostic])?
    {
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            let found = previous.data.withUnsafeBytes { old in
                JSONMessageArrays.rescan(bytes, after: old.bindMemory(to: UInt8.self), arrays: previous.arrays)
            }
            // The earlier bytes needed no repair (only such a read is kept), so neither do the
            // ones that did not change.
            guard let rescan = found, JSONRepair.repair(UnsafeBufferPointer(rebasing: bytes[rescan.scanned])) == nil else { return nil }
            let known = rescan.earlier.enumerated().map { slot, elements in
                elements.map { index in index.flatMap { previous.message(slot, $0) } }
            }
            return decode(
                path: path, bytes: bytes, arrays: rescan.arrays, lines: rescan.arrays.map(\.lines), repairs: [], original: data,
                messages: messages, known: known, keep: last)
        }
    }

    /// Decodes everything but the messages from the file with each messages array replaced by
    /// its slot, then each chat's messages one at a time from their bytes (or, from `known`, as
    /// an earlier read decoded the same bytes). With `keep`, the file's bytes, scan and decoded
    /// messages are kept there for the next read.
    func decode(
        path: String, bytes: UnsafeBufferPointer<UInt8>, arrays: [JSONMessageArrays.MessageArray], lines: [[Int]],
        repairs: [JSONRepair.Repair], original: Data, messages: (any StageCache<ExportReader.Decoded>)? = nil,
        known: [[Decoded?]]? = nil, keep: LockedBox<Scanned?>? = nil
    ) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        let kept = keep.map { _ in Scanned.Messages(arrays: arrays) }
        defer {
            if let keep, let kept, repairs.isEmpty {
                keep.mutate { $0 = Scanned(path: path, data: original, arrays: arrays, messages: kept.decoded) }
            }
        }
        let root: ExportJSON.Root
        do {
            root = try JSONDecoder().decode(ExportJSON.Root.self, from: JSONMessageArrays.skeleton(bytes, arrays: arrays))
        } catch {
            return ([], [Self.malformed(error, path: path, data: original)])
        }
        let folder = PathName.parent(path)
        let resolver = ExportMediaResolver(folder: folder.isEmpty ? "." : folder)
        let chats = root.chat.map { [$0] } ?? root.chats + root.leftChats
        if chats.isEmpty {
            return (
                [],
                [.warning("a result.json with no 'messages' and no 'chats': not a Telegram Desktop export; skipped", at: SourceLocation(path: path))]
            )
        }
        var dumps: [ParsedDump] = []
        var diagnostics: [Diagnostic] = []
        var skipped: [String: Int] = [:]
        var read = Set<Int>()
        for chat in chats {
            // Privacy fails closed: a chat that does not say what it is may be a private one.
            let type = chat.type ?? Self.untypedChat
            let isDiscussion =
                type.hasSuffix("group")
                && (chat.id.map { discussionGroups.contains($0.text) } == true || chat.name.map(discussionGroups.contains) == true)
            guard chatTypes.contains(type) || isDiscussion else {
                skipped[type, default: 0] += 1
                continue
            }
            // A slot is written by the scan alone, once per array; one read twice is not a chat's.
            guard let slot = chat.slot, arrays.indices.contains(slot), read.insert(slot).inserted else {
                diagnostics.append(.warning("a chat whose 'messages' cannot be told apart from another's; skipped", at: SourceLocation(path: path)))
                continue
            }
            var reader = ExportChatReader(path: path, media: resolver, repairs: repairs)
            reader.chatName = chat.name
            reader.texts = texts
            let entries = Self.entries(
                bytes, arrays[slot], lines: lines[slot], ahead: decodesAhead, memo: messages, known: known?[slot],
                keep: kept.map { kept in { kept.decoded[slot].append($0) } },
                // Ahead of the reader only when it has the cores to itself: exports read side by
                // side keep every core busy, and a draft costs more than the reader's own post.
                drafts: decodesAhead ? (reader, mediaFingerprint.map { Decoded.Context(path: path, chat: chat.name, media: $0, line: 0) }) : nil)
            var dump = reader.read(chat, handle: chat.id.flatMap { handles[$0.text] }, messages: entries)
            dump.isDiscussion = isDiscussion
            dumps.append(dump)
        }
        if let untyped = skipped.removeValue(forKey: Self.untypedChat) {
            diagnostics.append(
                .warning(
                    "\(Counted.of(untyped, "chat")) without a 'type' not published (they may be private chats); add \"\(Self.untypedChat)\" to 'exportChatTypes' to publish them",
                    at: SourceLocation(path: path)))
        }
        if !skipped.isEmpty {
            let kinds = skipped.keys.sorted().map { "\($0) ×\(skipped[$0] ?? 0)" }.joined(separator: ", ")
            diagnostics.append(
                .note(
                    "\(Counted.of(skipped.values.reduce(0, +), "chat")) that \(Counted.verb(skipped.values.reduce(0, +))) not a channel skipped (\(kinds)); list their types in 'exportChatTypes' to include them",
                    at: SourceLocation(path: path)))
        }
        return (dumps, diagnostics)
    }

    /// Messages decoded at once on all cores: enough to share out, few enough that a large
    /// export is never held decoded whole.
    static let batch = 512

    /// The array's messages, decoded a batch at a time (on all cores) as the reader reaches
    /// them, or (`ahead`, for a reader with the cores to itself) the next batch while the
    /// reader reads one. A message that is not JSON at all is named by its line (and, for the
    /// first, its column), and the rest are read.
    /// `known`: each element's message as an earlier read decoded the same bytes (nil: decode
    /// it); `keep` is handed each element's decoded message in order (nil for one that failed).
    /// With `drafts` (the chat's reader), each message's range problems and the post it makes
    /// alone are made with it, on all cores, for the reader to take; with a context too, a
    /// message kept decoded keeps them for the next read in the same context.
    static func entries(
        _ bytes: UnsafeBufferPointer<UInt8>, _ array: JSONMessageArrays.MessageArray, lines: [Int], ahead: Bool = false,
        memo: (any StageCache<ExportReader.Decoded>)? = nil, known: [Decoded?]? = nil, keep: ((Decoded?) -> Void)? = nil,
        drafts: (reader: ExportChatReader, context: Decoded.Context?)? = nil
    ) -> some Sequence<ExportChatReader.Entry> {
        let source = SharedBytes(bytes: bytes)
        let elements = array.elements
        var located = false
        let batches = PrefetchedBatches(count: (elements.count + batch - 1) / batch, ahead: ahead) { number in
            let start = number * batch
            return (start..<min(start + batch, elements.count)).concurrentMap(chunk: 16) { index -> Made in
                let (result, decoded) = decode(
                    source, elements[index], memo: memo, known: known.flatMap { $0.indices.contains(index) ? $0[index] : nil })
                guard let drafts, case .success(let message) = result else { return Made(result: result, decoded: decoded) }
                let make = {
                    Decoded.Prepared(
                        problems: ExportChatReader.rangeProblems(of: message),
                        draft: message.type == "message" ? drafts.reader.draft(message, line: lines[index]) : nil)
                }
                var context = drafts.context
                context?.line = lines[index]
                let prepared = decoded.flatMap { decoded in context.map { decoded.prepared($0, make) } } ?? make()
                return Made(result: result, decoded: decoded, problems: prepared.problems, draft: prepared.draft)
            }
        }
        return batches.enumerated().lazy.flatMap { number, decoded -> [ExportChatReader.Entry] in
            let start = number * batch
            return decoded.enumerated().map { offset, made in
                let result = made.result
                keep?(made.decoded)
                let index = start + offset
                let message = result.mapError { error -> any Error in
                    guard let syntax = error as? SyntaxFailure else { return error }
                    // Locating a column scans from the file's start: done once, so that many
                    // broken messages cost no more than one.
                    let column = located ? nil : JSONMessageArrays.position(of: elements[index].lowerBound + syntax.offset, in: bytes)
                    located = true
                    return ExportJSON.MalformedMessage(reason: syntax.reason, line: column?.line ?? lines[index], column: column?.column)
                }
                return ExportChatReader.Entry(
                    message: message, line: lines[index], nextLine: index + 1 < lines.count ? lines[index + 1] : Int.max, problems: made.problems,
                    draft: made.draft)
            }
        }
    }

    /// One element as a batch made it: its message or why not, what is kept of it, and what
    /// was made of it ahead of the reader.
    struct Made: Sendable {
        var result: Result<ExportJSON.Message, any Error>
        var decoded: Decoded?
        var problems: [String]?
        var draft: ExportChatReader.Draft?
    }

    /// A message that is not JSON, and where that shows from its start.
    struct SyntaxFailure: Error {
        var reason: String
        var offset: Int
    }

    /// One decoder for every message: it is safe to share, and making one per message cost
    /// more than small messages take to decode.
    static let messageDecoder = JSONDecoder()

    /// A message an earlier read decoded from the same bytes (`known`, else found in `memo` by
    /// its bytes), else decoded now and kept, with what is kept of it. Failures are not kept:
    /// they are rare, and say where they are.
    static func decode(_ source: SharedBytes, _ element: Range<Int>, memo: (any StageCache<ExportReader.Decoded>)?, known: Decoded? = nil) -> (
        Result<ExportJSON.Message, any Error>, Decoded?
    ) {
        if let known { return (.success(known.message), known) }
        guard let memo else { return (decode(source, element), nil) }
        var fingerprint = Fingerprint("export message")
        fingerprint.add(bytes: UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: source.bytes[element])))
        let key = fingerprint.hex
        if let known = memo.known(key) { return (.success(known.message), known) }
        let decoded = decode(source, element)
        guard case .success(let message) = decoded else { return (decoded, nil) }
        let kept = Decoded(message: message)
        memo.store(key, kept)
        return (decoded, kept)
    }

    /// A message read in place when it can be (`ExportJSON.ByteFields`), else by the decoder.
    static func decode(_ source: SharedBytes, _ element: Range<Int>) -> Result<ExportJSON.Message, any Error> {
        if let message = ExportJSON.Message(bytes: source.bytes, range: element) { return .success(message) }
        return decode(source.data(element))
    }

    static func decode(_ element: Data) -> Result<ExportJSON.Message, any Error> {
        Result {
            do {
                return try messageDecoder.decode(ExportJSON.Message.self, from: element)
            } catch {
                guard let syntax = syntaxError(in: element) else { throw error }
                throw SyntaxFailure(reason: syntax.reason, offset: syntax.offset)
            }
        }
    }

    /// The file's bytes, read by every core while the reader holds them.
    struct SharedBytes: @unchecked Sendable {
        let bytes: UnsafeBufferPointer<UInt8>

        func data(_ range: Range<Int>) -> Data { Data(bytes[range]) }
    }

    /// `file:line:column: error: …` for JSON that does not parse; the decoder names no place, so
    /// the byte offset comes from `JSONSerialization`'s message.
    static func malformed(_ error: any Error, path: String, data: Data) -> Diagnostic {
        if case DecodingError.dataCorrupted = error, let syntax = syntaxError(in: data) {
            let (line, column) = data.withUnsafeBytes { JSONMessageArrays.position(of: syntax.offset, in: $0.bindMemory(to: UInt8.self)) }
            return .error("malformed JSON (\(syntax.reason)); this export is skipped", at: SourceLocation(path: path, line: line, column: column))
        }
        return .error("not a Telegram Desktop export: \(ExportJSON.describe(error)); skipped", at: SourceLocation(path: path))
    }

    /// Why `data` is not JSON and the byte offset where that shows, or nil when it is JSON.
    static func syntaxError(in data: Data) -> (reason: String, offset: Int)? {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: .fragmentsAllowed)
            return nil
        } catch {
            let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            let offset = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }.last
            return (text.components(separatedBy: " around").first ?? text, min(max(offset ?? data.count, 0), data.count))
        }
    }
}
