import ChansiteCore
import Foundation

/// Decides, before any work is done, whether a folder may receive the site. chansite replaces
/// its output folder as a whole, so pointing `--output` at the wrong folder must never delete
/// anything: the project, the content, the templates, the home folder or the root are refused
/// outright, and a non-empty folder chansite did not make is refused unless forced.
package struct OutputGuard: Sendable {
    package var options: BuildOptions
    /// The current folder (injected for tests).
    package var currentFolder: String
    /// The user's home folder, if known.
    package var homeFolder: String?

    package init(
        options: BuildOptions, currentFolder: String = FileManager.default.currentDirectoryPath,
        homeFolder: String? = ProcessInfo.processInfo.environment["HOME"]
    ) {
        self.options = options
        self.currentFolder = currentFolder
        self.homeFolder = homeFolder
    }

    /// Throws when the output folder must not be written.
    /// - Throws: `DiagnosticError` saying why and how to proceed.
    package func check() throws {
        let output = FileSystem.resolved(options.outputPath, relativeTo: currentFolder)
        if let reason = forbiddenReason(output) {
            throw refusal("it \(reason); nothing was changed. Please choose another --output folder.")
        }
        if FileSystem.exists(output) && !FileSystem.isDirectory(output) {
            throw refusal("it is a file, not a folder; nothing was changed")
        }
        if !options.force, FileSystem.isDirectory(output), !OutputMarker.isSite(output), !Self.isEffectivelyEmpty(output) {
            throw refusal(
                """
                it is not empty and chansite did not make it (there is no '\(OutputMarker.site)' file in it); \
                nothing was changed. Choose an empty or new folder, or pass --force to let chansite replace \
                everything in it (hidden files are kept)
                """)
        }
    }

    /// Why a resolved output path is off limits, or nil.
    func forbiddenReason(_ output: String) -> String? {
        if output == "/" { return "is the root of the file system" }
        if let home = homeFolder.map({ FileSystem.resolved($0) }), FileSystem.contains(output, home) {
            return output == home ? "is the home folder" : "contains the home folder"
        }
        let current = FileSystem.resolved(currentFolder)
        if FileSystem.contains(output, current) {
            return output == current ? "is the current folder" : "contains the current folder"
        }
        let inputs: [(String, String?)] = [
            ("content folder", options.contentPath), ("templates folder", options.templatesPath),
            ("configuration file", options.configPath),
        ]
        for (name, path) in inputs {
            guard let path else { continue }
            let input = FileSystem.resolved(path, relativeTo: currentFolder)
            if FileSystem.contains(output, input) {
                return output == input ? "is the \(name)" : "contains the \(name) '\(path)'"
            }
            // A site inside an input would be read back as input (templates' assets republish
            // themselves and grow with each build).
            if name != "configuration file", FileSystem.contains(input, output) {
                return "is inside the \(name) '\(path)'"
            }
        }
        return nil
    }

    /// A folder holding only hidden entries (`.gitkeep`, `.git`) counts as empty: builds keep
    /// top-level hidden entries, so nothing in it is lost.
    static func isEffectivelyEmpty(_ folder: String) -> Bool {
        // try?: a folder that cannot be listed is not empty: the guard then refuses it.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return entries.allSatisfy { $0.hasPrefix(".") }
    }

    private func refusal(_ reason: String) -> DiagnosticError {
        DiagnosticError(.error("refusing to write the site to '\(options.outputPath)': \(reason)"))
    }
}
