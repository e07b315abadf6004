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
}
