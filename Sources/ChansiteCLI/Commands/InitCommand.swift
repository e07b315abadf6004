import ArgumentParser
import ChansiteCore
import ChansiteKit
import Foundation

extension Chansite {
    /// Writes a starter project: an example dump, a configuration with every key, and
    /// optionally a copy of the built-in templates to edit.
    struct Init: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a starter project: Content/ with an example dump and chansite.json with every key.")

        @Argument(help: "The project folder (created when missing).")
        var folder = "."

        @Flag(help: "Also copy the built-in templates into Templates/ to edit them.")
        var templates = false

        func run() throws {
            var files = [
                ("Content/example.txt", StarterProject.exampleDump),
                ("chansite.json", StarterProject.configuration(language: StarterProject.language(environment: ProcessInfo.processInfo.environment))),
            ]
            if templates {
                files += StarterProject.templates.map { ("Templates/" + $0.name, $0.text) }
            }
            var kept = 0
            for (path, text) in files {
                let target = FileSystem.join(folder, path)
                // Never overwrite what is there: a user's file is theirs.
                if FileSystem.exists(target) {
                    Console.printError("kept the existing '\(target)'")
                    kept += 1
                    continue
                }
                do {
                    try FileManager.default.createDirectory(
                        atPath: PathName.parent(target), withIntermediateDirectories: true)
                    try Data(text.utf8).write(to: URL(fileURLWithPath: target), options: .withoutOverwriting)
                } catch {
                    Console.printError("error: cannot write '\(target)': \(FileSystem.describe(error))")
                    throw ExitCode.failure
                }
            }
            let build =
                FileSystem.resolved(folder) == FileSystem.resolved(".") ? "chansite build" : "cd \(Self.shellQuoted(folder)) && chansite build"
            Console.print("wrote \(Counted.of(files.count - kept, "file")) to '\(folder)'; build the site with: \(build)")
            Console.print(StarterProject.whereInputsGo)
        }

        /// `path` as a POSIX shell reads it back: bare when it holds only safe characters, else in
        /// single quotes (a quote inside written as '\'').
        static func shellQuoted(_ path: String) -> String {
            let safe = path.unicodeScalars.allSatisfy {
                $0.isASCII && ($0.properties.isAlphabetic || $0.properties.numericType != nil || "/._-+:@%,=".unicodeScalars.contains($0))
            }
            if safe, !path.isEmpty { return path }
            return "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
        }
    }
}
