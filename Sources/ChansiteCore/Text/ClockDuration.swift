import Foundation

/// A duration as players show it: `0:14`, `12:05`, `1:02:03`.
package enum ClockDuration {
    package static func text(_ seconds: Int) -> String {
        let seconds = max(0, seconds)
        let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60)
        return h > 0 ? String(format: "%d:%02d:%02d", h, m, s) : String(format: "%d:%02d", m, s)
    }
}
