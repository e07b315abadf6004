import ChansiteCore

/// A typed view model: what one template sees of one thing. Each view lists its variables once,
/// in `fields`, each of a `TemplateValue` type; the render plan looks them up through
/// `value(named:)`, `TemplateCheck`
/// knows every template variable from the union of all views' names, and
/// `Fingerprint.add(view:)` hashes a view by walking the same list. So a misspelt variable, a
/// variable no view provides and a value missing from a page's fingerprint are all impossible
/// by construction, and no value is told apart by a dynamic cast.
protocol TemplateView: TemplateValue, TemplateItem {
    static var fields: ViewFields<Self> { get }
    /// The variable `name`, or nil when this view has none (the lookup goes on down the stack).
    func value(named name: ViewName) -> ViewValue?
}

extension TemplateView {
    func value(named name: ViewName) -> ViewValue? { Self.fields.getter(name)?(self)?.viewValue }

    var viewValue: ViewValue { .view(self) }

    static func viewValue(of list: [Self]) -> ViewValue { .views(list.map { $0 }) }
}

/// A view type's variables, in a fixed order (the order they are hashed in).
struct ViewFields<View>: Sendable {
    typealias Getter = @Sendable (View) -> (any TemplateValue)?
    let names: [String]
    /// The getters in `names`' order (hashing walks them without looking names up).
    let ordered: [Getter]
    /// The getters by their names' numbers (`ViewName`); a name numbered after these were
    /// listed is not one of them.
    private let numbered: [Getter?]

    init(_ list: KeyValuePairs<String, Getter>) {
        names = list.map(\.key)
        ordered = list.map(\.value)
        let numbers = names.map { ViewName($0).number }
        var numbered = [Getter?](repeating: nil, count: (numbers.max() ?? -1) + 1)
        // The first of two getters listed under one name wins.
        for (number, getter) in zip(numbers, ordered) where numbered[number] == nil { numbered[number] = getter }
        self.numbered = numbered
    }

    /// The getter of the variable `name`, if this view has one.
    func getter(_ name: ViewName) -> Getter? {
        name.number < numbered.count ? numbered[name.number] : nil
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
            EndOfPageView.fields.names, VersionView.fields.names, GalleryPageView.fields.names, GalleryTabView.fields.names,
            GalleryItemView.fields.names, DayPageView.fields.names, DayYearView.fields.names, DaysView.fields.names,
            DaysMonthView.fields.names, YearPageView.fields.names, TodoView.fields.names, TodoItemView.fields.names,
            GiveawayView.fields.names, TextLineView.fields.names, EventView.fields.names, CommentView.fields.names,
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
        // By index: a zip of the two lists, in this unspecialized code, looked up generic
        // metadata on every step (half of a page's fingerprint).
        for index in fields.names.indices {
            add(fields.names[index])
            add(viewValue: fields.ordered[index](view)?.viewValue)
        }
    }

    mutating func add(viewValue value: ViewValue?) {
        switch value {
        case nil: addNil()
        case .text(let text): add(text)
        case .flag(let flag): add(any: flag)
        case .number(let number): add(number)
        case .view(let view): add(view: view)
        case .views(let views):
            add(views.count)
            for view in views { add(view: view) }
        case .texts(let texts): add(texts)
        case .strings(let strings): add(any: strings)
        }
    }
}
