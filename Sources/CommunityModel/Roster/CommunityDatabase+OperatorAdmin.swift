import Foundation
import GRDB

/// Running the office's operators (issue 14): deactivate (never delete — the audit log names them), change a
/// role, reset a PIN, unlock, and every operator's own PIN change. Each is one write transaction with its
/// audit line; PINs are hashed before the transaction so PBKDF2 never holds the write lock.
extension CommunityDatabase {
    /// Every operator, active first, then by id; a community has a handful, so this is one small read.
    public func operators() throws -> [Operator] {
        try pool.read { db in try Operator.order(Column("active").desc, Column("id")).fetchAll(db) }
    }

    public func operatorNamed(_ name: String) throws -> Operator {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        guard let op = try pool.read({ db in try Operator.filter(Column("name") == trimmed).fetchOne(db) }) else {
            throw LoginError.unknownOperator(trimmed)
        }
        return op
    }

    /// Phone numbers of roster members who share the operator's name: their tail is refused as a PIN.
    func phones(of name: String) throws -> [String] {
        try pool.read { db in try String.fetchAll(db, sql: "SELECT phone FROM member WHERE name = ?", arguments: [name]) }
    }

    private func checkPin(_ pin: String, for name: String) throws {
        try PinPolicy.check(pin, demo: try profile()?.isDemo ?? false, phones: try phones(of: name))
    }

    private static func requireManager(_ actor: Actor) throws {
        guard actor.role.mayManageOperators else { throw LoginError.notPermitted(LocalizedText("管理操作员", "manage operators")) }
    }

    private static func requireOperator(_ db: Database, _ id: Int64) throws -> Operator {
        guard let op = try Operator.fetchOne(db, key: id) else { throw StoreError.notFound(LocalizedText("该操作员", "That operator")) }
        return op
    }

    /// The community must always keep one active secretary who can manage operators.
    private static func requireAnotherSecretary(_ db: Database, besides op: Operator) throws {
        guard op.role == .secretary, op.active else { return }
        let others = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM operator WHERE role = ? AND active = 1 AND id <> ?",
                                      arguments: [Operator.Role.secretary.rawValue, op.id]) ?? 0
        if others == 0 { throw OperatorError.lastSecretary(op.name) }
    }

    /// Deactivates or reactivates an operator. A deactivated operator cannot sign in but stays in the audit log.
    /// - Throws: `OperatorError.lastSecretary` for the last active 书记, `LoginError.notPermitted`.
    public func setOperatorActive(id: Int64, active: Bool, by actor: Actor) throws {
        try Self.requireManager(actor)
        try pool.write { db in
            var op = try Self.requireOperator(db, id)
            guard op.active != active else { return }
            if !active { try Self.requireAnotherSecretary(db, besides: op) }
            op.active = active
            try op.update(db)
            try AuditEntry.record(db, by: actor, action: active ? "operator.activate" : "operator.deactivate", target: "operator:\(id)", detail: op.name)
        }
    }

    /// Changes an operator's role; the last active 书记 cannot be demoted.
    public func setOperatorRole(id: Int64, role: Operator.Role, by actor: Actor) throws {
        try Self.requireManager(actor)
        try pool.write { db in
            var op = try Self.requireOperator(db, id)
            guard op.role != role else { return }
            if role != .secretary { try Self.requireAnotherSecretary(db, besides: op) }
            op.role = role
            try op.update(db)
            try AuditEntry.record(db, by: actor, action: "operator.role", target: "operator:\(id)", detail: "\(op.name) \(role.rawValue)")
        }
    }

    /// A 书记 sets a new PIN for someone who forgot theirs; it also lifts a lock.
    public func resetOperatorPin(id: Int64, newPin: String, by actor: Actor) throws {
        try Self.requireManager(actor)
        let target = try pool.read { db in try Self.requireOperator(db, id) }
        try checkPin(newPin, for: target.name)
        let salt = PinHasher.makeSalt()
        let hash = try PinHasher.hash(pin: newPin, salt: salt)
        try pool.write { db in
            var op = try Self.requireOperator(db, id)
            op.pinHash = hash
            op.pinSalt = salt
            op.failedAttempts = 0
            op.lockedUntil = nil
            try op.update(db)
            try AuditEntry.record(db, by: actor, action: "operator.reset_pin", target: "operator:\(id)", detail: op.name)
        }
    }

    /// Lifts the five-wrong-PINs lock at once.
    public func unlockOperator(id: Int64, by actor: Actor) throws {
        try Self.requireManager(actor)
        try pool.write { db in
            var op = try Self.requireOperator(db, id)
            op.failedAttempts = 0
            op.lockedUntil = nil
            try op.update(db)
            try AuditEntry.record(db, by: actor, action: "operator.unlock", target: "operator:\(id)", detail: op.name)
        }
    }

    /// Every operator may change their own PIN, knowing the old one. A wrong old PIN counts as a wrong sign-in
    /// (five lock the operator), so the change cannot be used to guess.
    /// - Throws: `LoginError` for a wrong old PIN, `PinError` for a weak or repeated new one.
    public func changeOwnPin(_ actor: Actor, old: String, new: String, now: Date = Date()) throws {
        try checkPin(new, for: actor.name)
        if old == new { throw PinError.same }
        _ = try login(name: actor.name, pin: old, now: now)
        let salt = PinHasher.makeSalt()
        let hash = try PinHasher.hash(pin: new, salt: salt)
        try pool.write { db in
            var op = try Self.requireOperator(db, actor.operatorId)
            op.pinHash = hash
            op.pinSalt = salt
            try op.update(db)
            try AuditEntry.record(db, by: actor, action: "operator.change_pin", target: "operator:\(actor.operatorId)", detail: op.name)
        }
    }
}

public enum OperatorError: UserFacingError, Equatable {
    case lastSecretary(String)

    public var message: LocalizedText {
        switch self {
        case .lastSecretary(let name):
            return LocalizedText("“\(name)”是唯一在用的书记/管理员，不能停用或改为其他角色。请先添加另一位书记/管理员。",
                                 "“\(name)” is the only active secretary/admin and cannot be deactivated or given another role. Add another secretary first.")
        }
    }
}
