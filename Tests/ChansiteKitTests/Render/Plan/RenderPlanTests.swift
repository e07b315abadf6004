import Foundation
import Mustache
import Testing

@testable import ChansiteCore
@testable import ChansiteRender

/// The render plan against swift-mustache: the same library and views must give the same bytes.
@Suite struct RenderPlanTests {
    struct ItemView: TemplateView {
        var name: String
        var flag: Bool?
        static let fields = ViewFields<Self>(["name": { $0.name }, "flag": { $0.flag }])
    }

    struct RootView: TemplateView {
        var title: String? = "<a & \"b\" 'c'> e\u{301} <\u{338}"
        var items = [ItemView(name: "one", flag: true), ItemView(name: "t<w>o", flag: nil), ItemView(name: "three", flag: false)]
        var empty: [ItemView] = []
        var count = 3
        var zero = 0
        var on = true
        var off = false
        var flag = true
        var blank = ""
        var words = ["x", "<y>"]
        var strings = ["hello": "Hi & bye"]
        var nested: ItemView? = ItemView(name: "inner", flag: nil)

        static let fields = ViewFields<Self>([
            "title": { $0.title }, "items": { $0.items }, "empty": { $0.empty }, "count": { $0.count }, "zero": { $0.zero },
            "on": { $0.on }, "off": { $0.off }, "flag": { $0.flag }, "blank": { $0.blank }, "words": { $0.words },
            "t": { $0.strings }, "nested": { $0.nested },
        ])
    }

    /// Templates that reach every kind of step, standalone line and indentation rule.
    static let cases: [String: String] = [
        "variables": "{{title}}|{{{title}}}|{{&title}}|{{count}}|{{zero}}|{{on}}|{{off}}|{{missing}}|{{t.hello}}|{{t.nope}}\n",
        "sections":
            "<ul>\n{{#items}}\n  <li>{{name}}{{#flag}} on{{/flag}}{{^flag}} off{{/flag}}</li>\n{{/items}}\n</ul>\n{{^empty}}\nnone\n{{/empty}}\n{{^items}}x{{/items}}{{#empty}}y{{/empty}}\n",
        "truthiness":
            "{{#count}}n{{/count}}{{#zero}}z{{/zero}}{{#blank}}b[{{.}}]{{/blank}}{{^blank}}B{{/blank}}{{#off}}o{{/off}}{{^off}}O{{/off}}{{^missing}}M{{/missing}}",
        "stack":
            "{{#nested}}{{name}} {{title}} {{t.hello}} {{.name}} [{{.title}}] {{#flag}}fell through{{/flag}}{{/nested}}\n{{#items}}{{#flag}}F{{/flag}}{{/items}}",
        "dots": "{{#title}}{{.}}{{/title}} {{#words}}<{{.}}>{{/words}} {{nested.name}} {{nested.missing.name}} {{#t}}{{hello}}{{/t}}",
        "partials": "a\n  {{> part}}\nb\n{{#items}}\n    {{> part}}\n{{/items}}\n{{> nothing}}end",
        "part": "line {{name}}\n{{#items}}\n{{name}}\n{{/items}}\n\nlast\n",
        "crlf": "a\r\n  {{> crlfPart}}\r\nb\r\n",
        "crlfPart": "x {{title}}\r\n{{#items}}\r\n{{name}}\r\n{{/items}}\r\n",
        "base": "<h>{{$head}}default head{{/head}}</h>\n  {{$body}}\n  body default\n  {{/body}}\n{{> part}}",
        "child": "{{<base}}{{$body}}\nmine {{title}}\n{{/body}}{{/base}}",
        "grandchild": "{{<child}}{{$head}}gc head {{count}}{{/head}}{{$body}}gc body{{/body}}{{/child}}",
        "pragmas": "{{title}}\n{{% CONTENT_TYPE: TEXT}}\n{{title}}\n{{% CONTENT_TYPE: \(HTMLEscaper.name)}}\n{{title}}\n{{> part}}{{title}}",
        "delimiters": "{{=<% %>=}}\n<% title %> <%# items %><% name %>,<%/ items %>\n<%={{ }}=%>{{count}}",
        "comments": "a\n  {{! a comment }}\nb {{! inline }}c\n",
    ]

    static func library(_ templates: [String: String]) throws -> MustacheLibrary {
        _ = HTMLEscaper.registered
        var library = MustacheLibrary()
        for (name, text) in templates { library.register(try MustacheTemplate(string: text), named: name) }
        return library
    }

    @Test(arguments: cases.keys.sorted())
    func rendersAsSwiftMustacheDoes(template: String) throws {
        let library = try Self.library(Self.cases)
        let plan = try #require(RenderPlan(library, names: Self.cases.keys))
        let expected = try #require(library.render(RootView(), withTemplate: template))
        #expect(plan.render(RootView(), template: template) == expected)
    }

    /// Random compositions of every kind of tag, in and out of sections and partials.
    @Test(arguments: 0..<40)
    func randomTemplatesRenderAsSwiftMustacheDoes(seed: Int) throws {
        var rng = SeededRandom(state: UInt64(seed) &* 7919)
        let pieces = [
            "{{title}}", "{{{title}}}", "{{name}}", "{{.}}", "{{t.hello}}", "{{count}}", "{{nested.name}}", "\n", "  ", "\r\n",
            "text ", "{{> leaf}}", "  {{> leaf}}\n", "{{! c }}", "<&>",
        ]
        let sections = ["items", "empty", "nested", "on", "off", "flag", "title", "missing", "words", "zero"]
        func make(_ depth: Int) -> String {
            (0..<Int.random(in: 1...6, using: &rng)).map { _ in
                guard depth < 3, Int.random(in: 0..<4, using: &rng) == 0 else { return pieces.randomElement(using: &rng) ?? "" }
                let name = sections.randomElement(using: &rng) ?? "items"
                let sigil = Bool.random(using: &rng) ? "#" : "^"
                let newline = Bool.random(using: &rng) ? "\n" : ""
                return "{{\(sigil)\(name)}}\(newline)\(make(depth + 1)){{/\(name)}}\(newline)"
            }.joined()
        }
        let page = make(0)
        // The leaf must not include itself.
        let leaf = make(2).replacingOccurrences(of: "{{> leaf}}", with: "{{> nothing}}")
        let templates = ["page": page, "leaf": leaf]
        let library = try Self.library(templates)
        let plan = try #require(RenderPlan(library, names: templates.keys))
        let expected = try #require(library.render(RootView(), withTemplate: "page"))
        #expect(plan.render(RootView(), template: "page") == expected, "templates: \(templates)")
    }

    /// What the plan does not render (a transform, a dynamic partial) leaves no plan: the
    /// templates render through swift-mustache, transforms and all.
    @Test func aTransformLeavesTheSetToSwiftMustache() throws {
        let library = try Self.library(["page": "{{uppercased(title)}}", "other": "{{>*title}}"])
        #expect(RenderPlan(library, names: ["page"]) == nil)
        #expect(RenderPlan(library, names: ["other"]) == nil)
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["partials/footer.mustache": "<footer>{{uppercased(site.title)}}</footer>"], under: root)
        let templates = try TemplateSet(folder: root.path)
        #expect(templates.plans == nil)
        let page = PageView(
            template: "404", pageTitle: "Gone", site: SiteInfoView(title: "My site", description: "", language: "en"), strings: [:],
            content: EmptyView())
        #expect(templates.renderPage(page).contains("<footer>MY SITE</footer>"))
    }

    /// The built-in templates compile: a swift-mustache update that changes its tokens fails
    /// here, not as a silent return to the slower renderer.
    @Test func theBuiltInTemplatesCompile() throws {
        let templates = try TemplateSet(folder: "/nonexistent", required: false)
        let plans = try #require(templates.plans)
        #expect(Set(plans.pages.templates.keys).isSuperset(of: TemplateSet.requiredTemplates))
        #expect(plans.pages.templates.count == plans.summaries.templates.count)
    }
}
