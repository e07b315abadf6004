import Mustache

extension RenderPlan {
    /// What a section's value is to the section, as swift-mustache's `renderSection` tells.
    enum SectionValue {
        case flag(Bool)
        case views([any TemplateView])
        /// Any other `MustacheSequence`.
        case items([Any])
        case single(PlanScope)

        /// Concrete types first (a cast to one is a compare), then views, then lists.
        init(_ value: Any) {
            if let flag = value as? Bool {
                self = .flag(flag)
            } else if value is String || value is Int {
                self = .single(.plain(value))
            } else if let view = value as? any TemplateView {
                self = .single(.view(view))
            } else if let list = value as? any TemplateList {
                self = .views(list.views)
            } else if let sequence = value as? any MustacheSequence {
                self = .items(Self.elements(of: sequence))
            } else {
                self = .single(PlanScope(value))
            }
        }

        private static func elements(of sequence: some Sequence) -> [Any] {
            sequence.map { $0 as Any }
        }
    }

    /// `{{#name}}`: a list renders once per item, a flag when true, any other value once
    /// with the value innermost; nothing when the name is not found.
    func section(_ value: Any?, _ body: PlanBody, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        guard let value else { return }
        switch SectionValue(value) {
        case .flag(let flag):
            if flag { render(body, frame, &stack, into: &output) }
        case .views(let views):
            for view in views { rendered(body, with: .view(view), frame, &stack, into: &output) }
        case .items(let items):
            for item in items { rendered(body, with: PlanScope(item), frame, &stack, into: &output) }
        case .single(let scope):
            rendered(body, with: scope, frame, &stack, into: &output)
        }
    }

    /// `{{^name}}`: renders when the name is not found, is false or is an empty list (which is
    /// then innermost, as in swift-mustache).
    func inverted(_ value: Any?, _ body: PlanBody, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        guard let value else { return render(body, frame, &stack, into: &output) }
        switch SectionValue(value) {
        case .flag(let flag):
            if !flag { render(body, frame, &stack, into: &output) }
        case .views(let views):
            if views.isEmpty { rendered(body, with: .plain(value), frame, &stack, into: &output) }
        case .items(let items):
            if items.isEmpty { rendered(body, with: .plain(value), frame, &stack, into: &output) }
        case .single:
            return
        }
    }

    private func rendered(_ body: PlanBody, with scope: PlanScope, _ frame: Frame, _ stack: inout [PlanScope], into output: inout String) {
        stack.append(scope)
        render(body, frame, &stack, into: &output)
        stack.removeLast()
    }
}
