import ChansiteCore
import ChansiteOutput
import ChansiteRender
import Foundation

/// A fingerprint of everything a build reads: every dump's path and bytes, every export's `result.json` and the identity of its media files, the templates (built
/// in and the project's, as `TemplateSet` reads them), the configuration file and chansite's
/// version. Equal digests mean an equal site, so a rebuild with nothing changed has nothing to do.
enum InputDigest {
    static func compute(_ options: BuildOptions, content: ContentFiles) -> String {
        var fingerprint = Fingerprint(ChansiteVersion.fingerprint, "inputs")
        fingerprint.add(content.paths.count)
        for (path, key) in zip(content.paths, content.keys) {
            fingerprint.add(path)
            fingerprint.add(key ?? "unreadable")
        }
        fingerprint.add(content.exports.count)
        for (export, (file, media)) in zip(content.exports, zip(content.exportFiles, content.exportMedia)) {
            fingerprint.add(export.path)
            fingerprint.add(file.digest ?? "unreadable")
            fingerprint.add(media)
        }
        var templates = BuiltinTemplates.files.mapValues { Data($0.utf8) }
        // try?: unreadable templates are reported by TemplateSet when the build reads them.
        if FileSystem.isDirectory(options.templatesPath), let own = try? TemplateSet.read(folder: options.templatesPath) {
            for (name, source) in own { templates[name] = source.contents }
        }
        for name in templates.keys.sorted() {
            fingerprint.add(name)
            fingerprint.add(bytes: templates[name] ?? Data())
        }
        if let config = options.configPath {
            fingerprint.add(config)
            if let data = FileManager.default.contents(atPath: config) { fingerprint.add(bytes: data) } else { fingerprint.add("absent") }
        }
        return fingerprint.hex
    }
}
