//! Word wrapping by display width, and styled spans from layered ranges.

use std::ops::Range;

use ratatui::style::Style;
use ratatui::text::Span;
use unicode_width::UnicodeWidthChar;

/// Byte ranges of the lines of `text` wrapped to `width` columns: breaks at
/// spaces, words longer than a line are cut. Spaces at a break are dropped.
/// An empty text is one empty line.
pub fn wrap(text: &str, width: usize) -> Vec<Range<usize>> {
    wrap_hanging(text, width, width)
}

/// [`wrap`] with a first line of `first` columns and the others of `rest`
/// (a hanging indent: the caller indents the other lines by the difference).
pub fn wrap_hanging(text: &str, first: usize, rest: usize) -> Vec<Range<usize>> {
    let (first, rest) = (first.max(1), rest.max(1));
    let mut lines: Vec<Range<usize>> = Vec::new();
    let mut start = 0usize; // start of the current line
    let mut col = 0usize; // columns used on the current line
    let mut last_space: Option<usize> = None; // byte index of the last space on the line
    let mut i = 0usize;
    let bytes_len = text.len();
    // Skip leading spaces of a line.
    let skip_spaces = |mut j: usize| {
        while j < bytes_len && text.as_bytes()[j] == b' ' {
            j += 1;
        }
        j
    };
    while i < bytes_len {
        let c = text[i..].chars().next().unwrap_or(' ');
        let w = c.width().unwrap_or(0);
        if c == '\n' {
            lines.push(start..i);
            i += 1;
            start = i;
            col = 0;
            last_space = None;
            continue;
        }
        let width = if lines.is_empty() { first } else { rest };
        if col + w > width && col > 0 {
            if c == ' ' {
                lines.push(start..trim_end(text, start, i));
                i = skip_spaces(i);
                start = i;
                col = 0;
                last_space = None;
                continue;
            }
            match last_space {
                Some(sp) if sp > start => {
                    lines.push(start..trim_end(text, start, sp));
                    start = skip_spaces(sp);
                    i = start;
                }
                _ => {
                    lines.push(start..i);
                    start = i;
                }
            }
            col = 0;
            last_space = None;
            continue;
        }
        if c == ' ' {
            last_space = Some(i);
        }
        col += w;
        i += c.len_utf8();
    }
    if start < bytes_len || lines.is_empty() {
        lines.push(start..trim_end(text, start, bytes_len));
    }
    lines
}

fn trim_end(text: &str, start: usize, mut end: usize) -> usize {
    while end > start && text.as_bytes()[end - 1] == b' ' {
        end -= 1;
    }
    end
}

/// Display width of a string.
pub fn width(s: &str) -> usize {
    unicode_width::UnicodeWidthStr::width(s)
}

/// Spans for `text[line]` in `base` style, with each layer's style patched
/// over the bytes it covers (later layers win).
pub fn spans(
    text: &str,
    line: Range<usize>,
    base: Style,
    layers: &[(Range<usize>, Style)],
) -> Vec<Span<'static>> {
    let mut cuts = vec![line.start, line.end];
    for (r, _) in layers {
        for p in [r.start, r.end] {
            if p > line.start && p < line.end && text.is_char_boundary(p) {
                cuts.push(p);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out = Vec::with_capacity(cuts.len());
    for w in cuts.windows(2) {
        let (a, b) = (w[0], w[1]);
        if a == b {
            continue;
        }
        let mut style = base;
        for (r, s) in layers {
            if r.start <= a && b <= r.end {
                style = style.patch(*s);
            }
        }
        out.push(Span::styled(text[a..b].to_string(), style));
    }
    out
}

/// Cut `s` to at most `max` columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > max {
            break;
        }
        out.push(c);
        w += cw;
    }
    if max > 0 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(text: &str, w: usize) -> Vec<&str> {
        wrap(text, w).into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn wraps_at_spaces_and_cuts_long_words() {
        assert_eq!(
            lines("Hubungan Moskow dengan Baku memburuk", 15),
            ["Hubungan Moskow", "dengan Baku", "memburuk"]
        );
        assert_eq!(lines("Nagorno-Karabakh", 7), ["Nagorno", "-Karaba", "kh"]);
        assert_eq!(lines("", 10), [""]);
        assert_eq!(lines("a  b", 1), ["a", "b"]);
        assert_eq!(lines("dua\nbaris", 20), ["dua", "baris"]);
    }

    #[test]
    fn hanging_lines_are_narrower_than_the_first() {
        let text = "2022-01     Pada Januari, Rusia dan Iran menandatangani perjanjian";
        let l: Vec<&str> = wrap_hanging(text, 30, 18)
            .into_iter()
            .map(|r| &text[r])
            .collect();
        assert_eq!(l[0], "2022-01     Pada Januari,");
        assert!(l[1..].iter().all(|x| width(x) <= 18), "{l:?}");
        assert_eq!(l[1..].join(" "), "Rusia dan Iran menandatangani perjanjian");
    }

    #[test]
    fn wide_characters_count_two_columns() {
        assert_eq!(lines("日本語 テキスト", 6), ["日本語", "テキス", "ト"]);
        assert_eq!(width("Türkiye"), 7);
    }

    #[test]
    fn every_line_fits() {
        let text = "Sejak awal invasi skala penuh Moskow ke Ukraina pada awal 2022, Kremlin secara bertahap meningkatkan kerja sama dengan rezim-rezim otoriter.";
        for w in 1..40 {
            for l in lines(text, w) {
                assert!(width(l) <= w, "{l:?} at {w}");
            }
        }
    }

    #[test]
    fn layers_patch_the_base_style() {
        use ratatui::style::{Color, Modifier};
        let base = Style::default();
        let bold = Style::default().add_modifier(Modifier::BOLD);
        let red = Style::default().fg(Color::Red);
        let s = spans("abcdef", 0..6, base, &[(1..4, bold), (3..5, red)]);
        let parts: Vec<(&str, Style)> = s.iter().map(|s| (s.content.as_ref(), s.style)).collect();
        assert_eq!(
            parts,
            [
                ("a", base),
                ("bc", bold),
                ("d", bold.patch(red)),
                ("e", red),
                ("f", base)
            ]
        );
        assert_eq!(truncate("Azerbaijan–Russia", 8), "Azerbai…");
        assert_eq!(truncate("AZE", 8), "AZE");
    }
}
