import ChansiteCore
import Foundation

/// Watches the content and template folders and the configuration file, and calls back once
/// per settled batch of changes (editors write in several steps): a rebuild starts when nothing
/// has changed for `quiet` and no file written to is still open (for at most `unclosed`). Uses inotify; where it is not available, polls modification times.
struct Watcher: Sendable {
    var paths: [String]
    /// Folders whose changes never count (the output and its work folder).
    var excluded: [String] = []
    /// How often the queue of events is checked while nothing happens (one read that does not block).
    var interval: Duration = .milliseconds(20)
    /// How often it is checked while a batch settles.
    var step: Duration = .milliseconds(10)
    /// How long a batch must be quiet, once every file written to is closed: long enough for an
    /// editor's save (write a copy, rename it over the file) or a burst of files to land whole,
    /// short enough not to show in an edit's reload.
    var quiet: Duration = .milliseconds(30)
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
            if ticks % 50 == 0, externalChange?() == true {
                await onChange()
                continue
            }
            guard inotify.drain() else { continue }
            let clock = ContinuousClock()
            var last = clock.now
            while !Task.isCancelled {
                // try?: cancellation ends the watch; the loop checks it.
                try? await Task.sleep(for: step)
                if inotify.drain() {
                    last = clock.now
                    continue
                }
                if clock.now - last >= (inotify.writing.isEmpty ? quiet : unclosed) { break }
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
            // Without notifications a file still being written shows only by its size and time
            // changing: it must stay the same for a whole period.
            while !Task.isCancelled {
                // try?: cancellation ends the watch; the loop checks it.
                try? await Task.sleep(for: period)
                let settled = snapshot()
                if settled == current { break }
                current = settled
            }
            last = current
            await onChange()
        }
    }
}
