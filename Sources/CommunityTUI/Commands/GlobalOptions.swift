import ArgumentParser
import CommunityModel
import Foundation

/// Options every command accepts: which database and which language.
struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $COMMUNITY_DB, else ~/.local/share/community/community.sqlite).", valueName: "path"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Interface language: zh (default) or en. Also $COMMUNITY_LANG.", valueName: "zh|en"))
    var lang: String?

    @Option(name: .long, help: ArgumentHelp("Frames, bars and stars as unicode (default) or ascii, for consoles that draw box characters two columns wide. Also $COMMUNITY_GLYPHS; vt100 and linux get ascii.", valueName: "unicode|ascii"))
    var glyphs: String?

    @Flag(name: .long, help: "Use the demo database (朝东社区, made on first use); with --db, only a demo-marked file.")
    var demo = false

    func validate() throws {
        if let glyphs, Glyphs.Mode(rawValue: glyphs.lowercased()) == nil {
            throw ValidationError("--glyphs must be unicode or ascii (got \(glyphs)).")
        }
        if let lang, Language(rawValue: lang.lowercased()) == nil {
            throw ValidationError("--lang must be zh or en (got \(lang)).")
        }
    }

    /// Sets the interface language for the rest of the process.
    func applyLanguage() {
        Language.current = Language.resolve(flag: lang)
        Glyphs.mode = Glyphs.resolve(flag: glyphs)
    }

    var databasePath: String {
        if let db { return expand(db) }
        if demo { return Paths.demoDatabase }
        if let env = ProcessInfo.processInfo.environment["COMMUNITY_DB"], !env.isEmpty { return expand(env) }
        return Paths.dataHome.appendingPathComponent("community.sqlite").path
    }

    private func expand(_ path: String) -> String {
        (path as NSString).expandingTildeInPath
    }
}

/// Where the program keeps its files and finds its reference data.
enum Paths {
    static var dataHome: URL {
        let env = ProcessInfo.processInfo.environment
        if let xdg = env["XDG_DATA_HOME"], !xdg.isEmpty {
            return URL(fileURLWithPath: xdg).appendingPathComponent("community")
        }
        let home = env["HOME"] ?? NSHomeDirectory()
        return URL(fileURLWithPath: home).appendingPathComponent(".local/share/community")
    }

    static var demoDatabase: String { dataHome.appendingPathComponent("demo.sqlite").path }

    /// `data/`: $COMMUNITY_DATA, else beside the package the binary was built in, else ./data.
    static var referenceData: URL {
        let env = ProcessInfo.processInfo.environment
        if let dir = env["COMMUNITY_DATA"], !dir.isEmpty { return URL(fileURLWithPath: dir) }
        let fm = FileManager.default
        var dir = URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            let candidate = dir.appendingPathComponent("data/consultation.json")
            if fm.fileExists(atPath: candidate.path) { return dir.appendingPathComponent("data") }
            dir.deleteLastPathComponent()
        }
        let installed = URL(fileURLWithPath: "/usr/local/share/community/data")
        if fm.fileExists(atPath: installed.path) { return installed }
        return URL(fileURLWithPath: fm.currentDirectoryPath).appendingPathComponent("data")
    }
}

/// A user mistake reported on stderr in words, with a non-zero exit and no stack trace.
struct CommandFailure: Error, CustomStringConvertible {
    var text: String
    var code: Int32 = 1
    var description: String { text }
}

extension ParsableCommand {
    /// Runs a body, turning user-facing errors into a message on stderr and exit code.
    func reportingErrors(_ body: () throws -> Void) throws {
        do {
            try body()
        } catch let error as UserFacingError {
            FileHandle.standardError.write(Data((error.message.text() + "\n").utf8))
            throw ExitCode(1)
        } catch let error as CommandFailure {
            FileHandle.standardError.write(Data((error.text + "\n").utf8))
            throw ExitCode(error.code)
        }
    }
}
