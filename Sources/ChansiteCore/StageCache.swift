/// What a stage asks of a cache kept between builds: a value by a key that fingerprints every
/// input of it, so a hit gives exactly what making the value would. Stages take one as an
/// argument and hold none; the pipeline (`ChansiteKit`) decides what is kept and for how long
/// (`Memo`: in memory, for `serve`).
package protocol StageCache<Value>: AnyObject, Sendable {
    associatedtype Value

    /// The value for `key`, made by `make` when the cache does not hold it.
    func value(_ key: String, _ make: () -> Value) -> Value
    /// The value for `key` when the cache holds it.
    func known(_ key: String) -> Value?
    func store(_ key: String, _ value: Value)
    /// Whether the cache holds a value for `key` (cheaper than `known` where values are decoded).
    func holds(_ key: String) -> Bool
    /// Forgets what the build just finished did not use.
    func endBuild()
}

extension StageCache {
    package func holds(_ key: String) -> Bool { known(key) != nil }

    /// The value known for `key`, else made by `make` (outside any lock) and stored.
    package func value(_ key: String, _ make: () -> Value) -> Value {
        if let known = known(key) { return known }
        let made = make()
        store(key, made)
        return made
    }
}

extension Memo: StageCache {}
