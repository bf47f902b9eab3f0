import Foundation

/// `letters export`: the period's printable letters (waiting or sent) as one UTF-8 text file each, or one
/// .docx with a letter per page. Files are readable by the owner only (0600): letters name people.
public enum LetterExport {
    public enum Format: String, Sendable, CaseIterable {
        case txt, docx
    }

    /// Writes the files into `directory` (created if missing) and returns their paths.
    /// - Throws: `RankingsError.nothingToExport` when the period has no printable letters; file errors otherwise.
    @discardableResult
    public static func export(_ db: CommunityDatabase, period: RankingPeriod, to directory: URL, format: Format) throws -> [URL] {
        let letters = try db.printableLetters(period)
        guard !letters.isEmpty else { throw RankingsError.nothingToExport(period.label.text()) }
        let fm = FileManager.default
        try fm.createDirectory(at: directory, withIntermediateDirectories: true)
        var written: [URL] = []
        switch format {
        case .txt:
            for letter in letters {
                let url = directory.appendingPathComponent(fileName(letter))
                try Data((letter.body.hasSuffix("\n") ? letter.body : letter.body + "\n").utf8).write(to: url)
                written.append(url)
            }
        case .docx:
            let url = directory.appendingPathComponent("\(period.key)_\(period.audience == .members ? "党员" : "单位")信函.docx")
            try LetterDocx.write(letters, to: url)
            written.append(url)
        }
        for url in written { try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: url.path) }
        return written
    }

    /// "2026-11_感谢信_01_张建华_CD00012.txt": sorts by kind and rank in a file manager.
    static func fileName(_ letter: Letter) -> String {
        let safe = (letter.recipient + (letter.recipientCode.isEmpty ? "" : "_" + letter.recipientCode))
            .map { "/\\:*?\"<>|\n\r\t".contains($0) ? "_" : String($0) }.joined()
        return "\(letter.period)_\(letter.kind.label.zh)_\(String(format: "%02d", letter.rank))_\(safe).txt"
    }
}
