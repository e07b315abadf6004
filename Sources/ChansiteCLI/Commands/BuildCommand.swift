import ArgumentParser

extension Chansite {
    struct Build: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Build the site.")
        func run() async throws {}
    }
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Serve.")
        func run() async throws {}
    }
    struct Search: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Search.")
        func run() async throws {}
    }
}
