import Foundation

/// A built site's files, and what its pages point at.
struct SiteFiles {
    let root: URL
    /// Every file (not hidden), relative to the root, sorted.
    let all: [String]
    let html: [String]
    private let set: Set<String>

    init(root: URL) {
        self.root = root
        let names = (FileManager.default.enumerator(atPath: root.path)?.allObjects as? [String]) ?? []
        all = names.filter { name in
            var isDirectory: ObjCBool = false
            return !name.split(separator: "/").contains { $0.hasPrefix(".") }
                && FileManager.default.fileExists(atPath: root.appendingPathComponent(name).path, isDirectory: &isDirectory) && !isDirectory.boolValue
        }.sorted()
        html = all.filter { $0.hasSuffix(".html") }
        set = Set(all)
    }

    /// A relative reference from `page`, as a path from the root (query and fragment dropped).
    func resolve(_ reference: String, from page: String) -> String {
        var target = reference
        if let cut = target.firstIndex(where: { $0 == "#" || $0 == "?" }) { target = String(target[..<cut]) }
        target = target.removingPercentEncoding ?? target
        var parts = page.split(separator: "/").dropLast().map(String.init)
        for part in target.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            if part == ".." { _ = parts.popLast() } else if part != "." && !part.isEmpty { parts.append(part) }
        }
        return parts.joined(separator: "/")
    }

    func exists(_ reference: String, from page: String) -> Bool {
        set.contains(resolve(reference, from: page))
    }

    /// Every local `href`, `src` and `poster` of a page (not external, not in-page).
    static func references(in html: String) -> [String] {
        guard let pattern = try? NSRegularExpression(pattern: #"(?:href|src|poster)="([^"]*)""#) else { return [] }
        let ns = html as NSString
        return pattern.matches(in: html, range: NSRange(location: 0, length: ns.length)).map { ns.substring(with: $0.range(at: 1)) }
            .map { $0.replacingOccurrences(of: "&amp;", with: "&") }
            .filter { !$0.contains(":") && !$0.hasPrefix("#") && !$0.isEmpty }
    }

    /// Every `<img>` with its stated size.
    /// Every `<img>` chansite made from a file with its stated size, and each `srcset` candidate
    /// with its width (a sticker's size is the export's word, not chansite's: left out).
    static func images(in html: String) -> [(src: String, width: Int, height: Int?)] {
        guard let tag = try? NSRegularExpression(pattern: #"(<a class="sticker"[^>]*>)?<img ([^>]*)>"#),
            let attribute = try? NSRegularExpression(pattern: #"([a-z]+)="([^"]*)""#)
        else { return [] }
        let ns = html as NSString
        var found: [(src: String, width: Int, height: Int?)] = []
        for match in tag.matches(in: html, range: NSRange(location: 0, length: ns.length)) where match.range(at: 1).location == NSNotFound {
            let text = ns.substring(with: match.range(at: 2))
            var values: [String: String] = [:]
            for pair in attribute.matches(in: text, range: NSRange(location: 0, length: (text as NSString).length)) {
                values[(text as NSString).substring(with: pair.range(at: 1))] = (text as NSString).substring(with: pair.range(at: 2))
            }
            guard let src = values["src"], let width = values["width"].flatMap({ Int($0) }), let height = values["height"].flatMap({ Int($0) }) else {
                continue
            }
            found.append((src, width, height))
            for candidate in (values["srcset"] ?? "").split(separator: ",") {
                let parts = candidate.split(separator: " ")
                guard parts.count == 2, let w = Int(parts[1].dropLast()) else { continue }
                found.append((String(parts[0]), w, nil))
            }
        }
        return found
    }

    /// The text a reader sees in `<main>`: tags dropped, entities decoded, spaces collapsed.
    static func visibleText(of html: String) -> String {
        var text = html
        if let start = text.range(of: "<main"), let end = text.range(of: "</main>") { text = String(text[start.lowerBound..<end.upperBound]) }
        // Block tags separate words; inline ones (`<strong>`, `<a>`, `<span>`) do not.
        let blocks = "p|br|div|li|ul|ol|h[1-6]|blockquote|pre|details|summary|figure|figcaption|article|header|section|nav|main|audio|video"
        text = text.replacingOccurrences(of: "</?(?:\(blocks))\\b[^>]*>", with: " ", options: .regularExpression)
        text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
        for (entity, character) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            text = text.replacingOccurrences(of: entity, with: character)
        }
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// The messages of the fixture exports, read with JSONSerialization (not chansite's reader), so
/// the test does not share the code it checks.
enum FixtureMessages {
    struct Message {
        var chat: String
        var id: Int
        var text: String
        /// The pages the text may be on: its own, or (in an album) an earlier message's.
        var pageIDs: [Int]
    }

    /// Each message once: where exports of one channel overlap, the later folder's copy (the
    /// fixtures name re-exports by year).
    static func all(in folder: URL) throws -> [Message] {
        var byKey: [String: Message] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() {
            let url = folder.appendingPathComponent(name + "/result.json")
            guard let data = try? Data(contentsOf: url), let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { continue }
            var chats = [root]
            if root["messages"] == nil {
                chats = ["chats", "left_chats"].flatMap { ((root[$0] as? [String: Any])?["list"] as? [[String: Any]]) ?? [] }
            }
            for chat in chats where ["public_channel", "private_channel"].contains(chat["type"] as? String ?? "") {
                let chatID = chat["id"].map { "\($0)" } ?? name
                for message in chat["messages"] as? [[String: Any]] ?? [] where message["type"] as? String == "message" {
                    let text = plain(message["text"]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    guard !text.isEmpty, let id = message["id"] as? Int else { continue }
                    byKey["\(chatID)/\(id)"] = Message(chat: name, id: id, text: text, pageIDs: [id, id - 1, id - 2])
                }
            }
        }
        return byKey.keys.sorted().compactMap { byKey[$0] }
    }

    /// The text as the site shows it: the digits of phone and bank-card numbers masked (the
    /// privacy pass).
    static func plain(_ text: Any?) -> String {
        if let string = text as? String { return string }
        return (text as? [Any] ?? []).map { part in
            if let string = part as? String { return string }
            let entity = part as? [String: Any]
            let text = entity?["text"] as? String ?? ""
            guard ["phone", "bank_card"].contains(entity?["type"] as? String ?? "") else { return text }
            return String(text.map { $0.isNumber ? "•" : $0 })
        }.joined()
    }
}
