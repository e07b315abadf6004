import ChansiteCore
import Mustache

/// A template library compiled once per build (`PlanCompiler`) and rendered over typed views:
/// each variable's name is split when compiling, and a view's variable is found by its
/// `value(named:)` as a `ViewValue`, so nothing is cast. Output is the same, byte for byte, as
/// swift-mustache's rendering of the same library (`RenderPlanTests`): the same context stack,
/// the same truthiness, the same partial indentation and inheritance.
struct RenderPlan: Sendable {
    let templates: [String: PlanBody]

    /// Compiles every template `names` lists that `library` has; nil when one cannot be.
    init?(_ library: MustacheLibrary, names: some Sequence<String>) {
        var templates: [String: PlanBody] = [:]
        for name in names {
            guard let template = library.getTemplate(named: name) else { continue }
            guard let body = PlanCompiler.compile(template) else { return nil }
            templates[name] = body
        }
        self.templates = templates
    }

    /// The plan with template `name` compiled from `library` instead; nil when it cannot be.
    func replacing(_ name: String, from library: MustacheLibrary) -> RenderPlan? {
        guard let template = library.getTemplate(named: name), let body = PlanCompiler.compile(template) else { return nil }
        var templates = templates
        templates[name] = body
        return RenderPlan(templates: templates)
    }

    private init(templates: [String: PlanBody]) {
        self.templates = templates
    }

    /// Renders `template` with `view` as the whole context, as `MustacheLibrary.render` does;
    /// nil when there is no such template.
    func render(_ view: any TemplateView, template: String) -> String? {
        guard let body = templates[template] else { return nil }
        var output = ""
        output.reserveCapacity(16 * 1024)
        var stack = [PlanScope.view(view)]
        render(body, Frame(), &stack, into: &output)
        return output
    }

    /// What a template render carries besides the stack (swift-mustache's `MustacheContext`).
    struct Frame {
        var indentation: String?
        var overrides: [String: PlanBody]?
        /// swift-mustache starts every render, and every partial, with its own HTML escaper.
        var escaping = PlanEscaping.mustacheHTML
    }

    func render(_ body: PlanBody, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for step in body.steps { render(step, &frame, &stack, into: &output) }
            return
        }
        // An indented partial: a step that renders something right after a line break of this
        // template's own output is indented (swift-mustache compares whole Characters, so a
        // "\r\n" ending is not a line break here).
        var rendered = ""
        for step in body.steps {
            var piece = ""
            render(step, &frame, &stack, into: &piece)
            if !piece.isEmpty, rendered.last == "\n" { rendered += indentation }
            rendered += piece
        }
        output += rendered
    }

    func render(_ step: PlanStep, _ frame: inout Frame, _ stack: inout [PlanScope], into output: inout String) {
        switch step {
        case .text(let text):
            output += text
        case .variable(let path, let escaped):
            guard let value = PlanScope.resolve(path, in: stack) else { return }
            let text = Self.text(of: value)
            output += escaped ? frame.escaping.escape(text) : text
        case .section(let path, let body):
            section(PlanScope.resolve(path, in: stack), body, frame, &stack, into: &output)
        case .inverted(let path, let body):
            inverted(PlanScope.resolve(path, in: stack), body, frame, &stack, into: &output)
        case .partial(let name, let indentation, let overrides):
            guard let body = templates[name] else { return }
            var inner = Frame(indentation: Self.indent(frame.indentation, by: indentation), overrides: frame.overrides)
            if let overrides {
                // The outer parent's blocks win over those of a parent it includes.
                inner.overrides = frame.overrides.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            render(body, inner, &stack, into: &output)
        case .block(let name, let fallback, let indentation):
            var inner = frame
            inner.indentation = Self.indent(frame.indentation, by: indentation)
            render(frame.overrides?[name] ?? fallback, inner, &stack, into: &output)
        case .escaping(let escaping):
            frame.escaping = escaping
        }
    }

    /// A variable's text, as swift-mustache describes the value it is given.
    static func text(of value: ViewValue) -> String {
        switch value {
        case .text(let text): text
        case .number(let number): String(number)
        case .flag(let flag): flag ? "true" : "false"
        default: String(describing: value.anyValue)
        }
    }

    static func indent(_ indentation: String?, by more: String?) -> String? {
        guard let more else { return indentation }
        return (indentation ?? "") + more
    }
}
