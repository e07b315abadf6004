import Foundation
import Testing

/// The preview server under the loads that used to stall it: thousands of closed live-reload
/// streams, a flood of idle connections, a low descriptor limit, and SIGTERM in each state.
@Suite(.serialized) struct ServeRobustnessTests {
    static func project() throws -> URL {
        try CLIRunner.temporaryProject(content: ["a.txt": Data(ServeCommandTests.dump.utf8)])
    }

    /// Opens an event stream and waits for its first comment; nil when refused (503).
    static func openStream(port: Int) -> Int32? {
        guard let fd = try? RawHTTP.connect(port: port) else { return nil }
        RawHTTP.send(fd, "GET", "/__chansite/events", headers: [:])
        if RawHTTP.readStream(fd, untilAny: ["connected", "too many"], seconds: 3).contains("connected") { return fd }
        close(fd)
        return nil
    }

    /// Polls until `condition` holds or `seconds` pass.
    static func eventually(_ seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if condition() { return true }
            Thread.sleep(forTimeInterval: 0.2)
        }
        return condition()
    }

    @Test func twoThousandClosedEventStreamsReleaseTheirDescriptors() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project, extra: ["--max-connections", "4096"])
        defer { _ = server.stop() }
        #expect(try server.get("/").status == 200)
        Thread.sleep(forTimeInterval: 0.5)
        let base = server.openDescriptors
        var opened = 0
        for _ in 0..<40 {
            let batch = (0..<50).compactMap { _ in Self.openStream(port: server.port) }
            opened += batch.count
            for fd in batch { close(fd) }
            // A closed stream is noticed at the second heartbeat after it: pace the batches so
            // the released ones keep up, as pages opened by a person would.
            Thread.sleep(forTimeInterval: 0.1)
        }
        #expect(opened == 2000, "only \(opened) of 2000 streams were accepted")
        let released = Self.eventually(10) { server.openDescriptors <= base + 2 }
        #expect(released, "descriptors: \(server.openDescriptors), base \(base)")
        #expect(try server.get("/").status == 200)
        #expect(server.terminate(within: 2) != nil, "SIGTERM took longer than 2 s")
    }

    @Test func aFloodOfIdleConnectionsMeetsTheBoundAndTheServerStillAnswers() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        let server = try ServerProcess(project: project, extra: ["--max-connections", "16", "--idle-timeout", "2"])
        defer { _ = server.stop() }
        let base = server.openDescriptors
        // 60 connections that never send a request, and 8 live-reload streams.
        let idle = (0..<60).compactMap { _ in try? RawHTTP.connect(port: server.port) }
        let streams = (0..<8).compactMap { _ in Self.openStream(port: server.port) }
        defer { for fd in idle + streams { close(fd) } }
        #expect(idle.count == 60)
        #expect(streams.count <= 4, "at most a quarter of the connections may be event streams")
        #expect(server.openDescriptors <= base + 16 + 2, "the bound of 16 connections was exceeded: \(server.openDescriptors) open, base \(base)")
        // Idle connections time out, so a page request gets its turn.
        let start = Date()
        let page = try server.get("/", timeout: 20)
        #expect(page.status == 200, "the server stopped answering at its connection bound")
        #expect(Date().timeIntervalSince(start) < 15)
        let more = (0..<60).compactMap { _ in try? RawHTTP.connect(port: server.port) }
        defer { for fd in more { close(fd) } }
        #expect(server.terminate(within: 2) != nil, "SIGTERM took longer than 2 s at the connection bound")
    }

    @Test func sigtermStopsTheServerAtTheDescriptorLimit() throws {
        let project = try Self.project()
        defer { try? FileManager.default.removeItem(at: project) }
        // 64 descriptors in all, and a connection bound above that: accepting runs out of descriptors.
        let server = try ServerProcess(
            project: project, extra: ["--max-connections", "512"],
            launcher: ["/usr/bin/prlimit", "--nofile=64:64"])
        defer { _ = server.stop() }
        let flood = (0..<150).compactMap { _ in try? RawHTTP.connect(port: server.port, timeout: 1) }
        defer { for fd in flood { close(fd) } }
        Thread.sleep(forTimeInterval: 1)
        #expect(server.process.isRunning, "the server died at the descriptor limit")
        #expect(server.terminate(within: 2) != nil, "SIGTERM took longer than 2 s at the descriptor limit")
        #expect(server.process.terminationReason == .exit, "the server crashed instead of stopping")
    }
}
