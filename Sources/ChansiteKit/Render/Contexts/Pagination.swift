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

    /// The template context: `current`, `total`, `prev`/`next` URLs and the numbered `pages`.
    func context(page: Int, from path: String, pathOf: (Int) -> String) -> [String: Any] {
        var context: [String: Any] = ["current": page, "total": pageCount, "isPaginated": pageCount > 1]
        if page > 1 { context["prev"] = SitePaths.link(from: path, to: pathOf(page - 1)) }
        if page < pageCount { context["next"] = SitePaths.link(from: path, to: pathOf(page + 1)) }
        context["pages"] = (1...pageCount).map { number -> [String: Any] in
            ["number": number, "url": SitePaths.link(from: path, to: pathOf(number)), "isCurrent": number == page]
        }
        return context
    }
}
