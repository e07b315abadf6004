import ChansiteCore
import Foundation

/// The folder beside the output where a build stages the new site: `.<output>.chansite/`,
/// marked by `OutputMarker.work`, holding the build lock and the scratch folders. Beside the
/// output (not inside it) so no static host serves it, and on the same file system so the
/// swap is a rename.
///
/// While a build holds the lock, no other build can be using the scratch folders, so
/// everything found in them is the leftover of a process that is gone: it is recognised by
/// its markers, restored when it is the only complete copy of the site, and removed otherwise.
package struct WorkFolder: Sendable {
    let path: String
    /// The work folder as the user named the output (relative paths stay relative).
    let displayPath: String
    let outputPath: String
    let lock: FileLock

    var staging: String { FileSystem.join(path, "staging") }
    /// The manifest of the site at the output path, and the next one until the swap is done.
    var manifest: String { FileSystem.join(path, "manifest.json") }
    var nextManifest: String { FileSystem.join(path, "manifest.next.json") }
    /// Every URL the site has published (`URLHistory`), and the next one until the swap is done.
    /// Kept apart from the manifest, which a new chansite version discards: the history outlives it.
    package static let urlHistoryName = "urls.tsv"
    package static let nextURLHistoryName = "urls.next.tsv"
    /// The build cache (`PersistentCache`), and the next one until the swap is done.
    package static let cacheName = "cache.bin"
    package static let nextCacheName = "cache.next.bin"
    /// Each input file's parse (`ParseStore`): files written once, kept while builds use them.
    package static let parsesName = "parses"
    var cache: String { FileSystem.join(path, Self.cacheName) }
    var nextCache: String { FileSystem.join(path, Self.nextCacheName) }
    var urlHistory: String { FileSystem.join(path, Self.urlHistoryName) }
    var nextURLHistory: String { FileSystem.join(path, Self.nextURLHistoryName) }
    /// Where the previous site waits when the system cannot exchange folders in one step.
    var retired: String { FileSystem.join(path, "previous") }
    /// The site the last swap replaced, kept for the next build to stage into (`SpareSite`).
    package static let spareName = "spare"
    var spare: String { FileSystem.join(path, Self.spareName) }

    /// Opens (or creates) the work folder of an output folder and takes its lock.
    /// - Throws: `DiagnosticError` when another build holds the lock or the folder is not chansite's.
    init(output: String, shownAs shown: String) throws {
        let name = PathName.last(output)
        outputPath = output
        path = Self.path(for: output)
        let shownParent = PathName.parent(shown)
        displayPath = shownParent.isEmpty ? ".\(name).chansite" : FileSystem.join(shownParent, ".\(name).chansite")
        if !FileSystem.exists(path) { Self.create(path) }
        guard FileSystem.isDirectory(path), FileSystem.exists(FileSystem.join(path, OutputMarker.work)) else {
            throw DiagnosticError(
                .error(
                    FileSystem.exists(path)
                        ? "'\(displayPath)' exists and chansite did not make it; please move it away so the site can be staged there"
                        : "cannot create the work folder '\(displayPath)'"))
        }
        do {
            lock = try FileLock(path: FileSystem.join(path, "lock"))
        } catch .held(let pid) {
            let who = pid.map { "(process \($0)) " } ?? ""
            throw DiagnosticError(
                .error("another chansite build \(who)is writing to '\(shown)'; wait for it to finish and build again"), reason: .outputLocked)
        } catch .unavailable(let reason) {
            throw DiagnosticError(.error("cannot lock '\(displayPath)/lock': \(reason)"))
        }
    }

    /// Makes the work folder with its marker in one step (a marked folder renamed into place),
    /// so a build started at the same moment never sees it unmarked.
    static func create(_ path: String) {
        let temporary = path + ".new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        do {
            try FileManager.default.createDirectory(atPath: temporary, withIntermediateDirectories: true)
            try OutputMarker.workContents.write(to: URL(fileURLWithPath: FileSystem.join(temporary, OutputMarker.work)))
        } catch {
            FileSystem.removeTree(temporary)
            return
        }
        do { try FileSystem.rename(temporary, to: path) } catch { FileSystem.removeTree(temporary) }
    }

    /// The work folder of an output folder: `.<name>.chansite` beside it.
    package static func path(for output: String) -> String {
        let parent = PathName.parent(output)
        return FileSystem.join(parent.isEmpty ? "." : parent, ".\(PathName.last(output)).chansite")
    }

    /// Cleans up after an interrupted build. Returns notes saying what happened to the site.
    func recover() -> [Diagnostic] {
        // try?: an unlistable work folder has no leftovers to recover; the lock above already proved it is ours.
        let leftovers = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [])
            .filter {
                $0 != OutputMarker.work && $0 != "lock" && $0 != "manifest.json" && $0 != Self.urlHistoryName && $0 != Self.cacheName
                    && $0 != Self.spareName && $0 != Self.parsesName
            }
        guard !leftovers.isEmpty else { return [] }
        var notes: [Diagnostic] = []
        if !FileSystem.exists(outputPath) {
            // Killed between the two renames of the fallback swap: put a complete site back.
            for (candidate, what) in [(retired, "the previous site"), (staging, "the site an interrupted build had finished")]
            where OutputMarker.isCompleteSite(candidate) {
                if (try? FileSystem.rename(candidate, to: outputPath)) != nil {  // try?: one that cannot be moved back leaves the next to try
                    notes.append(.note("an earlier build was interrupted; restored \(what) to its place"))
                    break
                }
            }
        }
        for entry in leftovers where FileSystem.exists(FileSystem.join(path, entry)) {
            FileSystem.removeTree(FileSystem.join(path, entry))
        }
        notes.append(.note("removed the leftovers of an interrupted build from '\(displayPath)'"))
        return notes
    }

    /// Keeps a staging folder no longer needed (the site a swap replaced, or a build's that
    /// was abandoned) as the spare for the next build; removed if there is one already.
    func keepAsSpare(_ folder: String) {
        // try?: a folder that cannot be renamed is removed instead.
        if !FileSystem.exists(spare), (try? FileSystem.rename(folder, to: spare)) != nil { return }
        FileSystem.removeTree(folder)
    }

    /// Takes the spare as the staging folder (the sink lists it, `SpareSite`, when it first
    /// stages a file); false when there is none.
    func takeSpare() -> Bool {
        // try?: a spare that cannot be taken leaves a fresh folder to stage into.
        FileSystem.isDirectory(spare) && (try? FileSystem.rename(spare, to: staging)) != nil
    }
}
