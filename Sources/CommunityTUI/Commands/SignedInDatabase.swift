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

    /// Signs an operator in, asking for the name too when it was not given and a person is at the terminal.
    /// - Throws: `FileAccessError.operatorRequired` when no operator is named and nobody can be asked.
    func requireSignIn(_ database: CommunityDatabase) throws -> Actor {
        if let actor = try signIn(database) { return actor }
        guard isatty(STDIN_FILENO) == 1 else { throw FileAccessError.operatorRequired }
        let name = try Prompt.line(LocalizedText("操作员：", "Operator: "))
        if name.trimmingCharacters(in: .whitespaces).isEmpty { throw FileAccessError.operatorRequired }
        return try database.login(name: name, pin: try pin ?? Prompt.secret(LocalizedText("PIN：", "PIN: ")))
    }
}

extension GlobalOptions {
    /// Opens the database for a command that only reads (stats, export, check, reports, `voucher check` …).
    /// Every reader goes through here, so how readers open a file is decided in one place.
    /// The file is opened read-only (SQLite `readonly`): nothing is created, migrated or written, so a file
    /// on a read-only stick works and a zero-byte or mistyped file stays as it was.
    func openForReading() throws -> CommunityDatabase {
        if demo { return try DemoLauncher.openDemo(path: databasePath) }
        let path = databasePath
        guard FileManager.default.fileExists(atPath: path) else { throw missingDatabase(path) }
        return try CommunityDatabase.openReadOnly(path: path)
    }

    /// Opens the database for a command that writes and signs its operator in. Every writing command goes
    /// through here, so the rule for who may write (SPEC §8) is decided in one place.
    /// - Throws: `CommandFailure` for a missing file; the store's errors for a bad sign-in.
    /// A real (non-demo) database needs a signed-in operator, so the audit log always names a person;
    /// demo databases (`profile.isDemo`) are exempt.
    func openForWriting(_ operatorOptions: OperatorOptions) throws -> (CommunityDatabase, Actor?) {
        if demo {
            // `--demo` works for every command: the demo file is made on first use and its secretary acts.
            let database = try DemoLauncher.openDemo(path: databasePath)
            return (database, try operatorOptions.signIn(database) ?? database.demoActor())
        }
        let database = try openExistingDatabase()
        guard let profile = try database.profile() else { throw StoreError.missingProfile }
        if profile.isDemo { return (database, try operatorOptions.signIn(database)) }
        return (database, try operatorOptions.requireSignIn(database))
    }
}
