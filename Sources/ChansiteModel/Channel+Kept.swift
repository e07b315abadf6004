import ChansiteCore

extension Channel {
    /// A value made from this channel alone (`part` names which), kept by `memo` under the
    /// channel's key: the key holds its posts, its slug and the configuration, so a value kept
    /// under it is the one `make` would make. Made afresh without a key or a memo.
    package func kept<Value>(_ part: String, in memo: (any StageCache<Value>)?, _ make: () -> Value) -> Value {
        guard let cacheKey, let memo else { return make() }
        return memo.value(Fingerprint(cacheKey, part).hex, make)
    }

    /// A list of `count` values (one a post, a file…) kept as `kept` keeps a value, under the
    /// channel's key and `context` (what the values read beyond the channel); a kept list of
    /// another length is made again, never used.
    package func keptList<Element>(
        _ part: String, context: [String] = [], count: Int, in memo: (any StageCache<[Element]>)?, _ make: () -> [Element]
    ) -> [Element] {
        guard let cacheKey, let memo else { return make() }
        var key = Fingerprint(cacheKey, part)
        for text in context { key.add(text) }
        let list = memo.value(key.hex, make)
        return list.count == count ? list : make()
    }
}
