// swift-tools-version: 6.0
// An example of another SwiftPM package using Tunesmith as a library (CI builds and runs it).
import PackageDescription

let package = Package(
    name: "LibraryUsage",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "Tunesmith", path: "../.."),
    ],
    targets: [
        .executableTarget(
            name: "library-usage",
            dependencies: [.product(name: "Tunesmith", package: "Tunesmith")]
        ),
    ]
)
