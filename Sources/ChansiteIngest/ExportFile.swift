/// An export file the content walk found, with what its content showed it to be: the walk has
/// read each `.html` file's head already, so later stages go by the kind, not by sniffing again.
package struct ExportFile: Sendable, Hashable, Comparable {
    package enum Kind: Sendable, Hashable {
        /// `result.json` of a Telegram Desktop export.
        case json
        /// A page of a Telegram Desktop export in HTML.
        case desktopPage
        /// A saved page of a channel's web preview (`t.me/s/…`, an embed page).
        case previewPage
    }

    package var path: String
    package var kind: Kind

    package static func < (a: ExportFile, b: ExportFile) -> Bool { a.path < b.path }
}
