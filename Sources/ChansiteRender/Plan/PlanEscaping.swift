import ChansiteCore

/// How escaped variables are written, by the pragma that chose them.
enum PlanEscaping: Sendable {
    /// HTML (`HTMLEscaper`): what every template starts with, and `CONTENT_TYPE: HTML`.
    case chansite
    /// `CONTENT_TYPE: TEXT`: nothing escaped.
    case text

    func escape(_ text: String) -> String {
        switch self {
        case .chansite: HTMLEscaper.escape(text)
        case .text: text
        }
    }
}
