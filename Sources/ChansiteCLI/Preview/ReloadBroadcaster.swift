import Hummingbird

/// Keeps the server-sent-event streams of open pages and tells them to reload or show an error.
actor ReloadBroadcaster {
    private var streams: [Int: AsyncStream<ByteBuffer>.Continuation] = [:]
    private var nextID = 0

    /// A new event stream; it ends when the page goes away or the server stops.
    func subscribe() -> AsyncStream<ByteBuffer> {
        let (stream, continuation) = AsyncStream<ByteBuffer>.makeStream()
        let id = nextID
        nextID += 1
        streams[id] = continuation
        continuation.onTermination = { _ in Task { await self.remove(id) } }
        continuation.yield(ByteBuffer(string: "retry: 1000\n: connected\n\n"))
        return stream
    }

    private func remove(_ id: Int) {
        streams[id] = nil
    }

    /// Sends one event (`reload` or `error` with a message) to every open page.
    func send(event: String, data: String = "") {
        let lines = data.split(separator: "\n", omittingEmptySubsequences: false).map { "data: \($0)" }.joined(separator: "\n")
        let buffer = ByteBuffer(string: "event: \(event)\n\(lines.isEmpty ? "data: " : lines)\n\n")
        for continuation in streams.values { continuation.yield(buffer) }
    }

    func closeAll() {
        for continuation in streams.values { continuation.finish() }
        streams.removeAll()
    }
}
