import ChansiteCore

/// Reads the lines of an aggregator page with name and "read more" lines
/// (`AggregatorReadMoreFormat`): each post runs from a line equal to the channel's name to the
/// next "read more" line.
struct AggregatorReadMoreClassifier: LineClassifier {
    private var leading: LeadingParts
    private var name: String?
    private let lastNonBlank: Int

    init(_ dump: RawDump) {
        leading = LeadingParts(dump.lines)
        lastNonBlank = dump.lines.lastIndex { !$0.isBlankLine } ?? -1
    }

    let strayTextWarning: String? = "text outside a post block; kept as its own post"

    mutating func readHeader(_ dump: RawDump, into result: inout ParsedDump) -> Int {
        let header = AggregatorReadMoreFormat.parseHeader(dump, into: &result)
        let name = header.name
        self.name = name
        leading = LeadingParts(
            dump.lines,
            isMarker: { line in
                let flat = line.normalizedSpaces
                return AggregatorReadMoreFormat.readMoreLines.contains(flat) || AggregatorReadMoreFormat.subscribeLines.contains(flat)
            },
            // Each post starts after the channel's name.
            startsAfter: { line in line.normalizedSpaces == name })
        return header.start
    }

    mutating func role(at index: Int, in lines: [String], open: PostBuilder?) -> LineRole {
        if let role = leading.continuation(at: index) { return role }
        let line = lines[index]
        let flat = line.normalizedSpaces
        if let name, flat == name, open == nil {
            // Name and "read more" lines alternate strictly, so inside an open block a line
            // equal to the name is the author's text (a signature, say), not a new post.
            return .marker()
        }
        if AggregatorReadMoreFormat.readMoreLines.contains(flat) {
            return open == nil ? .dropped("'read more' button outside a post") : .marker(closesAfter: true)
        }
        if AggregatorReadMoreFormat.subscribeLines.contains(flat), open == nil || index == lastNonBlank {
            return .dropped("subscribe button (site footer)")
        }
        if line.isBlankLine { return .blank }
        if let reason = PageParts.serviceEvent(line) { return .dropped(reason) }
        // A footer under the text (views, `edited`, time); the post goes on to its own end marker.
        if let footer = leading.footer(at: index, in: lines, open: open, closes: false) { return footer }
        return leading.role(at: index, in: lines, open: open) ?? .text
    }
}
