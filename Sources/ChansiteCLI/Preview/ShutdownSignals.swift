import Dispatch
import Foundation

/// Runs a handler on SIGINT and SIGTERM (besides the server's own graceful shutdown), so open
/// event streams are closed and the shutdown does not wait on them. A graceful shutdown still
/// waits for requests in flight; a slow or stuck client must not keep the server alive, so
/// the process exits `deadline` after the signal whatever it is doing. The sources are made
/// at start, so a signal needs no new descriptor even when none are left.
final class ShutdownSignals: @unchecked Sendable {
    static let deadline: DispatchTimeInterval = .milliseconds(1500)
    private var sources: [any DispatchSourceSignal] = []

    init(_ handler: @escaping @Sendable () -> Void) {
        for signal in [SIGINT, SIGTERM] {
            let source = DispatchSource.makeSignalSource(signal: signal, queue: .global())
            source.setEventHandler {
                handler()
                DispatchQueue.global().asyncAfter(deadline: .now() + Self.deadline) {
                    print("stopped")
                    Console.flush()
                    _exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }

    func cancel() {
        for source in sources { source.cancel() }
    }
}
