import Foundation

/// Audit sentences of the redemption desk: catalog, stock, receipts, voids, day closes, vouchers. English
/// sentences use only keys, numbers and codes from the detail, so they carry no Chinese but user data.
enum RedemptionSentences {
    static func word(_ f: AuditSentence.Facts, _ index: Int) -> String {
        let words = f.entry.detail.split(separator: " ").map(String.init)
        return words.indices.contains(index) ? words[index] : ""
    }

    static func receipt(_ f: AuditSentence.Facts) -> String {
        let target = f.entry.target
        return target.hasPrefix("receipt:") ? String(target.dropFirst(8)) : word(f, 0)
    }

    static let table: [String: AuditSentence.Template] = [
        "catalog.add": { f in LocalizedText("兑换目录新增 \(word(f, 0))", "added \(word(f, 0)) to the catalog") },
        "catalog.price": { f in
            LocalizedText("\(word(f, 0)) 改价 \(word(f, 1)) → \(word(f, 3)) 分", "changed the price of \(word(f, 0)) from \(word(f, 1)) to \(word(f, 3)) points")
        },
        "catalog.retire": { f in LocalizedText("\(word(f, 0)) 下架", "retired \(word(f, 0))") },
        "stock.restock": { f in LocalizedText("\(word(f, 0)) 入库 \(word(f, 1))", "restocked \(word(f, 0)) \(word(f, 1))") },
        "stock.stocktake": { f in LocalizedText("\(word(f, 0)) 盘点", "stocktake of \(word(f, 0))") },
        "redemption.redeem": { f in
            let points = AuditDetail.int(after: "−", in: f.entry.detail) ?? 0
            // The holder by name, as the points lines say it: a name search lists this line among theirs.
            let code = word(f, 1)
            guard code.hasPrefix("member:") || code.hasPrefix("organisation:") else {
                return LocalizedText("兑换 \(receipt(f))，扣 \(points) 分", "redeemed \(receipt(f)) for \(points) points")
            }
            let who = f.names.name(code)
            return LocalizedText("\(who) 兑换 \(receipt(f))，扣 \(points) 分", "\(who) redeemed \(receipt(f)) for \(points) points")
        },
        // Worded as the generic sentence of a void reads, so the audit screen says it the same way either side.
        "redemption.void": { f in LocalizedText("兑换：作废 兑换单 \(receipt(f))", "redemption: voided receipt \(receipt(f))") },
        "redemption.correct": { f in LocalizedText("日结后更正兑换单 \(receipt(f))", "corrected receipt \(receipt(f)) after the day was closed") },
        "redemption.close_day": { f in
            LocalizedText("兑换日结 \(word(f, 0))（\(word(f, 1))）", "closed the desk's day \(word(f, 0)) (\(word(f, 1)))")
        },
        "kiosk.training_start": { f in
            LocalizedText("批准兑换窗口（\(f.entry.detail)）进入培训模式", "allowed training mode at the kiosk (\(f.entry.detail))")
        },
        "kiosk.training_end": { f in LocalizedText("兑换窗口（\(f.entry.detail)）结束培训模式", "ended training mode at the kiosk (\(f.entry.detail))") },
        "kiosk.leave": { f in LocalizedText("批准兑换窗口（\(f.entry.detail)）退出", "let the kiosk (\(f.entry.detail)) close") },
        "voucher.use": { f in LocalizedText("使用券 \(VoucherCode.display(word(f, 0)))", "used voucher \(VoucherCode.display(word(f, 0)))") },
    ]
}
