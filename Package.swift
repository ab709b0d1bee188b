// swift-tools-version:6.0
import Foundation
import PackageDescription

/// convfuzz: a spec-driven contract tester and fuzzer for list endpoints.
///
/// Module dependencies point one way (docs/architecture.md draws the graph):
/// Spec → Contract → Generation / Oracle → Runner (+ Transport, JSON) → Report → CLI.
/// Each target names exactly the modules its files import (ArchitectureTests checks it).
/// The reference server is its own module and imports none of ours.
///
/// The engine's hot modules are optimised in every configuration: the fault matrix and the chaos
/// runs of `make test` are CPU-bound, and a -Onone engine made the suite take over 20 minutes on
/// 2 cores. (-O keeps every precondition and overflow check; debug builds still have -enable-testing.)
///
/// They are compiled whole-module, as a release build is: one compiler job per module type-checks it
/// once (a debug build's batch jobs each type-check it again), and a small function is inlined into
/// the other files of its module. Measured from a clean clone on two cores (bench/RESULTS.md): the
/// test build 336 → 270 s and the suite 332 → 298 s. `-num-threads` keeps one object file per
/// source file, which the index store and the linker expect; `-disable-batch-mode` says that batch
/// mode is off on purpose. These modules are not built incrementally: a change rebuilds the module.
let optimised: [SwiftSetting] = [
    .unsafeFlags(["-O", "-wmo", "-disable-batch-mode", "-num-threads", String(max(2, ProcessInfo.processInfo.activeProcessorCount))]),
]

let package = Package(
    name: "convfuzz",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "convfuzz", targets: ["convfuzz"]),
        // `spec import` and `spec diff` (OpenAPIKit) live in their own program, so that building
        // `convfuzz` alone (`make run`) never compiles OpenAPIKit; `convfuzz spec import|diff` runs it.
        .executable(name: "convfuzz-openapi", targets: ["convfuzz-openapi"]),
    ],
    dependencies: [
        .package(url: "https://github.com/HdrHistogram/hdrhistogram-swift", from: "0.2.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/mattpolzin/OpenAPIKit", from: "6.4.0"),
    ],
    targets: [
        .systemLibrary(name: "CCurl", pkgConfig: "libcurl", providers: [.apt(["libcurl4-openssl-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "ConvfuzzContract", dependencies: ["ConvfuzzSpec"], swiftSettings: optimised),
        .target(name: "ConvfuzzEmbedded"),
        .target(name: "ConvfuzzGeneration", dependencies: ["ConvfuzzContract", "ConvfuzzJSON", "ConvfuzzSpec"], swiftSettings: optimised),
        .target(name: "ConvfuzzHTTPSyntax", swiftSettings: optimised),
        .target(name: "ConvfuzzJSON", swiftSettings: optimised),
        .target(name: "ConvfuzzOpenAPI", dependencies: ["ConvfuzzSpec", .product(name: "OpenAPIKit", package: "OpenAPIKit"), .product(name: "OpenAPIKit30", package: "OpenAPIKit"), .product(name: "OpenAPIKitCompat", package: "OpenAPIKit"), "Yams"]),
        .target(name: "ConvfuzzOracle", dependencies: ["ConvfuzzContract", "ConvfuzzJSON", "ConvfuzzSpec"], swiftSettings: optimised),
        .target(name: "ConvfuzzReferenceServer", swiftSettings: optimised),
        .target(name: "ConvfuzzReport", dependencies: ["ConvfuzzJSON", "ConvfuzzOracle", "ConvfuzzResults", "ConvfuzzSpec"]),
        .target(name: "ConvfuzzResults", dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzOracle"]),
        .target(name: "ConvfuzzRunner", dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzJSON", "ConvfuzzOracle", "ConvfuzzResults", "ConvfuzzSpec", "ConvfuzzTransport", .product(name: "Histogram", package: "hdrhistogram-swift")], swiftSettings: optimised),
        .target(name: "ConvfuzzSpec", dependencies: ["ConvfuzzHTTPSyntax"], swiftSettings: optimised),
        // Yams in a module of its own: the model and every engine module compile without waiting for it.
        .target(name: "ConvfuzzSpecFiles", dependencies: ["ConvfuzzSpec", "Yams"]),
        .target(name: "ConvfuzzTransport", dependencies: ["CCurl", "ConvfuzzHTTPSyntax"], swiftSettings: optimised),
        .executableTarget(name: "convfuzz", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser"), "ConvfuzzContract", "ConvfuzzEmbedded", "ConvfuzzGeneration", "ConvfuzzOracle", "ConvfuzzReferenceServer", "ConvfuzzReport", "ConvfuzzResults", "ConvfuzzRunner", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTransport"]),
        .executableTarget(name: "convfuzz-openapi", dependencies: [.product(name: "ArgumentParser", package: "swift-argument-parser"), "ConvfuzzOpenAPI", "ConvfuzzReport", "ConvfuzzSpec", "ConvfuzzSpecFiles"]),
        .target(name: "ConvfuzzTestSupport", dependencies: ["ConvfuzzContract", "ConvfuzzSpec", "ConvfuzzSpecFiles"], path: "Tests/ConvfuzzTestSupport"),
        .testTarget(name: "ArchitectureTests", dependencies: ["ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzContractTests", dependencies: ["ConvfuzzContract", "ConvfuzzSpec", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzGenerationTests", dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzJSONTests", dependencies: ["ConvfuzzJSON", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzOpenAPITests", dependencies: ["ConvfuzzOpenAPI", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzOracleTests", dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzJSON", "ConvfuzzOracle", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzReferenceServerTests", dependencies: ["ConvfuzzReferenceServer", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzReportTests", dependencies: ["CZlib", "ConvfuzzOracle", "ConvfuzzReport", "ConvfuzzResults", "ConvfuzzTestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "ConvfuzzRunnerTests", dependencies: ["ConvfuzzContract", "ConvfuzzGeneration", "ConvfuzzOracle", "ConvfuzzReferenceServer", "ConvfuzzResults", "ConvfuzzRunner", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTestSupport", "ConvfuzzTransport"]),
        .testTarget(name: "ConvfuzzSpecTests", dependencies: ["ConvfuzzEmbedded", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTestSupport"]),
        .testTarget(name: "ConvfuzzTransportTests", dependencies: ["ConvfuzzHTTPSyntax", "ConvfuzzTestSupport", "ConvfuzzTransport"]),
        .testTarget(name: "IntegrationTests", dependencies: ["ConvfuzzContract", "ConvfuzzOracle", "ConvfuzzReferenceServer", "ConvfuzzReport", "ConvfuzzResults", "ConvfuzzRunner", "ConvfuzzSpec", "ConvfuzzSpecFiles", "ConvfuzzTestSupport", "Yams"]),
    ]
)
