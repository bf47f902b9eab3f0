import ArgumentParser
import CommunityModel
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "init", abstract: "(not built yet)")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        throw CommandFailure(text: "init: not built yet")
    }
}
