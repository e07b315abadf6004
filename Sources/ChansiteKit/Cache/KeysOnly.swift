import ChansiteCore

/// A stage cache that keeps nothing: asking it makes every value. A stage that names its
/// values' inputs only when given a cache (the model keys each channel) is given this when
/// the values themselves are not worth keeping but their keys key other entries.
final class KeysOnly<Value>: StageCache, @unchecked Sendable {
    func known(_ key: String) -> Value? { nil }
    func store(_ key: String, _ value: Value) {}
    func endBuild() {}
}
