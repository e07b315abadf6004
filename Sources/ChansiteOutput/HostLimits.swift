import ChansiteCore
import Foundation

/// The limits of the static hosts people publish archives on, and a warning when a site passes
/// one: a host refuses an upload over its limit, often only after minutes of uploading.
package enum HostLimits {
    /// One host's limit: at most `files` files, or `bytes` bytes in all.
    package struct Limit: Sendable {
        package var host: String
        package var files: Int?
        package var bytes: Int64?
    }

    /// As the hosts publish them (2026): Cloudflare Pages' free and paid plans, GitLab Pages,
    /// GitHub Pages.
    package static let known = [
        Limit(host: "Cloudflare Pages (free plan)", files: 20_000, bytes: nil),
        Limit(host: "Cloudflare Pages (paid plans)", files: 100_000, bytes: nil),
        Limit(host: "GitLab Pages", files: 200_000, bytes: nil),
        Limit(host: "GitHub Pages", files: nil, bytes: 1 << 30),
    ]

    /// A warning naming the hosts whose limits a site of `files` files and `bytes` bytes
    /// passes; nil when it fits them all.
    package static func warning(files: Int, bytes: Int64, limits: [Limit] = known) -> Diagnostic? {
        let passed = limits.filter { limit in
            (limit.files.map { files > $0 } ?? false) || (limit.bytes.map { bytes > $0 } ?? false)
        }
        guard !passed.isEmpty else { return nil }
        let reasons = passed.map { limit in
            if let most = limit.files, files > most { return "\(limit.host) takes at most \(grouped(most)) files" }
            return "\(limit.host) takes at most \(megabytes(limit.bytes ?? 0)) MB"
        }
        return .warning(
            "the site has \(grouped(files)) files (\(megabytes(bytes)) MB): more than some hosts accept — "
                + reasons.joined(separator: "; "))
    }

    /// `166,169`: the site's messages are in English.
    static func grouped(_ number: Int) -> String { number.formatted(.number.locale(Locale(identifier: "en_US"))) }

    static func megabytes(_ bytes: Int64) -> String { grouped(Int((bytes + (1 << 20) - 1) >> 20)) }
}
