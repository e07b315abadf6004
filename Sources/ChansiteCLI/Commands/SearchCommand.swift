import ArgumentParser
import ChansiteCore
import ChansiteSearch
import Foundation

extension Chansite {
    /// Queries the built search index, ranked exactly as the search page ranks.
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the built site's index from the terminal.")

        @Argument(
            help:
                "The words to find (all must match; any inflection; #tag for a hashtag; -word leaves out posts with it: put -- before a query that starts with one)."
        )
        var query: [String]

        @Option(help: "The built site folder.")
        var output = "Output"

        @Option(help: "How many results to show.")
        var limit = 10

        @Option(help: "Only posts of this channel: its title, folder name or @handle.")
        var channel: String?

        @Option(help: "Only posts with this hashtag.")
        var tag: String?

        @Flag(help: "Print a JSON array of results (title, url, channel, snippet, score, and date when the post has one).")
        var json = false

        func validate() throws {
            if limit < 1 { throw ValidationError("Please give a --limit of at least 1.") }
        }

        /// What loosening the query would find (`without year:2024: 3 posts (cats)`, a line each).
        static func describe(_ suggestions: [SearchEngine.Suggestion]) -> String {
            let parts = suggestions.map { suggestion -> String in
                let what: String
                switch suggestion.relaxation {
                case .withoutQuotes: what = "without the quotes"
                case .without(let written): what = "without " + written
                case .allChannels: what = "in all channels"
                case .anyTag: what = "with any tag"
                }
                return "\(what): \(Counted.of(suggestion.count, "post")) (\(suggestion.query.trimmingCharacters(in: .whitespaces)))"
            }
            return parts.isEmpty ? "" : "; found instead:\n  " + parts.joined(separator: "\n  ")
        }

        func run() throws {
            let results: [SearchEngine.Result]
            var suggestions: [SearchEngine.Suggestion] = []
            do {
                let engine = try SearchEngine(outputPath: output)
                var name: String?
                if let channel {
                    guard let found = engine.channelName(matching: channel) else {
                        let known = engine.channels.map { "\($0.name) (\($0.slug)\($0.handle.isEmpty ? "" : ", @" + $0.handle))" }
                        Console.printError("error: no channel '\(channel)' in this site; its channels are: " + known.joined(separator: "; "))
                        throw ExitCode.validationFailure
                    }
                    name = found
                }
                let text = query.joined(separator: " ")
                results = try engine.search(text, limit: limit, channel: name, tag: tag)
                if results.isEmpty, !json { suggestions = try engine.suggestions(text, channel: name, tag: tag) }
            } catch let error as DiagnosticError {
                error.diagnostics.forEach(Console.printDiagnostic)
                throw ExitCode.failure
            }
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                var data = try encoder.encode(results)
                data.append(0x0A)
                FileHandle.standardOutput.write(data)
                return
            }
            if results.isEmpty { Console.print("no results" + Self.describe(suggestions)) }
            for (n, result) in results.enumerated() {
                let place = [result.channel, result.date].compactMap { $0 }.joined(separator: " · ")
                Console.print("\(n + 1). \(result.title)  [\(place)]  score \(result.score)\n   \(result.url)\n   \(result.snippet)")
            }
        }
    }
}
