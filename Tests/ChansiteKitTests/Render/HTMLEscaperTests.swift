import Foundation
import Mustache
import Testing

@testable import ChansiteCore
@testable import ChansiteRender

@Suite struct HTMLEscaperTests {
    @Test(arguments: ["plain text", "a < b && c > d", #"say "hi" & 'bye'"#, "Кириллица <b>жирный</b>", "emoji 👩‍👩‍👧 <", ""])
    func escapesAsSwiftMustacheDoesForOrdinaryText(text: String) throws {
        let template = try MustacheTemplate(string: "{{x}}")
        #expect(HTMLEscaper.escape(text) == template.render(["x": text]))
    }

    /// XML escaping by bytes against the rule written scalar by scalar: the five markup
    /// characters escaped, characters XML 1.0 forbids (C0 but tab and line breaks, DEL, C1,
    /// U+FFFE, U+FFFF) left out, everything else kept; `¢` (C2 A2) and `￼` (EF BF BC) share
    /// the lead bytes of forbidden ones.
    @Test(arguments: [
        "plain", #"a & b < c > "d" 'e'"#, "\u{1}x\u{7F}\ty\n\r\u{85}\u{9F}\u{A0}¢", "\u{FFFE}\u{FFFF}\u{FFFC}\u{FFFD}ｚ", "<\u{301}",
        "Кириллица & 👩‍👩‍👧", "",
    ])
    func xmlEscapesByBytesAsByScalars(text: String) {
        var expected = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": expected += "&amp;"
            case "<": expected += "&lt;"
            case ">": expected += "&gt;"
            case "\"": expected += "&quot;"
            case "'": expected += "&apos;"
            default: if !TextDecoding.isForbidden(scalar) { expected.unicodeScalars.append(scalar) }
            }
        }
        #expect(XML.escape(text) == expected)
    }

    @Test func escapesAnAngleBracketThatCarriesACombiningMark() {
        // One Character ("<" + U+0301) that a per-Character table lookup misses.
        let text = "<\u{301}script>alert(1)<\u{301}/script>"
        #expect(!HTMLEscaper.escape(text).contains("<"))
    }

    @Test func everyTemplateUsesIt() throws {
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.copyTemplates(to: root)
        let templates = try TemplateSet(folder: root.appendingPathComponent("Templates").path)
        let page = PageView(
            template: .tags, pageTitle: "t", site: SiteInfoView(title: "s", description: "d", language: "en"), strings: [:],
            content: TagsView(tags: [LinkView(name: "<\u{301}x", url: "u", count: "1")], tagCount: 1, tagCountText: "1"))
        let html = templates.renderPage(page)
        #expect(html.contains("&lt;\u{301}x"))
    }
}
