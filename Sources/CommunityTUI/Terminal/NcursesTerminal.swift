import CNcurses
import CommunityModel
import Glibc

/// Why the UI cannot run in this terminal; checked before `initscr`, which would print ncurses'
/// "Error opening terminal: unknown." and exit, or draw one scrambled line on a dumb terminal.
enum TerminalProblem: Equatable {
    case termUnset
    case unknown(String)
    case cannotMoveCursor(String)

    var message: LocalizedText {
        let fix = LocalizedText("请在终端模拟器中运行，或设置 TERM，例如：export TERM=xterm-256color；脚本请使用子命令（community --help）。",
                                "Run it in a terminal emulator, or set TERM, e.g. export TERM=xterm-256color; scripts should use the subcommands (community --help).")
        switch self {
        case .termUnset:
            return LocalizedText("无法打开界面：环境变量 TERM 没有设置，不知道这是哪种终端。" + fix.zh,
                                 "Cannot open the UI: TERM is not set, so the kind of terminal is not known. " + fix.en)
        case .unknown(let name):
            return LocalizedText("无法打开界面：终端类型 TERM=\(name) 未知（本机的 terminfo 中没有它）。" + fix.zh,
                                 "Cannot open the UI: the terminal type TERM=\(name) is unknown (this machine's terminfo has no entry for it). " + fix.en)
        case .cannotMoveCursor(let name):
            return LocalizedText("无法打开界面：终端 TERM=\(name) 不能移动光标，显示不了全屏界面。" + fix.zh,
                                 "Cannot open the UI: the terminal TERM=\(name) cannot move the cursor, so a full-screen UI cannot be drawn. " + fix.en)
        }
    }
}

/// The real terminal: the only code that imports CNcurses.
final class NcursesTerminal: Terminal {
    private var last: ScreenBuffer?
    private var colors = false
    private var closed = false

    init() {
        cn_setlocale_utf8()
        // A lone Esc is told from the start of an arrow key's sequence by waiting this long for more bytes:
        // 10 ms keeps Esc inside a frame (terminals send a key's sequence in one write); $ESCDELAY overrides.
        if getenv("ESCDELAY") == nil { cn_set_escdelay(10) }
        initscr()
        raw()              // Ctrl-C arrives as a key, so quitting always restores the terminal
        noecho()
        nonl()
        keypad(cn_stdscr(), true)
        curs_set(0)
        if has_colors() {
            start_color()
            use_default_colors()
            colors = true
            Self.definePairs()
        }
        signal(SIGTERM) { _ in endwin(); _exit(143) }
        signal(SIGHUP) { _ in endwin(); _exit(129) }
    }

    deinit { shutdown() }

    /// The terminal TERM names, checked through terminfo without starting curses; nil when it is usable.
    static func problem() -> TerminalProblem? {
        let name = getenv("TERM").map { String(cString: $0) } ?? ""
        switch cn_check_terminal() {
        case 0: return name == "dumb" ? .cannotMoveCursor(name) : nil
        case 1: return .termUnset
        case 2: return .unknown(name)
        default: return .cannotMoveCursor(name)
        }
    }

    var size: (width: Int, height: Int) {
        var y: Int32 = 0, x: Int32 = 0
        cn_getmaxyx(cn_stdscr(), &y, &x)
        return (Int(x), Int(y))
    }

    func shutdown() {
        guard !closed else { return }
        closed = true
        curs_set(1)
        endwin()
    }

    private static func definePairs() {
        let d: Int16 = -1
        init_pair(1, Int16(COLOR_BLACK), Int16(COLOR_CYAN))    // selected
        init_pair(2, Int16(COLOR_CYAN), d)                     // header
        init_pair(3, Int16(COLOR_WHITE), Int16(COLOR_BLUE))    // title bar
        init_pair(4, Int16(COLOR_BLUE), d)                     // muted
        init_pair(5, Int16(COLOR_GREEN), d)                    // ok
        init_pair(6, Int16(COLOR_YELLOW), d)                   // warning
        init_pair(7, Int16(COLOR_RED), d)                      // error
        init_pair(8, Int16(COLOR_YELLOW), d)                   // key
        init_pair(9, Int16(COLOR_MAGENTA), d)                  // marked
        init_pair(10, Int16(COLOR_CYAN), d)                    // accent
        init_pair(11, Int16(COLOR_BLACK), Int16(COLOR_YELLOW)) // active tab
    }

    private func attributes(_ role: StyleRole) -> (attr_t, Int16) {
        if !colors {
            switch role {
            case .normal, .accent: return (cn_a_normal(), 0)
            case .selected, .title: return (cn_a_reverse(), 0)
            case .tabActive: return (cn_a_reverse() | cn_a_bold(), 0)
            case .header, .ok, .warning, .key: return (cn_a_bold(), 0)
            case .muted: return (cn_a_dim(), 0)
            case .error, .marked: return (cn_a_bold() | cn_a_underline(), 0)
            }
        }
        switch role {
        case .normal: return (cn_a_normal(), 0)
        case .selected: return (cn_a_normal(), 1)
        case .header: return (cn_a_bold(), 2)
        case .title: return (cn_a_bold(), 3)
        case .muted: return (cn_a_normal(), 4)
        case .ok: return (cn_a_bold(), 5)
        case .warning: return (cn_a_bold(), 6)
        case .error: return (cn_a_bold(), 7)
        case .key: return (cn_a_bold(), 8)
        case .marked: return (cn_a_bold(), 9)
        case .accent: return (cn_a_normal(), 10)
        case .tabActive: return (cn_a_bold(), 11)
        }
    }

    /// One glyph's scalars and a terminating 0, reused for every cell (no allocation per cell).
    private var glyph = [wchar_t](repeating: 0, count: 5)

    func draw(_ buffer: ScreenBuffer) {
        let full = last.map { $0.width != buffer.width || $0.height != buffer.height } ?? true
        if full { clearok(cn_stdscr(), true) }
        let new = buffer.cells
        let old = full ? [] : (last?.cells ?? [])
        let width = buffer.width
        for y in 0..<buffer.height {
            let row = y * width
            var x = 0
            while x < width {
                let cell = new[row + x]
                let w = max(1, Int(cell.width))
                // A wide glyph is rewritten when either of its two cells changed.
                var changed = old.isEmpty
                if !changed {
                    for i in row + x..<row + min(width, x + w) where old[i] != new[i] { changed = true; break }
                }
                if changed && cell.width != 0 {
                    let (attr, pair) = attributes(cell.style)
                    var n = 0
                    for scalar in cell.text.unicodeScalars where n < 4 {
                        glyph[n] = wchar_t(bitPattern: scalar.value)
                        n += 1
                    }
                    glyph[n] = 0
                    _ = glyph.withUnsafeBufferPointer { cn_put_wide(Int32(y), Int32(x), $0.baseAddress, attr, pair) }
                }
                x += w
            }
        }
        if let cursor = buffer.cursor {
            move(Int32(cursor.y), Int32(cursor.x))
            curs_set(1)
        } else {
            curs_set(0)
        }
        wnoutrefresh(cn_stdscr())
        doupdate()
        last = buffer
    }

    func readKey(timeoutMs: Int) -> Key? {
        wtimeout(cn_stdscr(), Int32(timeoutMs))
        var ch: wint_t = 0
        let result = get_wch(&ch)
        if result == cn_err() { return nil }
        if result == cn_key_code_yes() { return Self.functionKey(Int32(ch)) }
        if ch == 27 {
            // Under TERM=xterm some arrows arrive as ESC O A when keypad decoding misses them.
            wtimeout(cn_stdscr(), 0)
            var next: wint_t = 0
            if get_wch(&next) != cn_err() {
                if next == 79 || next == 91 { // O or [
                    var third: wint_t = 0
                    if get_wch(&third) != cn_err() {
                        switch third {
                        case 65: return .up
                        case 66: return .down
                        case 67: return .right
                        case 68: return .left
                        case 72: return .home
                        case 70: return .end
                        default: return .escape
                        }
                    }
                }
                // Esc then a key typed quickly (Esc q): keep the key for the next read.
                unget_wch(wchar_t(bitPattern: UInt32(next)))
                return .escape
            }
            return .escape
        }
        return Key.fromCharacter(UInt32(ch))
    }

    private static func functionKey(_ code: Int32) -> Key? {
        switch code {
        case KEY_UP: return .up
        case KEY_DOWN: return .down
        case KEY_LEFT: return .left
        case KEY_RIGHT: return .right
        case KEY_NPAGE: return .pageDown
        case KEY_PPAGE: return .pageUp
        case KEY_HOME: return .home
        case KEY_END: return .end
        case KEY_ENTER: return .enter
        case KEY_BACKSPACE: return .backspace
        case KEY_DC: return .delete
        case KEY_BTAB: return .backTab
        case KEY_RESIZE: return .resize
        default:
            for n in 1...12 where code == cn_key_f(Int32(n)) { return .f(n) }
            return nil
        }
    }
}
