/// Where a build reads from and writes to.
package struct BuildOptions: Sendable {
    package var contentPath: String
    package var templatesPath: String
    package var outputPath: String
    /// The site configuration file; a missing file means the defaults.
    package var configPath: String?
    /// Replace an output folder even when chansite did not make it (`--force`).
    package var force: Bool
    /// Whether the templates folder must exist (it was named); otherwise a missing folder means
    /// the built-in templates alone.
    package var templatesRequired: Bool
    /// Whether the configuration file must exist (it was named with `--config`).
    package var configRequired: Bool
    /// Whether a build that reads no post fails (`build`: the output folder is then left as it
    /// was) rather than writing an empty site (`serve`, which waits for content to arrive).
    package var failsWithoutPosts = false
    /// Whether a build reads and writes the build cache in the work folder (`--no-cache`: it
    /// makes every post again and leaves the last cache as it was).
    package var usesCache = true

    package init(
        contentPath: String = "Content", templatesPath: String = "Templates", outputPath: String = "Output",
        configPath: String? = nil, force: Bool = false, templatesRequired: Bool = true, configRequired: Bool = false
    ) {
        self.contentPath = contentPath
        self.templatesPath = templatesPath
        self.outputPath = outputPath
        self.configPath = configPath
        self.force = force
        self.templatesRequired = templatesRequired
        self.configRequired = configRequired
    }
}
