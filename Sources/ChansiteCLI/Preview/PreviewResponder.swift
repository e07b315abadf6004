import ChansiteCore
import ChansiteMedia
import Foundation
import Hummingbird

/// Answers preview requests from the in-memory site: content types, folder index pages,
/// the site's 404 page, ETags, HEAD, the live-reload event stream and the error overlay.
struct PreviewResponder: HTTPResponder {
    typealias Context = BasicRequestContext

    static let eventsPath = "/__chansite/events"

    let store: SiteStore
    let broadcaster: ReloadBroadcaster
    /// Whether pages get the live-reload script (not with `--no-watch`: nothing would reload).
    var liveReload = true

    func respond(to request: Request, context: Context) async throws -> Response {
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed, headers: [.allow: "GET, HEAD"])
        }
        let rawPath = request.uri.path
        if rawPath == Self.eventsPath, liveReload { return await events(page: Self.openPage(request.uri.queryParameters["page"].map(String.init))) }
        if rawPath == LiveReloadScript.path, liveReload {
            return Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "no-cache", .xContentTypeOptions: "nosniff"],
                body: ResponseBody(byteBuffer: ByteBuffer(string: LiveReloadScript.script)))
        }
        guard let path = Self.sitePath(rawPath) else {
            return text(.badRequest, "bad request path\n")
        }
        var key = path
        if key.isEmpty || key.hasSuffix("/") {
            key += "index.html"
        } else if store.find(key, readContents: false) == nil, store.isFolder(key) {
            return Response(status: .movedPermanently, headers: [.location: rawPath + "/", .cacheControl: "no-cache"])
        }
        if key.hasPrefix("media/"), let found = store.find(key, readContents: false) {
            return try await media(found.entry, path: key, request: request, context: context)
        }
        guard let found = store.find(key), let contents = found.contents else {
            let notFound = Self.notFoundPage(store.find(SitePaths.notFound)?.contents, at: rawPath)
            return await file(status: .notFound, contents: notFound, path: SitePaths.notFound, etag: nil, request: request)
        }
        return await file(status: .ok, contents: contents, path: key, etag: found.entry.etag, request: request)
    }

    /// The 404 page as the preview serves it at `path`: the preview serves the site at `/`, so
    /// the page's relative links resolve from there (`<base href="/">`), and its links within
    /// itself (the `#main` skip link) are pinned to the address asked for, which the base would
    /// otherwise turn into the home page.
    static func notFoundPage(_ page: Data?, at path: String) -> Data {
        guard let page else { return Data("not found\n".utf8) }
        var html = String(decoding: page, as: UTF8.self)
        guard !html.contains("<base "), let head = html.range(of: "<head>") else { return page }
        html.replaceSubrange(head, with: "<head>\n<base href=\"/\">")
        return Data(html.replacingOccurrences(of: "href=\"#", with: "href=\"" + HTMLText.escape(path) + "#").utf8)
    }

    /// The site-relative path of a request, or nil when it tries to leave the site: `..` and
    /// `.` segments, encoded slashes or dots that decode into them, backslashes and NUL bytes.
    static func sitePath(_ raw: String) -> String? {
        guard raw.hasPrefix("/"), let decoded = raw.removingPercentEncoding else { return nil }
        if decoded.contains("\0") || decoded.contains("\\") { return nil }
        let segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == ".." || $0 == "." }) { return nil }
        return String(decoded.dropFirst())
    }

    static func contentType(for path: String) -> String {
        switch PathName.extension(path).lowercased() {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "txt": return "text/plain; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "ico": return "image/x-icon"
        case "woff2": return "font/woff2"
        default: return MediaPolicy.mimeType(of: path)
        }
    }

    /// An export's media file, streamed from disk in chunks (a video is never read whole) and
    /// with byte ranges, so players can seek.
    func media(_ entry: SiteStore.Entry, path: String, request: Request, context: Context) async throws -> Response {
        var info = stat()
        guard lstat(entry.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { return text(.notFound, "not found\n") }
        let size = Int(info.st_size)
        var headers = Self.safetyHeaders(for: path, type: Self.contentType(for: path))
        headers[.acceptRanges] = "bytes"
        headers[.eTag] = entry.etag
        if request.headers[.ifNoneMatch] == entry.etag { return Response(status: .notModified, headers: headers) }
        var range = 0...max(0, size - 1)
        var status = HTTPResponse.Status.ok
        // RFC 9110 §13.1.5: a Range whose If-Range names another version gets the whole file.
        let ifRange = request.headers[.ifRange]
        if let requested = request.headers[.range], ifRange == nil || ifRange == entry.etag {
            switch ByteRange.parse(requested, size: size) {
            case .whole: break
            case .range(let parsed):
                range = parsed
                status = .partialContent
                headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            case .unsatisfiable:
                return Response(status: .rangeNotSatisfiable, headers: [.contentRange: "bytes */\(size)"])
            }
        }
        headers[.contentLength] = String(size == 0 ? 0 : range.count)
        if request.method == .head || size == 0 { return Response(status: status, headers: headers) }
        let body = try await FileIO().loadFile(path: entry.path, range: range, context: context)
        return Response(status: status, headers: headers, body: body)
    }

    /// `Content-Security-Policy` for pages: scripts, styles, images and media from the site
    /// only, no plugins, no framing by other sites. Nothing a post holds can run even if some
    /// future bug let markup through.
    static let contentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; media-src 'self'; "
        + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'"

    /// The headers every response of a site file carries: its type, `nosniff`, the page policy
    /// for HTML, and `attachment` for anything that is not a page, a site asset or passive media.
    static func safetyHeaders(for path: String, type: String) -> HTTPFields {
        var headers: HTTPFields = [.contentType: type, .xContentTypeOptions: "nosniff"]
        let ext = PathName.extension(path).lowercased()
        if type.hasPrefix("text/html") {
            headers[.contentSecurityPolicy] = contentSecurityPolicy
        } else if !["css", "js", "json", "xml", "txt"].contains(ext) && !MediaPolicy.isPassive(extension: ext) {
            headers[.contentDisposition] = "attachment"
        }
        return headers
    }

    func file(status: HTTPResponse.Status, contents: Data, path: String, etag: String?, request: Request) async -> Response {
        let type = Self.contentType(for: path)
        var headers = Self.safetyHeaders(for: path, type: type)
        headers[.cacheControl] = "no-cache"
        var body = contents
        var tag = etag
        if type.hasPrefix("text/html"), liveReload {
            let error = store.error
            body = Self.inject(into: contents, error: error)
            // The ETag also names the overlay state, so a page re-validates when it comes or goes.
            tag = etag.map { String($0.dropLast()) + "-" + (error.map { Slug.hash($0) } ?? "ok") + "\"" }
        }
        if let tag {
            headers[.eTag] = tag
            if let match = request.headers[.ifNoneMatch],
                match.split(separator: ",").contains(where: { $0.trimmingCharacters(in: .whitespaces) == tag || $0 == "*" })
            {
                return Response(status: .notModified, headers: headers)
            }
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: status, headers: headers) }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    func text(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Response(
            status: status, headers: [.contentType: "text/plain; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: message)))
    }

    /// The site path of the page an event stream says it serves (`?page=/channels/x/`), as a
    /// request for it would look it up; nil for none or one no request could name.
    static func openPage(_ raw: String?) -> String? {
        guard let raw, raw.utf8.count <= 4096, let path = sitePath(raw) else { return nil }
        return path.isEmpty || path.hasSuffix("/") ? path + "index.html" : path
    }

    /// The live-reload event stream of the page at `page`. The body loop ends when the page
    /// goes away (a heartbeat write fails) or the server stops, and the stream is released at
    /// once either way.
    func events(page: String? = nil) async -> Response {
        guard let (id, stream) = await broadcaster.subscribe(page: page) else {
            return text(.serviceUnavailable, "too many preview pages are open; close some and reload\n")
        }
        let broadcaster = self.broadcaster
        return Response(
            status: .ok,
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache"],
            body: ResponseBody { writer in
                do {
                    for await buffer in stream { try await writer.write(buffer) }
                } catch {
                    // The page is gone; release its stream below.
                }
                await broadcaster.unsubscribe(id)
                // try?: the client is gone: there is no one to tell that the stream could not be closed.
                try? await writer.finish(nil)
            })
    }

    /// Adds the reload script (and the error overlay, while a rebuild is failing) before `</body>`.
    /// Only responses get it; the files in the output folder never do.
    static func inject(into html: Data, error: String?) -> Data {
        var snippet = LiveReloadScript.tag
        if let error { snippet = LiveReloadScript.overlay(error) + snippet }
        let text = String(decoding: html, as: UTF8.self)
        if let range = text.range(of: "</body>", options: .backwards) {
            return Data((text[..<range.lowerBound] + snippet + text[range.lowerBound...]).utf8)
        }
        return Data((text + snippet).utf8)
    }
}
