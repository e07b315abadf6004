/// A `Range` request header read as RFC 9110 §14.2 says: one satisfiable range is served as
/// asked (an end past the file is cut to it); several ranges, or a header that cannot be read,
/// get the whole file (a server may ignore Range); only a range that starts past the file is
/// unsatisfiable.
enum ByteRange: Equatable {
    case whole
    case range(ClosedRange<Int>)
    case unsatisfiable

    static func parse(_ header: String, size: Int) -> ByteRange {
        guard header.hasPrefix("bytes=") else { return .whole }
        let specs = header.dropFirst("bytes=".count).split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard specs.count == 1, let spec = specs.first else { return .whole }
        let parts = spec.split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }) else { return .whole }
        if parts[0].isEmpty {
            guard !parts[1].isEmpty else { return .whole }
            // A suffix longer than the file means the whole file (digits beyond Int: the same).
            let suffix = Int(parts[1]) ?? Int.max
            guard suffix > 0, size > 0 else { return .unsatisfiable }
            return .range(max(0, size - suffix)...(size - 1))
        }
        guard let start = Int(parts[0]), start < size else { return .unsatisfiable }
        let end = parts[1].isEmpty ? size - 1 : min(Int(parts[1]) ?? Int.max, size - 1)
        return end >= start ? .range(start...end) : .whole
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
