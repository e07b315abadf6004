import ChansiteCore

/// One value of the context stack. Looking a variable up through the stack asks each view
/// for it by name and casts nothing (swift-mustache casts every value it passes, to several
/// protocols, on every lookup).
enum PlanScope {
    case view(any TemplateView)
    case strings([String: String])
    /// Text, numbers, flags and lists: no variables inside.
    case plain(ViewValue)

    init(_ value: ViewValue) {
        switch value {
        case .view(let view): self = .view(view)
        case .strings(let strings): self = .strings(strings)
        default: self = .plain(value)
        }
    }

    var value: ViewValue {
        switch self {
        case .view(let view): .view(view)
        case .strings(let strings): .strings(strings)
        case .plain(let value): value
        }
    }

    func child(_ name: ViewName) -> ViewValue? {
        switch self {
        case .view(let view): view.value(named: name)
        case .strings(let strings): strings[name.text].map { .text($0) }
        case .plain: nil
        }
    }

    /// Finds a variable as swift-mustache's `getChild(named:)` does: the first name through the
    /// stack from the innermost value (a view that has no such variable, or holds nil for it,
    /// passes the search on), the rest inside what it found.
    static func resolve(_ path: PlanPath, in stack: [PlanScope]) -> ViewValue? {
        switch path {
        case .innermost(let names):
            guard let innermost = stack.last else { return nil }
            return descend(names[...], from: innermost)
        case .stack(let names):
            guard let first = names.first else { return stack.last?.value }
            for scope in stack.reversed() {
                if let found = scope.child(first) {
                    return names.count == 1 ? found : descend(names.dropFirst(), from: PlanScope(found))
                }
            }
            return nil
        }
    }

    private static func descend(_ names: ArraySlice<ViewName>, from scope: PlanScope) -> ViewValue? {
        var scope = scope
        var value = scope.value
        for name in names {
            guard let found = scope.child(name) else { return nil }
            value = found
            scope = PlanScope(found)
        }
        return value
    }
}
