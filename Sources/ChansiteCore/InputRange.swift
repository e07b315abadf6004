import Foundation

/// The ranges every number read from an input must fall in. Archives are written by strangers:
/// a count, size or date outside these is not Telegram's and is dropped with a diagnostic
/// instead of reaching arithmetic that could trap or a formatter that could garble it.
package enum InputRange {
    /// Views, voters, reaction counts: Telegram counts are 32-bit.
    package static let count: ClosedRange<Int> = 0...Int(Int32.max)
    /// File sizes: Telegram's largest file is 4 GB; room for twice that.
    package static let fileSize: ClosedRange<Int> = 0...(8 << 30)
    /// Image and video sides in pixels.
    package static let pixels: ClosedRange<Int> = 1...100_000
    /// Media durations in seconds: a month.
    package static let duration: ClosedRange<Int> = 0...(31 * 24 * 3600)
    /// Message ids: positive 32-bit integers, as the client numbers messages.
    package static let messageID: ClosedRange<Int> = 1...Int(Int32.max)
    /// Unix times of years 1 through 9999, the range every date formatter prints correctly.
    package static let unixTime: ClosedRange<Double> = -62_135_596_800...253_402_300_799
    package static let latitude: ClosedRange<Double> = -90...90
    package static let longitude: ClosedRange<Double> = -180...180

    /// The instant a Unix time names, when it is a finite number within years 1–9999.
    package static func date(unixTime text: String) -> Date? {
        guard let seconds = Double(text), seconds.isFinite, unixTime.contains(seconds) else { return nil }
        return Date(timeIntervalSince1970: seconds)
    }

    /// Whether a date lies within years 1–9999.
    package static func contains(_ date: Date) -> Bool {
        let seconds = date.timeIntervalSince1970
        return seconds.isFinite && unixTime.contains(seconds)
    }
}
