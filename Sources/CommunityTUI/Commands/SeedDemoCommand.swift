import ArgumentParser
import CommunityModel
import Foundation

struct SeedDemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "seed-demo", abstract: "(not built yet)")
    @OptionGroup var global: GlobalOptions
    func run() throws {
        throw CommandFailure(text: "seed-demo: not built yet")
    }
}
