import ChansiteCore
import ChansiteModel
import Foundation

/// The Mustache templates of a site: the built-in ones, overridden file by file by the project's
/// templates folder. The only render code that reads files.
package struct TemplateSet: Sendable {
    /// The page templates every template set must have.
    package static let requiredTemplates = ["base", "index", "channel", "post", "tag", "tags", "search", "404"]
    /// How built-in files are named in messages.
    package static let builtinFolder = "(built-in templates)"

    /// What summaries are rendered with (every template, and one that renders a post's
    /// `partials/post-summary` alone), and what pages are: the same with that partial replaced
    /// by the post's summary rendered once per build (`PostView.summaryHTML`).
    let plans: (pages: RenderPlan, summaries: RenderPlan)
    package let folder: String
    /// Files beside the templates that are copied into the site as they are (under `assets/`).
    package let assets: [RenderedFile]
    /// A hash of every template's name and text (not the assets): part of every page's fingerprint.
    package let fingerprint: String
    /// Unknown variables in the project's own templates (file and line); they render as nothing.
    package let warnings: [Diagnostic]
    /// `strings/<language>.json` files, built in and the project's.
    let stringsFiles: [String: Source]
    /// Every name the templates' variable and section tags use (each part of `post.source`).
    let variableNames: Set<String>

    /// One file of the set: where it comes from (for messages) and its bytes.
    package struct Source {
        var shownPath: String
        package var contents: Data
    }

    /// Loads the built-in templates and assets, then every file under `folder` in their place
    /// (partials by relative name, `partials/header`).
    /// - Parameter required: when true (`--templates` given), a missing folder is an error;
    ///   otherwise it means the built-in templates alone.
    /// - Throws: `DiagnosticError` naming the template file, line and column of a syntax error.
    package init(folder: String, required: Bool = true) throws {
        self.folder = folder
        var sources: [String: Source] = [:]
        for (name, text) in BuiltinTemplates.files {
            sources[name] = Source(shownPath: FileSystem.join(Self.builtinFolder, name), contents: Data(text.utf8))
        }
        if FileSystem.isDirectory(folder) {
            for (name, source) in try Self.read(folder: folder) { sources[name] = source }
        } else if required {
            throw DiagnosticError(.error("templates folder '\(folder)' does not exist"))
        }
        let cleaning = Self.withAllowedCharacters(&sources)
        let (parsed, fingerprint) = try Self.parseTemplates(sources)
        self.warnings = cleaning + (try Self.check(parsed, sources))
        self.plans = try Self.plans(parsed.mapValues(\.body))
        self.fingerprint = fingerprint
        self.variableNames = Set(
            parsed.values.flatMap(\.tags).filter { ["", "#", "^", "&"].contains($0.sigil) }.flatMap { $0.name.split(separator: ".").map(String.init) }
        )
        self.stringsFiles = sources.filter { $0.key.hasPrefix("strings/") && $0.key.hasSuffix(".json") }
        self.assets = sources.keys.sorted().filter { $0.hasPrefix("assets/") }.compactMap { name in
            sources[name].map { RenderedFile(path: name, contents: $0.contents) }
        }
    }

    /// Whether any template names the variable `name` (as itself or as part of a dotted name).
    func reads(_ name: String) -> Bool { variableNames.contains(name) }

    /// The interface words for `language` (`ru`, or `ru-RU` read as `ru` when there is no
    /// `ru-RU.json`), over English; English alone, with a warning, when no file has the language.
    /// - Throws: `DiagnosticError` naming a strings file that cannot be read.
    package func strings(for language: String) throws -> (strings: SiteStrings, warnings: [Diagnostic]) {
        func parse(_ name: String, as language: String, over fallback: SiteStrings?) throws -> SiteStrings? {
            guard let source = stringsFiles["strings/\(name).json"] else { return nil }
            return try SiteStrings.parse(source.contents, language: language, shownPath: source.shownPath, fallback: fallback)
        }
        guard let english = try parse("en", as: "en", over: nil) else {
            throw DiagnosticError(.error("the strings file 'strings/en.json' is missing"))
        }
        let base = String(language.prefix { $0 != "-" && $0 != "_" })
        for name in [language, base] {
            if let strings = try parse(name, as: language, over: english) { return (strings, []) }
        }
        let fallback = SiteStrings(language: language, plural: english.plural, texts: english.texts, counted: english.counted)
        let message = "no strings for the language '\(language)': the interface is in English (add 'strings/\(base).json' to the templates folder)"
        return (fallback, language == "en" || base == "en" ? [] : [.warning(message, at: SourceLocation(path: folder))])
    }

    /// Renders a page; a missing partial renders as nothing, as Mustache specifies.
    func renderPage(_ page: PageView) -> String {
        page.template.flatMap { plans.pages.render(page, template: $0.rawValue) } ?? ""
    }

    /// Renders `partials/post-summary` for `post` as it would be inside `page`.
    func renderSummary(of post: PostView, on page: PageView) -> String {
        // Kept for the whole render (every listing splices it): stored tight.
        let context = SummaryContext(page: page, post: post)
        return (plans.summaries.render(context, template: Self.summaryTemplate) ?? "").compacted
    }

    /// The two plans: summaries (every template and the one that renders a summary alone) and
    /// pages (the summary partial spliced in as the post's rendered summary).
    static func plans(_ templates: [String: PlanBody]) throws -> (pages: RenderPlan, summaries: RenderPlan) {
        let post = SummaryContext.postVariable
        var all = templates
        all[summaryTemplate] = try builtin("{{#\(post)}}{{> \(summaryPartial)}}{{/\(post)}}")
        let summaries = RenderPlan(templates: all)
        return (summaries.replacing(summaryPartial, with: try builtin("{{{\(PostViews.summaryVariable)}}}")), summaries)
    }

    static let summaryTemplate = "chansite:summary"
    static let summaryPartial = "partials/post-summary"

    /// A template chansite writes itself.
    private static func builtin(_ text: String) throws -> PlanBody {
        do {
            return try TemplateParser.parse(text).body
        } catch {
            throw DiagnosticError(.error("chansite's own template '\(text)': \(error.message)"))
        }
    }

    /// A post on a page, for rendering its summary alone: the page's variables under the post's.
    struct SummaryContext: TemplateView {
        let page: PageView
        let post: PostView

        /// The name the summary template sees the post under.
        static let postVariable = "chansite_post"
        static let fields = ViewFields<Self>([:])

        func value(named name: ViewName) -> ViewValue? { name == Self.postName ? .view(post) : page.value(named: name) }
        static let postName = ViewName(postVariable)
    }

    /// Replaces the characters no output format allows (controls, U+FFFE/F) in templates and
    /// strings files with U+FFFD: pages use one of them to mark links to the root (`RootLinks`).
    static func withAllowedCharacters(_ sources: inout [String: Source]) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for name in sources.keys.sorted() {
            guard var source = sources[name] else { continue }
            let firstLine: Int
            if name.hasSuffix(".mustache"), let cleaned = TextDecoding.replacingForbidden(String(decoding: source.contents, as: UTF8.self)) {
                source.contents = Data(cleaned.text.utf8)
                firstLine = cleaned.firstLine
            } else if name.hasPrefix("strings/"), let cleaned = TextDecoding.replacingForbidden(inJSON: source.contents) {
                source.contents = cleaned.data
                firstLine = cleaned.firstLine
            } else {
                continue
            }
            sources[name] = source
            warnings.append(
                .warning(
                    "control characters or non-characters (first on line \(firstLine)) replaced with U+FFFD",
                    at: SourceLocation(path: source.shownPath, line: firstLine)))
        }
        return warnings
    }

    /// Checks every template: a missing partial, or an unknown variable in a built-in template,
    /// is an error; an unknown variable in the project's own template is a warning.
    static func check(_ parsed: [String: TemplateParser.Parsed], _ sources: [String: Source]) throws -> [Diagnostic] {
        let partials = Set(parsed.keys)
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for name in parsed.keys.sorted() {
            guard let template = parsed[name], let source = sources[name + ".mustache"] else { continue }
            let builtin = source.shownPath.hasPrefix(builtinFolder)
            for problem in TemplateCheck.problems(in: template.tags, partials: partials) {
                let location = SourceLocation(path: source.shownPath, line: problem.line)
                if problem.isMissingPartial || builtin {
                    errors.append(.error(problem.message, at: location))
                } else {
                    warnings.append(.warning(problem.message, at: location))
                }
            }
        }
        errors += includeCycles(parsed, sources)
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return warnings
    }

    /// A template that includes itself, directly or through others, is an error at the include
    /// that closes the cycle.
    static func includeCycles(_ parsed: [String: TemplateParser.Parsed], _ sources: [String: Source]) -> [Diagnostic] {
        let includes = parsed.mapValues { TemplateCheck.includes(in: $0.tags) }
        return TemplateCheck.cycles(includes).map { cycle in
            .error(
                "template '\(cycle.path[0])' includes itself (\(cycle.path.joined(separator: " → "))), which would never end",
                at: SourceLocation(path: sources[cycle.template + ".mustache"]?.shownPath ?? cycle.template, line: cycle.line))
        }
    }

    /// Every file under a templates folder (hidden ones skipped), by relative path.
    package static func read(folder: String) throws -> [String: Source] {
        var sources: [String: Source] = [:]
        let names = (FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []
        for name in names.sorted() where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
            let path = FileSystem.join(folder, name)
            guard !FileSystem.isDirectory(path) else { continue }
            guard let data = FileManager.default.contents(atPath: path) else {
                throw DiagnosticError(.error("cannot read template file", at: SourceLocation(path: path)))
            }
            sources[name] = Source(shownPath: path, contents: data)
        }
        return sources
    }
}

extension TemplateSet {
    /// Parses every `*.mustache` source, by its relative name without extension, and hashes the
    /// set's names and texts.
    /// - Throws: `DiagnosticError` naming the file, line and column of a syntax error, or the
    ///   required templates that are missing.
    static func parseTemplates(_ sources: [String: Source]) throws -> ([String: TemplateParser.Parsed], String) {
        var parsed: [String: TemplateParser.Parsed] = [:]
        var fingerprint = Fingerprint(ChansiteVersion.fingerprint)
        for name in sources.keys.sorted() {
            // Only templates shape pages; assets are written on their own, compared by bytes.
            guard let source = sources[name], name.hasSuffix(".mustache") else { continue }
            fingerprint.add(name)
            fingerprint.add(bytes: source.contents)
            do {
                parsed[String(name.dropLast(".mustache".count))] = try TemplateParser.parse(String(decoding: source.contents, as: UTF8.self))
            } catch {
                let location = SourceLocation(path: source.shownPath, line: error.line, column: error.column)
                throw DiagnosticError(.error("\(error.message) in '\(error.text.trimmingWhitespace())'", at: location))
            }
        }
        let missing = requiredTemplates.filter { parsed[$0] == nil }
        if !missing.isEmpty {
            throw DiagnosticError(missing.map { .error("template '\($0).mustache' is missing") })
        }
        return (parsed, fingerprint.hex)
    }
}
