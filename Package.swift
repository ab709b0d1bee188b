// swift-tools-version:6.0
import PackageDescription

/// convfuzz: a spec-driven contract tester and fuzzer for list endpoints.
///
/// Module dependencies point one way:
/// JSON → Spec → Generation → Transport → Oracle → Runner → Report → CLI.
/// The reference server is its own module and depends only on JSON.
let package = Package(
    name: "convfuzz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convfuzz", targets: ["convfuzz"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurl",
            pkgConfig: "libcurl",
            providers: [.apt(["libcurl4-openssl-dev"])]
        ),
        .target(name: "ConvfuzzJSON"),
        .target(name: "ConvfuzzSpec", dependencies: ["ConvfuzzJSON", "Yams"]),
        .target(name: "ConvfuzzGeneration", dependencies: ["ConvfuzzSpec", "ConvfuzzJSON"]),
        .target(name: "ConvfuzzTransport", dependencies: ["CCurl"]),
        .target(name: "ConvfuzzOracle", dependencies: ["ConvfuzzSpec", "ConvfuzzGeneration", "ConvfuzzTransport", "ConvfuzzJSON"]),
        .target(name: "ConvfuzzRunner", dependencies: ["ConvfuzzSpec", "ConvfuzzGeneration", "ConvfuzzTransport", "ConvfuzzOracle", "ConvfuzzJSON"]),
        .target(name: "ConvfuzzReport", dependencies: ["ConvfuzzRunner", "ConvfuzzOracle", "ConvfuzzGeneration", "ConvfuzzSpec", "ConvfuzzTransport", "ConvfuzzJSON"]),
        .target(name: "ConvfuzzReferenceServer", dependencies: ["ConvfuzzJSON"]),
        .target(
            name: "ConvfuzzOpenAPI",
            dependencies: [
                "ConvfuzzSpec", "Yams",
                .product(name: "OpenAPIKit", package: "OpenAPIKit"),
                .product(name: "OpenAPIKit30", package: "OpenAPIKit"),
                .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"),
            ]
        ),
        .executableTarget(
            name: "convfuzz",
            dependencies: [
                "ConvfuzzSpec", "ConvfuzzGeneration", "ConvfuzzTransport", "ConvfuzzOracle",
                "ConvfuzzRunner", "ConvfuzzReport", "ConvfuzzReferenceServer", "ConvfuzzJSON", "ConvfuzzOpenAPI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "ConvfuzzJSONTests", dependencies: ["ConvfuzzJSON"]),
        .testTarget(name: "ConvfuzzSpecTests", dependencies: ["ConvfuzzSpec"]),
        .testTarget(name: "ConvfuzzGenerationTests", dependencies: ["ConvfuzzGeneration", "ConvfuzzSpec"]),
        .testTarget(name: "ConvfuzzTransportTests", dependencies: ["ConvfuzzTransport", "ConvfuzzReferenceServer"]),
        .testTarget(name: "ConvfuzzOracleTests", dependencies: ["ConvfuzzOracle", "ConvfuzzSpec", "ConvfuzzGeneration", "ConvfuzzTransport", "ConvfuzzJSON"]),
        .testTarget(name: "ConvfuzzRunnerTests", dependencies: ["ConvfuzzRunner", "ConvfuzzReferenceServer", "ConvfuzzSpec"]),
        .testTarget(
            name: "ConvfuzzReportTests",
            dependencies: ["ConvfuzzReport", "ConvfuzzRunner", "ConvfuzzOracle"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ConvfuzzOpenAPITests", dependencies: ["ConvfuzzOpenAPI", "ConvfuzzSpec"]),
        .testTarget(name: "ConvfuzzReferenceServerTests", dependencies: ["ConvfuzzReferenceServer", "ConvfuzzJSON"]),
        .testTarget(
            name: "IntegrationTests",
            dependencies: ["ConvfuzzRunner", "ConvfuzzReport", "ConvfuzzReferenceServer", "ConvfuzzSpec", "ConvfuzzOracle"]
        ),
    ]
)
