import ArgumentParser
import CommunityModel
import Foundation

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "stats", abstract: "(not built yet)")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        throw CommandFailure(text: "stats: not built yet")
    }
}
