import Foundation

/// Integer calendar arithmetic on "yyyy-MM-dd" strings (proleptic Gregorian, days since 1970-01-01).
/// `Day` goes through Foundation's Calendar, which is too slow for generating 20,000 histories and for
/// working out every list row's days; this gives the same answers for valid day strings.
enum ConsultationDayMath {
    /// Days since 1970-01-01, or nil if `text` is not "yyyy-MM-dd" with plausible numbers.
    static func serial(_ text: String) -> Int? {
        let u = Array(text.utf8)
        guard u.count == 10, u[4] == 45, u[7] == 45 else { return nil }
        func num(_ r: Range<Int>) -> Int? {
            var n = 0
            for i in r {
                let c = Int(u[i]) - 48
                guard (0...9).contains(c) else { return nil }
                n = n * 10 + c
            }
            return n
        }
        guard let y = num(0..<4), let m = num(5..<7), let d = num(8..<10), (1...12).contains(m), (1...31).contains(d) else { return nil }
        // Howard Hinnant's days_from_civil.
        let yy = m <= 2 ? y - 1 : y
        let era = (yy >= 0 ? yy : yy - 399) / 400
        let yoe = yy - era * 400
        let mp = (m + 9) % 12
        let doy = (153 * mp + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The day string for a serial number.
    static func string(_ serial: Int) -> String {
        let z = serial + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        return String(format: "%04d-%02d-%02d", y, m, d)
    }

    static func adding(_ days: Int, to day: String) -> String? {
        serial(day).map { string($0 + days) }
    }

    static func days(from a: String, to b: String) -> Int? {
        guard let x = serial(a), let y = serial(b) else { return nil }
        return y - x
    }
}
