import ArgumentParser
import CommunityModel
import Foundation

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "backup", abstract: "(not built yet)")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        throw CommandFailure(text: "backup: not built yet")
    }
}
