import ArgumentParser
import ChansiteOutput

/// The folders shared by `build` and `serve`.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder of dump files.")
    var content = "Content"

    @Option(help: "A folder of Mustache templates and assets replacing the built-in ones file by file (default: Templates, when it exists).")
    var templates: String?

    /// The templates folder in effect.
    var templatesFolder: String { templates ?? "Templates" }

    @Option(help: "The folder the site is written to (replaced as a whole when the build succeeds).")
    var output = "Output"

    @Option(name: .customLong("config"), help: "The site configuration file (JSON); must exist when named (default: chansite.json, when it exists).")
    var configFile: String?

    /// The configuration file in effect.
    var config: String { configFile ?? "chansite.json" }

    @Flag(help: "Replace the output folder even if chansite did not make it (its hidden files are kept).")
    var force = false

    var buildOptions: BuildOptions {
        BuildOptions(
            contentPath: content, templatesPath: templatesFolder, outputPath: output, configPath: config, force: force,
            templatesRequired: templates != nil, configRequired: configFile != nil)
    }
}
