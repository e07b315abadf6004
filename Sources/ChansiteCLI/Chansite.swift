import ArgumentParser
import ChansiteKit

/// The `chansite` command: builds, previews, inspects and searches Telegram channel archives.
@main
struct Chansite: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "chansite",
        abstract: "Turn text dumps of Telegram channels into a static, searchable website.",
        version: ChansiteVersion.current,
        subcommands: [Build.self, Serve.self, Inspect.self, Search.self, Init.self],
        defaultSubcommand: Build.self
    )
}
