import ChansiteCore
import Foundation

/// Linux file-system notifications for a set of folders and files. The kernel queues events,
/// so an idle watch costs nothing however many files there are: checking is one non-blocking
/// read. Folders are watched recursively (new subfolders are added as they appear); hidden
/// folders and the `excluded` ones (the output, when it lies inside a watched folder) are not.
final class Inotify {
    private let descriptor: Int32
    private let excluded: [String]
    /// Watch descriptor → (folder, the only name that matters in it, or nil for all).
    private var watches: [Int32: (folder: String, only: String?)] = [:]
    /// Files written to and not yet closed: a large export being copied in is read only once
    /// it is whole (a half-written `result.json` is malformed JSON, a channel gone).
    private(set) var writing: Set<String> = []

    static let mask = UInt32(
        IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_ATTRIB | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Nil when notifications are not available (another system, or the watch limit reached).
    init?(paths: [String], excluded: [String]) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.excluded = excluded.map { FileSystem.resolved($0) }
        for path in paths {
            if FileSystem.isDirectory(path) {
                guard addTree(path) else { return nil }
            } else {
                // A single file (the configuration): watch its folder for that name, so
                // creating, replacing or deleting it is seen too.
                let folder = PathName.parent(path)
                guard add(folder.isEmpty ? "." : folder, only: PathName.last(path)) else { return nil }
            }
        }
    }

    deinit { close(descriptor) }

    private func add(_ folder: String, only: String? = nil) -> Bool {
        let wd = inotify_add_watch(descriptor, folder, Self.mask)
        guard wd >= 0 else { return errno == ENOENT || errno == EACCES }
        if let existing = watches[wd], existing.only == nil || only == nil {
            watches[wd] = (folder, nil)
        } else {
            watches[wd] = (folder, only)
        }
        return true
    }

    private func addTree(_ folder: String) -> Bool {
        let real = FileSystem.resolved(folder)
        if excluded.contains(where: { FileSystem.contains($0, real) }) { return true }
        guard add(folder) else { return false }
        var walk = [folder]
        var seen: Set<String> = [real]
        while let next = walk.popLast() {
            // try?: a folder removed or unreadable while walked has nothing to watch; the build reports unreadable content.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: next)) ?? [] where !name.hasPrefix(".") {
                let child = FileSystem.join(next, name)
                guard FileSystem.isDirectory(child) else { continue }
                let realChild = FileSystem.resolved(child)
                guard seen.insert(realChild).inserted, !excluded.contains(where: { FileSystem.contains($0, realChild) }) else { continue }
                guard add(child) else { return false }
                walk.append(child)
            }
        }
        return true
    }

    /// Reads every queued event; true when one of them is a change that matters.
    func drain() -> Bool {
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = read(descriptor, &buffer, buffer.count)
            guard count > 0 else { break }
            var offset = 0
            while offset + 16 <= count {
                let wd = Int32(bitPattern: load(buffer, offset))
                let mask = load(buffer, offset + 4)
                let length = Int(load(buffer, offset + 12))
                let nameBytes = buffer[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                let name = String(decoding: nameBytes, as: UTF8.self)
                offset += 16 + length
                if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                    // Events were lost: which files are still being written is not known.
                    writing = []
                    changed = true
                    continue
                }
                guard let watch = watches[wd] else { continue }
                if let only = watch.only, name != only { continue }
                if name.hasPrefix(".") { continue }
                if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    _ = addTree(FileSystem.join(watch.folder, name))
                }
                let path = name.isEmpty ? watch.folder : FileSystem.join(watch.folder, name)
                if excluded.contains(where: { FileSystem.contains($0, FileSystem.resolved(path)) }) { continue }
                changed = true
                if mask & UInt32(IN_ISDIR) == 0 { track(path, mask) }
            }
        }
        return changed
    }

    /// A file is being written from its first change (or its creation) until it is closed
    /// after writing, renamed into place or deleted.
    private func track(_ path: String, _ mask: UInt32) {
        if mask & UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_DELETE_SELF) != 0 {
            writing.remove(path)
        } else if mask & UInt32(IN_MODIFY | IN_CREATE) != 0 {
            writing.insert(path)
        }
    }

    private func load(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
        UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }
}
