import Testing

@testable import ChansiteCore
@testable import ChansiteModel

/// A post keeps its formatting as runs over its text: the spans it gives back are the ones it
/// was given, in any script, and a text that no longer matches its runs shows unformatted
/// instead of cut in the wrong places.
@Suite struct TextRunTests {
    static let spans = [
        TextSpan(kind: "bold", text: "Привет, "), TextSpan(kind: "text_link", text: "мир 🌍", href: "https://example.org/a?b=1"),
        TextSpan(kind: "plain", text: "\n"), TextSpan(kind: "pre", text: "print(\"مرحبا\")", language: "python"),
        TextSpan(kind: "blockquote", text: "东京看樱花", collapsed: true), TextSpan(kind: "plain", text: ""),
        TextSpan(kind: "future_entity", text: "x"),
    ]

    @Test func spansComeBackAsTheyWereGiven() {
        var post = Post(text: Self.spans.map(\.text).joined(), source: SourceRange(path: "t", firstLine: 1, lastLine: 1))
        #expect(!post.isFormatted && post.spans == nil)
        post.spans = Self.spans
        #expect(post.spans == Self.spans)
        #expect(post.isFormatted && post.hasSpan(of: ["pre"]) && !post.hasSpan(of: ["phone", "bank_card"]))
    }

    /// A run keeps its kind, attribute and flag whatever they are: a kind the table does not
    /// know (a future entity, a hostile one with spaces and digits), with an attribute, an
    /// empty one or none; and it is 24 bytes.
    @Test func aRunKeepsAnyKindAndAttribute() {
        #expect(MemoryLayout<TextRun>.stride == 24)
        for kind in TextRun.kinds + ["future_entity", "", " ", "12 x", "3 abc", "тип 🌍", "\u{0}"] {
            for attribute in [nil, "", "https://example.org/a b", "7 python", "язык"] as [String?] {
                for collapsed in [false, true] {
                    let run = TextRun(kind: kind, length: 7, attribute: attribute, collapsed: collapsed)
                    #expect(
                        run.kind == kind && run.attribute == attribute && run.collapsed == collapsed && run.length == 7,
                        "\(kind) \(attribute ?? "nil")")
                    #expect(run == TextRun(kind: kind, length: 7, attribute: attribute, collapsed: collapsed))
                    #expect(run != TextRun(kind: kind + "x", length: 7, attribute: attribute, collapsed: collapsed))
                    #expect(run != TextRun(kind: kind, length: 7, attribute: attribute.map { $0 + "x" } ?? "", collapsed: collapsed))
                }
            }
        }
    }

    @Test func aTextThatNoLongerMatchesItsRunsIsShownUnformatted() {
        var post = Post(text: Self.spans.map(\.text).joined(), source: SourceRange(path: "t", firstLine: 1, lastLine: 1))
        post.spans = Self.spans
        post.text += "!"
        #expect(post.spans == nil)
    }
}
