import ChansiteCore
import Foundation

/// Reads dump files from the content folder: the only ingest code that touches the file system.
/// Bad files become diagnostics, never crashes, so the rest of the build goes on.
package struct DumpLoader: Sendable {
    /// Files larger than this are refused rather than read into memory.
    package static let maximumFileSize = 512 * 1024 * 1024

    package init() {}

    /// The dump files of a folder: `*.txt`, `*.text` and `*.md`, sorted by path, recursively.
    /// Hidden files and folders (`.git`, an editor's `.swp`) and the folders in `excluded` (the
    /// output, when it lies inside the content folder) are passed over; symlinks are followed
    /// once, and every link that loops or dangles and every folder that cannot be read gets a
    /// warning.
    /// - Throws: `DiagnosticError` when the content folder itself is missing.
    package func dumpPaths(in folder: String, excluding excluded: [String] = []) throws -> (paths: [String], diagnostics: [Diagnostic]) {
        let found = try contentPaths(in: folder, excluding: excluded)
        return (found.dumps, found.diagnostics)
    }

    /// The dump files (as `dumpPaths`) and the `result.json` of every Telegram Desktop export.
    package func contentPaths(in folder: String, excluding excluded: [String] = []) throws -> (
        dumps: [String], exports: [ExportFile], diagnostics: [Diagnostic]
    ) {
        guard FileSystem.isDirectory(folder) else {
            throw DiagnosticError(
                .error(
                    "content folder '\(folder)' does not exist; put your exports and dumps there, or run 'chansite init' to start a project here",
                    at: nil))
        }
        var walk = ContentWalk(excluded: excluded.map { FileSystem.resolved($0) })
        walk.visit(folder)
        return (walk.paths.sorted(), walk.exports.sorted(), walk.diagnostics)
    }

    /// Reads one dump. Returns nil (with a diagnostic) when the file cannot be used at all.
    package func load(path: String) -> (dump: RawDump?, diagnostics: [Diagnostic]) {
        let (data, problems) = read(path: path)
        guard let data else { return (nil, problems) }
        return decode(data, path: path)
    }

    /// A dump's bytes (mapped, not copied), or nil with the reason: missing, unreadable, too big.
    package func read(path: String) -> (data: Data?, diagnostics: [Diagnostic]) {
        let location = SourceLocation(path: path)
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            if let size = attributes[.size] as? Int, size > Self.maximumFileSize {
                return (
                    nil,
                    [.error("file is \(size / 1_048_576) MB, larger than the \(Self.maximumFileSize / 1_048_576) MB limit; skipped", at: location)]
                )
            }
            return (try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe), [])
        } catch {
            return (nil, [.error("cannot read file: \(FileSystem.describe(error))", at: location)])
        }
    }

    /// Decodes bytes as a dump: UTF-8 (with or without a BOM) or UTF-16 with a BOM; refuses
    /// binary data; replaces invalid sequences, and characters no output format may carry
    /// (controls, U+FFFE, U+FFFF), with U+FFFD, naming the first line of each problem once.
    package func decode(_ data: Data, path: String) -> (dump: RawDump?, diagnostics: [Diagnostic]) {
        let location = SourceLocation(path: path)
        if data.isEmpty {
            return (nil, [.warning("file is empty; skipped", at: location)])
        }
        var diagnostics: [Diagnostic] = []
        var text: String
        if let utf16 = TextDecoding.utf16(data) {
            text = utf16.text
            if let line = utf16.firstBadLine {
                diagnostics.append(
                    .warning(
                        "invalid UTF-16 (a lone surrogate) from line \(line) on; replaced with U+FFFD",
                        at: SourceLocation(path: path, line: line)))
            }
        } else {
            if data.prefix(8192).contains(0) {
                return (nil, [.error("file looks binary (it contains NUL bytes), not a text dump; skipped", at: location)])
            }
            var bytes = data
            if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
            if let valid = String(validating: bytes, as: UTF8.self) {
                text = valid
            } else {
                text = String(decoding: bytes, as: UTF8.self)
                let badLines = Self.linesWithInvalidUTF8(bytes)
                let shown = badLines.prefix(5).map(String.init).joined(separator: ", ")
                let more = badLines.count > 5 ? " and \(badLines.count - 5) more" : ""
                diagnostics.append(
                    .warning(
                        "invalid UTF-8 on line \(shown)\(more); replaced with U+FFFD",
                        at: SourceLocation(path: path, line: badLines.first)))
            }
        }
        if let cleaned = TextDecoding.replacingForbidden(text) {
            text = cleaned.text
            diagnostics.append(
                .warning(
                    "control characters or non-characters (first on line \(cleaned.firstLine)) replaced with U+FFFD",
                    at: SourceLocation(path: path, line: cleaned.firstLine)))
        }
        // Decoding problems travel with the dump (the parse reports them); they are returned
        // on their own only when there is no dump, so each is reported once.
        let dump = RawDump(path: path, lines: RawDump.splitLines(text), diagnostics: diagnostics)
        if dump.lines.allSatisfy(\.isBlankLine) {
            return (nil, diagnostics + [.warning("file has only blank lines; skipped", at: location)])
        }
        return (dump, [])
    }

    /// The 1-based lines holding bytes that are not valid UTF-8.
    static func linesWithInvalidUTF8(_ bytes: Data) -> [Int] {
        var result: [Int] = []
        var line = 1
        var lineStart = bytes.startIndex
        var i = bytes.startIndex
        func checkLine(_ end: Data.Index) {
            if String(validating: bytes[lineStart..<end], as: UTF8.self) == nil { result.append(line) }
        }
        while i < bytes.endIndex {
            if bytes[i] == 0x0A {
                checkLine(i)
                line += 1
                lineStart = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        checkLine(bytes.endIndex)
        return result
    }
}
