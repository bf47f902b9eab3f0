import Foundation

extension Catalog {
    /// Reads and validates `catalog.json` (SPEC §7).
    static func read(_ root: ReferenceJSONReader) throws -> Catalog {
        try root.rejectUnknownKeys(["items"])
        let readers = try root.array("items")
        guard !readers.isEmpty else { throw root.invalid("items", "至少一种兑换物品", "at least one item to redeem") }
        try ReferenceJSONReader.requireUniqueKeys(readers)
        var items: [Item] = []
        var prefixes: [String: String] = [:]
        for item in readers {
            let parsed = try readItem(item)
            if let prefix = parsed.codePrefix {
                // Two vouchers sharing a prefix could print the same code on two receipts.
                if let other = prefixes[prefix] {
                    throw item.invalid("code_prefix", "各券不同的券码前缀（“\(prefix)” 已用于 \(other)）",
                                       "a code prefix no other voucher uses (\"\(prefix)\" is already used by \(other))")
                }
                prefixes[prefix] = parsed.key
            }
            items.append(parsed)
        }
        return Catalog(items: items)
    }

    private static func readItem(_ item: ReferenceJSONReader) throws -> Item {
        try item.rejectUnknownKeys(["key", "name", "name_en", "unit", "unit_en", "kind", "points", "stock", "low_stock",
                                    "partner", "partner_en", "code_prefix", "limit", "voucher_days"])
        let kindReader = try item.required("kind", LocalizedText("goods 或 voucher", "goods or voucher"))
        let kindText = try kindReader.asString()
        guard let kind = Kind(rawValue: kindText) else {
            throw kindReader.invalid(nil, "goods（实物）或 voucher（合作商家券），不是 “\(kindText)”",
                                     "goods or voucher, not \"\(kindText)\"")
        }
        let points = try item.int("points")
        guard points > 0 else { throw item.invalid("points", "大于 0 的积分", "a number of points greater than 0") }
        let stock = try item.int("stock")
        guard stock >= 0 else { throw item.invalid("stock", "不小于 0 的库存数", "a stock of 0 or more") }
        let low = try item.int("low_stock")
        guard low >= 0 else { throw item.invalid("low_stock", "不小于 0 的预警库存", "a warning level of 0 or more") }

        var partner: String?, partnerEn: String?, prefix: String?, voucherDays: Int?
        switch kind {
        case .voucher:
            partner = try item.string("partner")
            partnerEn = try item.string("partner_en")
            let p = try item.string("code_prefix")
            guard (1...6).contains(p.count), p.allSatisfy({ $0.isASCII && ($0.isUppercase || $0.isNumber) }) else {
                throw item.invalid("code_prefix", "1 到 6 位大写字母或数字（印在券码开头）",
                                   "1 to 6 upper-case letters or digits (printed at the start of the code)")
            }
            prefix = p
            let days = try item.int("voucher_days")
            guard (1...3660).contains(days) else {
                throw item.invalid("voucher_days", "1 到 3660 之间的有效天数", "a number of days valid from 1 to 3660")
            }
            voucherDays = days
        case .goods:
            for key in ["partner", "partner_en", "code_prefix", "voucher_days"] where try item.optional(key) != nil {
                throw item.invalid(key, "实物（goods）不写合作商家和券码前缀；若是商家券，请把 kind 改为 voucher",
                                   "no partner, code prefix or voucher days for goods; if this is a shop voucher, set kind to voucher")
            }
        }
        let limit = try item.optional("limit").map(readLimit)

        return Item(key: try item.string("key"), name: try item.string("name"), nameEn: try item.string("name_en"),
                    unit: try item.string("unit"), unitEn: try item.string("unit_en"), kind: kind,
                    points: points, stock: stock, lowStock: low, partner: partner, partnerEn: partnerEn, codePrefix: prefix,
                    limit: limit, voucherDays: voucherDays)
    }

    /// `{"count": 1, "per": "month"}`.
    private static func readLimit(_ limit: ReferenceJSONReader) throws -> Limit {
        try limit.rejectUnknownKeys(["count", "per"])
        let count = try limit.int("count")
        guard count > 0 else { throw limit.invalid("count", "大于 0 的数量", "a count greater than 0") }
        let perReader = try limit.required("per", LocalizedText("week、month、quarter 或 year", "week, month, quarter or year"))
        let perText = try perReader.asString()
        guard let per = Limit.Period(rawValue: perText) else {
            throw perReader.invalid(nil, "week、month、quarter 或 year，不是 “\(perText)”",
                                    "week, month, quarter or year, not \"\(perText)\"")
        }
        return Limit(count: count, per: per)
    }
}
