import ChansiteCore
import ChansiteModel

/// What templates see of a to-do list: its items, each done or not, and how many are done.
struct TodoView: TemplateView {
    var title: String
    var items: [TodoItemView]
    var doneText: String

    static let fields = ViewFields<Self>(["title": { $0.title }, "items": { $0.items }, "doneText": { $0.doneText }])

    init(_ todo: TodoList, strings: SiteStrings) {
        title = todo.title
        items = todo.items.map { TodoItemView(text: $0.text, done: $0.done ? true : nil) }
        doneText = strings.text(
            "todo.done", ["done": strings.number(todo.items.filter(\.done).count), "total": strings.number(todo.items.count)])
    }
}

struct TodoItemView: TemplateView {
    var text: String
    var done: Bool?

    static let fields = ViewFields<Self>(["text": { $0.text }, "done": { $0.done }])
}

/// A giveaway or its results, as a box: a title and lines, with a link to the giveaway's own
/// post from its results.
struct GiveawayView: TemplateView {
    var title: String
    var lines: [TextLineView]
    var launchURL: String?

    static let fields = ViewFields<Self>(["title": { $0.title }, "lines": { $0.lines }, "launchURL": { $0.launchURL }])

    init(_ giveaway: Giveaway, strings: SiteStrings, dates: DateDisplay) {
        title = strings.text("heading.giveaway")
        var lines: [String] = []
        if let months = giveaway.months {
            lines.append(
                strings.text("giveaway.premium", ["winners": strings.count("winners", giveaway.quantity), "months": strings.count("months", months)]))
        }
        if let stars = giveaway.stars {
            lines.append(strings.text("giveaway.stars", ["stars": strings.number(stars), "winners": strings.count("winners", giveaway.quantity)]))
        }
        if let prize = giveaway.prize { lines.append(strings.text("giveaway.prize", ["prize": prize])) }
        if let until = giveaway.until { lines.append(strings.text("giveaway.until", ["date": dates.dayText(until)])) }
        if giveaway.onlyNewSubscribers { lines.append(strings.text("giveaway.onlyNew")) }
        if !giveaway.countries.isEmpty { lines.append(strings.text("giveaway.countries", ["countries": giveaway.countries.joined(separator: ", ")])) }
        if giveaway.channelCount > 1 { lines.append(strings.count("giveawayChannels", giveaway.channelCount)) }
        self.lines = lines.map(TextLineView.init(text:))
    }

    init(_ results: GiveawayResults, strings: SiteStrings, launchURL: String?) {
        title = strings.text("heading.giveawayResults")
        var lines = [strings.count("winners", results.winners)]
        if results.unclaimed > 0 { lines.append(strings.count("unclaimedPrizes", results.unclaimed)) }
        if let months = results.months { lines.append(strings.text("results.premium", ["months": strings.count("months", months)])) }
        if let stars = results.stars { lines.append(strings.text("results.stars", ["stars": strings.number(stars)])) }
        if let prize = results.prize { lines.append(strings.text("giveaway.prize", ["prize": prize])) }
        if results.refunded { lines.append(strings.text("results.refunded")) }
        self.lines = lines.map(TextLineView.init(text:))
        self.launchURL = launchURL
    }
}

struct TextLineView: TemplateView {
    var text: String

    static let fields = ViewFields<Self>(["text": { $0.text }])
}

/// A service event as a line between posts: what happened, never who did it.
struct EventView: TemplateView {
    var text: String
    // Not `dateText`: a section without it would find the post's own in the context above.
    var eventDate: String?
    var eventDateISO: String?

    static let fields = ViewFields<Self>(["text": { $0.text }, "eventDate": { $0.eventDate }, "eventDateISO": { $0.eventDateISO }])

    init(_ event: ServiceEvent, strings: SiteStrings, dates: DateDisplay) {
        let price = event.amount.map { amount in
            amount + " " + (event.currency == "TON" ? "TON" : "★")
        }
        switch event.kind {
        case .starGift:
            text = event.count.map { strings.text("event.starGift", ["stars": strings.number($0)]) } ?? strings.text("event.gift")
        case .boost: text = strings.text("event.boost", ["n": strings.number(event.count ?? 1)])
        case .giveawayLaunch: text = strings.text("event.giveawayLaunch")
        case .giveawayResults:
            // An HTML export's "Some winners were selected" gives no count.
            text =
                event.count.map { strings.text("event.giveawayResults", ["winners": strings.count("winners", $0)]) }
                ?? strings.text("event.giveawayEnded")
        case .suggestedPostApproved:
            text = price.map { strings.text("event.suggestedPostApproved", ["price": $0]) } ?? strings.text("event.suggestedPostAccepted")
        case .suggestedPostRejected: text = strings.text("event.suggestedPostRejected")
        case .suggestedPostPaid:
            text = price.map { strings.text("event.suggestedPostPaid", ["price": $0]) } ?? strings.text("event.suggestedPostAccepted")
        case .suggestedPostRefunded: text = strings.text("event.suggestedPostRefunded")
        case .paidMessagesPrice: text = strings.text("event.paidMessagesPrice", ["stars": strings.number(event.count ?? 0)])
        case .notExported: text = strings.text("event.notExported")
        }
        eventDate = event.date.map(dates.text)
        eventDateISO = event.date.map(dates.iso)
    }
}

/// A comment from the channel's discussion group: its author's name, when, and its text.
struct CommentView: TemplateView {
    var author: String
    var commentDate: String?
    var commentDateISO: String?
    var text: String

    static let fields = ViewFields<Self>([
        "author": { $0.author }, "commentDate": { $0.commentDate }, "commentDateISO": { $0.commentDateISO }, "text": { $0.text },
    ])
}
