/// What `chansite` says to a first argument that names no command: `build` is the default
/// command and takes no positional arguments, so ArgumentParser alone would answer
/// "Unexpected argument 'biuld'" without naming the command meant.
struct CommandSuggestion {
    /// The command names, in the order the help lists them.
    let commands: [String]

    /// The message for `arguments` (without the program name), or nil when the first one is an
    /// option, a command, or `help`.
    func message(for arguments: [String]) -> String? {
        guard let first = arguments.first, !first.hasPrefix("-"), first != "help", !commands.contains(first) else { return nil }
        let known = "the commands are " + commands.joined(separator: ", ")
        // Within two edits (a typo), the closest first.
        let close = commands.map { ($0, Self.distance(first, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }
        if let (command, _) = close {
            return "error: unknown command '\(first)'; did you mean '\(command)'? (\(known))"
        }
        return "error: unknown command '\(first)' (\(known); 'chansite --help' explains them)"
    }

    /// Levenshtein distance over characters, two rows at a time (names are short, and a long
    /// argument is cut first so the work stays bounded).
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a.prefix(64))
        let y = Array(b)
        var previous = Array(0...y.count)
        for i in 1...max(x.count, 1) where !x.isEmpty {
            var current = [i] + Array(repeating: 0, count: y.count)
            for j in 1...max(y.count, 1) where !y.isEmpty {
                let substitution = previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            previous = current
        }
        return x.isEmpty ? y.count : previous[y.count]
    }
}
