//! The library view: one row per brief (date, language, relations, notes,
//! title), filtered as you type.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Geometry, header, input_line};
use crate::tui::app::{App, LibraryView};
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
    if let Some(c) = g.columns {
        let text = if wide {
            format!(
                "  {:<10} {:<4} {:>4} {:>5}  {}",
                "date", "lang", "rel", "notes", "title"
            )
        } else {
            "  title".to_string()
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
            spans.push(Span::styled(
                format!(
                    "{:<10} {:<4} {:>4} {:>5}  ",
                    b.date.as_deref().unwrap_or("—"),
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
            let used = 2 + 10 + 1 + 4 + 1 + 4 + 1 + 5 + 2;
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
