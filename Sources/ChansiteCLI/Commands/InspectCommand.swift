import ArgumentParser
import ChansiteCore
import ChansiteIngest
import ChansiteModel
import Foundation

extension Chansite {
    /// Parses one dump and shows what chansite made of it.
    struct Inspect: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show how a dump, an export or saved pages are read: format, channel, posts and diagnostics.")

        @Argument(
            help:
                "A text copy of a channel (*.txt), a Telegram Desktop export (its folder, its result.json or one of its messages*.html pages), or a saved t.me/s page or a folder of them."
        )
        var file: String

        @Flag(
            help:
                "Print the parse as JSON: an object with the format, the channel, every post and every dropped line (fields described in chansite's docs/inspect-json.md)."
        )
        var json = false

        func run() throws {
            if let export = ExportReader.resultFile(of: file) {
                try inspectExport(export)
                return
            }
            let pages = DesktopHTMLReader.pages(of: file)
            if !pages.isEmpty {
                try inspectHTMLExport(folder: FileSystem.isDirectory(file) ? file : PathName.parent(file), pages: pages)
                return
            }
            let saved = DesktopHTMLReader.previewPages(of: file)
            if !saved.isEmpty {
                var files: [(path: String, data: Data)] = []
                for page in saved {
                    let (data, problems) = DumpLoader().read(path: page)
                    for diagnostic in problems { Console.printDiagnostic(diagnostic) }
                    if let data { files.append((page, data)) }
                }
                let (dumps, diagnostics) = WebPreviewReader().read(pages: files)
                try printExport(dumps, diagnostics)
                return
            }
            if FileSystem.isDirectory(file) {
                Console.printError(
                    "\(file): error: a folder without a Telegram Desktop export (no result.json and no messages*.html pages); "
                        + "give a dump file or an export's folder")
                throw ExitCode.failure
            }
            let (dump, loadDiagnostics) = DumpLoader().load(path: file)
            guard let dump else {
                for diagnostic in loadDiagnostics { Console.printDiagnostic(diagnostic) }
                throw ExitCode.failure
            }
            let parsed = DumpParser().parse(dump)
            if json {
                var data = try parsed.jsonData()
                data.append(0x0A)
                FileHandle.standardOutput.write(data)
            } else {
                Console.print(InspectReport(parsed).text, terminator: "")
            }
        }

        /// An HTML export's pages, read together as one chat.
        func inspectHTMLExport(folder: String, pages: [String]) throws {
            var files: [(path: String, data: Data)] = []
            for page in pages {
                let (data, problems) = DumpLoader().read(path: page)
                for diagnostic in problems { Console.printDiagnostic(diagnostic) }
                if let data { files.append((page, data)) }
            }
            let config = try SiteConfig.load(path: FileManager.default.fileExists(atPath: "chansite.json") ? "chansite.json" : nil).config
            let (dumps, diagnostics) = DesktopHTMLReader(chatTypes: Set(config.exportChatTypes), discussionGroups: Set(config.discussionGroups)).read(
                folder: folder, pages: files)
            try printExport(dumps, diagnostics)
        }

        /// An export holds one channel (printed as a dump is) or several (a JSON array, or one
        /// report after another).
        func inspectExport(_ path: String) throws {
            let (data, problems) = DumpLoader().read(path: path)
            guard let data else {
                for diagnostic in problems { Console.printDiagnostic(diagnostic) }
                throw ExitCode.failure
            }
            let config = try SiteConfig.load(path: FileManager.default.fileExists(atPath: "chansite.json") ? "chansite.json" : nil).config
            let reader = ExportReader(chatTypes: Set(config.exportChatTypes), handles: config.channelHandles)
            let (dumps, diagnostics) = reader.read(path: path, data: data)
            try printExport(dumps, diagnostics)
        }

        func printExport(_ dumps: [ParsedDump], _ diagnostics: [Diagnostic]) throws {
            for diagnostic in diagnostics { Console.printDiagnostic(diagnostic) }
            if dumps.isEmpty, diagnostics.contains(where: { $0.severity == .error }) { throw ExitCode.failure }
            if json {
                var out = Data(dumps.count == 1 ? [] : Array("[".utf8))
                for (n, dump) in dumps.enumerated() {
                    if n > 0 { out += Array(",\n".utf8) }
                    out += try dump.jsonData()
                }
                if dumps.count != 1 { out += Array("]".utf8) }
                out.append(0x0A)
                FileHandle.standardOutput.write(out)
            } else {
                Console.print(dumps.map { InspectReport($0).text }.joined(separator: "\n"), terminator: "")
            }
        }
    }
}
