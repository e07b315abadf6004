import ChansiteCore

/// A variable's name as a template writes it, numbered once, when the template is parsed or a
/// view type lists its variables: a view finds its getter by that number (`ViewFields.getter`).
/// Looking each name up by its text hashed it at every scope of the context stack a lookup
/// passes through, a tenth of rendering a page.
struct ViewName: Sendable, Equatable {
    let text: String
    /// The name's place in the order names were first met, the same for every view type.
    let number: Int

    init(_ text: String) {
        self.text = text
        number = Self.numbers.mutate { numbers in
            if let number = numbers[text] { return number }
            let number = numbers.count
            numbers[text] = number
            return number
        }
    }

    static func == (a: ViewName, b: ViewName) -> Bool { a.number == b.number }

    /// Every name met so far, numbered (parsing and view types only: never while rendering).
    private static let numbers = LockedBox<[String: Int]>([:])
}
