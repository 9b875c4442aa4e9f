import Foundation

/// The well-formed assemblies the corpus is made from: the programs in Seeds/ compiled now
/// with Mono's `mcs` and `ilasm`, and one small assembly of Mono's class library.
enum SeedAssemblies {
    struct Seed {
        var name: String
        var bytes: [UInt8]
    }

    struct SetupError: Error, CustomStringConvertible {
        var description: String
    }

    /// The package root, found from this file's path (Tests/HostileInputTests/…).
    static func packageRoot(_ filePath: String = #filePath) -> URL {
        URL(fileURLWithPath: filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    static func build(in work: URL) throws -> [Seed] {
        let sources = packageRoot().appendingPathComponent("Tests/HostileInputTests/Seeds")
        let resource = work.appendingPathComponent("seed.resource")
        try Data("a resource embedded in a hostile-corpus seed\n".utf8).write(to: resource)
        var seeds: [Seed] = []
        let csharp: [(file: String, extra: [String])] = [
            ("GenericsAndExceptions.cs", ["-resource:\(resource.path),Seed.resource"]),
            ("PropertiesEventsEnums.cs", ["-unsafe"]),
        ]
        for (file, extra) in csharp {
            let out = work.appendingPathComponent((file as NSString).deletingPathExtension + ".dll")
            try run("mcs", ["-nologo", "-target:library", "-out:\(out.path)"] + extra + [sources.appendingPathComponent(file).path])
            seeds.append(Seed(name: out.lastPathComponent, bytes: try bytes(out)))
        }
        let il = work.appendingPathComponent("TypeSpecs.dll")
        try run("ilasm", ["-dll", "-quiet", "-output:\(il.path)", sources.appendingPathComponent("TypeSpecs.il").path])
        seeds.append(Seed(name: il.lastPathComponent, bytes: try bytes(il)))
        seeds.append(try classLibrarySeed())
        return seeds
    }

    /// A small, real class-library assembly (generic interfaces, a strong-name signature).
    static func classLibrarySeed() throws -> Seed {
        var dirs: [String] = []
        if let env = ProcessInfo.processInfo.environment["CILBOX_BCL"] { dirs.append(env) }
        dirs += ["/usr/lib/mono/4.5", "/usr/local/lib/mono/4.5", "/opt/homebrew/lib/mono/4.5",
                 "/Library/Frameworks/Mono.framework/Versions/Current/lib/mono/4.5"]
        for dir in dirs {
            for name in ["System.Reactive.Interfaces.dll", "Microsoft.VisualC.dll"] {
                let url = URL(fileURLWithPath: dir).appendingPathComponent(name)
                if FileManager.default.fileExists(atPath: url.path) { return Seed(name: name, bytes: try bytes(url)) }
            }
        }
        throw SetupError(description: "Mono's class libraries not found (looked in \(dirs)): install mono-devel (Scripts/setup.sh) or set CILBOX_BCL")
    }

    static func bytes(_ url: URL) throws -> [UInt8] { [UInt8](try Data(contentsOf: url)) }

    private static func run(_ tool: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        do { try process.run() } catch {
            throw SetupError(description: "cannot run \(tool): \(error); install Mono (Scripts/setup.sh)")
        }
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw SetupError(description: "\(tool) \(arguments.joined(separator: " ")) failed (exit \(process.terminationStatus)); is Mono installed (Scripts/setup.sh)?\n\(text)")
        }
    }
}
