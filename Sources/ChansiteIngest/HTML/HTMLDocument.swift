import CLibXML2
import ChansiteCore
import Foundation

/// An HTML file parsed by libxml2, wrapped once: nothing else in chansite imports the C module.
/// Parsing recovers from any markup, never touches the network, never prints, always reads
/// UTF-8, and keeps deep trees whole (`XML_PARSE_HUGE`: without it libxml2 silently drops
/// everything nested deeper than 256 levels, and exports from client versions 4.15–5.8 nest
/// every message of a file inside the one before). Walks are iterative, so 10,000 levels of
/// nesting cannot overflow the stack.
final class HTMLDocument: @unchecked Sendable {
    private let document: htmlDocPtr

    private static let options = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue | HTML_PARSE_NONET.rawValue
            | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue | XML_PARSE_BIG_LINES.rawValue)

    /// libxml2's one-time set-up and silence, before any thread parses.
    private static let prepared: Bool = {
        xmlInitParser()
        return true
    }()

    /// Parses `data`; nil only when libxml2 makes no document at all (empty input).
    init?(data: Data) {
        _ = Self.prepared
        chansite_xml_silence()
        guard data.count < Int(Int32.max), !data.isEmpty else { return nil }
        let parsed = data.withUnsafeBytes { raw -> htmlDocPtr? in
            guard let base = raw.baseAddress?.assumingMemoryBound(to: CChar.self) else { return nil }
            return htmlReadMemory(base, Int32(raw.count), nil, "UTF-8", Self.options)
        }
        guard let parsed else { return nil }
        document = parsed
    }

    deinit { xmlFreeDoc(document) }

    /// An untrusted page parsed after `HTMLRepair`, with a warning naming the file for what was
    /// repaired or why there is no document.
    static func parse(_ data: Data, path: String) -> (document: HTMLDocument?, diagnostics: [Diagnostic]) {
        let (clean, repaired) = HTMLRepair.repair(data)
        var diagnostics: [Diagnostic] = []
        if let line = repaired {
            diagnostics.append(
                .warning(
                    "bytes that are not UTF-8 or characters no page may show replaced with U+FFFD (first on line \(line))",
                    at: SourceLocation(path: path, line: line)))
        }
        let document = HTMLDocument(data: clean)
        if document?.root == nil {
            diagnostics.append(.warning("an empty or unreadable HTML page; skipped", at: SourceLocation(path: path)))
        }
        return (document, diagnostics)
    }

    /// Moves `elements` (in the order given) out of wherever they are nested to the end of the
    /// root element, so none contains another: a record that markup nests inside an earlier one
    /// (an unclosed table, or a hostile page nesting thousands) is then read alone, and every
    /// walk over one record stays within it — linear in the page, however deep the nesting.
    func detach(_ elements: [HTMLElement]) {
        guard let root = xmlDocGetRootElement(document) else { return }
        for element in elements where element.node != root {
            xmlUnlinkNode(element.node)
            xmlAddChild(root, element.node)
        }
    }

    /// The root element (`<html>`), when there is one.
    var root: HTMLElement? {
        xmlDocGetRootElement(document).map { HTMLElement(node: $0, document: self) }
    }
}

/// An element of an `HTMLDocument`; equal when it is the same node. Elements live only during
/// a walk of their document, which the walk holds (the readers turn what they find into
/// values before they let the document go), so an element does not retain it: a page is
/// walked element by element, and counting references to the document was a tenth of reading.
struct HTMLElement: Hashable {
    static func == (a: HTMLElement, b: HTMLElement) -> Bool { a.node == b.node }
    func hash(into hasher: inout Hasher) { hasher.combine(node) }

    let node: xmlNodePtr
    unowned(unsafe) let document: HTMLDocument

    /// The tag name, lower case (`div`, `a`, `tg-emoji`).
    var name: String { node.pointee.name.map { String(cString: $0) } ?? "" }

    /// The 1-based line the element starts on in its file.
    var line: Int { Int(xmlGetLineNo(node)) }

    /// An attribute's value, entities decoded; nil when absent.
    func attribute(_ name: String) -> String? {
        guard let value = xmlGetProp(node, name) else { return nil }
        defer { chansite_xml_free(value) }
        return String(cString: value)
    }

    /// Whether the class attribute holds `name` as one of its tokens, split on ASCII whitespace
    /// as HTML splits them (real pages hold tabs and odd spacing),
    /// read in place (no copy: pages are walked class by class, millions of times).
    func hasClass(_ name: String) -> Bool {
        guard let attribute = xmlHasProp(node, "class"), let text = attribute.pointee.children?.pointee.content else { return false }
        var wanted = name
        return wanted.withUTF8 { token -> Bool in
            var i = 0
            while text[i] != 0 {
                while text[i] != 0, Self.isSpace(text[i]) { i += 1 }
                var j = 0
                while j < token.count, text[i + j] == token[j] { j += 1 }
                if j == token.count, text[i + j] == 0 || Self.isSpace(text[i + j]) { return true }
                while text[i] != 0, !Self.isSpace(text[i]) { i += 1 }
            }
            return false
        }
    }

    /// Which of `names` the class attribute holds, as bits (bit `i` for `names[i]`), from one
    /// read of the attribute: a record's parts are sorted by class in one pass.
    func classBits(_ names: ClassNames) -> UInt64 {
        guard let attribute = xmlHasProp(node, "class"), let text = attribute.pointee.children?.pointee.content else { return 0 }
        var bits: UInt64 = 0
        var i = 0
        while text[i] != 0 {
            while text[i] != 0, Self.isSpace(text[i]) { i += 1 }
            let start = i
            while text[i] != 0, !Self.isSpace(text[i]) { i += 1 }
            guard i > start else { break }
            let token = UnsafeBufferPointer(start: text + start, count: i - start)
            for (bit, name) in names.bytes.enumerated() where name.elementsEqual(token) { bits |= 1 << UInt64(bit) }
        }
        return bits
    }

    private static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C }

    func hasClasses(_ names: String...) -> Bool {
        names.allSatisfy(hasClass)
    }

    /// Whether the element's tag is `tag` (lower case), compared in place.
    func isTag(_ tag: String) -> Bool { Self.isTag(node, tag) }

    fileprivate static func isTag(_ node: xmlNodePtr, _ tag: String) -> Bool {
        guard let own = node.pointee.name else { return false }
        var wanted = tag
        return wanted.withUTF8 { bytes in
            var i = 0
            while i < bytes.count, own[i] == bytes[i] { i += 1 }
            return i == bytes.count && own[i] == 0
        }
    }

    /// The element and text children, in order (comments and the rest left out).
    var children: [HTMLNode] {
        var out: [HTMLNode] = []
        var child = node.pointee.children
        while let current = child {
            switch current.pointee.type {
            case XML_ELEMENT_NODE: out.append(.element(HTMLElement(node: current, document: document)))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE: out.append(.text(Self.content(of: current)))
            default: break
            }
            child = current.pointee.next
        }
        return out
    }

    var childElements: [HTMLElement] {
        children.compactMap { if case .element(let element) = $0 { element } else { nil } }
    }

    /// Every element below this one in document order (not this one), optionally not
    /// descending into elements `stop` accepts (they are still listed).
    func descendants(stoppingAt stop: ((HTMLElement) -> Bool)? = nil) -> [HTMLElement] {
        var out: [HTMLElement] = []
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        // Depth-first, iteratively: the next sibling waits on the stack while a child is walked.
        while true {
            guard let current = child else {
                guard let next = stack.popLast() else { break }
                child = next
                continue
            }
            if current.pointee.type == XML_ELEMENT_NODE {
                let element = HTMLElement(node: current, document: document)
                out.append(element)
                if let sibling = current.pointee.next { stack.append(sibling) }
                if stop?(element) == true {
                    child = nil
                } else {
                    child = current.pointee.children
                }
            } else {
                child = current.pointee.next
            }
        }
        return out
    }

    /// The first descendant (document order) that `match` accepts.
    func first(_ match: (HTMLElement) -> Bool) -> HTMLElement? {
        descendants().first(where: match)
    }

    /// The first descendant with all these classes.
    func first(class names: String...) -> HTMLElement? {
        descendants().first { element in names.allSatisfy(element.hasClass) }
    }

    /// All text below the element, with `<br>` as a line break.
    var text: String {
        var out = ""
        var stack: [xmlNodePtr] = []
        var child = node.pointee.children
        while true {
            guard let current = child else {
                guard let next = stack.popLast() else { break }
                child = next
                continue
            }
            if let sibling = current.pointee.next { stack.append(sibling) }
            switch current.pointee.type {
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                out += Self.content(of: current)
                child = nil
            case XML_ELEMENT_NODE:
                if Self.isTag(current, "br") { out += "\n" }
                child = current.pointee.children
            default:
                child = nil
            }
        }
        return out
    }

    fileprivate static func content(of node: xmlNodePtr) -> String {
        node.pointee.content.map { String(cString: $0) } ?? ""
    }
}

/// Class names to look for together (`HTMLElement.classBits`), at most 64.
struct ClassNames: Sendable {
    let bytes: [[UInt8]]

    init(_ names: [String]) {
        precondition(names.count <= 64)
        bytes = names.map { Array($0.utf8) }
    }

    /// The bit of `name`, which must be one of the names.
    func bit(_ name: String) -> UInt64 {
        guard let index = bytes.firstIndex(of: Array(name.utf8)) else { preconditionFailure("\(name) is not looked for") }
        return 1 << UInt64(index)
    }
}

/// A child of an element: an element or a run of text.
enum HTMLNode {
    case element(HTMLElement)
    case text(String)
}
