import Foundation

/// A minimal HTTP/1.1 client on a plain socket: it sends paths exactly as written (`/../x`,
/// `%2e%2e`), which URLSession would normalise away, and can read a streaming response.
enum RawHTTP {
    struct Response {
        var status: Int
        var headers: [String: String]
        var body: String
    }

    static func connect(port: Int, timeout seconds: Int = 5) throws -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Foundation.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard result == 0 else {
            close(fd)
            throw POSIXError(.ECONNREFUSED)
        }
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        return fd
    }

    static func send(_ fd: Int32, _ method: String, _ path: String, headers: [String: String]) {
        var request = "\(method) \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        for (name, value) in headers { request += "\(name): \(value)\r\n" }
        request += "\r\n"
        _ = request.utf8CString.withUnsafeBufferPointer { Foundation.send(fd, $0.baseAddress, $0.count - 1, 0) }
    }

    static func request(
        port: Int, _ method: String = "GET", _ path: String, headers: [String: String] = [:],
        timeout: Int = 5
    ) throws -> Response {
        let fd = try connect(port: port, timeout: timeout)
        defer { close(fd) }
        send(fd, method, path, headers: headers.merging(["Connection": "close"]) { a, _ in a })
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data.append(contentsOf: buffer[0..<n])
        }
        return parse(String(decoding: data, as: UTF8.self))
    }

    static func parse(_ text: String) -> Response {
        let parts = text.components(separatedBy: "\r\n\r\n")
        let head = parts.first?.components(separatedBy: "\r\n") ?? []
        let status = head.first.flatMap { Int($0.split(separator: " ").dropFirst().first ?? "") } ?? 0
        var headers: [String: String] = [:]
        for line in head.dropFirst() {
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
        }
        return Response(status: status, headers: headers, body: parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Reads a streaming response until `marker` appears or `seconds` pass; returns what was read.
    static func readStream(_ fd: Int32, until marker: String, seconds: Double) -> String {
        readStream(fd, untilAny: [marker], seconds: seconds)
    }

    /// Reads a streaming response until one of `markers` appears or `seconds` pass.
    static func readStream(_ fd: Int32, untilAny markers: [String], seconds: Double) -> String {
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4096)
        let deadline = Date().addingTimeInterval(seconds)
        var timeout = timeval(tv_sec: 0, tv_usec: 200_000)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        while Date() < deadline, !markers.contains(where: text.contains) {
            let n = recv(fd, &buffer, buffer.count, 0)
            if n > 0 { text += String(decoding: buffer[0..<n], as: UTF8.self) }
            if n == 0 { break }
        }
        return text
    }
}
