import Foundation
import Testing

@testable import ChansiteCore
@testable import ChansiteModel
@testable import ChansiteRender

@Suite struct SiteStringsTests {
    static func strings(_ language: String, folder: String = "/nonexistent") throws -> (strings: SiteStrings, warnings: [Diagnostic]) {
        try TemplateSet(folder: folder, required: false).strings(for: language)
    }

    @Test(arguments: [
        (1, "1 пост"), (2, "2 поста"), (5, "5 постов"), (11, "11 постов"), (12, "12 постов"), (21, "21 пост"), (22, "22 поста"),
        (111, "111 постов"), (1_234, "1\u{A0}234 поста"),
    ])
    func russianPlurals(n: Int, expected: String) throws {
        #expect(try Self.strings("ru").strings.count("posts", n) == expected)
    }

    @Test func ukrainianAndEnglishPluralsAndNumbers() throws {
        let uk = try Self.strings("uk").strings
        #expect([1, 3, 7].map { uk.count("posts", $0) } == ["1 допис", "3 дописи", "7 дописів"])
        let en = try Self.strings("en").strings
        #expect([1, 2, 12_345].map { en.count("posts", $0) } == ["1 post", "2 posts", "12,345 posts"])
        #expect(uk.count("subscribers", text: "9.25K") == "9.25K підписників")
        #expect(uk.count("subscribers", text: "14 835") == "14\u{A0}835 підписників")
    }

    @Test func everyBuiltInLanguageHasEveryKeyAndEveryPluralForm() throws {
        let english = try #require(BuiltinTemplates.files["strings/en.json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(english.utf8)) as? [String: Any])
        let keys = Set((object["texts"] as? [String: Any] ?? [:]).keys)
        let counted = Set((object["counted"] as? [String: Any] ?? [:]).keys)
        for name in BuiltinTemplates.files.keys where name.hasPrefix("strings/") {
            let data = Data((BuiltinTemplates.files[name] ?? "").utf8)
            let file = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            #expect(Set((file["texts"] as? [String: Any] ?? [:]).keys) == keys, "\(name)")
            let rule = try #require(PluralRule(rawValue: file["plural"] as? String ?? ""), "\(name)")
            let categories = Set((0...200).map(rule.category))
            for (key, forms) in file["counted"] as? [String: [String: String]] ?? [:] {
                #expect(Set(forms.keys).isSuperset(of: categories), "\(name): \(key)")
            }
            #expect(Set((file["counted"] as? [String: Any] ?? [:]).keys) == counted, "\(name)")
        }
    }

    @Test func aProjectAddsALanguageWithOneFileAndAnUnknownOneFallsBackToEnglish() throws {
        let folder = try TestSupport.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        try TestSupport.write(
            [
                "strings/de.json":
                    #"{"plural": "one-other", "texts": {"tags": "Schlagwörter"}, "counted": {"posts": {"one": "{n} Beitrag", "other": "{n} Beiträge"}}}"#
            ],
            under: folder)
        let german = try Self.strings("de-AT", folder: folder.path)
        #expect(german.warnings.isEmpty)
        #expect(german.strings.text("tags") == "Schlagwörter")
        #expect(german.strings.text("search") == "Search")  // not in the file: English
        #expect(german.strings.count("posts", 2_000) == "2.000 Beiträge")
        let unknown = try Self.strings("fi")
        #expect(unknown.strings.text("tags") == "Tags")
        #expect(unknown.warnings.first?.message.contains("no strings for the language 'fi'") == true)
        try TestSupport.write(["strings/xx.json": #"{"plural": "dual"}"#], under: folder)
        #expect(throws: DiagnosticError.self) { try Self.strings("xx", folder: folder.path) }
    }

    /// A value is never read for placeholders again: a channel called `{n}` keeps its name
    /// whatever order the values come in.
    @Test func placeholdersAreFilledOnceInOnePass() throws {
        let english = try Self.strings("en").strings
        #expect(english.text("pageOf", ["title": "{n} {title}", "n": "2"]) == english.text("pageOf", ["n": "2", "title": "{n} {title}"]))
        #expect(english.text("pageOf", ["title": "{n}", "n": "2"]).contains("{n}"))
        #expect("a {x} {unknown} {".fillingPlaceholders(["x": "{x}y"]) == "a {x}y {unknown} {")
        #expect("é{n}é{n}".replacingBytes(of: "{n}", with: "5") == "é5é5")
    }

    @Test func aMisspeltStringInATemplateIsCaught() throws {
        let problems = TemplateCheck.problems(in: try TemplateParser.parse("{{t.tags}} {{t.tagz}}").tags, partials: [])
        #expect(problems.map(\.message) == ["unknown string 't.tagz' (not in strings/en.json; renders as nothing)"])
    }
}

@Suite struct RelativeDateWordingTests {
    @Test(arguments: [
        ("9 months, 2 weeks ago", "ru", "примерно за 9 месяцев до того, как сделана эта копия"),
        ("an hour ago", "en", "about 1 hour before this copy was made"),
        ("3 дня назад", "uk", "приблизно за 3 дні до того, як зроблено цю копію"),
        ("1 week ago", "ru", "примерно за 1 неделю до того, как сделана эта копия"),
    ])
    func relativeDatesAreMeasuredFromTheCopy(written: String, language: String, expected: String) throws {
        let span = try #require(RelativeDate.leadingSpan(written))
        let strings = try SiteStringsTests.strings(language).strings
        #expect(strings.text("relativeDate", ["span": strings.count("unit." + span.unit, span.count)]) == expected)
    }

    @Test func aLineThatIsNoRelativeDateIsLeftAlone() {
        #expect(RelativeDate.leadingSpan("Last updated 4 days ago") == nil)
        #expect(RelativeDate.leadingSpan("12 March 2024") == nil)
    }
}
