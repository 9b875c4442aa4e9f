#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

func getenvString(_ name: String) -> String? { ProcessInfo.processInfo.environment[name] }
func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }
func readFile(_ path: String) throws -> [UInt8] { [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))) }
func listAssemblies(in dir: String) -> [String] {
    let fm = FileManager.default
    var out: [String] = []
    for sub in ["", "/Facades"] {
        let d = dir + sub
        for name in ((try? fm.contentsOfDirectory(atPath: d)) ?? []).sorted() where name.hasSuffix(".dll") || name.hasSuffix(".exe") {
            out.append(d + "/" + name)
        }
    }
    return out
}
