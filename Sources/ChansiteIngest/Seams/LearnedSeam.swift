import ChansiteCore

/// A post start the seam model found where the copy shows no marker: the line the new post
/// opens at, the pattern that told it, and how sure the model is.
package struct LearnedSeam: Sendable, Hashable, Codable {
    /// The 1-based line the new post starts at.
    package var line: Int
    /// In words: the pattern and how often the dump shows it at marked seams and inside posts.
    package var reason: String
    /// The share of the pattern's places in this dump that are marked seams (0.8 at least).
    package var score: Double

    /// The score as the reports print it (two decimals, the same on every machine).
    package var scoreText: String {
        let hundredths = Int((score * 100).rounded())
        return "\(hundredths / 100).\(hundredths % 100 < 10 ? "0" : "")\(hundredths % 100)"
    }

    /// What the parse reports at the line.
    package var message: String { "a new post starts here, learned from this copy's marked seams: \(reason) (score \(scoreText))" }

    package init(line: Int, reason: String, score: Double) {
        self.line = line
        self.reason = reason
        self.score = score
    }
}
