import Foundation

/// The last few texts this thread read back from scratch files, by file and place.
///
/// A post's text spilled to disk (`PostText`) is asked for several times in a row by one
/// stage on one thread — its body, heading, summary and key by different functions — and each
/// read was a `pread` and a copy: 38 a post in a full build. Kept per thread, no read waits
/// for another, and nothing is held beyond a few texts a thread.
final class RecentReads {
    private struct Entry {
        let file: UInt64
        let offset: Int
        let text: String
    }

    private static let capacity = 4
    private var entries: [Entry] = []
    private var next = 0

    /// The thread's own.
    static var current: RecentReads {
        if let pointer = pthread_getspecific(key) { return Unmanaged<RecentReads>.fromOpaque(pointer).takeUnretainedValue() }
        let made = RecentReads()
        pthread_setspecific(key, Unmanaged.passRetained(made).toOpaque())
        return made
    }

    /// Released with its thread.
    private static let key: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key) { pointer in
            if let pointer { Unmanaged<RecentReads>.fromOpaque(pointer).release() }
        }
        return key
    }()

    func text(file: UInt64, offset: Int) -> String? {
        entries.first { $0.file == file && $0.offset == offset }?.text
    }

    func add(_ text: String, file: UInt64, offset: Int) {
        let entry = Entry(file: file, offset: offset, text: text)
        if entries.count < Self.capacity {
            entries.append(entry)
        } else {
            entries[next] = entry
            next = (next + 1) % Self.capacity
        }
    }
}
