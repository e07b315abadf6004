import Foundation

/// A fingerprint of everything a build reads: every dump's path and bytes, every file of the
/// templates folder, the configuration file and chansite's version. Equal digests mean an equal
/// site, so a rebuild with nothing changed has nothing to do.
enum InputDigest {
    /// The digest of the dumps at `dumpPaths` (as the content walk found them) and the rest.
    static func compute(_ options: BuildOptions, dumpPaths: [String]) -> String {
        var fingerprint = Fingerprint(ChansiteVersion.fingerprint, "inputs")
        for name in BuiltinTemplates.files.keys.sorted() {
            fingerprint.add(name)
            fingerprint.add(BuiltinTemplates.files[name] ?? "")
        }
        fingerprint.add(dumpPaths.count)
        for path in dumpPaths { add(path, to: &fingerprint) }
        let templates = ((FileManager.default.enumerator(atPath: options.templatesPath)?.allObjects as? [String]) ?? []).sorted()
        fingerprint.add(templates.count)
        for name in templates { add(FileSystem.join(options.templatesPath, name), to: &fingerprint) }
        if let config = options.configPath { add(config, to: &fingerprint) }
        return fingerprint.hex
    }

    private static func add(_ path: String, to fingerprint: inout Fingerprint) {
        fingerprint.add(path)
        guard !FileSystem.isDirectory(path) else { return fingerprint.add("folder") }
        if let data = FileManager.default.contents(atPath: path) {
            fingerprint.add(bytes: data)
        } else {
            fingerprint.add(FileSystem.exists(path) ? "unreadable" : "absent")
        }
    }
}
