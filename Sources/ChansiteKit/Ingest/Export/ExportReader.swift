import Foundation

/// Reads a Telegram Desktop export (a folder holding `result.json`): a single chat, or a whole
/// account whose channels each become a channel of the site. Problems become diagnostics naming
/// `result.json` and a line; the rest of the site is built whatever happens here.
public struct ExportReader: Sendable {
    /// Chat types read by default: channels. Groups and personal chats are skipped with a note
    /// unless the configuration lists their types in `exportChatTypes`.
    public static let channelTypes: Set<String> = ["public_channel", "private_channel"]
    /// The type a chat without `type` (or with a null one) counts as: never published unless
    /// `exportChatTypes` lists it.
    public static let untypedChat = "unknown"

    public var chatTypes: Set<String>
    /// Channel id → public handle, from the configuration (an export does not name the handle).
    public var handles: [String: String]

    public init(chatTypes: Set<String> = ExportReader.channelTypes, handles: [String: String] = [:]) {
        self.chatTypes = chatTypes
        self.handles = handles
    }

    /// The `result.json` a path names: the file itself, or the one in an export folder.
    public static func resultFile(of path: String) -> String? {
        if FileSystem.isDirectory(path) {
            let file = FileSystem.join(path, "result.json")
            return FileSystem.isRegularFile(file) ? file : nil
        }
        return PathName.last(path) == "result.json" ? path : nil
    }

    /// - Parameters:
    ///   - path: `result.json`'s path as the user should see it.
    ///   - data: its bytes.
    public func read(path: String, data: Data) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        // Lines are counted on the bytes as given, so repairs and messages name the same lines.
        let lineLists = JSONMessageLines.scan(data)
        guard let repaired = JSONRepair.repair([UInt8](data)) else {
            return decode(path: path, data: data, lineLists: lineLists, repairs: [])
        }
        let kinds = Set(repaired.repairs.map(\.kind)).map(\.description).sorted().joined(separator: ", ")
        let note = Diagnostic.warning(
            "\(kinds) replaced with U+FFFD on \(Set(repaired.repairs.map(\.line)).count) lines (first on line \(repaired.repairs[0].line))",
            at: SourceLocation(path: path, line: repaired.repairs[0].line))
        let (dumps, diagnostics) = decode(path: path, data: Data(repaired.bytes), lineLists: lineLists, repairs: repaired.repairs)
        return (dumps, [note] + diagnostics)
    }

    func decode(path: String, data: Data, lineLists: [[Int]], repairs: [JSONRepair.Repair]) -> (dumps: [ParsedDump], diagnostics: [Diagnostic]) {
        let root: ExportJSON.Root
        do {
            root = try JSONDecoder().decode(ExportJSON.Root.self, from: data)
        } catch {
            return ([], [Self.malformed(error, path: path, data: data)])
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
        // Messages arrays in file order; `chats` before `left_chats`, as the client writes them.
        var dumps: [ParsedDump] = []
        var skipped: [String: Int] = [:]
        for (index, chat) in chats.enumerated() {
            // Privacy fails closed: a chat that does not say what it is may be a private one.
            let type = chat.type ?? Self.untypedChat
            guard chatTypes.contains(type) else {
                skipped[type, default: 0] += 1
                continue
            }
            let lines = lineLists.count == chats.count && lineLists[index].count == chat.messages.count ? lineLists[index] : nil
            var reader = ExportChatReader(path: path, media: resolver, lines: lines, repairs: repairs)
            dumps.append(reader.read(chat, handle: chat.id.flatMap { handles[$0.text] }))
        }
        var diagnostics: [Diagnostic] = []
        if let untyped = skipped.removeValue(forKey: Self.untypedChat) {
            diagnostics.append(
                .warning(
                    "\(untyped) chats without a 'type' not published (they may be private chats); add \"\(Self.untypedChat)\" to 'exportChatTypes' to publish them",
                    at: SourceLocation(path: path)))
        }
        if !skipped.isEmpty {
            let kinds = skipped.keys.sorted().map { "\($0) ×\(skipped[$0] ?? 0)" }.joined(separator: ", ")
            diagnostics.append(
                .note(
                    "\(skipped.values.reduce(0, +)) chats that are not channels skipped (\(kinds)); list their types in 'exportChatTypes' to include them",
                    at: SourceLocation(path: path)))
        }
        return (dumps, diagnostics)
    }

    /// `file:line:column: error: …` for JSON that does not parse; the decoder names no place, so
    /// the byte offset comes from `JSONSerialization`'s message.
    static func malformed(_ error: any Error, path: String, data: Data) -> Diagnostic {
        if case DecodingError.dataCorrupted = error {
            var offset: Int?
            do {
                _ = try JSONSerialization.jsonObject(with: data)
            } catch {
                let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
                offset = text.split(separator: " ").compactMap { Int($0.trimmingCharacters(in: .punctuationCharacters)) }.last
                let (line, column) = JSONMessageLines.position(of: offset ?? data.count, in: data)
                let reason = text.components(separatedBy: " around").first ?? text
                return .error("malformed JSON (\(reason)); this export is skipped", at: SourceLocation(path: path, line: line, column: column))
            }
        }
        return .error("not a Telegram Desktop export: \(ExportJSON.describe(error)); skipped", at: SourceLocation(path: path))
    }
}
