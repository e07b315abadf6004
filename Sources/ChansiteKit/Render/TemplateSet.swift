import Foundation
import Mustache

/// The Mustache templates of a site, loaded from a folder: the only render code that reads files.
public struct TemplateSet: Sendable {
    /// The page templates every template folder must have.
    public static let requiredTemplates = ["base", "index", "channel", "post", "tag", "tags", "search", "404"]

    public let library: MustacheLibrary
    public let folder: String
    /// Files beside the templates that are copied into the site as they are (under `assets/`).
    public let assets: [RenderedFile]
    /// A hash of every template's name and text: part of every page's fingerprint.
    public let fingerprint: String

    /// Loads every `*.mustache` file under `folder` (partials by relative name, `partials/header`).
    /// - Throws: `DiagnosticError` naming the template file, line and column of a syntax error,
    ///   or the templates that are missing.
    public init(folder: String) throws {
        self.folder = folder
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw DiagnosticError(.error("templates folder '\(folder)' does not exist"))
        }
        let (library, fingerprint) = try Self.loadLibrary(folder: folder)
        let missing = Self.requiredTemplates.filter { library.getTemplate(named: $0) == nil }
        if !missing.isEmpty {
            throw DiagnosticError(
                missing.map {
                    .error("template '\($0).mustache' is missing", at: SourceLocation(path: FileSystem.join(folder, "\($0).mustache")))
                })
        }
        self.library = library
        self.fingerprint = fingerprint
        self.assets = try Self.loadAssets(folder: folder)
    }

    /// Renders a template; a missing partial renders as nothing, as Mustache specifies.
    public func render(_ template: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: template) ?? ""
    }

    static func loadAssets(folder: String) throws -> [RenderedFile] {
        let assetsFolder = FileSystem.join(folder, "assets")
        let fm = FileManager.default
        guard let names = fm.enumerator(atPath: assetsFolder)?.allObjects as? [String] else { return [] }
        var files: [RenderedFile] = []
        for name in names.sorted() {
            var isDirectory: ObjCBool = false
            let path = FileSystem.join(assetsFolder, name)
            guard fm.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else { continue }
            guard let data = fm.contents(atPath: path) else {
                throw DiagnosticError(.error("cannot read asset", at: SourceLocation(path: path)))
            }
            files.append(RenderedFile(path: "assets/" + name, contents: data))
        }
        return files
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
    /// Registers every `*.mustache` file under `folder` by its relative name without extension.
    static func loadLibrary(folder: String) throws -> (MustacheLibrary, String) {
        _ = HTMLEscaper.registered
        var library = MustacheLibrary()
        var fingerprint = Fingerprint(ChansiteVersion.current)
        let fm = FileManager.default
        let names = ((fm.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
        for name in names where name.hasSuffix(".mustache") {
            let path = FileSystem.join(folder, name)
            guard let data = fm.contents(atPath: path) else {
                throw DiagnosticError(.error("cannot read template", at: SourceLocation(path: path)))
            }
            fingerprint.add(name)
            fingerprint.add(String(decoding: data, as: UTF8.self))
            do {
                // Every template escapes with chansite's escaper: a standalone pragma line, which
                // renders as nothing (error lines are counted without it).
                let template = try MustacheTemplate(string: HTMLEscaper.pragma + "\n" + String(decoding: data, as: UTF8.self))
                library.register(template, named: String(name.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                let location = SourceLocation(path: path, line: max(1, error.context.lineNumber - 1), column: error.context.columnNumber)
                let line = error.context.line.trimmingWhitespace()
                throw DiagnosticError(.error("\(describe(error.error)) in '\(line)'", at: location))
            }
        }
        return (library, fingerprint.hex)
    }
}
