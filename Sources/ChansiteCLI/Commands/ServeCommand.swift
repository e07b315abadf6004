import ArgumentParser
import ChansiteCore
import ChansiteKit
import ChansiteOutput
import ChansiteRender
import Foundation
import Hummingbird
import HummingbirdCore
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

        @Flag(help: "Serve the built site without watching for changes (and without the reload script).")
        var noWatch = false

        @Option(help: "The most connections served at once; more wait until one closes.")
        var maxConnections = 256

        @Option(help: "Seconds after which an idle connection, or a request still not fully sent, is closed.")
        var idleTimeout = 15

        func validate() throws {
            guard (1...65535).contains(port) else { throw ValidationError("Please give a --port between 1 and 65535.") }
            guard maxConnections >= 8 else { throw ValidationError("Please give a --max-connections of at least 8.") }
            guard idleTimeout >= 1 else { throw ValidationError("Please give an --idle-timeout of at least 1 second.") }
        }

        func run() async throws {
            // A busy port is reported before the build, which may take a while.
            if let problem = PortCheck.problem(host: host, port: port) {
                Console.printError("error: cannot listen on \(host):\(port): \(problem). Try another port with --port \(port + 1).")
                throw ExitCode.failure
            }
            DescriptorLimit.raise()
            if maxConnections > DescriptorLimit.connectionBound() {
                Console.printError(
                    "note: --max-connections \(maxConnections) is more than the descriptor limit leaves room for; serving at most \(DescriptorLimit.connectionBound())"
                )
            }
            var pipeline = Pipeline(options: site.buildOptions)
            // Rebuilds reuse the parses, bodies, summaries and index words of the last build.
            pipeline.cache = BuildCache()
            pipeline.listsFiles = true
            let store = SiteStore()
            // A quarter of the connections at most are held by live-reload streams, so pages
            // always have connections left.
            let broadcaster = ReloadBroadcaster(limit: max(2, min(maxConnections, DescriptorLimit.connectionBound()) / 4))
            guard case .success(let first) = await PreviewBuild.run(pipeline) else { throw ExitCode.failure }
            store.replace(with: first, output: site.output)
            let manifest = ManifestWatch(path: pipeline.manifestPath)
            manifest.recordOwn()
            let app = application(store: store, broadcaster: broadcaster)
            let watcher = noWatch ? nil : Task { await watch(pipeline: pipeline, store: store, broadcaster: broadcaster, manifest: manifest) }
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
            Console.print("stopped")
        }

        private func application(store: SiteStore, broadcaster: ReloadBroadcaster) -> some ApplicationProtocol {
            var logger = Logger(label: "chansite.serve")
            logger.logLevel = .critical
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
            return Application(
                responder: PreviewResponder(store: store, broadcaster: broadcaster, liveReload: !noWatch),
                server: .http1(configuration: .init(idleTimeout: .seconds(Int64(idleTimeout)))),
                configuration: .init(
                    address: .hostname(host, port: port), serverName: "chansite",
                    availableConnectionsDelegate: MaximumAvailableConnections(min(maxConnections, DescriptorLimit.connectionBound()), logger: logger)),
                onServerRunning: { _ in
                    Console.print("Serving \(url) (Ctrl-C to stop)")
                    Console.flush()
                },
                logger: logger)
        }

        private func watch(pipeline: Pipeline, store: SiteStore, broadcaster: ReloadBroadcaster, manifest: ManifestWatch) async {
            var watcher = Watcher(paths: [site.content, site.templatesFolder, site.config], excluded: pipeline.excludedFromContent)
            watcher.externalChange = { manifest.changedElsewhere() }
            await watcher.run {
                Console.print(manifest.changedElsewhere() ? "the output folder was rebuilt elsewhere, rebuilding…" : "change detected, rebuilding…")
                Console.flush()
                await rebuild(pipeline: pipeline, store: store, broadcaster: broadcaster)
                manifest.recordOwn()
            }
        }

        /// One rebuild: the pages open in a browser that are a channel's post or listing pages
        /// are rendered first and reload as soon as they are made; the others reload as soon as
        /// the new site can be served (its new files from memory, the rest from the output
        /// folder, whose bytes are the same); the thousands of unchanged files are linked into
        /// place after that.
        private func rebuild(pipeline: Pipeline, store: SiteStore, broadcaster: ReloadBroadcaster) async {
            let started = Date()
            var pipeline = pipeline
            // Each page served early, by the hash of its bytes: it reloads again only if the
            // whole build made it differently.
            let early = LockedBox<[String: String]>([:])
            let open = await broadcaster.openPages
            if !open.isEmpty {
                pipeline.firstPages = PageRenderer.FirstPages(paths: open) { pages in
                    let changed = store.showEarly(pages)
                    guard !changed.isEmpty else { return }
                    early.mutate { $0.merge(changed) { _, new in new } }
                    // The build waits (a moment at most) until the event is out: its work on
                    // every core would otherwise hold the event streams' tasks back.
                    let sent = DispatchSemaphore(value: 0)
                    Task {
                        await broadcaster.send(event: "reload", only: Set(changed.keys))
                        sent.signal()
                    }
                    _ = sent.wait(timeout: .now() + 1)
                    if PreviewBuild.showsTimings {
                        Console.print(String(format: "  open pages reloaded %.3f s after the change was seen", Date().timeIntervalSince(started)))
                    }
                }
            }
            let staged: StagedBuild
            switch await stageWaitingForLock(pipeline) {
            case .success(let made): staged = made
            case .failure(let failure):
                if failure.outputLocked { Console.printError(failure.message) }
                store.fail(failure.message)
                await broadcaster.send(event: "error", data: failure.message)
                return
            }
            let made = staged.madeFiles
            let reloaded = Set(early.value.filter { staged.result.outputFiles[$0.key] == $0.value }.keys)
            if let made {
                store.replace(with: staged.result, output: site.output, made: made)
                await announce(staged.result, store: store, broadcaster: broadcaster, except: reloaded)
            }
            switch await PreviewBuild.finish(staged, started: started, store: store, output: site.output) {
            case .success(let result):
                // The store now lists the finished build's files (swapped in one step with the
                // output folder): the same pages as served early, and the new search index.
                if made == nil {
                    store.replace(with: result, output: site.output)
                    await announce(result, store: store, broadcaster: broadcaster, except: reloaded)
                }
            case .failure:
                // The output changed under the build: build again, all in place before serving.
                if case .success(let result) = await PreviewBuild.run(pipeline, store: store, output: site.output) {
                    store.replace(with: result, output: site.output)
                    await announce(result, store: store, broadcaster: broadcaster)
                }
            }
        }

        /// Stages a rebuild; while another build holds the output folder, tries again every half
        /// second for up to two minutes (that build's site is then rebuilt on).
        private func stageWaitingForLock(_ pipeline: Pipeline) async -> Result<StagedBuild, BuildFailure> {
            var attempt = await PreviewBuild.stage(pipeline, deferringLinks: true)
            for n in 0..<240 {
                guard case .failure(let failure) = attempt, failure.outputLocked else { break }
                if n == 0 {
                    Console.printError("another build is writing the output folder; waiting for it to finish")
                    Console.flush()
                }
                // try?: a cancelled sleep is the server shutting down, which the loop checks.
                try? await Task.sleep(for: .milliseconds(500))
                attempt = await PreviewBuild.stage(pipeline, deferringLinks: true)
            }
            return attempt
        }

        /// Tells the open pages the new build is served: they reload, but for `except` (pages
        /// served early with the bytes the build made: they show them already).
        private func announce(_ result: BuildResult, store: SiteStore, broadcaster: ReloadBroadcaster, except: Set<String> = []) async {
            if result.errorCount > 0 {
                let message = result.diagnostics.filter { $0.severity == .error }.map(\.description).joined(separator: "\n")
                store.fail(message)
                await broadcaster.send(event: "error", data: message)
            }
            await broadcaster.send(event: "reload", except: result.errorCount > 0 ? [] : except)
        }
    }
}
