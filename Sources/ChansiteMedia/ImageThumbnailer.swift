import CVips
import ChansiteCore
import Foundation

/// libvips, wrapped once: image sizes and JPEG thumbnails. Everything else in chansite sees only
/// this type.
package enum ImageThumbnailer {
    /// A thumbnail's bytes and its size in pixels.
    package struct Thumbnail: Sendable {
        package var jpeg: Data
        package var width: Int
        package var height: Int
    }

    /// libvips starts once per process; its operation cache is off, since every image is read once.
    private static let started: Bool = {
        guard vips_init("chansite") == 0 else { return false }
        vips_cache_set_max(0)
        // chansite runs one image per core itself; libvips's own worker threads would only
        // contend with them.
        vips_concurrency_set(1)
        // liborc's run-time compiled vector code crashed a build of the fixture exports once in
        // CI (a bad pointer inside the generated code, with images resized on both cores);
        // libvips's plain C paths give the same pixels without it.
        vips_vector_set_enabled(0)
        return true
    }()

    /// The width and height of the image at `path` as it is shown (EXIF rotation applied),
    /// reading only its header; nil when it is not an image libvips can read.
    package static func size(of path: String) -> (width: Int, height: Int)? {
        guard started, let image = chansite_vips_open(path) else {
            vips_error_clear()
            return nil
        }
        defer { chansite_vips_unref(image) }
        let (width, height) = (Int(vips_image_get_width(image)), Int(vips_image_get_height(image)))
        return vips_image_get_orientation_swap(image) != 0 ? (height, width) : (width, height)
    }

    /// The size that fits `width` × `height` inside `box` × `box`, never enlarged.
    package static func fit(width: Int, height: Int, in box: Int) -> (width: Int, height: Int) {
        let scale = min(1, Double(box) / Double(max(width, height, 1)))
        return (max(1, Int((Double(width) * scale).rounded())), max(1, Int((Double(height) * scale).rounded())))
    }

    /// The image at `path` resized to exactly `width` × `height` (from `fit`), as JPEG: its size
    /// is known before it is made, so a page can state it even when the file is carried over.
    /// - Throws: `DiagnosticError` with libvips's reason when the file is not a readable image.
    package static func thumbnail(of path: String, width: Int, height: Int, quality: Int = 82) throws -> Thumbnail {
        guard started else { throw DiagnosticError(.error("libvips could not start")) }
        var image: UnsafeMutablePointer<VipsImage>?
        guard chansite_vips_thumbnail(path, &image, Int32(width), Int32(height)) == 0, let image else {
            throw DiagnosticError(.error("not a readable image: \(lastError())"))
        }
        return try encode(image, quality: quality)
    }

    /// A smaller thumbnail made from a larger one's JPEG bytes (no second read of the source).
    package static func thumbnail(ofJPEG jpeg: Data, width: Int, height: Int, quality: Int = 82) throws -> Thumbnail {
        guard started else { throw DiagnosticError(.error("libvips could not start")) }
        var image: UnsafeMutablePointer<VipsImage>?
        let status = jpeg.withUnsafeBytes { bytes in
            chansite_vips_thumbnail_buffer(bytes.baseAddress, bytes.count, &image, Int32(width), Int32(height))
        }
        guard status == 0, let image else { throw DiagnosticError(.error("not a readable image: \(lastError())")) }
        return try encode(image, quality: quality)
    }

    /// The image as JPEG, released after.
    private static func encode(_ image: UnsafeMutablePointer<VipsImage>, quality: Int) throws -> Thumbnail {
        defer { chansite_vips_unref(image) }
        var buffer: UnsafeMutableRawPointer?
        var length = 0
        guard chansite_vips_jpeg(image, &buffer, &length, Int32(quality)) == 0, let buffer else {
            throw DiagnosticError(.error("cannot encode a thumbnail: \(lastError())"))
        }
        defer { g_free(buffer) }
        return Thumbnail(
            jpeg: Data(bytes: buffer, count: length), width: Int(vips_image_get_width(image)),
            height: Int(vips_image_get_height(image)))
    }

    /// libvips's error text (it keeps one buffer per process), cleared once read.
    private static func lastError() -> String {
        let text = String(cString: vips_error_buffer()).trimmingCharacters(in: .whitespacesAndNewlines)
        vips_error_clear()
        return text.split(separator: "\n").first.map(String.init) ?? "unknown error"
    }
}
