import Foundation

/// The preview server holds a descriptor per connection: start with the most the system allows,
/// so the connection bound, not the descriptor limit, is what a flood of connections meets.
enum DescriptorLimit {
    static func raise() {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur < limit.rlim_max else { return }
        limit.rlim_cur = min(limit.rlim_max, 1 << 16)
        _ = setrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit)
    }

    /// The most connections the descriptor limit leaves room for: each may open a file while
    /// it is answered, and the server keeps some for itself. Accepting past the limit fails
    /// with EMFILE, and the event loop then spins on the listening socket.
    static func connectionBound() -> Int {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0 else { return 256 }
        let soft = Int(min(limit.rlim_cur, 1 << 20))
        return max(8, (soft - 32) / 2)
    }
}
