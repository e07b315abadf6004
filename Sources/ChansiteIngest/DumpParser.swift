/// Picks the format of a dump from its content (never its name) and parses it.
package struct DumpParser: Sendable {
    /// The formats tried, most specific first.
    package static let knownFormats: [any DumpFormat] = [
        TMePreviewFormat(),
        AggregatorReadMoreFormat(),
        AggregatorRelativeDateFormat(),
        DuplicatedBodyCardsFormat(),
        HeadingDoubleBodyFormat(),
    ]
    /// Below this confidence a format is not trusted, and the generic parser runs instead.
    package static let threshold = 0.5

    package var formats: [any DumpFormat]

    package init(formats: [any DumpFormat] = DumpParser.knownFormats) {
        self.formats = formats
    }

    /// The most confident format for the dump, or nil when none reaches the threshold.
    package func detect(_ dump: RawDump) -> (any DumpFormat)? {
        // One pass over the lines serves every format's score.
        let features = DumpFeatures(dump)
        var best: (format: any DumpFormat, score: Double)?
        for format in formats {
            let score = format.confidence(for: features)
            if score >= Self.threshold, score > (best?.score ?? 0) { best = (format, score) }
        }
        return best?.format
    }

    package func parse(_ dump: RawDump) -> ParsedDump {
        var parsed: ParsedDump
        if let format = detect(dump) {
            parsed = format.parse(dump)
        } else {
            parsed = GenericFormat().parse(dump)
            parsed.diagnostics.insert(
                .warning(
                    "no known dump format recognised; posts split at blank-line runs and marker lines",
                    at: dump.location(nil)), at: 0)
        }
        parsed.diagnostics = dump.diagnostics + parsed.diagnostics
        return parsed
    }
}
