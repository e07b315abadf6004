import Mustache

/// A typed view model: what one template sees of one thing. Each view lists its variables once,
/// in `fields`; Mustache looks them up through `child(named:)`, `TemplateCheck` knows every
/// template variable from the union of all views' names, and `Fingerprint.add(view:)` hashes a
/// view by walking the same list. So a misspelt variable, a variable no view provides and a
/// value missing from a page's fingerprint are all impossible by construction.
protocol TemplateView: MustacheParent, Sendable {
    static var fields: ViewFields<Self> { get }
}

extension TemplateView {
    func child(named name: String) -> Any? { Self.fields.getters[name]?(self) }
}

/// A view type's variables, in a fixed order (the order they are hashed in).
struct ViewFields<View>: Sendable {
    let names: [String]
    let getters: [String: @Sendable (View) -> Any?]
    /// The getters in `names`' order (hashing walks them without looking names up).
    let ordered: [@Sendable (View) -> Any?]

    init(_ list: KeyValuePairs<String, @Sendable (View) -> Any?>) {
        names = list.map(\.key)
        ordered = list.map(\.value)
        getters = Dictionary(list.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }
}

/// Every view type, for the names templates may use.
enum ViewCatalog {
    static let names: Set<String> = {
        var names: Set<String> = []
        for fields in [
            PageView.fields.names, SiteInfoView.fields.names, NavView.fields.names, PostView.fields.names,
            LinkView.fields.names, ReactionView.fields.names, LinkCardView.fields.names, ReplyView.fields.names,
            PollView.fields.names, PollAnswerView.fields.names, LocationView.fields.names, ContactView.fields.names,
            MediaView.fields.names, ChannelView.fields.names, PaginationView.fields.names, PageLinkView.fields.names,
            HomeView.fields.names, TagsView.fields.names, SearchView.fields.names, NotFoundView.fields.names,
            ChannelPageView.fields.names, PostPageView.fields.names, ArchiveView.fields.names, YearView.fields.names,
            MonthLinkView.fields.names, MonthPageView.fields.names, TagPageView.fields.names, TagInfoView.fields.names,
        ] {
            names.formUnion(fields)
        }
        return names
    }()
}

extension Fingerprint {
    /// Adds a view: each variable's name and value, in the view's order. A post adds its
    /// fingerprint, computed once per build, instead of being walked on every page showing it.
    mutating func add(view: any TemplateView) {
        if let post = view as? PostView {
            add(post.fingerprint)
            return
        }
        add(viewValues: view)
    }

    /// Adds every variable of `view`, walking nested views.
    mutating func add(viewValues view: some TemplateView) {
        let fields = type(of: view).fields
        for (name, get) in zip(fields.names, fields.ordered) {
            add(name)
            add(viewValue: get(view))
        }
    }

    mutating func add(viewValue value: Any?) {
        // Plain values first: a cast to a concrete type is cheap, one to a protocol existential
        // searches the conformances (most of a page's fingerprint when it came first).
        switch value {
        case nil: add(any: nil)
        case let text as String: add(text)
        case let flag as Bool: add(any: flag)
        case let number as Int: add(number)
        case let view as any TemplateView: add(view: view)
        case let list as [any TemplateView]:
            add(list.count)
            for item in list { add(view: item) }
        case let value?: add(any: value)
        }
    }
}
