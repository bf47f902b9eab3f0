import ArgumentParser
import CommunityModel
import Foundation

/// `--operator` and `--pin` for every command that writes: the audit log must name the person who did it.
struct OperatorOptions: ParsableArguments {
    @Option(name: .customLong("operator"), help: "Sign in as this operator (asks for the PIN on the terminal unless --pin is given).")
    var operatorName: String?
    @Option(help: "The operator's PIN (for scripts; otherwise asked on the terminal).")
    var pin: String?

    /// Signs the operator in, asking for the PIN when it was not given. Nil when no operator was named.
    /// - Throws: the store's sign-in refusal (unknown name, wrong PIN, locked).
    func signIn(_ database: CommunityDatabase) throws -> Actor? {
        guard let operatorName else { return nil }
        return try database.login(name: operatorName, pin: try pin ?? Prompt.secret(LocalizedText("PIN：", "PIN: ")))
    }
}

extension GlobalOptions {
    /// Opens the database for a command that only reads (stats, export, check, reports, `voucher check` …).
    /// Every reader goes through here, so how readers open a file is decided in one place.
    func openForReading() throws -> CommunityDatabase {
        if demo { return try DemoLauncher.openDemo(path: databasePath) }
        return try openExistingDatabase()
    }

    /// Opens the database for a command that writes and signs its operator in. Every writing command goes
    /// through here, so the rule for who may write (SPEC §8) is decided in one place.
    /// - Throws: `CommandFailure` for a missing file; the store's errors for a bad sign-in.
    func openForWriting(_ operatorOptions: OperatorOptions) throws -> (CommunityDatabase, Actor?) {
        if demo {
            // `--demo` works for every command: the demo file is made on first use and its secretary acts.
            let database = try DemoLauncher.openDemo(path: databasePath)
            return (database, try operatorOptions.signIn(database) ?? database.demoActor())
        }
        let database = try openExistingDatabase()
        guard try database.profile() != nil else { throw StoreError.missingProfile }
        return (database, try operatorOptions.signIn(database))
    }
}
