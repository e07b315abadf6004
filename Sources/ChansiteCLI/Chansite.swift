import ArgumentParser
import ChansiteCore

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
}
