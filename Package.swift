// swift-tools-version:6.0
import PackageDescription

// Arrows point one way (see ../shared/DESIGN.md):
//   CILMetadata, CILInstructions  <-  CILDisassembler  <-  CilboxCommands  <-  cilbox
//   CILMetadata, CILInstructions  <-  CILRuntime        <-  CilboxCommands
//   CILFuzzer (runs cilbox, ilasm and mono as processes)  <-  CilboxCommands
let package = Package(
    name: "cilbox",
    products: [
        .executable(name: "cilbox", targets: ["cilbox"]),
        .library(name: "CILMetadata", targets: ["CILMetadata"]),
        .library(name: "CILInstructions", targets: ["CILInstructions"]),
        .library(name: "CILDisassembler", targets: ["CILDisassembler"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    ],
    targets: [
        .target(name: "CILMetadata"),
        .target(name: "CILInstructions"),
        .target(name: "CILDisassembler", dependencies: ["CILMetadata", "CILInstructions"]),
        .target(
            name: "CILRuntime", dependencies: ["CILMetadata", "CILInstructions"],
            // The interpreter loop touches runtime state on every instruction; dynamic
            // exclusivity checks there cost more than the work itself.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]),
        // The differential fuzzer drives ilasm, mono and cilbox as child processes; it needs no
        // other target.
        .target(name: "CILFuzzer", swiftSettings: [.swiftLanguageMode(.v5)]),
        .target(
            name: "CilboxCommands",
            dependencies: [
                "CILMetadata", "CILInstructions", "CILDisassembler", "CILRuntime", "CILFuzzer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        .executableTarget(name: "cilbox", dependencies: ["CilboxCommands"]),
        .testTarget(name: "CILMetadataTests", dependencies: ["CILMetadata"]),
        .testTarget(name: "CILInstructionsTests", dependencies: ["CILInstructions"]),
        .testTarget(name: "CILDisassemblerTests", dependencies: ["CILDisassembler", "CILMetadata", "CILInstructions"]),
        .testTarget(name: "CilboxCommandsTests", dependencies: ["CilboxCommands"]),
        .testTarget(
            name: "HostileInputTests",
            dependencies: ["CILMetadata", "CILInstructions", "CILDisassembler"],
            exclude: ["Seeds"]),
        .testTarget(name: "ReferenceComparisonTests", dependencies: ["CILMetadata", "CILInstructions"]),
        .testTarget(name: "CILRuntimeTests", dependencies: ["CILRuntime"]),
        .testTarget(name: "ProgramTests", dependencies: ["CILMetadata", "CILInstructions"]),
        .testTarget(name: "CILFuzzerTests", dependencies: ["CILFuzzer"]),
    ]
)
