/// One terminal cell. A wide glyph occupies its cell (width 2) and the next (width 0, a continuation).
struct Cell: Equatable {
    var text: Character = " "
    var width: UInt8 = 1
    var style: StyleRole = .normal
}

struct Rect: Equatable {
    var x: Int, y: Int, width: Int, height: Int
    var maxY: Int { y + height }
}

/// Screens render into this row-major grid; the backend only flushes what changed.
struct ScreenBuffer: Equatable {
    let width: Int
    let height: Int
    private(set) var cells: [Cell]
    /// Where the terminal cursor should sit (a text field being edited), so an input method composes there.
    var cursor: (x: Int, y: Int)? {
        get { cursorX.map { ($0, cursorY) } }
        set { cursorX = newValue?.x; cursorY = newValue?.y ?? 0 }
    }
    private var cursorX: Int?
    private var cursorY = 0

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: Cell(), count: self.width * self.height)
    }

    subscript(x: Int, y: Int) -> Cell {
        cells[y * width + x]
    }

    /// Writes text from (x, y), clipped at `maxWidth` columns and the buffer edge. Returns columns used.
    @discardableResult
    mutating func put(_ text: String, x: Int, y: Int, maxWidth: Int? = nil, style: StyleRole = .normal) -> Int {
        guard y >= 0, y < height, x < width else { return 0 }
        let limit = min(width, x + (maxWidth ?? width))
        var col = x
        for c in text {
            var ch = c
            var w = DisplayWidth.of(c)
            if w == 0 {
                if c.unicodeScalars.first.map({ $0.value < 0x20 || $0.value == 0x7F }) == true { ch = "?"; w = 1 } else { continue }
            }
            if Glyphs.mode == .ascii, let s = c.unicodeScalars.first, Glyphs.isAmbiguous(s) {
                ch = Glyphs.ascii(s)
                w = 1
            }
            if col + w > limit {
                // A wide glyph that does not fit leaves a blank, never half a glyph.
                if col < limit { setCell(col, y, Cell(text: " ", width: 1, style: style)) }
                col = limit
                break
            }
            if col >= 0 {
                setCell(col, y, Cell(text: ch, width: UInt8(w), style: style))
                if w == 2 { setCell(col + 1, y, Cell(text: " ", width: 0, style: style)) }
            }
            col += w
        }
        return col - x
    }

    /// Paints a run of blank cells in a style (backgrounds, selection bars).
    mutating func fill(x: Int, y: Int, width w: Int, style: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { setCell(col, y, Cell(text: " ", width: 1, style: style)) }
    }

    /// Restyles existing cells without changing their text (e.g. a selected row).
    mutating func restyle(x: Int, y: Int, width w: Int, style: StyleRole) {
        guard y >= 0, y < height else { return }
        for col in max(0, x)..<min(width, x + w) { cells[y * width + col].style = style }
    }

    private mutating func setCell(_ x: Int, _ y: Int, _ cell: Cell) {
        guard x >= 0, x < width else { return }
        let i = y * width + x
        // Overwriting either half of a wide glyph blanks the other half.
        if cells[i].width == 0, x > 0, cell.width != 0 { cells[i - 1] = Cell(text: " ", width: 1, style: cells[i - 1].style) }
        if cells[i].width == 2, x + 1 < width, cell.width != 2 { cells[i + 1] = Cell(text: " ", width: 1, style: cells[i + 1].style) }
        cells[i] = cell
    }

    /// The text of one row as a terminal would show it (continuations skipped), trailing blanks trimmed.
    func line(_ y: Int) -> String {
        var s = ""
        for x in 0..<width where self[x, y].width != 0 { s.append(self[x, y].text) }
        while s.last == " " { s.removeLast() }
        return s
    }

    var lines: [String] { (0..<height).map(line) }

    /// True when any cell of the row carries the style: how tests see a selection bar.
    func rowHasStyle(_ y: Int, _ style: StyleRole) -> Bool {
        (0..<width).contains { self[$0, y].style == style }
    }

    static func == (a: ScreenBuffer, b: ScreenBuffer) -> Bool {
        a.width == b.width && a.height == b.height && a.cells == b.cells
    }
}
