import ChansiteCore
import ChansiteModel
import Foundation

extension SiteConfig {
    /// Reads the configuration file; nil or a missing file gives the defaults.
    /// - Returns: the configuration and notes on what was read differently than written.
    /// - Throws: `DiagnosticError` naming the file (and line, where the JSON parser knows it).
    package static func load(path: String?, required: Bool = false) throws -> (config: SiteConfig, notes: [Diagnostic]) {
        if let path, required, !FileManager.default.fileExists(atPath: path) {
            throw DiagnosticError(.error("configuration file '\(path)' does not exist"))
        }
        guard let path, FileManager.default.fileExists(atPath: path) else { return (SiteConfig(), []) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw DiagnosticError(.error("cannot read the configuration file", at: SourceLocation(path: path)))
        }
        var config: SiteConfig
        do {
            config = try JSONDecoder().decode(SiteConfig.self, from: data).withAllowedCharacters()
        } catch let DecodingError.dataCorrupted(context) where !context.codingPath.isEmpty {
            throw DiagnosticError(.error(context.debugDescription, at: SourceLocation(path: path)))
        } catch let DecodingError.typeMismatch(_, context), let DecodingError.valueNotFound(_, context) {
            let key = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw DiagnosticError(.error("'\(key)' has the wrong type: \(context.debugDescription)", at: SourceLocation(path: path)))
        } catch {
            throw DiagnosticError(
                .error(
                    "not valid JSON: \((error as NSError).userInfo[NSDebugDescriptionErrorKey] ?? error)",
                    at: SourceLocation(path: path)))
        }
        if TimeZone(identifier: config.timeZone) == nil {
            throw DiagnosticError(
                .error(
                    "'timeZone': unknown time zone '\(config.timeZone)' (use an IANA name such as \"Europe/Berlin\" or \"UTC\")",
                    at: SourceLocation(path: path)))
        }
        try config.checkRanges(at: SourceLocation(path: path))
        var notes: [Diagnostic] = []
        switch LanguageTag.normalize(config.language) {
        case nil:
            throw DiagnosticError(
                .error(
                    "'language' '\(config.language)' is not a language tag (BCP 47, such as \"en\", \"ru\" or \"pt-BR\")",
                    at: SourceLocation(path: path)))
        case let tag? where tag != config.language:
            notes.append(
                .note("'language' '\(config.language)' read as '\(tag)' (language tags join their parts with '-')", at: SourceLocation(path: path)))
            config.language = tag
        default:
            break
        }
        for key in config.channelLanguages.keys.sorted() {
            let value = config.channelLanguages[key] ?? ""
            guard let tag = LanguageTag.normalize(value) else {
                throw DiagnosticError(
                    .error(
                        "'channelLanguages' '\(key)': '\(value)' is not a language tag (BCP 47, such as \"ar\" or \"zh-Hant\")",
                        at: SourceLocation(path: path)))
            }
            config.channelLanguages[key] = tag
        }
        return (config, notes)
    }

    /// Every number of the configuration within what a site can use: a page of Int.max posts
    /// would make arithmetic overflow and pages no browser opens.
    func checkRanges(at location: SourceLocation) throws {
        let checks: [(String, Int, ClosedRange<Int>)] = [
            ("postsPerPage", postsPerPage, 1...1000), ("tagPostsPerPage", tagPostsPerPage, 1...1000),
            ("homePostsPerChannel", homePostsPerChannel, 0...1000),
            ("postsPerFolder", postsPerFolder, 1...1_000_000), ("maxMediaFileSize", maxMediaFileSize, 0...(64 << 30)),
        ]
        for (key, value, range) in checks where !range.contains(value) {
            throw DiagnosticError(.error("'\(key)' must be from \(range.lowerBound) to \(range.upperBound), not \(value)", at: location))
        }
    }

    /// The configuration's texts with characters no output format allows (controls, U+FFFE)
    /// replaced, as the loader does for dumps: JSON can carry them escaped, pages cannot.
    func withAllowedCharacters() -> SiteConfig {
        func clean(_ text: String) -> String { TextDecoding.replacingForbidden(text)?.text ?? text }
        var config = self
        config.title = clean(title)
        config.description = clean(description)
        config.language = clean(language)
        config.channelLanguages = Dictionary(channelLanguages.map { (clean($0.key), clean($0.value)) }, uniquingKeysWith: { a, _ in a })
        config.baseURL = baseURL.map(clean)
        return config
    }
}
