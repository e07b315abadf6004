import Foundation

/// Links written once for pages of every depth: views link to `SitePaths.rootMarker` + a site
/// path, and each page swaps the marker for its own way back to the root as it is written.
enum RootLinks {
    static let marker = UInt8(ascii: "\u{1}")

    /// The page's bytes with every root marker replaced by `root` (`../../` for a post page).
    static func resolve(_ page: String, root: String) -> Data {
        var page = page
        return page.withUTF8 { bytes in
            guard bytes.contains(marker) else { return Data(bytes) }
            let rootBytes = Array(root.utf8)
            var out = Data(capacity: bytes.count + rootBytes.count * 64)
            var start = 0
            for (index, byte) in bytes.enumerated() where byte == marker {
                out.append(contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start..<index]))
                out.append(contentsOf: rootBytes)
                start = index + 1
            }
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes)[start...]))
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
