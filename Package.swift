// swift-tools-version:6.0
import PackageDescription

// Shared settings, as in Hummingbird: strict existential syntax everywhere.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "chansite",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chansite", targets: ["ChansiteCLI"]),
        .library(name: "ChansiteKit", targets: ["ChansiteKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"]), .brew(["cmark-gfm"])]
        ),
        // Snowball stemmers from Debian's libstemmer-dev (no pkg-config file there).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"]), .brew(["snowball"])]
        ),
        // libvips from Debian's libvips-dev: image sizes and thumbnails of exported photos.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"]), .brew(["vips"])]
        ),
        // libxml2 from Debian's libxml2-dev: its HTML parser reads Desktop HTML exports and saved pages.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .target(
            name: "ChansiteKit",
            dependencies: [
                "CCmarkGFM",
                "CLibXML2",
                "CStemmer",
                "CVips",
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChansiteCLI",
            dependencies: [
                "ChansiteKit",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: swiftSettings
        ),
        // The ingest fuzz target: `scripts/fuzz.sh` builds it with libFuzzer; built normally, it
        // replays a corpus (the tests run it over Fuzz/corpus).
        .executableTarget(
            name: "ChansiteFuzz",
            dependencies: ["ChansiteKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChansiteKitTests",
            dependencies: ["ChansiteKit", .product(name: "PropertyBased", package: "swift-property-based")],
            // Inputs and expected outputs, read by path: not sources, not bundled resources.
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChansiteCLITests",
            dependencies: ["ChansiteKit"],
            swiftSettings: swiftSettings
        ),
    ]
)
