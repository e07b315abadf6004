import Testing

@testable import ChansiteCore
@testable import ChansiteIngest
@testable import ChansiteModel

@Suite struct ReactionFormatTests {
    @Test func exactCopiesWithCardAndMultiCodePointReaction() {
        let text = """
            Head paragraph of the first post.
            Body line one https://youtu.be/x
            Body line two
            Body line one https://youtu.be/x
            Body line two
            YouTube
            Video title
            Video description…
            ❤🔥14❤6🔥6👍3
            Second post, a single line.
            👍2
            """
        let parsed = TestSupport.parse(text)
        #expect(parsed.format == "tme_s_dupbody_reactions")
        #expect(parsed.posts.count == 2)
        #expect(parsed.posts[0].text == "Head paragraph of the first post.\nBody line one https://youtu.be/x\nBody line two")
        #expect(parsed.posts[0].title == nil)
        #expect(
            parsed.posts[0].linkPreviews == [
                LinkPreview(
                    site: "YouTube", title: "Video title",
                    description: "Video description…", url: "https://youtu.be/x")
            ])
        #expect(
            parsed.posts[0].reactions == [
                Reaction(emoji: "❤🔥", count: 14), Reaction(emoji: "❤", count: 6),
                Reaction(emoji: "🔥", count: 6), Reaction(emoji: "👍", count: 3),
            ])
        #expect(parsed.posts[1].text == "Second post, a single line.")
        #expect(parsed.droppedLines.map(\.line) == [4, 5])
    }

    @Test func differingCopiesKeepTheUnionAndPinNoticesAreDropped() {
        let text = """
            Heading one
            Intro line
            Formula cut here
            Outro line
            @my_channel
            Intro line
            Formula cut here
            x + y. Outro line
            @my_channel
            👍5
            My Channel pinned «Heading one Intro…»
            Heading two
            Only one copy
            @my_channel
            Only one copy
            @my_channel
            🔥1
            """
        let parsed = TestSupport.parse(text)
        #expect(parsed.format == "tg_heading_doublebody_reactions")
        #expect(parsed.channel.handle == "my_channel")
        #expect(parsed.channel.title == "My Channel")
        #expect(parsed.posts.count == 2)
        #expect(parsed.posts[0].title == "Heading one")
        #expect(parsed.posts[0].text == "Heading one\nIntro line\nFormula cut here\nx + y. Outro line\n@my_channel")
        #expect(parsed.droppedLines.contains(.init(line: 11, reason: "pin notice")))
    }

    @Test func aPostWithoutReactionsEndsAtTheSignature() {
        let text = """
            Title one
            Paragraph of the first post.
            @author
            👍1
            Title two without reactions
            Its only paragraph.
            @author
            Title three
            Body three.
            @author
            🔥2
            """
        let parsed = TestSupport.parse(text)
        #expect(parsed.posts.map(\.title) == ["Title one", "Title two without reactions", "Title three"])
        #expect(parsed.posts[1].reactions == nil)
        #expect(parsed.posts[1].text == "Title two without reactions\nIts only paragraph.\n@author")
        #expect(parsed.channel.handle == "author")
    }

    /// A post without reactions whose successor opens with the same line as its own text (a
    /// channel's recurring header) is two posts: only a true second copy continues the post.
    @Test func aNextPostOpeningLikeThisOneIsNotItsSecondCopy() {
        let text = """
            Title one
            Paragraph of the first post.
            @author
            👍1
            Title two without reactions
            👤 Founder: @someone
            Its own paragraph.
            @author
            👤 Founder: @someone
            A different post that opens with the same header.
            @author
            🔥2
            Title four
            Copy line one.
            Copy line two.
            @author
            Copy line one.
            Copy line two.
            @author
            👍3
            """
        let parsed = TestSupport.parse(text)
        #expect(parsed.posts.count == 4)
        #expect(parsed.posts[1].text == "Title two without reactions\n👤 Founder: @someone\nIts own paragraph.\n@author")
        #expect(parsed.posts[2].text.hasSuffix("A different post that opens with the same header.\n@author"))
        #expect(parsed.posts[3].text == "Title four\nCopy line one.\nCopy line two.\n@author", "a true second copy still continues its post")
        #expect(ReactionBlocks.startsSecondCopy(["Line one", "Line two, glued"], of: ["Line one", "Line two"]))
        #expect(!ReactionBlocks.startsSecondCopy(["Line one", "Something else"], of: ["Line one", "Line two"]))
    }

    @Test func reactionLineParsing() {
        #expect(
            ReactionLine.parse("👍56❤14❤🔥8") == [
                Reaction(emoji: "👍", count: 56), Reaction(emoji: "❤", count: 14),
                Reaction(emoji: "❤🔥", count: 8),
            ])
        #expect(ReactionLine.parse("👍1.2K") == [Reaction(emoji: "👍", count: 1200)])
        #expect(ReactionLine.parse("6.") == nil)
        #expect(ReactionLine.parse("🎉 — поздравить") == nil)
        #expect(ReactionLine.parse("1) list item") == nil)
    }
}

@Suite struct PaidReactionTests {
    @Test(arguments: [
        ("15👍56", [Reaction(emoji: "⭐", count: 15), Reaction(emoji: "👍", count: 56)]),
        ("1.2K❤🔥8👍3", [Reaction(emoji: "⭐", count: 1_200), Reaction(emoji: "❤🔥", count: 8), Reaction(emoji: "👍", count: 3)]),
    ])
    func aBareCountFirstIsAPaidReaction(line: String, expected: [Reaction]) {
        #expect(ReactionLine.parse(line) == expected)
    }

    @Test(arguments: ["7", "2024", "12 apples", "3 👍", "15👍", "1️⃣ first", "👍99999999999999999999", "1K👍9999999999999999M"])
    func numbersAndTextAreNoReactionLines(line: String) {
        #expect(ReactionLine.parse(line) == nil)
    }
}
