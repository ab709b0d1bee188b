// swift-tools-version:6.0
import PackageDescription

/// convfuzz: a spec-driven contract tester and fuzzer for list endpoints.
///
/// Module dependencies point one way (docs/architecture.md draws the graph):
/// Spec → Contract → Generation / Oracle → Runner (+ Transport, JSON) → Report → CLI.
/// Each target names exactly the modules its files import. The reference server
/// is its own module and imports none of them.
let package = Package(
    name: "convfuzz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convfuzz", targets: ["convfuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "ConvfuzzJSON"),
        .target(name: "ConvfuzzSpec", dependencies: ["Yams"]),
        .target(name: "ConvfuzzContract", dependencies: ["ConvfuzzSpec"]),
        .target(name: "ConvfuzzGeneration", dependencies: ["ConvfuzzContract", "ConvfuzzJSON", "ConvfuzzSpec"]),
        .target(name: "ConvfuzzTransport", dependencies: ["CCurl"]),
        .target(name: "ConvfuzzOracle", dependencies: ["ConvfuzzContract", "ConvfuzzJSON", "ConvfuzzSpec"]),
        .target(
            name: "ConvfuzzRunner",
            dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzJSON", "ConvfuzzOracle", "ConvfuzzSpec", "ConvfuzzTransport"]
        ),
        .target(name: "ConvfuzzReport", dependencies: ["ConvfuzzJSON", "ConvfuzzOracle", "ConvfuzzRunner"]),
        .target(name: "ConvfuzzReferenceServer"),
        .executableTarget(
            name: "convfuzz",
            dependencies: [
                "ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzOracle", "ConvfuzzReferenceServer", "ConvfuzzReport",
                "ConvfuzzRunner", "ConvfuzzSpec", "ConvfuzzTransport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ArchitectureTests"),
        .testTarget(name: "ConvfuzzJSONTests", dependencies: ["ConvfuzzJSON"]),
        .testTarget(name: "ConvfuzzSpecTests", dependencies: ["ConvfuzzSpec"]),
        .testTarget(name: "ConvfuzzContractTests", dependencies: ["ConvfuzzContract", "ConvfuzzSpec"]),
        .testTarget(name: "ConvfuzzGenerationTests", dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzSpec"]),
        .testTarget(name: "ConvfuzzTransportTests", dependencies: ["ConvfuzzTransport", "ConvfuzzReferenceServer"]),
        .testTarget(
            name: "ConvfuzzOracleTests",
            dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzJSON", "ConvfuzzOracle", "ConvfuzzSpec"]
        ),
        .testTarget(
            name: "ConvfuzzRunnerTests",
            dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzRunner", "ConvfuzzSpec", "ConvfuzzReferenceServer", "ConvfuzzOracle", "ConvfuzzTransport", "ConvfuzzJSON"]
        ),
        .testTarget(
            name: "ConvfuzzReportTests",
            dependencies: ["ConvfuzzReport", "ConvfuzzRunner", "ConvfuzzOracle"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ConvfuzzReferenceServerTests", dependencies: ["ConvfuzzReferenceServer"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["ConvfuzzRunner", "ConvfuzzReport", "ConvfuzzReferenceServer", "ConvfuzzSpec", "ConvfuzzOracle"]
        ),
    ]
)
