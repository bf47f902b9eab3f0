import ArgumentParser
import CommunityModel
import Foundation

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not built yet)")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        throw CommandFailure(text: "check: not built yet")
    }
}
