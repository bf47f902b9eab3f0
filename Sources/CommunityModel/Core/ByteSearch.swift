/// Substring tests on UTF-8 bytes, for the search keys held in memory (the desk's holder lookup, the audit
/// search's task titles). Both sides are lower-cased UTF-8 already, so a match of bytes is a match of text.
enum ByteSearch {
    /// True when `needle` occurs in `haystack` (an empty needle always does).
    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        if needle.isEmpty { return true }
        guard haystack.count >= needle.count else { return false }
        let first = needle[0]
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == first {
                var j = 1
                while j < needle.count && haystack[i + j] == needle[j] { j += 1 }
                if j == needle.count { return true }
            }
            i += 1
        }
        return false
    }
}
