import ChansiteCore
import ChansiteModel
import Foundation

/// The newer kinds of an export's messages: to-do lists (their done state replayed from the
/// service messages that complete, reopen or add items), giveaways and their results, paid
/// posts, and the service events shown as lines where they happened.
extension ExportChatReader {
    /// What the reader keeps between messages to place events and replay to-do lists.
    struct KindState {
        /// Events met before the channel's first post: shown before it.
        var pendingBefore: [ServiceEvent] = []
        /// To-do item id → the index (in the chat's posts) of the latest list holding it.
        var itemOwner: [Int: Int] = [:]
        var latestTodo: Int?
        /// A to-do list's message id → its index, for completions that name their list.
        var todoByMessage: [String: Int] = [:]
        /// Messages by kind, services by action, for the build's report.
        var messageKinds: [String: Int] = [:]
    }

    static func todo(_ list: ExportJSON.TodoList) -> TodoList {
        TodoList(title: list.title.map(text) ?? "", items: items(list.answers ?? []))
    }

    static func items(_ items: [ExportJSON.TodoList.Item]) -> [TodoList.Item] {
        items.compactMap { item in
            guard let id = item.id.flatMap({ ExportJSON.integer($0.text, in: InputRange.count) }) else { return nil }
            return TodoList.Item(id: id, text: item.text.map(text) ?? "")
        }
    }

    static func text(_ text: ExportJSON.Text) -> String { text.parts.map(\.text).joined() }

    static func number(_ value: ExportJSON.Flexible?) -> Int? {
        value.flatMap { ExportJSON.integer($0.text, in: InputRange.count) }
    }

    static func giveaway(_ data: ExportJSON.Giveaway) -> Giveaway {
        Giveaway(
            quantity: number(data.quantity) ?? 0, months: number(data.months).flatMap { $0 > 0 ? $0 : nil },
            stars: number(data.stars).flatMap { $0 > 0 ? $0 : nil }, until: data.untilDate.flatMap(localDate),
            prize: data.additionalPrize.flatMap { $0.isEmpty ? nil : $0 },
            countries: (data.countries ?? []).filter { $0.count == 2 && $0.allSatisfy { $0.isASCII && $0.isLetter } },
            onlyNewSubscribers: data.isOnlyNewSubscribers ?? false, channelCount: data.channels?.count ?? 0)
    }

    static func results(_ data: ExportJSON.GiveawayResults) -> GiveawayResults {
        GiveawayResults(
            winners: number(data.winnersCount) ?? 0, unclaimed: number(data.unclaimedCount) ?? 0,
            months: number(data.months).flatMap { $0 > 0 ? $0 : nil }, stars: number(data.stars).flatMap { $0 > 0 ? $0 : nil },
            prize: data.additionalPrize.flatMap { $0.isEmpty ? nil : $0 }, refunded: data.isRefunded ?? false,
            launchID: data.launchMessageID.flatMap { ExportJSON.integer($0.text, in: InputRange.messageID) }.map(String.init))
    }

    /// The kind a message is counted as in the report.
    static func kind(of message: ExportJSON.Message) -> String {
        if message.todoList != nil { return "todo_list" }
        if message.giveaway != nil { return "giveaway" }
        if message.giveawayResults != nil { return "giveaway_results" }
        if message.paidStars != nil { return "paid" }
        if message.poll != nil { return "poll" }
        if message.contact != nil { return "contact" }
        if message.location != nil { return "location" }
        if message.photo != nil { return "photo" }
        if message.file != nil || message.mediaType != nil { return message.mediaType ?? "file" }
        return "text"
    }

    /// The event a service message shows as a line, for the actions that have one.
    static func event(of message: ExportJSON.Message, date: Date?) -> ServiceEvent? {
        switch message.action {
        case "send_star_gift": ServiceEvent(kind: .starGift, date: date, count: message.count)
        case "boost_apply": ServiceEvent(kind: .boost, date: date, count: message.count)
        case "giveaway_launch": ServiceEvent(kind: .giveawayLaunch, date: date)
        case "giveaway_results": ServiceEvent(kind: .giveawayResults, date: date, count: message.count)
        case "process_suggested_post" where message.suggestionRejected: ServiceEvent(kind: .suggestedPostRejected, date: date)
        case "process_suggested_post":
            ServiceEvent(kind: .suggestedPostApproved, date: date, amount: message.priceAmount, currency: message.priceCurrency)
        case "suggested_post_success":
            ServiceEvent(kind: .suggestedPostPaid, date: date, amount: message.priceAmount, currency: message.priceCurrency)
        case "suggested_post_refund": ServiceEvent(kind: .suggestedPostRefunded, date: date)
        case "paid_messages_price_change": ServiceEvent(kind: .paidMessagesPrice, date: date, count: message.count)
        default: nil
        }
    }

    /// Shows `event` after the chat's latest post, or before its first when none came yet.
    static func place(_ event: ServiceEvent, in posts: inout [Post], state: inout KindState) {
        guard let last = posts.indices.last else { return state.pendingBefore.append(event) }
        var details = posts[last].details ?? PostDetails()
        details.eventsAfter.append(event)
        posts[last].details = details
    }

    /// A to-do service message replayed on the list it names: items completed or reopened on
    /// the latest list holding them; items added to the latest list (the export does not say
    /// which list; a channel adds to its newest).
    static func replayTodo(_ message: ExportJSON.Message, in posts: inout [Post], state: inout KindState) {
        // Completions reply to their list when the export says so (HTML links it); else each
        // item's latest list.
        let named = message.replyTo.flatMap { state.todoByMessage[$0] }
        for (ids, done) in [(message.todoCompleted, true), (message.todoIncompleted, false)] {
            for id in ids {
                guard let index = named ?? state.itemOwner[id], var details = posts[index].details, var todo = details.todo else { continue }
                for item in todo.items.indices where todo.items[item].id == id { todo.items[item].done = done }
                details.todo = todo
                posts[index].details = details
            }
        }
        guard message.action == "todo_append_tasks", let index = state.latestTodo, var details = posts[index].details,
            var todo = details.todo
        else { return }
        // An HTML export names added items without their ids: they take the next free ones,
        // as the client numbers them.
        var next = (todo.items.map(\.id).max() ?? 0) + 1
        let numbered = message.todoAdded.map { item -> ExportJSON.TodoList.Item in
            guard item.id == nil else { return item }
            defer { next += 1 }
            return ExportJSON.TodoList.Item(text: item.text, id: ExportJSON.Flexible(text: String(next)))
        }
        let added = items(numbered).filter { item in !todo.items.contains { $0.id == item.id } }
        todo.items += added
        details.todo = todo
        posts[index].details = details
        for item in added { state.itemOwner[item.id] = index }
    }

    /// Registers the to-do list of the post just added at `index`.
    static func registerTodo(at index: Int, of posts: [Post], state: inout KindState) {
        guard let todo = posts[index].details?.todo else { return }
        state.latestTodo = index
        if let id = posts[index].messageID { state.todoByMessage[id] = index }
        for item in todo.items { state.itemOwner[item.id] = index }
    }
}
