// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "community",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "community", targets: ["CommunityTUI"]),
        .library(name: "CommunityModel", targets: ["CommunityModel"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", exact: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.0"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.0"),
        // .docx files are ZIP packages of WordprocessingML (printable self-assessment, letters).
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
    ],
    targets: [
        .systemLibrary(
            name: "CNcurses",
            path: "Sources/CNcurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        .target(
            name: "CommunityModel",
            dependencies: [
                .product(name: "GRDB", package: "GRDB.swift"),
                // The SQLite C interface itself, for the readers' mapping advice (Core/ReaderMapping).
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        .executableTarget(
            name: "CommunityTUI",
            dependencies: [
                "CNcurses",
                "CommunityModel",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // The one fixture both test suites share (fresh database, demo copy, data/); never linked into the app.
        .target(
            name: "CommunityTestSupport",
            dependencies: ["CommunityModel"],
            path: "Tests/CommunityTestSupport"
        ),
        .testTarget(
            name: "CommunityModelTests",
            dependencies: ["CommunityModel", "CommunityTestSupport", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            // CSV files the import tests read from disk, as a user's file would be.
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CommunityTUITests",
            dependencies: ["CommunityTUI", "CommunityModel", "CommunityTestSupport"]
        ),
    ]
)
