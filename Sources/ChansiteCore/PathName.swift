/// Path names taken apart as strings, in plain Swift: Foundation's `NSString` path methods
/// trap on some short names on Linux (`deletingLastPathComponent` of a one-letter name), and a
/// user's output folder or an export's file may be named anything.
package enum PathName {
    /// The last component (`c` of `a/b/c` and of `a/b/c/`); `/` for the root; the path itself
    /// when it has no slash.
    package static func last(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return trimmed }
        return String(trimmed[trimmed.index(after: slash)...])
    }

    /// Everything before the last component (`a/b` of `a/b/c`); `/` for a child of the root;
    /// empty for a bare name.
    package static func parent(_ path: String) -> String {
        let trimmed = trimmingTrailingSlashes(path)
        if trimmed == "/" { return "/" }
        guard let slash = trimmed.lastIndex(of: "/") else { return "" }
        let head = trimmingTrailingSlashes(String(trimmed[..<slash]))
        return head.isEmpty ? "/" : head
    }

    /// The extension of the last component, without its dot; empty when there is none (a
    /// name that only starts with a dot, such as `.profile`, has none).
    package static func `extension`(_ path: String) -> String {
        let name = last(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return String(name[name.index(after: dot)...])
    }

    /// The last component without its extension.
    package static func stem(_ path: String) -> String {
        let name = last(path)
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }

    private static func trimmingTrailingSlashes(_ path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        return String(trimmed)
    }
}
