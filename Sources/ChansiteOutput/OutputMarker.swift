import ChansiteCore
import Foundation

/// The files by which chansite recognises what it made. Names, not guesses: a folder is only
/// ever replaced or removed when one of these says chansite made it.
package enum OutputMarker {
    /// In the root of every site chansite writes; an output folder without it is not replaced
    /// unless `--force` is given.
    package static let site = ".chansite"
    /// In the root of the work folder beside the output (lock, staging, the previous site).
    package static let work = ".chansite-work"
    /// In a staging folder until every file is written; a staging folder with it is incomplete.
    package static let partial = ".chansite-partial"

    static let siteContents = Data("This folder was written by chansite, which replaces it on every build.\n".utf8)
    static let workContents = Data("chansite's work folder for the site beside it: the build lock and scratch copies.\n".utf8)

    /// True when the folder holds the site marker.
    static func isSite(_ folder: String) -> Bool {
        FileSystem.exists(FileSystem.join(folder, site))
    }

    /// True when the folder is a complete site: marked, and not marked partial.
    static func isCompleteSite(_ folder: String) -> Bool {
        isSite(folder) && !FileSystem.exists(FileSystem.join(folder, partial))
    }
}
