import ChansiteCore

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

    /// The page links a template shows: `current`, `total`, `prev`/`next` URLs and the numbered
    /// `pages`; `chronological` when earlier pages hold older posts (a channel's, a month's),
    /// which the default templates label "Older" and "Newer". `openEnded` for a list whose last
    /// page is its front page and grows (a channel's): a page before it names neither the
    /// count nor the last page's number (its link is `isNewest`), so an append leaves it as
    /// it was.
    func view(page: Int, chronological: Bool = true, openEnded: Bool = false, pathOf: (Int) -> String) -> PaginationView {
        let steady = openEnded && page < pageCount
        return PaginationView(
            current: page, total: steady ? nil : pageCount, isPaginated: pageCount > 1, chronological: chronological,
            prev: page > 1 ? SitePaths.rootLink(to: pathOf(page - 1)) : nil,
            next: page < pageCount ? SitePaths.rootLink(to: pathOf(page + 1)) : nil,
            pages: window(around: page).map { number in
                guard let number else { return PageLinkView(isGap: true) }
                let url = SitePaths.rootLink(to: pathOf(number))
                if steady, number == pageCount { return PageLinkView(url: url, isNewest: true) }
                return PageLinkView(number: number, url: url, isCurrent: number == page)
            })
    }
}

struct PaginationView: TemplateView {
    var current: Int
    /// Nil on a page before the front page of an open-ended list (`Pagination.view`).
    var total: Int?
    var isPaginated: Bool
    var chronological: Bool
    var prev: String?
    var next: String?
    var pages: [PageLinkView]

    static let fields = ViewFields<Self>([
        "current": { $0.current }, "total": { $0.total }, "isPaginated": { $0.isPaginated },
        "chronological": { $0.chronological ? true : nil }, "prev": { $0.prev }, "next": { $0.next },
        "pages": { $0.pages },
    ])
}

/// A numbered page link, a link to the newest page without its number (`isNewest`), or a
/// gap between them.
struct PageLinkView: TemplateView {
    var number: Int?
    var url: String?
    var isCurrent: Bool?
    var isGap: Bool?
    var isNewest: Bool?

    static let fields = ViewFields<Self>([
        "number": { $0.number }, "url": { $0.url }, "isCurrent": { $0.isCurrent }, "isGap": { $0.isGap }, "isNewest": { $0.isNewest },
    ])
}
