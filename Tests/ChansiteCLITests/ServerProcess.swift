import Foundation

/// The real `chansite serve` on a random port, for tests that talk HTTP to it.
final class ServerProcess {
    private(set) var process = Process()
    private(set) var port = 0
    let project: URL

    /// Starts the server; `launcher` runs it under another program (`prlimit …`); `errorLog`
    /// keeps what it prints on stderr. A port is drawn below Linux's ephemeral range (32768
    /// up), where the tests' own client connections could hold it; a server that exits at
    /// once (its port taken after all) is started again on another.
    init(project: URL, extra: [String] = [], launcher: [String] = [], errorLog: URL? = nil, environment: [String: String] = [:]) throws {
        self.project = project
        for _ in 0..<5 {
            port = Int.random(in: 20000...32000)
            process = Process()
            let arguments = ["serve", "--port", String(port)] + extra
            if let tool = launcher.first {
                process.executableURL = URL(fileURLWithPath: tool)
                process.arguments = Array(launcher.dropFirst()) + [CLIRunner.binary.path] + arguments
            } else {
                process.executableURL = CLIRunner.binary
                process.arguments = arguments
            }
            process.currentDirectoryURL = project
            if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
            process.standardOutput = FileHandle.nullDevice
            if let errorLog {
                FileManager.default.createFile(atPath: errorLog.path, contents: nil)
                process.standardError = try FileHandle(forWritingTo: errorLog)
            } else {
                process.standardError = FileHandle.nullDevice
            }
            try process.run()
            let deadline = Date().addingTimeInterval(60)
            while Date() < deadline, process.isRunning {
                if let fd = try? RawHTTP.connect(port: port) {
                    close(fd)
                    return
                }
                Thread.sleep(forTimeInterval: 0.1)
            }
            guard !process.isRunning else { break }
        }
        if process.isRunning { process.terminate() }
        throw POSIXError(.ETIMEDOUT)
    }

    func get(_ path: String, _ method: String = "GET", headers: [String: String] = [:], timeout: Int = 5) throws -> RawHTTP.Response {
        try RawHTTP.request(port: port, method, path, headers: headers, timeout: timeout)
    }

    func stop() -> Int32 {
        if process.isRunning { process.interrupt() }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// How many descriptors the server process has open (Linux `/proc`).
    var openDescriptors: Int {
        (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(process.processIdentifier)/fd").count) ?? -1
    }

    /// Sends SIGTERM and returns how long the process took to exit, or nil if it was still
    /// running after `limit` seconds (it is then killed).
    func terminate(within limit: Double) -> Double? {
        let start = Date()
        process.terminate()
        while process.isRunning, Date().timeIntervalSince(start) < limit { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            return nil
        }
        return Date().timeIntervalSince(start)
    }
}
