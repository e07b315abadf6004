import ChansiteCore
import ChansiteIngest

/// Which dumps are one channel. Dumps share a channel when they share its strongest known name:
/// an export's channel id, else the handle, else the title, else the file. An export (which
/// names no handle unless the configuration does) also joins the text dumps of its title, so
/// a copy of a channel's page and its export become one channel.
enum ChannelGroups {
    /// The dumps grouped, each group in the dumps' order, groups in the order they first occur.
    static func group(_ dumps: [ParsedDump]) -> [[ParsedDump]] {
        var parent = Array(dumps.indices)
        func root(_ i: Int) -> Int {
            var i = i
            while parent[i] != i {
                parent[i] = parent[parent[i]]
                i = parent[i]
            }
            return i
        }
        func join(_ a: Int, _ b: Int) {
            let (ra, rb) = (root(a), root(b))
            if ra != rb { parent[max(ra, rb)] = min(ra, rb) }
        }
        var firstWithKey: [String: Int] = [:]
        var exportTitles: [String: Int] = [:]
        var textTitles: [String: Int] = [:]
        for (index, dump) in dumps.enumerated() {
            var keys = [SiteAssembler.channelKey(dump)]
            if dump.isExport, let handle = dump.channel.handle { keys.append("@" + handle.lowercased()) }
            for key in keys {
                if let first = firstWithKey[key] { join(first, index) } else { firstWithKey[key] = index }
            }
            guard let title = dump.channel.title?.normalizedSpaces.lowercased() else { continue }
            if dump.isExport {
                if exportTitles[title] == nil { exportTitles[title] = index }
            } else if textTitles[title] == nil {
                textTitles[title] = index
            }
        }
        for (title, export) in exportTitles {
            if let text = textTitles[title] { join(export, text) }
        }
        var groups: [[ParsedDump]] = []
        var groupOfRoot: [Int: Int] = [:]
        for index in dumps.indices {
            let r = root(index)
            if let g = groupOfRoot[r] {
                groups[g].append(dumps[index])
            } else {
                groupOfRoot[r] = groups.count
                groups.append([dumps[index]])
            }
        }
        return groups
    }
}
