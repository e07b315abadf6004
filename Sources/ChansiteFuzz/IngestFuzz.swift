import ChansiteAssemble
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import ChansiteRender
import Foundation

/// The whole ingest path on one input, as a fuzz target: the bytes decoded as a dump, parsed in
/// whichever format detection picks, assembled into a site model with the post bodies rendered,
/// and read as a Telegram Desktop export too. Any crash, hang or broken invariant is a bug.
enum IngestFuzz {
    static let renderer = MarkdownRenderer { _ in "../../tags/x/index.html" }
    static let formatted = FormattedText(tagURL: { _ in nil })

    static func run(_ data: Data) {
        let (dump, _) = DumpLoader().decode(data, path: "fuzz.txt")
        if let dump {
            let parsed = DumpParser().parse(dump)
            check(parsed, lineCount: dump.lines.count)
            let (site, _) = SiteAssembler(config: SiteConfig()).assemble([parsed, parsed])
            for post in site.allPosts.prefix(64) {
                _ = renderer.html(for: post.body, paragraphPerLine: post.post.paragraphPerLine)
                _ = post.heading
                _ = post.excerpt
            }
        }
        let (exports, _) = ExportReader().read(path: "fuzz/result.json", data: data)
        for post in exports.flatMap(\.posts).prefix(64) {
            _ = post.spans.map(formatted.html)
        }
    }

    /// Every post's lines lie inside the dump and come in input order.
    static func check(_ parsed: ParsedDump, lineCount: Int) {
        var last = 0
        for post in parsed.posts {
            precondition(post.source.firstLine >= 1 && post.source.lastLine <= lineCount, "a post outside the dump")
            precondition(post.source.firstLine <= post.source.lastLine, "a post ending before it starts")
            precondition(post.source.firstLine >= last, "posts out of order")
            last = post.source.firstLine
        }
        for dropped in parsed.droppedLines {
            precondition(dropped.line >= 1 && dropped.line <= lineCount, "a dropped line outside the dump")
        }
    }
}

/// The targets this binary runs, by name (`CHANSITE_FUZZ_TARGET`, or `--target` when
/// replaying): each keeps its own corpus under `Fuzz/`.
enum FuzzTarget: String, CaseIterable {
    /// Any bytes as a dump and as an export (`Fuzz/corpus`).
    case ingest
    /// Valid `result.json` with hostile values, built whole (`Fuzz/export-corpus`).
    case export
    /// Valid `chansite.json` with hostile values, built whole (`Fuzz/config-corpus`).
    case config
    /// Any bytes as a page of a Telegram Desktop HTML export (`Fuzz/html-corpus`).
    case html

    func run(_ data: Data) {
        switch self {
        case .ingest: IngestFuzz.run(data)
        case .export: ExportFuzz.run(data)
        case .config: ConfigFuzz.run(data)
        case .html: HTMLFuzz.run(data)
        }
    }

    static let fromEnvironment = ProcessInfo.processInfo.environment["CHANSITE_FUZZ_TARGET"].flatMap(FuzzTarget.init) ?? .ingest
}

#if FUZZING
    /// libFuzzer's entry point (`scripts/fuzz.sh`).
    @_cdecl("LLVMFuzzerTestOneInput")
    public func fuzzOneInput(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
        FuzzTarget.fromEnvironment.run(Data(bytes: start, count: count))
        return 0
    }
#else
    /// Without libFuzzer: runs a target over files (a corpus, or one crash to reproduce):
    /// `ChansiteFuzz [--target ingest|export|config] PATH…`.
    @main struct ReplayCorpus {
        static func main() throws {
            var inputs = 0
            var target = FuzzTarget.fromEnvironment
            var arguments = Array(CommandLine.arguments.dropFirst())
            if arguments.first == "--target", arguments.count > 1, let named = FuzzTarget(rawValue: arguments[1]) {
                target = named
                arguments.removeFirst(2)
            }
            for argument in arguments {
                let url = URL(fileURLWithPath: argument)
                // try?: a path that is not a folder is replayed as one input file.
                let names = (try? FileManager.default.contentsOfDirectory(atPath: argument))?.sorted().map { url.appendingPathComponent($0) } ?? [url]
                for file in names {
                    target.run(try Data(contentsOf: file))
                    inputs += 1
                }
            }
            print("ran \(Counted.of(inputs, "input")) without a crash")
        }
    }
#endif
