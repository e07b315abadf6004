import Testing

@testable import ChansiteCore
@testable import ChansiteIngest

/// The client's service sentences are read by their fixed words, from the side the actor's
/// name is not on: a name that repeats the words cannot change what the sentence says, and a
/// number out of range makes no event at all.
@Suite struct DesktopHTMLServiceTests {
    static func read(_ text: String) -> ExportJSON.Message? {
        var message = ExportJSON.Message(id: "1", type: "service")
        return DesktopHTMLService.read(text, into: &message) ? message : nil
    }

    @Test func eachSentenceGivesItsActionAndNumbers() {
        #expect(Self.read("Bob boosted the group 4 times")?.count == 4)
        #expect(Self.read("Bob boosted the group 1 time")?.action == "boost_apply")
        #expect(Self.read("Santa sent you a gift of 500 Telegram Stars.")?.count == 500)
        #expect(Self.read("Lab just started a giveaway of Telegram Premium subscriptions to its followers.")?.action == "giveaway_launch")
        #expect(Self.read("No winners of the giveaway could be selected.")?.count == 0)
        let some = Self.read("Some winners of the giveaway were randomly selected by Telegram and received their prize.")
        #expect(some?.action == "giveaway_results" && some?.count == nil)
        #expect(Self.read("3 of the giveaway was randomly selected by Telegram and received their prize.")?.count == 3)
        let approved = Self.read("Sue approved your suggested post, for 1.5 TON, 25.03.2025 at 10:00.")
        #expect(approved?.action == "process_suggested_post" && approved?.priceAmount == "1.5" && approved?.priceCurrency == "TON")
        #expect(Self.read("Sue rejected your suggested post, with comment: &quot;no&quot;")?.suggestionRejected == true)
        let paid = Self.read("The paid post was shown for 24 hours and 250 stars were transferred to the channel.")
        #expect(paid?.action == "suggested_post_success" && paid?.priceAmount == "250" && paid?.priceCurrency == "Stars")
        #expect(Self.read("The admin deleted the post early, the payment was refunded.")?.action == "suggested_post_refund")
        #expect(Self.read("Price per direct message changed to 10 Telegram Stars.")?.count == 10)
        #expect(Self.read("Direct messages were disabled.")?.count == 0)
        let both = Self.read("Lab marked 1, 2 and 3 as done and 4 as not done yet in this todo list.")
        #expect(both?.todoCompleted == [1, 2, 3] && both?.todoIncompleted == [4])
        #expect(Self.read("Lab marked 5 as not done yet in this todo list.")?.todoIncompleted == [5])
        let added = Self.read("Lab added tasks: \"Thank everyone\", \"Close the \"loop\"\"")
        #expect(added?.todoAdded.compactMap { $0.text?.parts.first?.text } == ["Thank everyone", "Close the \"loop\""])
    }

    @Test func aNameRepeatingTheWordsChangesNothing() {
        #expect(Self.read("Evil boosted the group 99 times boosted the group 2 times")?.count == 2)
        #expect(Self.read("Mallory marked 7 as done in this todo list. marked 1 as done in this todo list.")?.todoCompleted == [1])
        #expect(Self.read("Eve sent you a gift of 9 Telegram Stars. sent you a gift of 3 Telegram Stars.")?.count == 3)
    }

    @Test func numbersOutOfRangeOrMalformedMakeNoEvent() {
        #expect(Self.read("Bob boosted the group 99999999999999999999 times") == nil)
        #expect(Self.read("Bob boosted the group -4 times") == nil)
        #expect(Self.read("Lab marked 1, x and 3 as done in this todo list.") == nil)
        #expect(Self.read("Lab marked 99999999999999999999 as done in this todo list.") == nil)
        #expect(Self.read("Lab added tasks: none") == nil)
        #expect(Self.read("Channel photo removed") == nil)
        let odd = Self.read("Sue approved your suggested post, for 1e9 stars.")
        #expect(odd?.action == "process_suggested_post" && odd?.priceAmount == nil)
    }
}
