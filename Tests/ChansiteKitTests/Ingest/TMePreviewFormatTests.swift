import Testing

@testable import ChansiteCore
@testable import ChansiteModel

@Suite struct TMePreviewFormatTests {
    let english = """
        Example Channel
        1.2K subscribers
        10 photos
        3 links
        About things.
        Download Telegram
        First post in English, no hashtags at all.
        Please open Telegram to view this post
        VIEW IN TELEGRAM
        Please open Telegram to view this post
        VIEW IN TELEGRAM
        Forwarded from\u{a0}Other Channel
        A forwarded text with a link https://example.org/a_(b)).

        #news #english_tag
        Please open Telegram to view this post
        VIEW IN TELEGRAM
        Last post without any terminator
        """

    @Test func readsHeader() {
        let parsed = TestSupport.parse(english)
        #expect(parsed.format == "tme_s_text_placeholders")
        #expect(parsed.channel.title == "Example Channel")
        #expect(parsed.channel.subscribers == "1.2K")
        #expect(parsed.channel.description == "About things.")
    }

    @Test func splitsAtMarkersOnly() {
        let posts = TestSupport.parse(english).posts
        #expect(
            posts.map(\.text) == [
                "First post in English, no hashtags at all.",
                "",
                "A forwarded text with a link https://example.org/a_(b)).",
                "Last post without any terminator",
            ])
        #expect(posts[0].hasMediaPlaceholder)
        #expect(posts[0].hashtags.isEmpty)
        #expect(posts[1].hasMediaPlaceholder, "a second placeholder in a row is a media-only post")
        #expect(posts[2].forwardedFrom == "Other Channel")
        #expect(posts[2].hashtags == ["#news", "#english_tag"])
        #expect(posts[2].hasMediaPlaceholder, "a placeholder after the hashtag line belongs to the post above")
        #expect(posts[3].source.firstLine == 18)
    }

    @Test func leadingHashtagLineDoesNotEndAPost() {
        let text = "T\n5 subscribers\nDownload Telegram\nForwarded from\u{a0}X\n#useful\n\nBody text here.\n\n#tail"
        let posts = TestSupport.parse(text).posts
        #expect(posts.count == 1)
        #expect(posts[0].text == "Body text here.")
        #expect(posts[0].hashtags == ["#useful", "#tail"])
    }

    @Test func onePostDump() {
        let posts = TestSupport.parse("Канал\n9 subscribers\nDownload Telegram\nОдин пост.\n\n#тег").posts
        #expect(posts.count == 1)
        #expect(posts[0].hashtags == ["#тег"])
    }
}
