import ChansiteCore
import Foundation

/// Links written once for pages of every depth: views link to `SitePaths.rootMarker` + a site
/// path, and each page swaps the marker for its own way back to the root as it is written.
enum RootLinks {
    static let marker = UInt8(ascii: "\u{1}")

    /// The page's bytes with every root marker replaced by `root` (`../../` for a post page).
    static func resolve(_ page: String, root: String) -> Data {
        var page = page
        return page.withUTF8 { bytes in
            let raw = UnsafeRawBufferPointer(bytes)
            guard let base = raw.baseAddress, var next = memchr(base, Int32(marker), raw.count) else { return Data(raw) }
            let rootBytes = Array(root.utf8)
            var out = Data(capacity: bytes.count + rootBytes.count * 64)
            var start = 0
            // memchr from marker to marker: a page is scanned at memory speed.
            while true {
                let index = base.distance(to: UnsafeRawPointer(next))
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start..<index]))
                out.append(contentsOf: rootBytes)
                start = index + 1
                guard start < raw.count, let found = memchr(base + start, Int32(marker), raw.count - start) else { break }
                next = found
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[start...]))
            return out
        }
    }

    /// cmark percent-encodes the marker in the links it makes (`href="%01…"`); a link made from
    /// input always starts with its scheme, so only a marker can start one like that.
    static func restoringMarker(_ html: String) -> String {
        // One byte scan; most bodies have no hashtag link and come back as they are.
        html.replacingBytes(of: "href=\"%01", with: "href=\"" + SitePaths.rootMarker)
    }
}
