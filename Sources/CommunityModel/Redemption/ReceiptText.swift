import Foundation

/// A receipt laid out for 58 mm paper: 32 columns, Chinese counted as 2 (SPEC §7).
public enum ReceiptText {
    public static let columns = 32

    /// What goes on the paper, in order, each line at most `columns` display columns wide.
    /// - Parameters:
    ///   - community: the community's name for the head.
    ///   - reprint: adds 重印 (and changes nothing in the store).
    ///   - language: the receipt's words; user data (names, items) stays as entered.
    public static func lines(_ receipt: RedemptionReceipt, community: String, reprint: Bool = false,
                             language: Language = .zh) -> [String] {
        let r = receipt.redemption
        func t(_ zh: String, _ en: String) -> String { LocalizedText(zh, en).text(language) }
        var out: [String] = []
        out.append(center(community))
        out.append(center(t("积分兑换凭条", "Points redemption receipt")))
        if r.series == .training { out.append(center(t("培训 · 作废", "TRAINING · VOID"))) }
        if reprint { out.append(center(t("重印", "REPRINT"))) }
        if r.state != .valid { out.append(center(t("【\(r.state.label.zh)】", "[\(r.state.label.en)]"))) }
        out.append(rule())
        out.append(pair(t("单号", "No."), r.receipt))
        out.append(pair(t("时间", "Time"), String(r.at.prefix(16))))
        out.append(pair(t("经办", "Clerk"), r.clerk))
        out.append(pair(t("兑换人", "Holder"), Masking.name(r.holderName)))
        if !r.holderPhone.isEmpty { out.append(pair(t("电话", "Phone"), Masking.phone(r.holderPhone))) }
        out.append(rule())
        for line in receipt.lines {
            let name = language == .zh ? line.name : line.nameEn
            out.append(pair("\(name) ×\(line.quantity)", t("\(line.points)分", "\(line.points) pts")))
        }
        out.append(rule())
        out.append(pair(t("合计", "Total"), t("\(r.points)分", "\(r.points) pts")))
        out.append(pair(t("兑换后余额", "Balance after"), t("\(r.balanceAfter)分", "\(r.balanceAfter) pts")))
        if !receipt.vouchers.isEmpty {
            out.append(rule())
            for v in receipt.vouchers {
                out.append(fit(t("券码 ", "Code ") + v.displayCode))
                out.append(fit(t("  有效期至 \(v.expiresOn)", "  valid until \(v.expiresOn)")))
            }
        }
        out.append(rule())
        out.append(center(t("谢谢您的志愿服务", "Thank you for your service")))
        return out
    }

    /// The lines joined with "\n" and a final newline.
    public static func text(_ receipt: RedemptionReceipt, community: String, reprint: Bool = false, language: Language = .zh) -> String {
        lines(receipt, community: community, reprint: reprint, language: language).joined(separator: "\n") + "\n"
    }

    static func rule() -> String { String(repeating: "-", count: columns) }

    /// Cuts a line to the paper width without splitting a wide glyph.
    static func fit(_ text: String, width: Int = columns) -> String {
        var out = ""
        var used = 0
        for c in text {
            let w = TextWidth.of(c)
            if used + w > width { break }
            out.append(c)
            used += w
        }
        return out
    }

    static func center(_ text: String) -> String {
        let cut = fit(text)
        let gap = max(0, columns - TextWidth.of(cut))
        return String(repeating: " ", count: gap / 2) + cut
    }

    /// Label on the left, value on the right; a long label is cut so the value always shows whole.
    static func pair(_ label: String, _ value: String) -> String {
        let v = fit(value)
        let room = columns - TextWidth.of(v) - 1
        let l = room > 0 ? fit(label, width: room) : ""
        let gap = max(1, columns - TextWidth.of(l) - TextWidth.of(v))
        return l + String(repeating: " ", count: gap) + v
    }
}
