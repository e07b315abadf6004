import ChansiteCore
import Mustache

/// Compiles a parsed swift-mustache template into a `PlanBody`.
///
/// swift-mustache keeps its tokens internal, so they are read through `Mirror`: the parse
/// (standalone lines, indentation, delimiters, inheritance) stays the library's own, and only
/// the rendering is chansite's. Whatever the plan does not render the library's way (a
/// transform such as `{{uppercase(name)}}`, a dynamic partial `{{>*name}}`, an unknown
/// content type) or a token shape this code does not know (a newer library) makes the whole
/// compile fail, and the set renders through swift-mustache as before (`TemplateSet`).
enum PlanCompiler {
    static func compile(_ template: MustacheTemplate) -> PlanBody? {
        guard let tokens = field("tokens", of: template) as? [Any] else { return nil }
        var steps: [PlanStep] = []
        steps.reserveCapacity(tokens.count)
        for token in tokens {
            guard let step = compile(token: token) else { return nil }
            steps.append(step)
        }
        return PlanBody(steps: steps)
    }

    static func compile(token: Any) -> PlanStep? {
        let mirror = Mirror(reflecting: token)
        guard mirror.displayStyle == .enum, let kind = mirror.children.first, let label = kind.label else { return nil }
        let payload = kind.value
        switch label {
        case "text":
            return (payload as? String).map { .text($0) }
        case "variable", "unescapedVariable":
            guard let name = field("name", of: payload) as? String, noTransforms(payload) else { return nil }
            return .variable(PlanPath(name), escaped: label == "variable")
        case "section", "invertedSection":
            guard let name = field("name", of: payload) as? String, noTransforms(payload),
                let template = field("template", of: payload) as? MustacheTemplate, let body = compile(template)
            else { return nil }
            return label == "section" ? .section(PlanPath(name), body) : .inverted(PlanPath(name), body)
        case "partial":
            guard let name = field(".0", of: payload) as? String else { return nil }
            var overrides: [String: PlanBody]?
            if let inherits = field("inherits", of: payload) as? [String: MustacheTemplate] {
                var bodies: [String: PlanBody] = [:]
                for (block, template) in inherits {
                    guard let body = compile(template) else { return nil }
                    bodies[block] = body
                }
                overrides = bodies
            }
            return .partial(name, indentation: field("indentation", of: payload) as? String, overrides: overrides)
        case "blockExpansion":
            guard let name = field("name", of: payload) as? String, let template = field("default", of: payload) as? MustacheTemplate,
                let body = compile(template)
            else { return nil }
            return .block(name, fallback: body, indentation: field("indentation", of: payload) as? String)
        case "contentType":
            return escaping(of: payload).map { .escaping($0) }
        default:
            // `dynamicNamePartial`, a `blockDefinition` outside a parent, or a token this
            // code does not know.
            return nil
        }
    }

    /// The escaping a content-type pragma chose, by the escaper's type.
    static func escaping(of payload: Any) -> PlanEscaping? {
        guard let contentType = payload as? any MustacheContentType else { return nil }
        if contentType is HTMLEscaper { return .chansite }
        switch String(describing: type(of: contentType)) {
        case "HTMLContentType": return .mustacheHTML
        case "TextContentType": return .text
        default: return nil
        }
    }

    /// A token's transforms must be none: the plan does not apply them.
    private static func noTransforms(_ payload: Any) -> Bool {
        (field("transforms", of: payload) as? [String])?.isEmpty ?? false
    }

    /// A stored property or tuple element by label; nil when missing (or an optional that is nil).
    private static func field(_ label: String, of value: Any) -> Any? {
        guard let child = Mirror(reflecting: value).children.first(where: { $0.label == label }) else { return nil }
        let mirror = Mirror(reflecting: child.value)
        guard mirror.displayStyle == .optional else { return child.value }
        return mirror.children.first?.value
    }
}
