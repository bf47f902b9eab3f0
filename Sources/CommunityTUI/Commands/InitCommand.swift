import ArgumentParser
import CommunityModel
import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `community init`: creates a database with its community profile and first secretary. Asks on the
/// terminal for whatever the flags leave out; a script passes every flag and is never asked anything.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a database: the community profile and the first secretary with a PIN.",
        discussion: """
        Asks for what the flags leave out (the PIN twice, without echo). For scripts give all of \
        --name --street --district --city --operator --pin. Refuses a database that is already set up.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: "Community name, e.g. 朝东社区.") var name: String?
    @Option(help: "Street (街道), e.g. 公园街道.") var street: String?
    @Option(help: "District (区), e.g. 运河区.") var district: String?
    @Option(help: "City (市), e.g. 沧州市.") var city: String?
    @Option(name: .customLong("operator"), help: "Name of the first operator (the secretary).") var operatorName: String?
    @Option(help: "The secretary's PIN, 6 to 8 digits, not guessable like 123456 (for scripts; otherwise asked twice).") var pin: String?

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            let path = global.databasePath
            try global.requireFolder(for: path)
            // Refuse before asking anything: nobody should type a profile for a file that is already set up.
            let database = try CommunityDatabase.open(path: path)
            if let existing = try database.profile() {
                throw SetupError.alreadySetUp(path: path, community: existing.name)
            }
            let interactive = isatty(STDIN_FILENO) == 1
            func value(_ given: String?, flag: String, _ prompt: LocalizedText) throws -> String {
                if let given { return given }
                guard interactive else {
                    throw CommandFailure(text: LocalizedText("缺少 --\(flag)（不在终端上运行时必须给出全部参数）。",
                                                             "Missing --\(flag) (all flags are needed when not run at a terminal).").text())
                }
                return try Prompt.line(prompt)
            }
            let profile = CommunityProfile(
                name: try value(name, flag: "name", LocalizedText("社区名称（如 朝东社区）：", "Community name (e.g. 朝东社区): ")),
                street: try value(street, flag: "street", LocalizedText("街道（如 公园街道）：", "Street (e.g. 公园街道): ")),
                district: try value(district, flag: "district", LocalizedText("区（如 运河区）：", "District (e.g. 运河区): ")),
                city: try value(city, flag: "city", LocalizedText("市（如 沧州市）：", "City (e.g. 沧州市): ")))
            let secretary = try value(operatorName, flag: "operator", LocalizedText("书记/管理员姓名：", "Secretary's name: "))
            let thePin: String
            if let pin {
                thePin = pin
            } else {
                guard interactive else {
                    throw CommandFailure(text: LocalizedText("缺少 --pin。", "Missing --pin.").text())
                }
                thePin = try Prompt.newPin()
            }
            let actor = try database.setUp(profile: profile, secretaryName: secretary, pin: thePin)
            print(LocalizedText("已创建 \(profile.fullName) 的数据库：\(path)；书记/管理员：\(actor.name)。运行 community 登录。",
                                "Created the database of \(profile.fullNameText.en): \(path); secretary: \(actor.name). Run `community` to sign in.").text())
        }
    }
}

/// Questions on the terminal for commands run by hand.
enum Prompt {
    static func line(_ prompt: LocalizedText) throws -> String {
        FileHandle.standardError.write(Data(prompt.text().utf8))
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(text: LocalizedText("输入已结束，未做任何更改。", "Input ended; nothing was changed.").text())
        }
        return line
    }

    /// Reads a line with echo off, so a PIN never shows on the screen.
    static func secret(_ prompt: LocalizedText) throws -> String {
        FileHandle.standardError.write(Data(prompt.text().utf8))
        var saved = termios()
        let canHide = tcgetattr(STDIN_FILENO, &saved) == 0
        if canHide {
            var hidden = saved
            hidden.c_lflag &= ~tcflag_t(ECHO)
            tcsetattr(STDIN_FILENO, TCSAFLUSH, &hidden)
        }
        defer {
            if canHide { tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved) }
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else {
            throw CommandFailure(text: LocalizedText("输入已结束，未做任何更改。", "Input ended; nothing was changed.").text())
        }
        return line
    }

    /// A new PIN typed twice; asks again (up to three times) when the two differ or the policy refuses it.
    static func newPin(demo: Bool = false) throws -> String {
        for _ in 0..<3 {
            let first = try secret(LocalizedText("设置 PIN（6 到 8 位数字，不能是 123456 这类）：", "Choose a PIN (6 to 8 digits, nothing like 123456): "))
            do {
                try PinPolicy.check(first, demo: demo)
            } catch let error as UserFacingError {
                FileHandle.standardError.write(Data((error.message.text() + "\n").utf8))
                continue
            }
            let second = try secret(LocalizedText("再输入一次 PIN：", "Type the PIN again: "))
            if first == second { return first }
            FileHandle.standardError.write(Data(LocalizedText("两次输入的 PIN 不一致，请重新设置。\n", "The two PINs differ; try again.\n").text().utf8))
        }
        throw CommandFailure(text: LocalizedText("PIN 设置失败，未做任何更改。", "No PIN was set; nothing was changed.").text())
    }
}
