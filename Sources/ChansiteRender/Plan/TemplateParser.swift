/// Parses a Mustache template into the steps `RenderPlan` renders, and lists its tags for
/// `TemplateCheck`: one parse for both.
///
/// The grammar is the Mustache spec's with inheritance (`{{<parent}}`, `{{$block}}`) and the
/// `{{% CONTENT_TYPE: TEXT}}` pragma. Whitespace follows swift-mustache 2.1, which chansite's
/// templates were written against, so pages stay byte for byte as they were (the tests render
/// random templates through both): a standalone tag line (a section, a comment, a partial …
/// alone on its line) renders nothing; text is one step per line; a standalone partial keeps its
/// indentation. Transforms (`{{uppercased(name)}}`) and dynamic partials (`{{>*name}}`) are
/// swift-mustache extensions that chansite's templates do not have: they are syntax errors.
struct TemplateParser {
    /// A syntax error: what, and where (line and column counted from 1, in Characters).
    struct Failure: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
        /// The line's text, for the message.
        var text: String
    }

    /// One tag as written, for `TemplateCheck`: its sigil (`#`, `^`, `/`, `&`, `>`, `<`, `$`,
    /// `!`, `=`, `%`, or none), its name and its line.
    struct Tag: Equatable {
        var sigil: String
        var name: String
        var line: Int
    }

    /// What one parse gives: the steps and every tag in order.
    struct Parsed {
        var body: PlanBody
        var tags: [Tag]
    }

    private let characters: [Character]
    private var position = 0
    /// Where the tag being read starts: where a syntax error in it is reported.
    private var tagStart = 0
    /// Each tag with the position it starts at; lines are counted once, at the end.
    private var tagsAt: [(sigil: String, name: String, position: Int)] = []

    /// Parses `text`.
    /// - Throws: `Failure` at the first syntax error.
    static func parse(_ text: String) throws(Failure) -> Parsed {
        var parser = TemplateParser(characters: Array(text))
        do {
            let pieces = try parser.parse(State())
            return Parsed(body: PlanBody(steps: pieces.compactMap(\.step)), tags: parser.tags())
        } catch {
            throw parser.failure(error)
        }
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    /// What a parse of one level carries down (swift-mustache's parser state).
    struct State {
        /// The section, block or parent being read, and where its tag starts; nil at the top.
        var section: String?
        var sectionStart = 0
        /// Whether the text read so far on this line is only whitespace.
        var newLine = true
        /// Inside a parent's `{{<name}}…{{/name}}`, and directly in it (not in one of its blocks).
        var inParent = false
        var parentTopLevel = false
        /// The whitespace the first line inside a parent's block had, dropped from its others.
        var parentIndent: Int?
        var open: [Character] = ["{", "{"]
        var close: [Character] = ["}", "}"]

        func entering(_ name: String, at start: Int, newLine: Bool) -> State {
            var state = self
            (state.section, state.sectionStart) = (name, start)
            state.parentTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func enteringParent(_ name: String, at start: Int) -> State {
            var state = self
            (state.section, state.sectionStart) = (name, start)
            (state.newLine, state.inParent, state.parentTopLevel) = (true, true, true)
            return state
        }
    }

    /// One result of a level: a step, or a block a parent overrides.
    enum Piece {
        case step(PlanStep)
        case definition(String, PlanBody)

        var step: PlanStep? {
            if case .step(let step) = self { return step }
            return nil
        }
    }

    enum Syntax: Error {
        case wrongClose(expected: String?, found: String)
        case unfinishedName
        case neverClosed(String)
        case invalidDelimiters
        case unfinishedComment
        case transform(String)
        case dynamicPartial(String)
        case insideParent
        case pragma(String)
    }

    /// Parses until the end of `state.section` (its closing tag consumed) or of the text.
    private mutating func parse(_ initial: State) throws(Syntax) -> [Piece] {
        var pieces: [Piece] = []
        var state = initial
        var whitespace = ""
        func flushWhitespace() {
            if !whitespace.isEmpty { pieces.append(.step(.text(whitespace))) }
            whitespace = ""
        }
        while position < characters.count {
            if state.newLine {
                let read = String(read { $0 == " " || $0 == "\t" })
                if state.inParent && !state.parentTopLevel {
                    if let indent = state.parentIndent {
                        whitespace = String(read.dropFirst(indent))
                    } else {
                        state.parentIndent = read.count
                    }
                } else {
                    whitespace = read
                }
            }
            let text = try textUntilTagOrNewline(state)
            if let character = current, character.isNewline {
                pieces.append(.step(.text(whitespace + text + String(character))))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                pieces.append(.step(.text(whitespace + text)))
                whitespace = ""
                state.newLine = false
            }
            guard let sigil = current else { break }
            tagStart = position - state.open.count
            var standalone = false
            switch sigil {
            case "#", "^":
                position += 1
                let name = try name(state, sigil: String(sigil), at: tagStart)
                standalone = isStandalone(state)
                if !standalone { flushWhitespace() }
                let body = PlanBody(steps: try parse(state.entering(name, at: tagStart, newLine: standalone)).compactMap(\.step))
                pieces.append(.step(sigil == "#" ? .section(PlanPath(name), body) : .inverted(PlanPath(name), body)))
            case "/":
                position += 1
                let name = try name(state, sigil: "/", at: tagStart)
                guard name == state.section else { throw .wrongClose(expected: state.section, found: name) }
                if !isStandalone(state) { flushWhitespace() }
                return pieces
            case "!":
                position += 1
                try skipComment(state)
                record("!", "", at: tagStart)
                standalone = isStandalone(state)
            case "{", "&":
                flushWhitespace()
                position += 1
                let name = try name(state, sigil: "&", at: tagStart)
                if sigil == "{" {
                    guard current == "}" else { throw .unfinishedName }
                    position += 1
                }
                pieces.append(.step(.variable(PlanPath(name), escaped: false)))
            case ">":
                position += 1
                let name = try partialName(state, sigil: ">", at: tagStart)
                if !whitespace.isEmpty { pieces.append(.step(.text(whitespace))) }
                standalone = isStandalone(state)
                pieces.append(.step(.partial(name, indentation: standalone ? whitespace : nil, overrides: nil)))
                whitespace = ""
            case "<":
                position += 1
                let name = try partialName(state, sigil: "<", at: tagStart)
                if !whitespace.isEmpty { pieces.append(.step(.text(whitespace))) }
                standalone = isStandalone(state)
                var overrides: [String: PlanBody] = [:]
                for piece in try parse(state.enteringParent(name, at: tagStart)) {
                    switch piece {
                    case .definition(let block, let body): overrides[block] = body
                    case .step(.text): continue
                    case .step: throw .insideParent
                    }
                }
                pieces.append(.step(.partial(name, indentation: whitespace, overrides: overrides)))
                whitespace = ""
            case "$":
                position += 1
                let name = try name(state, sigil: "$", at: tagStart)
                if state.parentTopLevel {
                    standalone = isStandalone(state)
                    let body = PlanBody(steps: try parse(state.entering(name, at: tagStart, newLine: standalone)).compactMap(\.step))
                    pieces.append(.definition(name, body))
                } else {
                    if !whitespace.isEmpty { pieces.append(.step(.text(whitespace))) }
                    standalone = isStandalone(state)
                    let body = PlanBody(steps: try parse(state.entering(name, at: tagStart, newLine: standalone)).compactMap(\.step))
                    pieces.append(.step(.block(name, fallback: body, indentation: whitespace)))
                    whitespace = ""
                }
            case "=":
                position += 1
                state = try delimiters(state)
                record("=", "", at: tagStart)
                standalone = isStandalone(state)
            case "%":
                position += 1
                pieces.append(.step(.escaping(try pragma(state, at: tagStart))))
                standalone = isStandalone(state)
            default:
                flushWhitespace()
                pieces.append(.step(.variable(PlanPath(try name(state, sigil: "", at: tagStart)), escaped: true)))
            }
            state.newLine = standalone
        }
        if let section = state.section {
            tagStart = state.sectionStart
            throw .neverClosed(section)
        }
        return pieces
    }
}

extension TemplateParser {
    private var current: Character? { position < characters.count ? characters[position] : nil }

    @discardableResult
    private mutating func read(while accept: (Character) -> Bool) -> ArraySlice<Character> {
        let start = position
        while position < characters.count, accept(characters[position]) { position += 1 }
        return characters[start..<position]
    }

    private mutating func readIfNext(_ expected: [Character]) -> Bool {
        guard position + expected.count <= characters.count, characters[position..<position + expected.count].elementsEqual(expected)
        else { return false }
        position += expected.count
        return true
    }

    /// Text up to a line break (not consumed) or past an opening delimiter (consumed).
    private mutating func textUntilTagOrNewline(_ state: State) throws(Syntax) -> String {
        var text = ""
        while let character = current {
            if character == "\n" || character == "\r\n" { break }
            if character == state.open[0], readIfNext(state.open) { break }
            text.append(character)
            position += 1
        }
        return text
    }

    /// A tag line is standalone when only whitespace came before the tag on its line and only
    /// whitespace follows it to the line break (consumed) or the end.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        guard position < characters.count else { return true }
        var end = position
        while end < characters.count, characters[end] == " " || characters[end] == "\t" { end += 1 }
        guard end < characters.count, characters[end].isNewline else { return false }
        position = end + 1
        return true
    }

    /// A variable or section name up to the closing delimiter.
    private mutating func name(_ state: State, sigil: String, at start: Int) throws(Syntax) -> String {
        read(while: \.isWhitespace)
        let name = String(read { Self.nameCharacters.contains($0) || $0 == "(" || $0 == ")" })
        read(while: \.isWhitespace)
        guard readIfNext(state.close) else { throw .unfinishedName }
        if name.contains("(") || name.contains(")") { throw .transform(name) }
        record(sigil, name, at: start)
        return name
    }

    private mutating func partialName(_ state: State, sigil: String, at start: Int) throws(Syntax) -> String {
        read(while: \.isWhitespace)
        if current == "*" { throw .dynamicPartial(String(read { !$0.isWhitespace && $0 != state.close[0] })) }
        let name = String(read { Self.nameCharacters.contains($0) || $0 == "/" })
        read(while: \.isWhitespace)
        guard readIfNext(state.close) else { throw .unfinishedName }
        record(sigil, name, at: start)
        return name
    }

    private mutating func skipComment(_ state: State) throws(Syntax) {
        while position < characters.count {
            if readIfNext(state.close) { return }
            position += 1
        }
        throw .unfinishedComment
    }

    /// `{{=<% %>=}}`: the new delimiters, each at least one character.
    private mutating func delimiters(_ state: State) throws(Syntax) -> State {
        read(while: \.isWhitespace)
        let open = Array(read { !$0.isWhitespace })
        read(while: \.isWhitespace)
        let close = Array(read { $0 != "=" && !$0.isWhitespace })
        read(while: \.isWhitespace)
        guard !open.isEmpty, !close.isEmpty, position < characters.count, readIfNext(["="]), readIfNext(state.close) else {
            throw .invalidDelimiters
        }
        var changed = state
        (changed.open, changed.close, changed.parentTopLevel) = (open, close, false)
        return changed
    }

    /// `{{% CONTENT_TYPE: TEXT}}`: how the rest of the template escapes.
    private mutating func pragma(_ state: State, at start: Int) throws(Syntax) -> PlanEscaping {
        read(while: \.isWhitespace)
        let key = String(read { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard readIfNext([":"]) else { throw .pragma(key) }
        read(while: \.isWhitespace)
        let value = String(read { Self.nameCharacters.contains($0) })
        read(while: \.isWhitespace)
        guard readIfNext(state.close), key == "CONTENT_TYPE" else { throw .pragma(key) }
        record("%", value, at: start)
        switch value {
        case "TEXT": return .text
        case "HTML", HTMLEscaper.name: return .chansite
        default: throw .pragma("CONTENT_TYPE: " + value)
        }
    }

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")

    private mutating func record(_ sigil: String, _ name: String, at start: Int) {
        tagsAt.append((sigil, name, start))
    }

    /// The tags with their lines, counted in one pass (tags are recorded in text order).
    private func tags() -> [Tag] {
        var line = 1
        var counted = 0
        return tagsAt.map { tag in
            while counted < tag.position {
                if characters[counted].isNewline { line += 1 }
                counted += 1
            }
            return Tag(sigil: tag.sigil, name: tag.name, line: line)
        }
    }

    /// `error` at the tag it is in: line, column and the line's text.
    private func failure(_ error: Syntax) -> Failure {
        let stop = min(tagStart, characters.count)
        let line = characters[..<stop].filter(\.isNewline).count + 1
        let lineStart = characters[..<stop].lastIndex(where: \.isNewline).map { $0 + 1 } ?? 0
        let lineEnd = characters[stop...].firstIndex(where: \.isNewline) ?? characters.count
        return Failure(
            message: Self.message(error), line: line, column: stop - lineStart + 1, text: String(characters[lineStart..<lineEnd]))
    }

    static func message(_ error: Syntax) -> String {
        switch error {
        case .wrongClose(let expected?, let found): "section '\(expected)' closed as '\(found)'"
        case .wrongClose(nil, let found): "'\(found)' closed but never opened"
        case .unfinishedName: "unfinished tag name"
        case .neverClosed(let name): "section '\(name)' is never closed"
        case .invalidDelimiters: "invalid set-delimiter tag"
        case .unfinishedComment: "comment is never closed"
        case .transform(let name): "'\(name)': chansite's templates have no transforms"
        case .dynamicPartial(let name): "'>\(name)': chansite's templates have no dynamic partials"
        case .insideParent: "only blocks ({{$name}}) may stand inside a parent ({{<name}})"
        case .pragma(let text): "unknown pragma '\(text)' (only CONTENT_TYPE: HTML or TEXT)"
        }
    }
}
