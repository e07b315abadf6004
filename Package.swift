// swift-tools-version:6.0
import PackageDescription

// Linux only: the output swap is renameat2(RENAME_EXCHANGE), `serve` watches with inotify, and
// the C libraries come from Debian packages (ChansiteCore/Platform.swift stops other builds).

// Shared settings, as in Hummingbird: strict existential syntax everywhere.
let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny")
]

let package = Package(
    name: "chansite",
    products: [
        .executable(name: "chansite", targets: ["ChansiteCLI"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        // Tests only: chansite's template engine is compared with it (RenderPlanTests). Exact: its
        // whitespace rules are what chansite's follow, so a new release is taken on purpose.
        .package(url: "https://github.com/hummingbird-project/swift-mustache", exact: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.5.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-system", from: "1.4.0"),
        // Chunking and pairing of sequences (`chunks(ofCount:)`).
        .package(url: "https://github.com/apple/swift-algorithms", from: "1.2.0"),
        // SHA-256 for fingerprints (Hummingbird already builds it).
        .package(url: "https://github.com/apple/swift-crypto", "3.0.0"..<"5.0.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
    ],
    targets: [
        // cmark-gfm from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Snowball stemmers from Debian's libstemmer-dev (no pkg-config file there).
        .systemLibrary(
            name: "CStemmer",
            providers: [.apt(["libstemmer-dev"])]
        ),
        // libvips from Debian's libvips-dev: image sizes and thumbnails of exported photos.
        .systemLibrary(
            name: "CVips",
            pkgConfig: "vips",
            providers: [.apt(["libvips-dev"])]
        ),
        // libxml2 from Debian's libxml2-dev: its HTML parser reads Desktop HTML exports and saved pages.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // jemalloc from Debian's libjemalloc-dev, linked into the executable only: it replaces
        // glibc's malloc for the whole process (docs/performance.md has the figures).
        .systemLibrary(
            name: "CJemalloc",
            pkgConfig: "jemalloc",
            providers: [.apt(["libjemalloc-dev"])]
        ),
        // The stages, each a target that may import only the ones above it in this list
        // (scripts/check-layers.py holds that order and fails `make lint` when it is broken).
        // Data flows one way: read (Ingest) → model (Assemble) → render, index, media → write.
        .target(
            name: "ChansiteCore",
            dependencies: [
                .product(name: "SystemPackage", package: "swift-system"), .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            swiftSettings: swiftSettings),
        .target(name: "ChansiteModel", dependencies: ["ChansiteCore"], swiftSettings: swiftSettings),
        .target(
            name: "ChansiteIngest",
            dependencies: ["ChansiteCore", "ChansiteModel", "CLibXML2", .product(name: "Algorithms", package: "swift-algorithms")],
            swiftSettings: swiftSettings),
        .target(
            name: "ChansiteAssemble",
            dependencies: ["ChansiteCore", "ChansiteModel", "ChansiteIngest", .product(name: "Algorithms", package: "swift-algorithms")],
            swiftSettings: swiftSettings),
        .target(name: "ChansiteMedia", dependencies: ["ChansiteCore", "ChansiteModel", "CVips"], swiftSettings: swiftSettings),
        .target(
            name: "ChansiteSearch",
            dependencies: ["ChansiteCore", "ChansiteModel", "CStemmer", .product(name: "Algorithms", package: "swift-algorithms")],
            swiftSettings: swiftSettings),
        .target(
            name: "ChansiteRender",
            dependencies: [
                "ChansiteCore", "ChansiteModel", "ChansiteMedia", "CCmarkGFM",
                .product(name: "Algorithms", package: "swift-algorithms"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "ChansiteOutput",
            dependencies: ["ChansiteCore", "ChansiteModel", "ChansiteIngest", .product(name: "SystemPackage", package: "swift-system")],
            swiftSettings: swiftSettings),
        // The pipeline that runs the stages, and what one build keeps for the next (`serve`).
        .target(
            name: "ChansiteKit",
            dependencies: [
                "ChansiteCore", "ChansiteModel", "ChansiteIngest", "ChansiteAssemble", "ChansiteMedia", "ChansiteSearch",
                "ChansiteRender", "ChansiteOutput",
            ],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "ChansiteCLI",
            dependencies: [
                "ChansiteCore", "ChansiteModel", "ChansiteIngest", "ChansiteMedia", "ChansiteSearch", "ChansiteRender",
                "ChansiteOutput", "ChansiteKit", "CJemalloc",
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
            dependencies: ["ChansiteCore", "ChansiteModel", "ChansiteIngest", "ChansiteAssemble", "ChansiteRender", "ChansiteOutput", "ChansiteKit"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChansiteKitTests",
            dependencies: [
                "ChansiteCore", "ChansiteModel", "ChansiteIngest", "ChansiteAssemble", "ChansiteMedia", "ChansiteSearch",
                "ChansiteRender", "ChansiteOutput", "ChansiteKit", .product(name: "PropertyBased", package: "swift-property-based"),
                .product(name: "Algorithms", package: "swift-algorithms"),
                // The oracle the template engine is compared with (RenderPlanTests).
                .product(name: "Mustache", package: "swift-mustache"),
            ],
            // Inputs and expected outputs, read by path: not sources, not bundled resources.
            exclude: ["Fixtures", "Golden"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "ChansiteCLITests",
            dependencies: ["ChansiteCore", "ChansiteMedia"],
            swiftSettings: swiftSettings
        ),
    ]
)
