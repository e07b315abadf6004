import ChansiteCore

extension Channel {
    /// A value made from this channel alone (`part` names which), kept by `memo` under the
    /// channel's key: the key holds its posts, its slug and the configuration, so a value kept
    /// under it is the one `make` would make. Made afresh without a key or a memo.
    package func kept<Value>(_ part: String, in memo: (any StageCache<Value>)?, _ make: () -> Value) -> Value {
        guard let cacheKey, let memo else { return make() }
        return memo.value(Fingerprint(cacheKey, part).hex, make)
    }
}
