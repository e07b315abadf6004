import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteRender

/// The URL history file (`urls.tsv`): what `write` makes, `parse` reads back; a line that is
/// not one of its lines is skipped and the first such named.
@Suite struct URLHistoryTests {
    static let sketch = String(repeating: "0123abcd", count: WordSketch.slots)

    static func parse(_ text: String) -> (history: URLHistory, diagnostics: [Diagnostic]) {
        URLHistory.parse(Data(text.utf8), path: "w/urls.tsv")
    }

    @Test func whatIsWrittenIsReadBack() throws {
        var history = URLHistory()
        history.pages["channels/a/posts/1.html"] = .init(PageIdentity(kind: .post, key: 0x0123_4567_89AB_CDEF, channel: 42))
        history.pages["channels/a/posts/привет.html"] = .init(
            PageIdentity(kind: .textPost, key: 7, channel: nil), sketch: WordSketch(hex: Substring(Self.sketch)))
        history.pages["tags/x/index.html"] = .init(PageIdentity(kind: .tagPage, key: .max, channel: nil))
        var data = Data()
        history.write { data.append($0) }
        let read = URLHistory.parse(data, path: "w/urls.tsv")
        #expect(read.diagnostics.isEmpty)
        #expect(read.history == history)
    }

    /// The file's lines as the format note says, byte for byte: a history outlives versions.
    @Test func eachEntryIsWrittenAsItsLine() throws {
        var history = URLHistory()
        history.pages["b/x.html"] = .init(PageIdentity(kind: .post, key: 0xAB, channel: 0x0123_4567_89AB_CDEF))
        history.pages["a/y.html"] = .init(
            PageIdentity(kind: .textPost, key: .max, channel: nil), sketch: WordSketch(hex: Substring(Self.sketch)))
        var data = Data()
        history.write { data.append($0) }
        #expect(
            String(decoding: data, as: UTF8.self)
                == "chansite-urls 1\na/y.html\ttext\tffffffffffffffff\t-\t\(Self.sketch)\nb/x.html\tpost\t00000000000000ab\t0123456789abcdef\t-\n")
        #expect(WordSketch(hex: Substring(Self.sketch))?.hex == Self.sketch)
    }

    @Test func linesThatAreNotEntriesAreSkippedAndTheFirstNamed() {
        let good = "a/b.html\tpost\t00000000000000ff\t-\t-"
        let lines = [
            URLHistory.header,
            good,
            "",  // empty lines are not counted
            "a/c.html\tpost\t00000000000000ff\t-",  // four fields
            "a/d.html\tpost\t00000000000000ff\t-\t-\t",  // six
            "a/e.html\tpage\t00000000000000ff\t-\t-",  // no such kind
            "a/f.html\tpost\t00000000000000f\t-\t-",  // fifteen digits
            "a/g.html\tpost\t00000000000000fg\t-\t-",  // not hex
            "a/h.html\tpost\t０0000000000000ff\t-\t-",  // a fullwidth digit
            "a/i.html\tpost\t00000000000000ff\tx\t-",  // a channel that is not a key
            "a/j.html\tpost\t00000000000000ff\t-\tabc",  // a short sketch
            "/a/k.html\tpost\t00000000000000ff\t-\t-",  // absolute
            "assets/l.html\tpost\t00000000000000ff\t-\t-",  // a folder of files, not pages
            "a/../m.html\tpost\t00000000000000ff\t-\t-",
            "a/n.txt\tpost\t00000000000000ff\t-\t-",
            "a/o\u{7}.html\tpost\t00000000000000ff\t-\t-",
            "a/p.html\tpost\t00000000000000FF\t0000000000000001\t\(Self.sketch)",  // upper case is hex too
        ]
        let read = Self.parse(lines.joined(separator: "\n") + "\n")
        #expect(read.history.pages.keys.sorted() == ["a/b.html", "a/p.html"])
        #expect(read.history.pages["a/p.html"]?.channel == 1)
        #expect(read.history.pages["a/p.html"]?.key == 255)
        #expect(read.diagnostics.map(\.message) == ["13 lines of the URL history unreadable and skipped"])
        // The first bad line, counting non-empty lines from the header's.
        #expect(read.diagnostics.first?.location?.line == 3)
    }

    /// A path is split as the file system splits it: a `/` with a combining mark after it
    /// still ends a folder, so this one lies in `assets/`, and a segment starting with `.` so.
    @Test func pathsAreCheckedAsTheFileSystemSeesThem() {
        #expect(!URLHistory.isSitePath("assets/\u{301}q.html"))
        #expect(!URLHistory.isSitePath("a/.\u{301}q.html"))
        #expect(URLHistory.isSitePath("a/\u{301}q.html"))
        #expect(URLHistory.isSitePath("каналы/" + String(repeating: "я", count: 600) + ".html"))
        #expect(!URLHistory.isSitePath("a/" + String(repeating: "я", count: 1020) + ".html"))
    }

    @Test func aFileThatIsNotAHistoryKeepsNothing() {
        for text in [
            "", "\n\n", "chansite-urls 2\na/b.html\tpost\t00000000000000ff\t-\t-\n", "chansite-urls 1\r\na/b.html\tpost\t00000000000000ff\t-\t-\r\n",
        ] {
            let read = Self.parse(text)
            #expect(read.history.pages.isEmpty)
            #expect(read.diagnostics.count == 1)
        }
    }

    @Test func bytesThatAreNotUTF8ReadAsReplacementCharacters() {
        var data = Data((URLHistory.header + "\na/").utf8)
        data.append(contentsOf: [0xFF, 0xC3])
        data.append(contentsOf: Data(".html\tpost\t00000000000000ff\t-\t-\n".utf8))
        let read = URLHistory.parse(data, path: "w/urls.tsv")
        #expect(read.history.pages.keys.sorted() == ["a/\u{FFFD}\u{FFFD}.html"])
    }
}
