/// Splits a list into pages and describes the page links a template shows.
struct Pagination {
    let itemCount: Int
    let perPage: Int

    var pageCount: Int { max(1, (itemCount + perPage - 1) / perPage) }

    func range(ofPage page: Int) -> Range<Int> {
        let start = (page - 1) * perPage
        return start..<min(itemCount, start + perPage)
    }

    /// The page (1-based) an item is on.
    func page(ofItem index: Int) -> Int { index / perPage + 1 }

    /// The page numbers to link: the first and last, and three on each side of the current
    /// one; nil marks a gap. A channel of 2,000 posts then links 9 pages, not 100.
    func window(around page: Int) -> [Int?] {
        let shown = Set([1, pageCount] + Array(max(1, page - 3)...min(pageCount, page + 3)))
        var result: [Int?] = []
        for number in shown.sorted() {
            if let last = result.last ?? nil, number > last + 1 { result.append(nil) }
            result.append(number)
        }
        return result
    }

    /// The template context: `current`, `total`, `prev`/`next` URLs and the numbered `pages`.
    func context(page: Int, from path: String, pathOf: (Int) -> String) -> [String: Any] {
        var context: [String: Any] = ["current": page, "total": pageCount, "isPaginated": pageCount > 1]
        if page > 1 { context["prev"] = SitePaths.link(from: path, to: pathOf(page - 1)) }
        if page < pageCount { context["next"] = SitePaths.link(from: path, to: pathOf(page + 1)) }
        context["pages"] = window(around: page).map { number -> [String: Any] in
            guard let number else { return ["isGap": true] }
            return ["number": number, "url": SitePaths.link(from: path, to: pathOf(number)), "isCurrent": number == page]
        }
        return context
    }
}
