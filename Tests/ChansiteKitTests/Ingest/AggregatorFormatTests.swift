import Testing

@testable import ChansiteCore
@testable import ChansiteModel

@Suite struct AggregatorFormatTests {
    @Test func readMoreBlocksInAnotherLanguage() {
        let text = """
            kyiv_news | Новини

            Telegram-канал kyiv_news - Kyiv News

            1200

            Новини Києва щодня.

            Подписаться на канал

            Kyiv News

            Перший пост. Kyiv News is mentioned inside.
            #новини

            Читать полностью…

            Kyiv News

            Останній пост без кнопки.
            Подписаться на канал
            """
        let parsed = TestSupport.parse(text)
        #expect(parsed.format == "tg_aggregator_name_readmore")
        #expect(
            parsed.channel
                == ChannelInfo(
                    title: "Kyiv News", handle: "kyiv_news", subscribers: "1200",
                    description: "Новини Києва щодня."))
        #expect(parsed.posts.map(\.text) == ["Перший пост. Kyiv News is mentioned inside.\n#новини", "Останній пост без кнопки."])
        #expect(parsed.posts[0].hashtags == ["#новини"])
        #expect(parsed.droppedLines.map(\.line) == [21])
    }

    @Test func relativeDatesPreviewsAndMediaOnlyEntries() {
        let text = """
            Sample Channel

            Description
            An English channel.
            Advertising
            We recommend to visit
            Some ad text @someone
            Last updated 2\u{a0}days ago

            3\u{a0}months ago

            A text post without hashtags.
            1\u{a0}year, 2\u{a0}weeks ago
            Sample Channel
            1\u{a0}year, 2\u{a0}weeks ago
            **Bold start** of the …

            Bold start of the body line.
            Second line.
            We recommend to visit
            Footer ad
            Last updated 1\u{a0}week ago
            """
        let parsed = TestSupport.parse(text)
        #expect(parsed.format == "tg_aggregator_reldate_recommend")
        #expect(parsed.channel.title == "Sample Channel")
        #expect(parsed.channel.description == "An English channel.")
        #expect(parsed.posts.map(\.text) == ["A text post without hashtags.", "", "Bold start of the body line.\nSecond line."])
        #expect(parsed.posts.map(\.dateText) == ["3\u{a0}months ago", "1\u{a0}year, 2\u{a0}weeks ago", "1\u{a0}year, 2\u{a0}weeks ago"])
        #expect(parsed.posts[1].hasMediaPlaceholder)
        #expect(!parsed.posts[2].hasMediaPlaceholder)
        #expect(Set(parsed.droppedLines.map(\.line)) == [5, 6, 7, 8, 16, 20, 21, 22])
    }
}
