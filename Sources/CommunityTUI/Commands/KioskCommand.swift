import ArgumentParser
import CommunityModel
import Foundation

/// `community kiosk`: the redemption desk alone, for the screen residents stand beside.
struct KioskCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kiosk",
        abstract: "The redemption desk only (积分兑换窗口); leaving it needs a 书记/管理员 PIN.",
        discussion: """
        Signs in a 兑换窗口 operator and shows only screen 4: look up a member or organisation, fill a basket, \
        confirm, print. Phones are masked, the roster cannot be changed, Ctrl-C, Ctrl-Z, Ctrl-\\ and q do not \
        leave. Ctrl-T starts training mode (a temporary copy of the file, removed when training ends). With \
        --demo, the demo database signed in as its 兑换窗口 operator.
        """)

    @OptionGroup var global: GlobalOptions


    @Option(name: .long, help: ArgumentHelp("Seconds without a key before the lookup and basket clear.", valueName: "seconds"))
    var idleSeconds = 60

    func validate() throws {
        guard (1...3600).contains(idleSeconds) else { throw ValidationError("--idle-seconds must be between 1 and 3600 (got \(idleSeconds)).") }
    }

    func run() throws {
        global.applyLanguage()
        try reportingErrors {
            try KioskLauncher(global: global, demo: global.demo, idleSeconds: idleSeconds).run()
        }
    }
}

