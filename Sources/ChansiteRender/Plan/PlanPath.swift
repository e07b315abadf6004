/// A variable's name, split once when the template is compiled.
enum PlanPath: Sendable, Equatable {
    /// `a.b.c`: `a` looked up through the context stack, innermost first, then `b` and `c` in it.
    /// No names (`.` alone) is the innermost value.
    case stack([ViewName])
    /// `.a.b`: `a` looked up in the innermost value only.
    case innermost([ViewName])

    /// Splits a name as swift-mustache does (`getChild(named:)`).
    init(_ name: String) {
        let names = name.split(separator: ".").map { ViewName(String($0)) }
        self = name.first == "." ? .innermost(names) : .stack(names)
    }
}
