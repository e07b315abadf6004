import Hummingbird

/// Keeps the server-sent-event streams of open pages and tells them to reload or show an error.
///
/// A closed page is only noticed when a write to its connection fails, so every stream gets a
/// heartbeat comment each `heartbeat`: a page that went away is released within seconds, not
/// at the next rebuild. The number of streams is bounded, so open tabs cannot use up the
/// server's descriptors.
actor ReloadBroadcaster {
    static let heartbeat: Duration = .seconds(1)

    /// The most event streams open at once; more get 503.
    let limit: Int
    private var streams: [Int: AsyncStream<ByteBuffer>.Continuation] = [:]
    private var nextID = 0
    private var heartbeatTask: Task<Void, Never>?

    init(limit: Int) {
        self.limit = limit
    }

    /// A new event stream, or nil when `limit` streams are open. Slow readers keep only the
    /// newest few events: a reload is a reload, however many were missed.
    func subscribe() -> (id: Int, stream: AsyncStream<ByteBuffer>)? {
        guard streams.count < limit else { return nil }
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        streams[id] = continuation
        continuation.yield(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
        if heartbeatTask == nil {
            heartbeatTask = Task { [weak self] in
                while !Task.isCancelled {
                    // try?: cancellation ends the heartbeat; the loop checks it.
                    try? await Task.sleep(for: Self.heartbeat)
                    await self?.broadcast(ByteBuffer(string: ": ping\n\n"))
                }
            }
        }
        return (id, stream)
    }

    /// Ends and forgets a stream (its page went away, or the server stops).
    func unsubscribe(_ id: Int) {
        streams.removeValue(forKey: id)?.finish()
    }

    var openStreams: Int { streams.count }

    /// Sends one event (`reload` or `error` with a message) to every open page.
    func send(event: String, data: String = "") {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        broadcast(ByteBuffer(string: "event: \(event)\n\(lines.isEmpty ? "data: " : lines)\n\n"))
    }

    private func broadcast(_ buffer: ByteBuffer) {
        for continuation in streams.values { continuation.yield(buffer) }
    }

    func closeAll() {
        heartbeatTask?.cancel()
        heartbeatTask = nil
        for continuation in streams.values { continuation.finish() }
        streams.removeAll()
    }
}
