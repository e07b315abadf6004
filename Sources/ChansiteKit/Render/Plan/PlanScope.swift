import Mustache

/// One value of the context stack, its kind found once when it is pushed: looking a variable
/// up through the stack then costs no cast (swift-mustache casts every value it passes, to
/// several protocols, on every lookup).
enum PlanScope {
    case view(any TemplateView)
    case strings([String: String])
    case parent(any MustacheParent)
    /// Text, numbers, lists and anything else: no variables inside.
    case plain(Any)

    /// Concrete types first: a cast to one is a compare, a cast to a protocol a search of the
    /// conformances.
    init(_ value: Any) {
        if value is String || value is Bool || value is Int {
            self = .plain(value)
        } else if let strings = value as? [String: String] {
            self = .strings(strings)
        } else if let view = value as? any TemplateView {
            self = .view(view)
        } else if let parent = value as? any MustacheParent {
            self = .parent(parent)
        } else {
            self = .plain(value)
        }
    }

    var value: Any {
        switch self {
        case .view(let view): view
        case .strings(let strings): strings
        case .parent(let parent): parent
        case .plain(let value): value
        }
    }

    func child(_ name: String) -> Any? {
        switch self {
        case .view(let view): view.child(named: name)
        case .strings(let strings): strings[name]
        case .parent(let parent): parent.child(named: name)
        case .plain: nil
        }
    }

    /// Finds a variable as swift-mustache's `getChild(named:)` does: the first name through the
    /// stack from the innermost value (a view that has no such variable, or holds nil for it,
    /// passes the search on), the rest inside what it found.
    static func resolve(_ path: PlanPath, in stack: [PlanScope]) -> Any? {
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

    private static func descend(_ names: ArraySlice<String>, from scope: PlanScope) -> Any? {
        var scope = scope
        var value = scope.value
        for (index, name) in zip(names.indices, names) {
            guard let found = scope.child(name) else { return nil }
            value = found
            if index < names.endIndex - 1 { scope = PlanScope(found) }
        }
        return value
    }
}

/// A list of views a section renders once per item, without casting each item.
protocol TemplateList {
    var views: [any TemplateView] { get }
}

extension Array: TemplateList where Element: TemplateView {
    var views: [any TemplateView] { map { $0 } }
}
