import Foundation
import Mustache
import Testing

@testable import ChansiteCore
@testable import ChansiteRender

/// chansite's template engine (`TemplateParser`, `RenderPlan`) against swift-mustache 2.1, the
/// oracle its whitespace rules follow: the same templates and views must give the same bytes.
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

    /// swift-mustache's library of `templates`, each escaping as chansite's do.
    static func library(_ templates: [String: String]) throws -> MustacheLibrary {
        _ = MustacheOracle.registered
        var library = MustacheLibrary()
        for (name, text) in templates {
            library.register(try MustacheTemplate(string: "{{% CONTENT_TYPE: \(HTMLEscaper.name)}}\n" + text), named: name)
        }
        return library
    }

    /// chansite's plan of `templates`.
    static func plan(_ templates: [String: String]) throws -> RenderPlan {
        RenderPlan(templates: try templates.mapValues { try TemplateParser.parse($0).body })
    }

    @Test(arguments: cases.keys.sorted())
    func rendersAsSwiftMustacheDoes(template: String) throws {
        let expected = try #require(try Self.library(Self.cases).render(MustacheOracle(RootView()), withTemplate: template))
        #expect(try Self.plan(Self.cases).render(RootView(), template: template) == expected)
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
        let expected = try #require(try Self.library(templates).render(MustacheOracle(RootView()), withTemplate: "page"))
        #expect(try Self.plan(templates).render(RootView(), template: "page") == expected, "templates: \(templates)")
    }

    /// swift-mustache's extensions are not chansite's: a transform or a dynamic partial is a
    /// syntax error naming the file and line, never a silent change of renderer.
    @Test func transformsAndDynamicPartialsAreSyntaxErrors() throws {
        for text in ["a\n{{uppercased(title)}}", "a\n{{>*title}}", "a\n{{<*base}}{{/*base}}"] {
            #expect(throws: TemplateParser.Failure.self) { try TemplateParser.parse(text) }
            do {
                _ = try TemplateParser.parse(text)
            } catch {
                #expect(error.line == 2 && error.message.contains("chansite's templates have no"), "\(error)")
            }
        }
        let root = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: root) }
        try TestSupport.write(["partials/footer.mustache": "<footer>\n{{uppercased(site.title)}}</footer>"], under: root)
        #expect {
            try TemplateSet(folder: root.path)
        } throws: { error in
            "\(error)".contains("partials/footer.mustache:2:1: error: 'uppercased(site.title)': chansite's templates have no transforms")
        }
    }

    /// Syntax errors name the line and column where reading stopped, and what was expected.
    @Test(arguments: [
        ("x\n{{#a}}\nx", "section 'a' is never closed", 2),
        ("x\n{{#a}}\n{{/b}}", "section 'a' closed as 'b'", 3),
        ("{{/a}}", "'a' closed but never opened", 1),
        ("a {{b", "unfinished tag name", 1),
        ("a\n{{! never", "comment is never closed", 2),
        ("{{=<% %>}}", "invalid set-delimiter tag", 1),
        ("{{% CONTENT_TYPE: XML}}", "unknown pragma 'CONTENT_TYPE: XML'", 1),
        ("{{<base}}{{x}}{{/base}}", "only blocks", 1),
    ])
    func syntaxErrorsSayWhatAndWhere(text: String, message: String, line: Int) {
        do {
            _ = try TemplateParser.parse(text)
            Issue.record("\(text) parsed")
        } catch {
            #expect(error.message.hasPrefix(message), "\(error.message)")
            #expect(error.line == line, "\(text): line \(error.line)")
        }
    }

    /// The built-in templates parse into both plans.
    @Test func theBuiltInTemplatesParse() throws {
        let templates = try TemplateSet(folder: "/nonexistent", required: false)
        #expect(Set(templates.plans.pages.templates.keys).isSuperset(of: TemplateSet.requiredTemplates))
        #expect(templates.plans.pages.templates.count == templates.plans.summaries.templates.count)
    }
}

/// A chansite view as swift-mustache reads a context, and chansite's escaper as its content
/// type: the oracle `RenderPlanTests` compares the engine with.
struct MustacheOracle: MustacheParent, CustomStringConvertible, CustomDebugStringConvertible {
    let view: any TemplateView

    init(_ view: any TemplateView) {
        self.view = view
    }

    func child(named name: String) -> Any? {
        switch view.value(named: ViewName(name)) {
        case .view(let view)?: MustacheOracle(view)
        case .views(let views)?: views.map(MustacheOracle.init)
        case let value?: value.anyValue
        case nil: nil
        }
    }

    /// A view written as a variable (`{{.}}` in a list of views) reads as the view itself.
    var description: String { String(describing: view) }
    var debugDescription: String { String(reflecting: view) }

    struct Escaper: MustacheContentType {
        func escapeText(_ text: String) -> String { HTMLEscaper.escape(text) }
    }

    static let registered: Void = MustacheContentTypes.register(Escaper(), named: HTMLEscaper.name)
}
