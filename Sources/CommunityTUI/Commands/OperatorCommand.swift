import ArgumentParser
import CommunityModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension Operator.Role: ExpressibleByArgument {
    /// `--role secretary|worker|kiosk`, or the Chinese role name.
    public init?(argument: String) {
        switch argument.lowercased() {
        case "secretary", "admin", "书记", "书记/管理员": self = .secretary
        case "worker", "社区工作者", "社工": self = .worker
        case "kiosk", "desk", "兑换窗口": self = .kiosk
        default: return nil
        }
    }
}

/// `community operator …`: the IT helper's way to run the office's operators. Every subcommand needs a
/// 书记/管理员 operator and PIN (`--operator`, `--pin`, or asked on the terminal).
struct OperatorCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "operator",
        abstract: "List, add, reset the PIN of, unlock or deactivate operators (needs a secretary's PIN).",
        subcommands: [List.self, Add.self, ResetPin.self, Unlock.self, Deactivate.self])

    /// Opens the database and signs in a secretary; anyone else is refused before anything is read.
    static func signInSecretary(_ global: GlobalOptions, _ options: OperatorOptions) throws -> (CommunityDatabase, Actor) {
        let (database, actor) = try global.openForWriting(options)
        guard let actor else {
            throw CommandFailure(text: LocalizedText("需要书记/管理员的 --operator 和 PIN。", "Needs a secretary's --operator and PIN.").text())
        }
        guard actor.role.mayManageOperators else { throw LoginError.notPermitted(LocalizedText("管理操作员", "manage operators")) }
        return (database, actor)
    }

    /// The new PIN from `--new-pin`, or typed twice on the terminal.
    static func newPin(_ given: String?, demo: Bool) throws -> String {
        if let given { return given }
        guard isatty(STDIN_FILENO) == 1 else {
            throw CommandFailure(text: LocalizedText("缺少 --new-pin（不在终端上运行时必须给出）。", "Missing --new-pin (needed when not run at a terminal).").text())
        }
        return try Prompt.newPin(demo: demo)
    }

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List every operator with role, state, lock and last sign-in.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, _) = try OperatorCommand.signInSecretary(global, operatorOptions)
                for op in try database.operators() {
                    let state = op.active ? LocalizedText("在用", "active") : LocalizedText("已停用", "deactivated")
                    let lock = op.lockedUntil.map { LocalizedText("锁定到 \($0)", "locked until \($0)").text() } ?? "-"
                    let last = op.lastSignIn ?? LocalizedText("从未登录", "never").text()
                    print([op.name, op.role.label.text(), state.text(), lock, last].joined(separator: "\t"))
                }
            }
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Add an operator with a role and a first PIN.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @Option(help: "The new operator's name.") var name: String
        @Option(help: ArgumentHelp("secretary, worker or kiosk (书记/管理员, 社区工作者, 兑换窗口).", valueName: "role")) var role: Operator.Role
        @Option(name: .customLong("new-pin"), help: "The new operator's first PIN (otherwise asked twice).") var newPin: String?

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, actor) = try OperatorCommand.signInSecretary(global, operatorOptions)
                let pin = try OperatorCommand.newPin(newPin, demo: try database.profile()?.isDemo ?? false)
                let op = try database.addOperator(name: name, role: role, pin: pin, by: actor)
                printError(LocalizedText("已新增操作员 \(op.name)（\(role.label.zh)）。", "Added operator \(op.name) (\(role.label.en)).").text())
            }
        }
    }

    struct ResetPin: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "reset-pin", abstract: "Set a new PIN for an operator who forgot theirs (also unlocks).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @Argument(help: "The operator whose PIN is reset.") var name: String
        @Option(name: .customLong("new-pin"), help: "The new PIN (otherwise asked twice).") var newPin: String?

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, actor) = try OperatorCommand.signInSecretary(global, operatorOptions)
                let target = try database.operatorNamed(name)
                let pin = try OperatorCommand.newPin(newPin, demo: try database.profile()?.isDemo ?? false)
                try database.resetOperatorPin(id: target.id ?? 0, newPin: pin, by: actor)
                printError(LocalizedText("已重设 \(target.name) 的 PIN。", "Reset the PIN of \(target.name).").text())
            }
        }
    }

    struct Unlock: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lift the five-wrong-PINs lock of an operator at once.")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @Argument(help: "The operator to unlock.") var name: String

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, actor) = try OperatorCommand.signInSecretary(global, operatorOptions)
                let target = try database.operatorNamed(name)
                try database.unlockOperator(id: target.id ?? 0, by: actor)
                printError(LocalizedText("已解锁 \(target.name)。", "Unlocked \(target.name).").text())
            }
        }
    }

    struct Deactivate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deactivate an operator (never deleted: the audit log keeps their name).")
        @OptionGroup var global: GlobalOptions
        @OptionGroup var operatorOptions: OperatorOptions
        @Argument(help: "The operator to deactivate.") var name: String

        func run() throws {
            global.applyLanguage()
            try reportingErrors {
                let (database, actor) = try OperatorCommand.signInSecretary(global, operatorOptions)
                let target = try database.operatorNamed(name)
                try database.setOperatorActive(id: target.id ?? 0, active: false, by: actor)
                printError(LocalizedText("已停用 \(target.name)。", "Deactivated \(target.name).").text())
            }
        }
    }
}
