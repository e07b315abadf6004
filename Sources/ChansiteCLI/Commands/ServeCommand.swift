import ArgumentParser

extension Chansite {
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build the site and serve it for preview.")
        func run() async throws {}
    }
}
