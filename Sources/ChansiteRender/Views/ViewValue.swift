import ChansiteCore

/// What a view's variable holds, as templates see it: the render plan, the page fingerprint
/// and the template check switch over it instead of casting `Any`.
enum ViewValue {
    case text(String)
    case flag(Bool)
    case number(Int)
    case view(any TemplateView)
    case views([any TemplateView])
    case texts([String])
    /// The interface words (`t.openPost`).
    case strings([String: String])

    /// The value as swift-mustache is given it (`MustacheParent.child(named:)`).
    var anyValue: Any {
        switch self {
        case .text(let text): text
        case .flag(let flag): flag
        case .number(let number): number
        case .view(let view): view
        case .views(let views): views
        case .texts(let texts): texts
        case .strings(let strings): strings
        }
    }
}

/// A type a view's variable may have: the only types `ViewFields` takes.
protocol TemplateValue: Sendable {
    var viewValue: ViewValue { get }
}

extension String: TemplateValue {
    var viewValue: ViewValue { .text(self) }
}

extension Bool: TemplateValue {
    var viewValue: ViewValue { .flag(self) }
}

extension Int: TemplateValue {
    var viewValue: ViewValue { .number(self) }
}

/// What a list may hold: views, or texts.
protocol TemplateItem: Sendable {
    static func viewValue(of list: [Self]) -> ViewValue
}

extension String: TemplateItem {
    static func viewValue(of list: [String]) -> ViewValue { .texts(list) }
}

extension Array: TemplateValue where Element: TemplateItem {
    var viewValue: ViewValue { Element.viewValue(of: self) }
}

extension Dictionary: TemplateValue where Key == String, Value == String {
    var viewValue: ViewValue { .strings(self) }
}
