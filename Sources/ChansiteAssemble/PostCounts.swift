import ChansiteCore
import ChansiteModel

/// Counts of posts, keyed by a hash of the whole post (`SiteAssembler.key(of:)`) and compared
/// with `==` inside a key only against a hash collision: hashing a `Post` with `Hasher` would
/// normalise every string (Unicode-correct, and slow for non-Latin text).
struct PostCounts {
    private var buckets: [String: [(post: Post, count: Int)]] = [:]

    /// Counts one more of `post`; returns its new count.
    mutating func increment(_ post: Post, key: String) -> Int {
        if let index = buckets[key]?.firstIndex(where: { $0.post == post }) {
            buckets[key]?[index].count += 1
            return buckets[key]?[index].count ?? 1
        }
        buckets[key, default: []].append((post, 1))
        return 1
    }

    func count(of post: Post, key: String) -> Int {
        buckets[key]?.first { $0.post == post }?.count ?? 0
    }

    /// Raises each count to the other's, where that is higher.
    mutating func keepMaximum(of other: PostCounts) {
        for (key, entries) in other.buckets {
            for entry in entries {
                var bucket = buckets[key] ?? []
                if let index = bucket.firstIndex(where: { $0.post == entry.post }) {
                    bucket[index].count = max(bucket[index].count, entry.count)
                } else {
                    bucket.append(entry)
                }
                buckets[key] = bucket
            }
        }
    }
}
