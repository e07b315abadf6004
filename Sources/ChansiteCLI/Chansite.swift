import ArgumentParser
import ChansiteCore
import Foundation

/// The `chansite` command: builds, previews, inspects and searches Telegram channel archives.
@main
struct Chansite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chansite",
        abstract: "Turn Telegram channel archives into a static, searchable website.",
        discussion: """
            Inputs, anywhere under Content/: Telegram Desktop exports (HTML: messages.html, messages2.html, …; \
            JSON: result.json; with their media folders), saved pages of a channel's web preview (t.me/s), \
            and text copies of channel pages (*.txt).
            """,
        version: ChansiteVersion.current,
        subcommands: [Build.self, Serve.self, Inspect.self, Search.self, Init.self],
        defaultSubcommand: Build.self
    )

    /// Names the command meant when the first argument is a typo, then runs as ArgumentParser does.
    static func main() async {
        let suggestion = CommandSuggestion(commands: configuration.subcommands.map { $0._commandName })
        if let message = suggestion.message(for: Array(CommandLine.arguments.dropFirst())) {
            Console.printError(message)
            Foundation.exit(ExitCode.validationFailure.rawValue)
        }
        await main(nil)
    }
}
