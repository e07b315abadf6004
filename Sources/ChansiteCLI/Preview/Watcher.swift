import Foundation

/// Watches folders and files by polling their modification times: portable, needs no inotify
/// limits, and a 250 ms poll is fast enough for a preview. Changes are debounced: a rebuild
/// starts once nothing has changed for `quiet` seconds.
struct Watcher: Sendable {
    var paths: [String]
    var interval: Duration = .milliseconds(250)
    var quiet: Duration = .milliseconds(300)

    /// A fingerprint of every file under the watched paths (path, size, modification time).
    func snapshot() -> [String: String] {
        var result: [String: String] = [:]
        let fm = FileManager.default
        for root in paths {
            var isDirectory: ObjCBool = false
            guard fm.fileExists(atPath: root, isDirectory: &isDirectory) else { continue }
            let names = isDirectory.boolValue ? ((fm.enumerator(atPath: root)?.allObjects as? [String]) ?? []).map { root + "/" + $0 } : [root]
            for path in names {
                guard let attributes = try? fm.attributesOfItem(atPath: path) else { continue }
                let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
                let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
                result[path] = "\(size)@\(date)"
            }
        }
        return result
    }

    /// Calls `onChange` after each settled batch of changes, until the task is cancelled.
    func run(onChange: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = snapshot()
            guard current != last else { continue }
            // Wait until the files stop changing (editors write in several steps).
            while !Task.isCancelled {
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
