import Foundation

extension Catalog {
    /// The catalog in force: `data/catalog.json` once the program has loaded it (`applyReferenceData`), else
    /// the built-in copy of the shipped file, so setup, the demo and tests always start with a catalog.
    nonisolated(unsafe) public static var active: Catalog = builtIn

    /// The shipped `data/catalog.json` (a test keeps the two equal).
    public static let builtIn = Catalog(items: [
        Item(key: "rice_5kg", name: "大米 5kg", nameEn: "Rice 5 kg", unit: "袋", unitEn: "bag", kind: .goods, points: 200,
             stock: 40, lowStock: 10, limit: Limit(count: 1, per: .month)),
        Item(key: "flour_5kg", name: "面粉 5kg", nameEn: "Flour 5 kg", unit: "袋", unitEn: "bag", kind: .goods, points: 180,
             stock: 40, lowStock: 10),
        Item(key: "oil_5l", name: "食用油 5L", nameEn: "Cooking oil 5 L", unit: "桶", unitEn: "can", kind: .goods, points: 300,
             stock: 30, lowStock: 8, limit: Limit(count: 1, per: .month)),
        Item(key: "wash_basin", name: "脸盆", nameEn: "Wash basin", unit: "个", unitEn: "piece", kind: .goods, points: 80,
             stock: 60, lowStock: 10),
        Item(key: "towel", name: "毛巾", nameEn: "Towel", unit: "条", unitEn: "piece", kind: .goods, points: 50,
             stock: 100, lowStock: 20),
        Item(key: "car_wash_voucher", name: "洗车券", nameEn: "Car-wash voucher", unit: "张", unitEn: "voucher", kind: .voucher,
             points: 60, stock: 200, lowStock: 20, partner: "朝东汽车美容店", partnerEn: "Chaodong car care (partner shop)",
             codePrefix: "XC", voucherDays: 90),
        Item(key: "laundry_voucher", name: "洗衣券", nameEn: "Laundry voucher", unit: "张", unitEn: "voucher", kind: .voucher,
             points: 60, stock: 200, lowStock: 20, partner: "公园街干洗店", partnerEn: "Park Street dry cleaner (partner shop)",
             codePrefix: "XY", voucherDays: 90),
    ])
}
