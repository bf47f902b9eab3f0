import Foundation
import GRDB

extension CommunityDatabase {
    static let maxFailedAttempts = 5
    static let lockMinutes = 5

    /// The community profile, or nil on a database that has not been set up.
    public func profile() throws -> CommunityProfile? {
        try pool.read { db in try CommunityProfile.fetchOne(db, key: 1) }
    }

    /// First-run setup: the community profile and its first operator (a secretary), in one transaction.
    /// - Throws: `RosterError`/`LoginError` for bad input; nothing is written then.
    @discardableResult
    public func setUp(profile: CommunityProfile, secretaryName: String, pin: String) throws -> Actor {
        let name = try RosterValidation.required(profile.name, LocalizedText("社区名称", "Community name"), kind: .name)
        let street = try RosterValidation.required(profile.street, LocalizedText("街道", "Street"))
        let district = try RosterValidation.required(profile.district, LocalizedText("区", "District"))
        let city = try RosterValidation.required(profile.city, LocalizedText("市", "City"))
        let opName = try RosterValidation.required(secretaryName, LocalizedText("操作员姓名", "Operator name"), max: 20, kind: .name)
        try PinPolicy.check(pin, demo: false)
        let salt = PinHasher.makeSalt()
        let hash = try PinHasher.hash(pin: pin, salt: salt)
        return try pool.write { db in
            if try CommunityProfile.fetchOne(db, key: 1) != nil {
                throw SetupError.alreadySetUp(path: path, community: try String.fetchOne(db, sql: "SELECT name FROM community_profile") ?? "")
            }
            var p = profile
            p.name = name; p.street = street; p.district = district; p.city = city
            try p.insert(db)
            var op = Operator(id: nil, name: opName, role: .secretary, pinHash: hash, pinSalt: salt,
                              failedAttempts: 0, lockedUntil: nil, active: true, createdAt: Day.timestamp())
            try op.insert(db)
            let actor = Actor(operatorId: op.id!, name: op.name, role: op.role)
            try AuditEntry.record(db, by: actor, action: "community.setup", target: "community", detail: p.fullName)
            return actor
        }
    }

    /// Adds an operator; only a secretary may.
    @discardableResult
    public func addOperator(name: String, role: Operator.Role, pin: String, by actor: Actor?) throws -> Operator {
        if let actor, !actor.role.mayManageOperators {
            throw LoginError.notPermitted(LocalizedText("管理操作员", "manage operators"))
        }
        let opName = try RosterValidation.required(name, LocalizedText("操作员姓名", "Operator name"), max: 20, kind: .name)
        try PinPolicy.check(pin, demo: try profile()?.isDemo ?? false, phones: try phones(of: opName))
        let salt = PinHasher.makeSalt()
        let hash = try PinHasher.hash(pin: pin, salt: salt)
        return try pool.write { db in
            if try Int.fetchOne(db, sql: "SELECT 1 FROM operator WHERE name = ?", arguments: [opName]) != nil {
                throw SetupError.duplicateOperator(opName)
            }
            var op = Operator(id: nil, name: opName, role: role, pinHash: hash, pinSalt: salt,
                              failedAttempts: 0, lockedUntil: nil, active: true, createdAt: Day.timestamp())
            try op.insert(db)
            try AuditEntry.record(db, by: actor, action: "operator.add", target: "operator:\(op.id!)", detail: "\(opName) \(role.rawValue)")
            return op
        }
    }

    /// Inserts an operator inside the caller's transaction, for seeding: the PIN is hashed by the caller
    /// beforehand so the slow PBKDF2 never runs while the write lock is held.
    @discardableResult
    static func insertOperator(_ db: Database, name: String, role: Operator.Role, pinHash: String, pinSalt: String, by actor: Actor?) throws -> Actor {
        if try Int.fetchOne(db, sql: "SELECT 1 FROM operator WHERE name = ?", arguments: [name]) != nil {
            throw SetupError.duplicateOperator(name)
        }
        var op = Operator(id: nil, name: name, role: role, pinHash: pinHash, pinSalt: pinSalt,
                          failedAttempts: 0, lockedUntil: nil, active: true, createdAt: Day.timestamp())
        try op.insert(db)
        let id = op.id ?? db.lastInsertedRowID
        try AuditEntry.record(db, by: actor, action: "operator.add", target: "operator:\(id)", detail: "\(name) \(role.rawValue)")
        return Actor(operatorId: id, name: name, role: role)
    }

    public func operatorNames() throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT name FROM operator WHERE active = 1 ORDER BY id") }
    }

    /// Checks a PIN. Five wrong PINs in a row lock the operator for five minutes; a right PIN resets the count.
    /// The hash is computed outside the write transaction so a slow PBKDF2 never holds the write lock.
    /// - Throws: `LoginError`.
    public func login(name: String, pin: String, now: Date = Date()) throws -> Actor {
        let trimmed = try TextRules.check(name, .name, field: LocalizedText("操作员姓名", "The operator's name"))
        guard let op = try pool.read({ db in try Operator.filter(Column("name") == trimmed).fetchOne(db) }), let id = op.id else {
            throw LoginError.unknownOperator(trimmed)
        }
        guard op.active else { throw LoginError.inactive(op.name) }
        let nowText = Day.timestamp(now)
        if let until = op.lockedUntil, until > nowText { throw LoginError.locked(until: until) }
        let ok = PinHasher.verify(pin: pin, salt: op.pinSalt, hash: op.pinHash)
        let outcome: Result<Actor, Error> = try pool.write { db in
            guard var fresh = try Operator.fetchOne(db, key: id) else { throw LoginError.unknownOperator(trimmed) }
            if let until = fresh.lockedUntil, until > nowText { throw LoginError.locked(until: until) }
            let actor = Actor(operatorId: id, name: fresh.name, role: fresh.role)
            if ok {
                fresh.failedAttempts = 0
                fresh.lockedUntil = nil
                fresh.lastSignIn = nowText
                try fresh.update(db)
                try AuditEntry.record(db, by: actor, action: "operator.login", target: "operator:\(id)")
                return .success(actor)
            }
            fresh.failedAttempts += 1
            if fresh.failedAttempts >= Self.maxFailedAttempts {
                let until = Day.timestamp(now.addingTimeInterval(TimeInterval(Self.lockMinutes * 60)))
                fresh.failedAttempts = 0
                fresh.lockedUntil = until
                try fresh.update(db)
                try AuditEntry.record(db, by: nil, action: "operator.locked", target: "operator:\(id)", detail: "5 wrong PINs")
                return .failure(LoginError.locked(until: until))
            }
            try fresh.update(db)
            try AuditEntry.record(db, by: nil, action: "operator.wrong_pin", target: "operator:\(id)")
            return .failure(LoginError.wrongPin(remaining: Self.maxFailedAttempts - fresh.failedAttempts))
        }
        // The failed attempt is committed first, then reported.
        return try outcome.get()
    }

    /// The demo secretary, for `--demo`; refused on a real database.
    public func demoActor() throws -> Actor {
        guard let p = try profile() else { throw StoreError.missingProfile }
        guard p.isDemo else { throw DemoError.notDemo(path: path) }
        return try pool.read { db in
            guard let op = try Operator.filter(Column("role") == Operator.Role.secretary.rawValue).order(Column("id")).fetchOne(db), let id = op.id else {
                throw StoreError.notFound(LocalizedText("演示书记账号", "The demo secretary"))
            }
            return Actor(operatorId: id, name: op.name, role: op.role)
        }
    }

    /// The most recent audit lines, newest first.
    public func auditLog(_ request: PageRequest) throws -> [AuditEntry] {
        try pool.read { db in
            try KeysetQuery(select: "SELECT * FROM audit_log", sortExpression: "''", idExpression: "id", descending: true).fetch(db, request)
        }
    }
}

extension AuditEntry: KeyedRow {
    public var listKey: ListKey { ListKey(id: id ?? 0) }
}

public enum DemoError: UserFacingError, Equatable {
    case notDemo(path: String)
    public var message: LocalizedText {
        switch self {
        case .notDemo(let path):
            return LocalizedText("\(path) 是正式数据库，不能用 --demo 打开。去掉 --demo 并用 PIN 登录。",
                                 "\(path) holds real data and cannot be opened with --demo. Drop --demo and sign in with your PIN.")
        }
    }
}
