import ChansiteCore

/// What a page template sees: the variables every page has (`root`, `pageTitle`, `site`, `nav`,
/// `t`, `is_<template>`) over the page's own view. Links are root-relative; the page swaps the
/// root marker for its own depth when it is written (`RootLinks`).
struct PageView: TemplateView {
    /// The page's template; nil for the page a summary is rendered on alone.
    var template: PageTemplate?
    var pageTitle: String
    var site: SiteInfoView
    var strings: [String: String]
    var content: any TemplateView
    /// The page's absolute address, when the site has a base URL.
    var canonicalURL: String?

    static let fields = ViewFields<Self>([
        "root": { _ in SitePaths.rootMarker }, "pageTitle": { $0.pageTitle }, "site": { $0.site }, "nav": { _ in NavView.shared },
        "t": { $0.strings }, "canonicalURL": { $0.canonicalURL },
        // The section a template puts its second pagination in: `atEnd` names that one apart,
        // so no page has two navigation landmarks with one name.
        "endOfPage": { _ in EndOfPageView() },
    ])

    /// The `is_<template>` flags: one per page template.
    static let templateFlags = PageTemplate.allCases.map { "is_" + $0.rawValue }
    static let templateFlagNames = Dictionary(uniqueKeysWithValues: PageTemplate.allCases.map { ($0, ViewName("is_" + $0.rawValue)) })

    func value(named name: ViewName) -> ViewValue? {
        if let getter = Self.fields.getter(name) { return getter(self)?.viewValue }
        if name.text.hasPrefix("is_"), let template, name == Self.templateFlagNames[template] { return .flag(true) }
        return content.value(named: name)
    }

    /// The page's inputs: the template's name, the page's variables and its view's (the
    /// interface words, the same on every page, are hashed once by the renderer).
    func add(to fingerprint: inout Fingerprint) {
        fingerprint.add(template?.rawValue ?? "")
        fingerprint.add(pageTitle)
        fingerprint.add(canonicalURL ?? "")
        fingerprint.add(view: site)
        fingerprint.add(view: content)
    }
}

/// `endOfPage`: the context of the navigation repeated at the end of a page.
struct EndOfPageView: TemplateView {
    static let fields = ViewFields<Self>(["atEnd": { _ in true }])
}

/// The site's own variables (`site.title`, `site.description`, `site.language`).
struct SiteInfoView: TemplateView {
    var title: String
    var description: String
    var language: String

    static let fields = ViewFields<Self>(["title": { $0.title }, "description": { $0.description }, "language": { $0.language }])
}

/// The site's navigation links, the same from every page.
struct NavView: TemplateView {
    static let shared = NavView()

    static let fields = ViewFields<Self>([
        "home": { _ in SitePaths.rootLink(to: SitePaths.home) }, "tags": { _ in SitePaths.rootLink(to: SitePaths.tagIndex) },
        "search": { _ in SitePaths.rootLink(to: SitePaths.search) }, "feed": { _ in SitePaths.rootLink(to: SitePaths.feed) },
        "atom": { _ in SitePaths.rootLink(to: SitePaths.atom) }, "jsonFeed": { _ in SitePaths.rootLink(to: SitePaths.jsonFeed) },
    ])
}

/// The page kinds, each rendered by its template (`<raw value>.mustache`).
enum PageTemplate: String, Sendable, CaseIterable {
    case index, channel, post, tag, tags, search, archive, month, gallery, year, day, days
    case notFound = "404"
}
