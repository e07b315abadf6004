import Testing

@testable import ChansiteRender

/// The lookups `MovedPages.make` asks only about the identities it needs (they replaced a sort
/// of every page's path and a set of every identity the history had).
@Suite struct MovedPagesTests {
    static func page(_ key: UInt64) -> PageIdentity { PageIdentity(kind: .post, key: key, channel: 1) }

    @Test func aKeyLeadsToItsFirstPathInOrderWhateverTheTableOrder() {
        var current: [String: PageIdentity] = [:]
        // Many pages share key 7 (the first in order is "a/00.html"); key 8 has one; key 9 none.
        for n in (0..<200).reversed() { current["a/\(n < 10 ? "0" : "")\(n).html"] = Self.page(7) }
        current["b/ünï.html"] = Self.page(7)
        current["b/x.html"] = Self.page(8)
        current["c/y.html"] = Self.page(10)
        let first = MovedPages.firstPaths(of: [7, 8, 9], in: current)
        #expect(first == [7: "a/00.html", 8: "b/x.html"])
        // The same as the first of every path sorted, which it replaced.
        let sorted = current.keys.sorted().first { current[$0]?.key == 7 }
        #expect(first[7] == sorted)
        #expect(MovedPages.firstPaths(of: [], in: current).isEmpty)
    }

    @Test func onlyTheAskedKeysAreLookedUpInTheHistory() {
        var pages: [String: URLHistory.Entry] = [:]
        for n in 0..<50 { pages["p/\(n).html"] = URLHistory.Entry(Self.page(UInt64(n))) }
        #expect(MovedPages.known([3, 49, 50, 1000], in: pages) == [3, 49])
        #expect(MovedPages.known([], in: pages).isEmpty)
    }
}
