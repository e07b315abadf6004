/// One parsed template, as steps a page renders without looking anything up by dynamic cast or
/// splitting a name (`RenderPlan`).
struct PlanBody: Sendable {
    var steps: [PlanStep]
}

/// One step of a parsed template (`TemplateParser`).
indirect enum PlanStep: Sendable {
    case text(String)
    /// `{{name}}` (escaped) or `{{{name}}}` / `{{&name}}`.
    case variable(PlanPath, escaped: Bool)
    case section(PlanPath, PlanBody)
    case inverted(PlanPath, PlanBody)
    /// `{{> name}}`, or a parent `{{< name}}` with the blocks it overrides.
    case partial(String, indentation: String?, overrides: [String: PlanBody]?)
    /// `{{$name}}default{{/name}}` where a parent's child may override it.
    case block(String, fallback: PlanBody, indentation: String?)
    /// A `{{% CONTENT_TYPE: … }}` pragma: how the rest of the template escapes.
    case escaping(PlanEscaping)
}
