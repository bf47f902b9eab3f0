import Foundation

/// Why a redemption, void, catalog or stock change was refused — in words for the clerk and the resident.
public enum RedemptionError: UserFacingError, Equatable {
    case notEnoughPoints(holder: String, balance: Int, needed: Int)
    case outOfStock(item: String, left: Int, asked: Int)
    case overLimit(item: String, limit: Int, period: Catalog.Limit.Period, already: Int, asked: Int, resetsOn: String)
    case holderDeactivated(holder: String)
    case unknownHolder(String)
    case unknownItem(String)
    case itemRetired(String)
    case emptyBasket
    case badQuantity(item: String, text: String)
    case requestIdReused(String)
    case unknownReceipt(String)
    case alreadyVoided(receipt: String)
    case voidNotSameDay(receipt: String, day: String)
    case dayClosed(day: String)
    case dayAlreadyClosed(day: String, closeNumber: Int)
    case voucherAlreadyUsed(code: String, usedAt: String, shop: String)
    case supervisorRequired
    case secretaryRequired
    case reasonRequired
    case badPrice(Int)
    case badStockQuantity(Int)
    case duplicateItem(String)
    case catalogNotLoaded
    case requestIdMissing
    case dayClosedForRedemption(day: String)
    /// A feature of the API that this build does not do yet.
    case notYet(String)

    public var message: LocalizedText {
        switch self {
        case .notEnoughPoints(let holder, let balance, let needed):
            return LocalizedText("积分不足：\(holder) 现有 \(balance) 分，本次需 \(needed) 分，还差 \(needed - balance) 分。",
                                 "Not enough points: \(holder) has \(balance), this needs \(needed) — \(needed - balance) short.")
        case .outOfStock(let item, let left, let asked):
            return LocalizedText("库存不足：\(item) 只剩 \(left)，要兑换 \(asked)。", "Out of stock: only \(left) \(item) left, \(asked) asked.")
        case .overLimit(let item, let limit, let period, let already, let asked, let resetsOn):
            return LocalizedText("超出限兑：\(item) \(period.label.zh)限 \(limit)，本期已兑 \(already)，再兑 \(asked) 超限；\(resetsOn) 起可再兑。",
                                 "Over the limit: \(item) is limited to \(limit) \(period.label.en); \(already) already this period, \(asked) more is too many. Resets on \(resetsOn).")
        case .holderDeactivated(let holder):
            return LocalizedText("\(holder) 已停用，不能兑换。请先在花名册中恢复。", "\(holder) is deactivated and cannot redeem. Reactivate them on the roster first.")
        case .unknownHolder(let holder):
            return LocalizedText("找不到积分账户 \(holder)。", "No points holder \(holder).")
        case .unknownItem(let key):
            return LocalizedText("兑换目录中没有 “\(key)”。", "There is no item \"\(key)\" in the catalog.")
        case .itemRetired(let name):
            return LocalizedText("\(name) 已下架，不能兑换。", "\(name) has been retired and cannot be redeemed.")
        case .emptyBasket:
            return LocalizedText("兑换篮是空的：请至少选一件物品。", "The basket is empty: choose at least one item.")
        case .badQuantity(let item, let text):
            return LocalizedText("\(item) 的数量 “\(text)” 不对：应为 1 到 \(RedemptionRules.maxQuantity) 的整数。",
                                 "The quantity \"\(text)\" for \(item) is wrong: give a whole number from 1 to \(RedemptionRules.maxQuantity).")
        case .requestIdReused(let id):
            return LocalizedText("请求号 \(id) 已用于另一笔不同的兑换；请换一个请求号。",
                                 "The request id \(id) was already used for a different redemption; use a new id.")
        case .unknownReceipt(let receipt):
            return LocalizedText("找不到兑换单 \(receipt)。", "No receipt \(receipt).")
        case .alreadyVoided(let receipt):
            return LocalizedText("兑换单 \(receipt) 已作废或已调整过。", "Receipt \(receipt) has already been voided or corrected.")
        case .voidNotSameDay(let receipt, let day):
            return LocalizedText("兑换单 \(receipt) 是 \(day) 的，只能当天作废；请由书记做调整并写明原因。",
                                 "Receipt \(receipt) is from \(day); voids are same-day only. A secretary can correct it with a reason.")
        case .dayClosed(let day):
            return LocalizedText("\(day) 已日结，不能再作废；请由书记做调整并写明原因。",
                                 "\(day) is closed; nothing can be voided. A secretary can correct it with a reason.")
        case .dayAlreadyClosed(let day, let number):
            return LocalizedText("\(day) 已日结（第 \(number) 次日结）。", "\(day) is already closed (close no. \(number)).")
        case .voucherAlreadyUsed(let code, let usedAt, let shop):
            return LocalizedText("券 \(VoucherCode.display(code)) 已于 \(usedAt) 在 \(shop) 使用，不能作废。",
                                 "Voucher \(VoucherCode.display(code)) was used at \(shop) on \(usedAt); it cannot be voided.")
        case .supervisorRequired:
            return LocalizedText("作废需要书记/管理员输入 PIN 批准。", "A void needs a secretary/admin to approve with their PIN.")
        case .secretaryRequired:
            return LocalizedText("只有书记/管理员可以做这项操作。", "Only a secretary/admin can do this.")
        case .reasonRequired:
            return LocalizedText("请写明原因。", "Give a reason.")
        case .badPrice(let points):
            return LocalizedText("积分价格 \(points) 不对：应为大于 0 的整数。", "The price \(points) is wrong: give a whole number above 0.")
        case .badStockQuantity(let n):
            return LocalizedText("数量 \(n) 不对：入库数量应大于 0，盘点数不能小于 0。",
                                 "The quantity \(n) is wrong: a restock must be above 0 and a count cannot be below 0.")
        case .duplicateItem(let key):
            return LocalizedText("兑换目录中已有 “\(key)”（或券码前缀重复）。", "The catalog already has \"\(key)\" (or its code prefix is taken).")
        case .requestIdMissing:
            return LocalizedText("缺少请求号：每次兑换需要一个请求号（--request-id），重试时用同一个。",
                                 "A request id is needed (--request-id): one per redemption, the same one when retrying.")
        case .dayClosedForRedemption(let day):
            return LocalizedText("\(day) 已日结，今天不能再兑换。", "\(day) is closed; no more redemptions today.")
        case .catalogNotLoaded:
            return LocalizedText("兑换目录尚未载入。", "The redemption catalog has not been loaded.")
        case .notYet(let what):
            return LocalizedText("此功能尚未完成：\(what)", "Not available yet: \(what)")
        }
    }
}

/// Why a voucher code was refused by `voucher check` or `voucher use`.
public enum VoucherError: UserFacingError, Equatable {
    /// Wrong length or a character the codes never use (0, O, 1, I, L, U…).
    case malformed(String)
    /// The check character does not match: a typing mistake, caught before any lookup.
    case badCheckCharacter(String)
    case unknown(String)
    case alreadyUsed(code: String, usedAt: String, shop: String)
    case cancelled(code: String, at: String)
    case expired(code: String, on: String)
    case shopRequired

    public var message: LocalizedText {
        switch self {
        case .malformed(let text):
            return LocalizedText("“\(text)” 不是券码：券码由字母和数字组成（不含 0 O 1 I L U），如 XC-7K3M-9QPW。",
                                 "\"\(text)\" is not a voucher code: codes are letters and digits without 0 O 1 I L U, e.g. XC-7K3M-9QPW.")
        case .badCheckCharacter(let text):
            return LocalizedText("券码 \(text) 校验不符，可能输错了一位，请核对后重新输入。",
                                 "The code \(text) fails its check character — probably mistyped. Check it and type it again.")
        case .unknown(let code):
            return LocalizedText("没有券码为 \(VoucherCode.display(code)) 的券。", "There is no voucher \(VoucherCode.display(code)).")
        case .alreadyUsed(let code, let usedAt, let shop):
            return LocalizedText("券 \(VoucherCode.display(code)) 已于 \(usedAt) 在 \(shop) 使用过，不能再用。",
                                 "Voucher \(VoucherCode.display(code)) was already used at \(shop) on \(usedAt).")
        case .cancelled(let code, let at):
            return LocalizedText("券 \(VoucherCode.display(code)) 已于 \(at) 作废，不能使用。",
                                 "Voucher \(VoucherCode.display(code)) was cancelled on \(at) and cannot be used.")
        case .expired(let code, let on):
            return LocalizedText("券 \(VoucherCode.display(code)) 已过期（有效期至 \(on)）。",
                                 "Voucher \(VoucherCode.display(code)) expired (it was valid until \(on)).")
        case .shopRequired:
            return LocalizedText("请写明使用券的商家（--shop）。", "Name the shop using the voucher (--shop).")
        }
    }
}
