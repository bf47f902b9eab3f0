import Foundation
import XCTest

/// The built binary started in a pseudo-terminal with TERM unset, unknown or dumb: a clear message in the
/// chosen language and exit 2, instead of ncurses' "Error opening terminal: unknown." (issue 13 item 5).
final class TerminalCheckProcessTests: XCTestCase {
    var binary: URL { CommunityBinary.url }

    /// Runs the UI with its stdin, stdout and stderr on a new pty; returns the exit status and all it wrote.
    func runInPty(term: String?, arguments: [String]) throws -> (status: Int32, output: String) {
        // posix_openpt and friends are not in Swift's Glibc module: /dev/ptmx and its two ioctls instead.
        let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
        guard master >= 0 else { throw XCTSkip("no /dev/ptmx") }
        var unlock: Int32 = 0, number: UInt32 = 0
        XCTAssertEqual(ioctl(master, UInt(0x4004_5431) /* TIOCSPTLCK */, &unlock), 0)
        XCTAssertEqual(ioctl(master, UInt(0x8004_5430) /* TIOCGPTN */, &number), 0)
        let slave = open("/dev/pts/\(number)", O_RDWR | O_NOCTTY)
        XCTAssertGreaterThanOrEqual(slave, 0)
        let p = Process()
        p.executableURL = binary
        p.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["TERM"] = term
        env["LANG"] = "C.UTF-8"
        p.environment = env
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        p.standardInput = handle
        p.standardOutput = handle
        p.standardError = handle
        try p.run()
        close(slave)
        p.waitUntilExit()
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 4096)
        // Linux answers EIO once the child's side is closed and everything it wrote has been read.
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        while true {
            let n = read(master, &buffer, buffer.count)
            if n <= 0 { break }
            data.append(buffer, count: n)
        }
        close(master)
        return (p.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    func check(term: String?, lang: String, expect: String) throws {
        _ = try CommunityBinary.require()
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("term-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let db = dir.appendingPathComponent("t.sqlite").path
        let (status, output) = try runInPty(term: term, arguments: ["--db", db, "--lang", lang])
        XCTAssertEqual(status, 2, "TERM=\(term ?? "(unset)"): \(output)")
        XCTAssertTrue(output.contains(expect), "TERM=\(term ?? "(unset)") \(lang): \(output)")
        XCTAssertTrue(output.contains("TERM=xterm-256color"), "the message says how to fix it: \(output)")
        XCTAssertFalse(output.contains("Error opening terminal"), output)
        XCTAssertFalse(FileManager.default.fileExists(atPath: db), "nothing is created before the terminal is known to work")
        if lang == "en" {
            XCTAssertNil(output.unicodeScalars.first { (0x4E00...0x9FFF).contains($0.value) }, "English mode shows no CJK: \(output)")
        }
    }

    func testTermUnsetIsRefusedInChineseAndEnglish() throws {
        try check(term: nil, lang: "zh", expect: "环境变量 TERM 没有设置")
        try check(term: nil, lang: "en", expect: "TERM is not set")
    }

    func testEmptyTermIsRefusedLikeUnset() throws {
        try check(term: "", lang: "en", expect: "TERM is not set")
    }

    func testUnknownTermIsRefused() throws {
        try check(term: "no-such-terminal-13", lang: "zh", expect: "TERM=no-such-terminal-13 未知")
        try check(term: "no-such-terminal-13", lang: "en", expect: "TERM=no-such-terminal-13 is unknown")
    }

    func testDumbTermIsRefused() throws {
        try check(term: "dumb", lang: "zh", expect: "TERM=dumb 不能移动光标")
        try check(term: "dumb", lang: "en", expect: "TERM=dumb cannot move the cursor")
    }
}
