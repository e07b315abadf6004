import ChansiteCore
import Foundation

/// Watches the content and template folders and the configuration file, and calls back once
/// per settled batch of changes (editors write in several steps): a rebuild starts when nothing
/// has changed for `quiet` and no file written to is still open (for at most `unclosed`). Uses inotify; where it is not available, polls modification times.
struct Watcher: Sendable {
    var paths: [String]
    /// Folders whose changes never count (the output and its work folder).
    var excluded: [String] = []
    var interval: Duration = .milliseconds(50)
    var quiet: Duration = .milliseconds(100)
    /// How long a batch waits, once quiet, for files still open for writing to be closed: a
    /// program that keeps one open does not hold rebuilds back for longer.
    var unclosed: Duration = .seconds(10)
    /// Asked about once a second: a change outside the watched paths that needs a rebuild too
    /// (another process's build in the output folder).
    var externalChange: (@Sendable () -> Bool)?

    /// Calls `onChange` after each settled batch of changes, until the task is cancelled.
    func run(onChange: @Sendable () async -> Void) async {
        guard let inotify = Inotify(paths: paths, excluded: excluded) else {
            Console.printError("note: file-system notifications are not available here; watching by polling every second")
            await poll(every: .seconds(1), onChange: onChange)
            return
        }
        var ticks = 0
        while !Task.isCancelled {
            // try?: cancellation ends the watch; the loop checks it.
            try? await Task.sleep(for: interval)
            ticks += 1
            if ticks % 20 == 0, externalChange?() == true {
                await onChange()
                continue
            }
            guard inotify.drain() else { continue }
            var waited: Duration = .zero
            while !Task.isCancelled {
                // try?: cancellation ends the watch; the loop checks it.
                try? await Task.sleep(for: quiet)
                if inotify.drain() {
                    waited = .zero
                    continue
                }
                if inotify.writing.isEmpty || waited >= unclosed { break }
                waited += quiet
            }
            await onChange()
        }
    }

    // MARK: - Polling fallback

    /// A fingerprint of every file under the watched paths (path, size, modification time).
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for root in paths {
            let names =
                FileSystem.isDirectory(root)
                ? ((fm.enumerator(atPath: root)?.allObjects as? [String]) ?? []).map { FileSystem.join(root, $0) } : [root]
            for path in names where !excluded.contains(where: { FileSystem.contains($0, FileSystem.resolved(path)) }) {
                // try?: a file deleted while the folder is listed is no longer there to watch.
                guard let attributes = try? fm.attributesOfItem(atPath: path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = "\(size)@\(date)"
            }
        }
        return result
    }

    private func poll(every period: Duration, onChange: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            // try?: cancellation ends the watch; the loop checks it.
            try? await Task.sleep(for: period)
            if externalChange?() == true {
                await onChange()
                continue
            }
            var current = snapshot()
            guard current != last else { continue }
            while !Task.isCancelled {
                // try?: cancellation ends the watch; the loop checks it.
                try? await Task.sleep(for: quiet)
                let settled = snapshot()
                if settled == current { break }
                current = settled
            }
            last = current
            await onChange()
        }
    }
}
