//! The library view: one row per brief (date, language, relations, notes,
//! source when there is room, title), filtered as you type, in the order
//! the sort key picks (the sorted column is marked).

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Geometry, header, input_line};
use crate::tui::app::{App, LibraryView, Sort};
use crate::tui::wrap;

pub fn draw(frame: &mut Frame, app: &App, lv: &LibraryView, g: &Geometry) {
    let t = &app.theme;
    if let Some(h) = g.header {
        let right = format!(
            "{} briefs · {}",
            app.briefs.len(),
            app.library_dir.display()
        );
        header(frame, app, h, "briefing — Library", &right);
    }
    let wide = g.list.width >= 60;
    // The source file's name, when there is room for it beside the title.
    let source_w = if g.list.width >= 100 { SOURCE } else { 0 };
    let mark = |s: Sort, name: &str| {
        if lv.sort == s {
            format!("{name} {}", if s == Sort::Title { "↑" } else { "↓" })
        } else {
            name.to_string()
        }
    };
    if let Some(c) = g.columns {
        let text = if wide {
            let first = if lv.sort == Sort::Added {
                mark(Sort::Added, "added")
            } else {
                mark(Sort::Date, "date")
            };
            let source = if source_w > 0 {
                format!("{:<source_w$}  ", "source")
            } else {
                String::new()
            };
            format!(
                "  {:<10} {:<4} {:>4} {:>5}  {source}{}",
                first,
                "lang",
                "rel",
                "notes",
                mark(Sort::Title, "title")
            )
        } else {
            format!("  {}", mark(Sort::Title, "title"))
        };
        frame.render_widget(
            Paragraph::new(Span::styled(wrap::truncate(&text, c.width as usize), t.dim)),
            c,
        );
    }
    if let Some(i) = g.input {
        input_line(frame, app, i, "filter: ", &lv.filter, lv.typing);
    }
    let area = g.list;
    if lv.shown.is_empty() {
        let msg = if app.briefs.is_empty() {
            format!(
                "No briefs in {}. Add some with: briefing ingest FILE...",
                app.library_dir.display()
            )
        } else {
            "No brief matches the filter.".to_string()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(msg, t.dim)).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let w = area.width as usize;
    let mut lines = Vec::new();
    for (row, &bi) in lv.shown.iter().enumerate().skip(lv.pane.top) {
        if lines.len() >= area.height as usize {
            break;
        }
        let b = &app.briefs[bi];
        let notes = app.notes.get(&b.id).map_or(0, Vec::len);
        let selected = row == lv.pane.selected;
        let mark = if selected { "▌" } else { " " };
        let title = if b.title.is_empty() {
            "(untitled)"
        } else {
            &b.title
        };
        let mut spans = vec![Span::styled(mark, t.bar), Span::raw(" ")];
        if wide {
            let when = if lv.sort == Sort::Added {
                app.library_meta
                    .get(bi)
                    .and_then(|m| m.added)
                    .map_or_else(|| "—".to_string(), day)
            } else {
                b.date.clone().unwrap_or_else(|| "—".to_string())
            };
            spans.push(Span::styled(
                format!(
                    "{:<10} {:<4} {:>4} {:>5}  ",
                    when,
                    b.language,
                    app.summaries.get(bi).map_or(0, |s| s.relations),
                    if notes > 0 {
                        format!("✎{notes}")
                    } else {
                        String::new()
                    }
                ),
                t.dim,
            ));
            if source_w > 0 {
                let name = std::path::Path::new(&b.source)
                    .file_name()
                    .map_or_else(|| b.source.clone(), |n| n.to_string_lossy().into_owned());
                let name = wrap::truncate(&name, source_w);
                let pad = source_w.saturating_sub(wrap::width(&name));
                spans.push(Span::styled(format!("{name}{}  ", " ".repeat(pad)), t.dim));
            }
            let used =
                2 + 10 + 1 + 4 + 1 + 4 + 1 + 5 + 2 + if source_w > 0 { source_w + 2 } else { 0 };
            spans.push(Span::styled(
                wrap::truncate(title, w.saturating_sub(used)),
                t.text,
            ));
        } else {
            let marker = if notes > 0 { "✎ " } else { "" };
            spans.push(Span::styled(marker, t.note));
            spans.push(Span::styled(
                wrap::truncate(title, w.saturating_sub(2 + wrap::width(marker))),
                t.text,
            ));
        }
        let mut line = Line::from(spans);
        if selected {
            line = line.style(t.selected);
        }
        lines.push(line);
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Width of the source column.
const SOURCE: usize = 24;

/// A Unix time as its day, `YYYY-MM-DD` (UTC).
pub fn day(secs: i64) -> String {
    // Howard Hinnant's days-to-civil.
    let z = secs.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn days_of_unix_times() {
        assert_eq!(super::day(0), "1970-01-01");
        assert_eq!(super::day(951_782_400), "2000-02-29");
        assert_eq!(super::day(1_795_000_000), "2026-11-18");
    }
}
