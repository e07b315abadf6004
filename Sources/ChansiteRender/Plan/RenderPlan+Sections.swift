import ChansiteCore

extension RenderPlan {
    /// `{{#name}}`: a list renders once per item, a flag when true, any other value once
    /// with the value innermost; nothing when the name is not found.
    func section(_ value: ViewValue?, _ body: PlanBody, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        switch value {
        case nil:
            return
        case .flag(let flag):
            if flag { render(body, frame, &stack, into: &output) }
        case .views(let views):
            for view in views { rendered(body, with: .view(view), frame, &stack, into: &output) }
        case .texts(let texts):
            for text in texts { rendered(body, with: .plain(.text(text)), frame, &stack, into: &output) }
        case let value?:
            rendered(body, with: PlanScope(value), frame, &stack, into: &output)
        }
    }

    /// `{{^name}}`: renders when the name is not found, is false or is an empty list (which is
    /// then innermost, as in swift-mustache).
    func inverted(_ value: ViewValue?, _ body: PlanBody, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        switch value {
        case nil:
            render(body, frame, &stack, into: &output)
        case .flag(let flag):
            if !flag { render(body, frame, &stack, into: &output) }
        case .views(let views):
            if views.isEmpty { rendered(body, with: .plain(.views(views)), frame, &stack, into: &output) }
        case .texts(let texts):
            if texts.isEmpty { rendered(body, with: .plain(.texts(texts)), frame, &stack, into: &output) }
        case .text, .number, .view, .strings:
            return
        }
    }

    private func rendered(_ body: PlanBody, with scope: PlanScope, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        stack.append(scope)
        render(body, frame, &stack, into: &output)
        stack.removeLast()
    }
}
