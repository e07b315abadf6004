import ChansiteCore
import ChansiteModel
import Foundation
import Mustache

/// The Mustache templates of a site: the built-in ones, overridden file by file by the project's
/// templates folder. The only render code that reads files.
package struct TemplateSet: Sendable {
    /// The page templates every template set must have.
    package static let requiredTemplates = ["base", "index", "channel", "post", "tag", "tags", "search", "404"]
    /// How built-in files are named in messages.
    package static let builtinFolder = "(built-in templates)"

    package let library: MustacheLibrary
    /// `library` with `partials/post-summary` replaced by the post's summary rendered once per
    /// build (`PostView.summaryHTML`): what pages are rendered with.
    let pageLibrary: MustacheLibrary
    /// Both libraries compiled into render plans, what pages and summaries are rendered with;
    /// nil when a template uses what a plan does not render (then swift-mustache renders all).
    var plans: (pages: RenderPlan, summaries: RenderPlan)?
    package let folder: String
    /// Files beside the templates that are copied into the site as they are (under `assets/`).
    package let assets: [RenderedFile]
    /// A hash of every template's name and text (not the assets): part of every page's fingerprint.
    package let fingerprint: String
    /// Unknown variables in the project's own templates (file and line); they render as nothing.
    package let warnings: [Diagnostic]
    /// `strings/<language>.json` files, built in and the project's.
    let stringsFiles: [String: Source]

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
        let (library, fingerprint) = try Self.loadLibrary(sources)
        self.warnings = cleaning + (try Self.check(sources))
        self.library = library
        self.pageLibrary = try Self.splicing(library)
        self.plans = Self.plans(library: library, pageLibrary: pageLibrary, sources: sources.keys)
        self.fingerprint = fingerprint
        self.stringsFiles = sources.filter { $0.key.hasPrefix("strings/") && $0.key.hasSuffix(".json") }
        self.assets = sources.keys.sorted().filter { $0.hasPrefix("assets/") }.compactMap { name in
            sources[name].map { RenderedFile(path: name, contents: $0.contents) }
        }
    }

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
        guard let plans else { return pageLibrary.render(page, withTemplate: page.template) ?? "" }
        return plans.pages.render(page, template: page.template) ?? ""
    }

    /// Renders `partials/post-summary` for `post` as it would be inside `page`.
    func renderSummary(of post: PostView, on page: PageView) -> String {
        // Kept for the whole render (every listing splices it): stored tight.
        let context = SummaryContext(page: page, post: post)
        guard let plans else { return (library.render(context, withTemplate: Self.summaryTemplate) ?? "").compacted }
        return (plans.summaries.render(context, template: Self.summaryTemplate) ?? "").compacted
    }

    /// Compiles both libraries: every template the sources name, and the summary's own.
    static func plans(library: MustacheLibrary, pageLibrary: MustacheLibrary, sources: some Collection<String>) -> (RenderPlan, RenderPlan)? {
        let names = sources.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) } + [summaryTemplate]
        // The page library differs in one partial: compiled once, then that partial swapped.
        guard let summaries = RenderPlan(library, names: names), let pages = summaries.replacing(summaryPartial, from: pageLibrary) else {
            return nil
        }
        return (pages, summaries)
    }

    static let summaryTemplate = "chansite:summary"
    static let summaryPartial = "partials/post-summary"

    /// The page library: the summary partial becomes its spliced text, and the template that
    /// renders a summary on its own is added to the full one.
    static func splicing(_ library: MustacheLibrary) throws -> MustacheLibrary {
        var pages = library
        pages.register(try MustacheTemplate(string: HTMLEscaper.pragma + "\n{{{\(PostViews.summaryVariable)}}}"), named: summaryPartial)
        return pages
    }

    /// A post on a page, for rendering its summary alone: the page's variables under the post's.
    struct SummaryContext: TemplateView {
        let page: PageView
        let post: PostView

        /// The name the summary template sees the post under.
        static let postVariable = "chansite_post"
        static let fields = ViewFields<Self>([:])

        func value(named name: String) -> ViewValue? { name == Self.postVariable ? .view(post) : page.value(named: name) }
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
    static func check(_ sources: [String: Source]) throws -> [Diagnostic] {
        let partials = Set(sources.keys.filter { $0.hasSuffix(".mustache") }.map { String($0.dropLast(".mustache".count)) })
        var errors: [Diagnostic] = []
        var warnings: [Diagnostic] = []
        for name in sources.keys.sorted() where name.hasSuffix(".mustache") {
            guard let source = sources[name] else { continue }
            let builtin = source.shownPath.hasPrefix(builtinFolder)
            for problem in TemplateCheck.problems(in: String(decoding: source.contents, as: UTF8.self), partials: partials) {
                let location = SourceLocation(path: source.shownPath, line: problem.line)
                if problem.isMissingPartial || builtin {
                    errors.append(.error(problem.message, at: location))
                } else {
                    warnings.append(.warning(problem.message, at: location))
                }
            }
        }
        errors += includeCycles(sources)
        if !errors.isEmpty { throw DiagnosticError(errors) }
        return warnings
    }

    /// A template that includes itself, directly or through others, is an error at the include
    /// that closes the cycle.
    static func includeCycles(_ sources: [String: Source]) -> [Diagnostic] {
        var includes: [String: [(name: String, line: Int)]] = [:]
        var paths: [String: String] = [:]
        for (name, source) in sources where name.hasSuffix(".mustache") {
            let template = String(name.dropLast(".mustache".count))
            includes[template] = TemplateCheck.includes(in: String(decoding: source.contents, as: UTF8.self))
            paths[template] = source.shownPath
        }
        return TemplateCheck.cycles(includes).map { cycle in
            .error(
                "template '\(cycle.path[0])' includes itself (\(cycle.path.joined(separator: " → "))), which would never end",
                at: SourceLocation(path: paths[cycle.template] ?? cycle.template, line: cycle.line))
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

    static func describe(_ error: any Error) -> String {
        guard let error = error as? MustacheTemplate.Error else { return "\(error)" }
        switch error {
        case .sectionCloseNameIncorrect: return "section closed with the wrong name"
        case .unfinishedName: return "unfinished tag name"
        case .expectedSectionEnd: return "section is never closed"
        case .invalidSetDelimiter: return "invalid set-delimiter tag"
        default: return "template syntax error (\(error))"
        }
    }
}

extension TemplateSet {
    /// Registers every `*.mustache` source by its relative name without extension.
    static func loadLibrary(_ sources: [String: Source]) throws -> (MustacheLibrary, String) {
        _ = HTMLEscaper.registered
        var library = MustacheLibrary()
        var fingerprint = Fingerprint(ChansiteVersion.fingerprint)
        for name in sources.keys.sorted() {
            // Only templates shape pages; assets are written on their own, compared by bytes.
            guard let source = sources[name], name.hasSuffix(".mustache") else { continue }
            fingerprint.add(name)
            fingerprint.add(bytes: source.contents)
            let text = String(decoding: source.contents, as: UTF8.self)
            do {
                // Every template escapes with chansite's escaper: a standalone pragma line, which
                // renders as nothing (error lines are counted without it).
                let template = try MustacheTemplate(string: HTMLEscaper.pragma + "\n" + text)
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(path: source.shownPath, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                let line = error.context.line.trimmingWhitespace()
                throw DiagnosticError(.error("\(describe(error.error)) in '\(line)'", at: location))
            }
        }
        let post = SummaryContext.postVariable
        library.register(try MustacheTemplate(string: "{{#\(post)}}{{> \(summaryPartial)}}{{/\(post)}}"), named: summaryTemplate)
        let missing = requiredTemplates.filter { library.getTemplate(named: $0) == nil }
        if !missing.isEmpty {
            throw DiagnosticError(missing.map { .error("template '\($0).mustache' is missing") })
        }
        return (library, fingerprint.hex)
    }
}
