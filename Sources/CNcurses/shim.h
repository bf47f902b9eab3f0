// Wrappers for what Swift cannot import from ncursesw: macros, and C globals that
// Swift 6 rejects as shared mutable state (stdscr, LINES, COLS).
#ifndef COMMUNITY_CNCURSES_SHIM_H
#define COMMUNITY_CNCURSES_SHIM_H

#ifndef NCURSES_WIDECHAR
#define NCURSES_WIDECHAR 1
#endif
#ifndef _XOPEN_SOURCE_EXTENDED
#define _XOPEN_SOURCE_EXTENDED 1
#endif

#include <locale.h>
#include <stdlib.h>
#include <wchar.h>
#include <stdio.h>
#include <ncursesw/curses.h>
#include <ncursesw/term.h>

static inline WINDOW *cn_stdscr(void) { return stdscr; }
static inline int cn_lines(void) { return LINES; }
static inline int cn_cols(void) { return COLS; }
static inline void cn_getmaxyx(WINDOW *w, int *y, int *x) { int yy, xx; getmaxyx(w, yy, xx); *y = yy; *x = xx; }

static inline attr_t cn_color_pair(int n) { return (attr_t)COLOR_PAIR(n); }
static inline attr_t cn_a_normal(void) { return A_NORMAL; }
static inline attr_t cn_a_bold(void) { return A_BOLD; }
static inline attr_t cn_a_reverse(void) { return A_REVERSE; }
static inline attr_t cn_a_underline(void) { return A_UNDERLINE; }
static inline attr_t cn_a_dim(void) { return A_DIM; }

static inline int cn_key_code_yes(void) { return KEY_CODE_YES; }
static inline int cn_key_f(int n) { return KEY_F(n); }
static inline int cn_err(void) { return ERR; }
static inline int cn_ok(void) { return OK; }

static inline const cchar_t *cn_wacs_hline(void) { return WACS_HLINE; }
static inline const cchar_t *cn_wacs_vline(void) { return WACS_VLINE; }
static inline const cchar_t *cn_wacs_ulcorner(void) { return WACS_ULCORNER; }
static inline const cchar_t *cn_wacs_urcorner(void) { return WACS_URCORNER; }
static inline const cchar_t *cn_wacs_llcorner(void) { return WACS_LLCORNER; }
static inline const cchar_t *cn_wacs_lrcorner(void) { return WACS_LRCORNER; }

/// Puts one wide character (or a short cluster) with attributes at y,x on the standard screen.
static inline int cn_put_wide(int y, int x, const wchar_t *text, attr_t attrs, short pair) {
    cchar_t cell;
    if (setcchar(&cell, text, attrs, pair, NULL) != OK) return ERR;
    return mvwadd_wch(stdscr, y, x, &cell);
}

static inline int cn_set_escdelay(int ms) { return set_escdelay(ms); }
static inline void cn_setlocale_all(void) { setlocale(LC_ALL, ""); }
static inline void cn_setlocale_utf8(void) {
    if (setlocale(LC_ALL, "") == NULL || MB_CUR_MAX == 1) {
        if (setlocale(LC_ALL, "C.UTF-8") == NULL) setlocale(LC_ALL, "en_US.UTF-8");
    }
}
/// Checks the terminal named by TERM before initscr, which would print "Error opening terminal" and exit.
/// 0: usable; 1: TERM unset or empty; 2: no terminfo entry for it; 3: it cannot move the cursor (dumb, hardcopy).
static inline int cn_check_terminal(void) {
    const char *name = getenv("TERM");
    if (name == NULL || name[0] == '\0') return 1;
    int err = 0;
    if (setupterm(name, 1, &err) != OK) return err == 1 ? 3 : 2;
    const char *cup = tigetstr("cup");
    int usable = cup != NULL && cup != (char *)-1;
    del_curterm(cur_term);
    return usable ? 0 : 3;
}
#endif
