import CommunityTestSupport
import Foundation
import XCTest

/// The `community` executable SwiftPM builds beside the test bundle, for the tests that run it as a script or
/// a second terminal would: one place that finds it and one that runs it with its output captured.
enum CommunityBinary {
    static var url: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("community")
    }

    /// The binary, or a skip when it was not built beside the tests.
    static func require() throws -> URL {
        guard FileManager.default.isExecutableFile(atPath: url.path) else { throw XCTSkip("community binary not built at \(url.path)") }
        return url
    }

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `community ARGUMENTS` to the end with no terminal on stdin, the repository's data/, and no
    /// COMMUNITY_LANG or COMMUNITY_DB from the caller's environment; `extra` adds or overrides variables.
    static func run(_ arguments: [String], environment extra: [String: String] = [:]) throws -> Run {
        let process = Process()
        process.executableURL = try require()
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment.removeValue(forKey: "COMMUNITY_LANG")
        environment.removeValue(forKey: "COMMUNITY_DB")
        environment["COMMUNITY_DATA"] = TestStore.dataDirectory.path
        environment.merge(extra) { _, new in new }
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes before waiting, so a full pipe never blocks the child.
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                   stderr: String(decoding: errData, as: UTF8.self))
    }
}
