import ChansiteCore
import Foundation

/// The service sentences of an HTML export that chansite shows or replays, read back into the
/// fields the JSON export gives (docs/formats-html.md, "Service messages"). The client writes
/// them in English from fixed templates (`export_output_html.cpp`, `serviceText`) with the
/// actor's name first, so each is recognised by its fixed words and read from the side the
/// name is not on: a name, which anyone can choose, never decides what a sentence says.
enum DesktopHTMLService {
    /// Fills `message`'s action and payload from `text` (the service body's text); false when
    /// the sentence is not one chansite reads.
    static func read(_ text: String, into message: inout ExportJSON.Message) -> Bool {
        if let action = event(text, into: &message) {
            message.action = action
            return true
        }
        if let todo = todoCompletions(text) {
            message.action = "todo_completions"
            message.todoCompleted = todo.done
            message.todoIncompleted = todo.undone
            return true
        }
        if let tasks = addedTasks(text) {
            message.action = "todo_append_tasks"
            message.todoAdded = tasks.map { ExportJSON.TodoList.Item(text: ExportJSON.Text(parts: [ExportJSON.Part(plain: $0)]), id: nil) }
            return true
        }
        return false
    }

    /// The sentences shown as lines between posts: the JSON action they stand for.
    static func event(_ text: String, into message: inout ExportJSON.Message) -> String? {
        if let count = number(in: text, after: " boosted the group ", before: [" times", " time"]) {
            message.count = count
            return "boost_apply"
        }
        if let count = number(in: text, after: " sent you a gift of ", before: [" Telegram Stars."]) {
            message.count = count
            return "send_star_gift"
        }
        if text.hasSuffix(" just started a giveaway of Telegram Premium subscriptions to its followers.") { return "giveaway_launch" }
        if let results = giveawayResults(text) {
            message.count = results
            return "giveaway_results"
        }
        if let action = suggestedPost(text, into: &message) { return action }
        if text == "Direct messages were disabled." {
            message.count = 0
            return "paid_messages_price_change"
        }
        if text.hasPrefix("Price per direct message changed to "),
            let count = number(in: text, after: "Price per direct message changed to ", before: [" Telegram Stars."])
        {
            message.count = count
            return "paid_messages_price_change"
        }
        return nil
    }

    /// "N of the giveaway was randomly selected…" (N winners), "Some winners of the giveaway…"
    /// (a count the sentence does not give: nil inside), "No winners of the giveaway…" (0).
    static func giveawayResults(_ text: String) -> Int?? {
        if text == "No winners of the giveaway could be selected." { return .some(0) }
        if text.hasPrefix("Some winners of the giveaway were randomly selected by Telegram") { return .some(nil) }
        guard let range = text.range(of: " of the giveaway was randomly selected by Telegram") else { return nil }
        guard let count = ExportJSON.integer(String(text[..<range.lowerBound]), in: InputRange.count) else { return nil }
        return .some(count)
    }

    /// A suggested post approved (with its price), rejected, paid out or refunded.
    static func suggestedPost(_ text: String, into message: inout ExportJSON.Message) -> String? {
        switch text {
        case "The user refunded the payment, post was deleted.", "The admin deleted the post early, the payment was refunded.":
            return "suggested_post_refund"
        default: break
        }
        let paidPrefix = "The paid post was shown for 24 hours and "
        if text.hasPrefix(paidPrefix), text.hasSuffix(" were transferred to the channel.") {
            let middle = text.dropFirst(paidPrefix.count).dropLast(" were transferred to the channel.".count)
            (message.priceAmount, message.priceCurrency) = price(String(middle))
            return "suggested_post_success"
        }
        for (verb, rejected) in [(" approved your suggested post", false), (" rejected your suggested post", true)] {
            guard let range = text.range(of: verb) else { continue }
            message.suggestionRejected = rejected
            let rest = text[range.upperBound...]
            if !rejected, rest.hasPrefix(", for ") {
                let words = rest.dropFirst(", for ".count).split(separator: " ", maxSplits: 2)
                if words.count >= 2 {
                    (message.priceAmount, message.priceCurrency) = price("\(words[0]) \(words[1].prefix { $0.isLetter })")
                }
            }
            return "process_suggested_post"
        }
        return nil
    }

    /// "250 stars" or "1.5 TON": the amount (range-checked, at most nine decimals) and the
    /// JSON export's currency name.
    static func price(_ text: String) -> (String?, String?) {
        let words = text.split(separator: " ")
        guard words.count == 2, ["stars", "TON"].contains(words[1]) else { return (nil, nil) }
        let parts = words[0].split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count), ExportJSON.integer(String(parts[0]), in: InputRange.count) != nil,
            parts.count == 1 || (parts[1].count <= 9 && parts[1].allSatisfy { $0.isASCII && $0.isNumber })
        else { return (nil, nil) }
        return (String(words[0]), words[1] == "TON" ? "TON" : "Stars")
    }

    /// "X marked 1, 2 and 3 as done[ and 4 as not done yet] in this todo list." or "X marked 4
    /// as not done yet in this todo list.": the item ids.
    static func todoCompletions(_ text: String) -> (done: [Int], undone: [Int])? {
        let suffix = " in this todo list."
        guard text.hasSuffix(suffix), let marked = text.range(of: " marked ", options: .backwards) else { return nil }
        let middle = String(text[marked.upperBound...].dropLast(suffix.count))
        let done = " as done"
        let undone = " as not done yet"
        if middle.hasSuffix(undone) {
            let head = String(middle.dropLast(undone.count))
            if let split = head.range(of: done + " and ") {
                guard let a = ids(String(head[..<split.lowerBound])), let b = ids(String(head[split.upperBound...])) else { return nil }
                return (a, b)
            }
            return ids(head).map { ([], $0) }
        }
        guard middle.hasSuffix(done) else { return nil }
        return ids(String(middle.dropLast(done.count))).map { ($0, []) }
    }

    /// "1, 2 and 3" → [1, 2, 3]; nil when anything else is there.
    static func ids(_ text: String) -> [Int]? {
        let pieces = text.components(separatedBy: " and ").flatMap { $0.components(separatedBy: ", ") }
        let numbers = pieces.compactMap { ExportJSON.integer($0, in: InputRange.count) }
        return numbers.count == pieces.count && !numbers.isEmpty ? numbers : nil
    }

    /// `X added tasks: "one", "two"`: the tasks' texts (an item holding `", "` itself reads as
    /// two; the sentence cannot tell).
    static func addedTasks(_ text: String) -> [String]? {
        guard let range = text.range(of: " added tasks: \""), text.hasSuffix("\"") else { return nil }
        let list = text[range.upperBound...].dropLast()
        return list.components(separatedBy: "\", \"")
    }

    /// The number between `after` (its last occurrence: the actor's name comes first) and one
    /// of the `before` endings.
    static func number(in text: String, after: String, before endings: [String]) -> Int? {
        guard let ending = endings.first(where: { text.hasSuffix($0) }), let start = text.range(of: after, options: .backwards) else { return nil }
        let digits = text[start.upperBound...].dropLast(ending.count)
        return ExportJSON.integer(String(digits), in: InputRange.count)
    }
}
