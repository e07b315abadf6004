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
    /// The page each stream serves, when it said (site paths: `channels/x/1.html`).
    private var pages: [Int: String] = [:]
    private var nextID = 0
    private var heartbeatTask: Task<Void, Never>?

    init(limit: Int) {
        self.limit = limit
    }

    /// A new event stream, or nil when `limit` streams are open. Slow readers keep only the
    /// newest few events: a reload is a reload, however many were missed.
    func subscribe(page: String? = nil) -> (id: Int, stream: AsyncStream<ByteBuffer>)? {
        guard streams.count < limit else { return nil }
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream(bufferingPolicy: .bufferingNewest(8))
        let id = nextID
        nextID += 1
        streams[id] = continuation
        pages[id] = page
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
        pages[id] = nil
    }

    /// The pages open now, for a rebuild to render first.
    var openPages: Set<String> { Set(pages.values) }

    var openStreams: Int { streams.count }

    /// Sends one event (`reload` or `error` with a message) to every open page, or only to
    /// those showing one of `only`, or to all but those showing one of `except`.
    func send(event: String, data: String = "", only: Set<String>? = nil, except: Set<String> = []) {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        broadcast(ByteBuffer(string: "event: \(event)\n\(lines.isEmpty ? "data: " : lines)\n\n")) { id in
            guard let page = pages[id] else { return only == nil }
            return (only?.contains(page) ?? true) && !except.contains(page)
        }
    }

    private func broadcast(_ buffer: ByteBuffer, to wanted: (Int) -> Bool = { _ in true }) {
        for (id, continuation) in streams where wanted(id) { continuation.yield(buffer) }
    }

    func closeAll() {
        heartbeatTask?.cancel()
        heartbeatTask = nil
        for continuation in streams.values { continuation.finish() }
        streams.removeAll()
        pages.removeAll()
    }
}
