import ChansiteCore

/// A `Memo` that counts its hits: what a test asks of a stage's cache.
final class CountingMemo<Value>: StageCache, @unchecked Sendable {
    private let memo = Memo<Value>()
    let hits = LockedBox(0)

    func known(_ key: String) -> Value? {
        let known = memo.known(key)
        if known != nil { hits.mutate { $0 += 1 } }
        return known
    }

    func store(_ key: String, _ value: Value) { memo.store(key, value) }

    func endBuild() { memo.endBuild() }
}
