import ChansiteCore

/// A template library parsed once per build (`TemplateParser`) and rendered over typed views:
/// each variable's name is split when parsing, and a view's variable is found by its
/// `value(named:)` as a `ViewValue`, so nothing is cast. The rules are Mustache's, as
/// swift-mustache 2.1 renders them (`RenderPlanTests` compares the two on every kind of tag):
/// the same context stack, truthiness, partial indentation and inheritance.
struct RenderPlan: Sendable {
    let templates: [String: PlanBody]

    /// The plan with template `name` replaced by `body`.
    func replacing(_ name: String, with body: PlanBody) -> RenderPlan {
        var templates = templates
        templates[name] = body
        return RenderPlan(templates: templates)
    }

    /// Renders `template` with `view` as the whole context; nil when there is no such template.
    func render(_ view: any TemplateView, template: String) -> String? {
        guard let body = templates[template] else { return nil }
        var output = ""
        output.reserveCapacity(16 * 1024)
        var stack = [PlanScope.view(view)]
        render(body, Frame(), &stack, into: &output)
        return output
    }

    /// What a template render carries besides the stack.
    struct Frame {
        var indentation: String?
        var overrides: [String: PlanBody]?
        /// Every template, partials included, starts escaping HTML; a pragma changes it for the
        /// rest of its own template.
        var escaping = PlanEscaping.chansite
    }

    func render(_ body: PlanBody, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            for step in body.steps { render(step, &frame, &stack, into: &output) }
            return
        }
        // An indented partial: a step that renders something right after a line break of this
        // template's own output is indented (whole Characters are compared, so a "\r\n" ending
        // is not a line break here, as in swift-mustache). Each step writes straight into the
        // output and the indentation goes in before what it wrote: a page of a huge post is
        // never copied through a second string.
        let start = output.utf8.count
        for step in body.steps {
            let mark = output.utf8.count
            let atLineStart = Self.endsWithLineBreak(output.utf8, from: start)
            render(step, &frame, &stack, into: &output)
            guard atLineStart, output.utf8.count > mark else { continue }
            output.insert(contentsOf: indentation, at: output.utf8.index(output.utf8.startIndex, offsetBy: mark))
        }
    }

    /// Whether the text written since byte `start` ends with a line feed that is its own
    /// Character (not the end of a "\r\n"); looks at the last two bytes only.
    static func endsWithLineBreak(_ utf8: String.UTF8View, from start: Int) -> Bool {
        let written = utf8.count - start
        guard written > 0, utf8.last == 0x0A else { return false }
        return written == 1 || utf8[utf8.index(utf8.endIndex, offsetBy: -2)] != 0x0D
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

    /// A variable's text: numbers and flags as Swift writes them.
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
