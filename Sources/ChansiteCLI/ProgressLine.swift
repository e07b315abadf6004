import Foundation

/// A one-line progress indicator on a terminal: shown only after the build has taken a moment.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private let lock = NSLock()
    private var drawn = false

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func show(_ stage: String) {
        guard enabled, Date().timeIntervalSince(start) > 0.3 else { return }
        lock.withLock {
            drawn = true
            FileHandle.standardError.write(Data("\r\u{1B}[K… \(stage)".utf8))
        }
    }

    func clear() {
        lock.withLock {
            if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            drawn = false
        }
    }
}
