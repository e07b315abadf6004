import ArgumentParser
import ChansiteKit
import Foundation
import Hummingbird
import Logging

extension Chansite {
    /// Builds the site, serves it on loopback, and rebuilds and reloads open pages on change.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Build the site and serve it for preview, rebuilding when content or templates change.")

        @OptionGroup var site: SiteOptions

        @Option(help: "The port to listen on.")
        var port = 8000

        @Option(help: "The address to bind (loopback by default; the preview server is not for the open internet).")
        var host = "127.0.0.1"

        @Flag(help: "Serve the built site without watching for changes.")
        var noWatch = false

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("Please give a --port between 1 and 65535.") }
        }

        func run() async throws {
            let pipeline = Pipeline(options: site.buildOptions)
            let store = SiteStore()
            let broadcaster = ReloadBroadcaster()
            guard case .success(let first) = await PreviewBuild.run(pipeline) else { throw ExitCode.failure }
            await store.replace(with: first)
            if let problem = PortCheck.problem(host: host, port: port) {
                Console.printError("error: cannot listen on \(host):\(port): \(problem). Try another port with --port \(port + 1).")
                throw ExitCode.failure
            }
            var logger = Logger(label: "chansite.serve")
            logger.logLevel = .warning
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
            let app = Application(
                responder: PreviewResponder(store: store, broadcaster: broadcaster),
                configuration: .init(address: .hostname(host, port: port), serverName: "chansite"),
                onServerRunning: { _ in print("Serving \(url) (Ctrl-C to stop)"); Console.flush() },
                logger: logger)
            let watcher = noWatch ? nil : Task {
                await Watcher(paths: [site.content, site.templates, site.config]).run {
                    print("change detected, rebuilding…"); Console.flush()
                    switch await PreviewBuild.run(pipeline) {
                    case .success(let result):
                        await store.replace(with: result)
                        if result.errorCount > 0 {
                            let message = result.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
                            await store.fail(message)
                            await broadcaster.send(event: "error", data: message)
                        }
                        await broadcaster.send(event: "reload")
                    case .failure(let failure):
                        await store.fail(failure.message)
                        await broadcaster.send(event: "error", data: failure.message)
                    }
                }
            }
            let signals = ShutdownSignals { Task { await broadcaster.closeAll() } }
            defer { signals.cancel() }
            do {
                try await app.runService(gracefulShutdownSignals: [.sigterm, .sigint])
            } catch {
                watcher?.cancel()
                Console.printError("error: the preview server stopped: \(error)")
                throw ExitCode.failure
            }
            watcher?.cancel()
            print("stopped")
        }
    }
}
