import Testing

@testable import ChansiteCore

/// `Hashtags.shows` agrees with `Hashtags.ranges` on what a text shows as a whole hashtag.
@Suite struct HashtagsShownTests {
    @Test(arguments: [
        ("#ml", "Models #ml", true), ("#ml", "#ml at the start", true), ("#ml", "#mlops only", false),
        ("#ml", "a#ml is not one", false), ("#новости", "Сегодня #новости.", true), ("#новости", "#новостийка", false),
        ("#أخبار", "آخر #أخبار اليوم", true), ("#x", "", false), ("#ml", "(#ml)", true),
    ])
    func showsAgreesWithRanges(tag: String, text: String, shown: Bool) {
        #expect(Hashtags.shows(tag, in: text) == shown)
        #expect(Hashtags.ranges(in: text).contains { text[$0] == tag } == shown)
    }
}
