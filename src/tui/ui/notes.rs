//! The notes view: the notes on this library's briefs, newest first,
//! filtered as you type; each shows its brief, where it points (or that it
//! is orphaned), the quoted passage and the note. Notes on other libraries'
//! briefs are only counted in the header.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Geometry, header, input_line};
use crate::notes::Target;
use crate::tui::app::{App, NoteRef, NotesView, View};
use crate::tui::wrap;

/// Lines per note in the list.
pub const ENTRY_HEIGHT: usize = 3;

/// The note under screen row `row` (index into the shown notes).
pub fn hit(app: &App, row: u16) -> Option<usize> {
    let View::Notes(nv) = &app.view else {
        return None;
    };
    let g = super::geometry(app);
    if row < g.list.y || row >= g.list.y + g.list.height {
        return None;
    }
    let i = nv.pane.hit(
        &vec![ENTRY_HEIGHT; nv.shown.len()],
        (row - g.list.y) as usize,
    )?;
    (i < nv.shown.len()).then_some(i)
}

/// Where a note points, for people.
pub fn place(app: &App, e: &NoteRef) -> (String, bool) {
    let anchor = app.anchors.get(&e.brief_id).and_then(|a| a.get(e.note));
    match anchor.map(|a| &a.target) {
        Some(Target::Text { paragraph, .. }) => (format!("¶{paragraph}"), false),
        Some(Target::Judgment(i)) => (format!("judgment {}", i + 1), false),
        Some(Target::Relation(i)) => (format!("relation {}", i + 1), false),
        Some(Target::Alliance(i)) => (format!("alliance {}", i + 1), false),
        Some(Target::Timeline(i)) => (format!("timeline {}", i + 1), false),
        Some(Target::Orphaned) | None => ("orphaned: passage gone".into(), true),
    }
}

pub fn draw(frame: &mut Frame, app: &App, nv: &NotesView, g: &Geometry) {
    let t = &app.theme;
    if let Some(h) = g.header {
        let total = nv.entries.len();
        let plural = if total == 1 { "" } else { "s" };
        let elsewhere = if nv.elsewhere > 0 {
            format!(" (+{} on other libraries' briefs)", nv.elsewhere)
        } else {
            String::new()
        };
        let full = format!(
            "{total} note{plural}{elsewhere} · {}",
            app.store.dir().display()
        );
        // The folder goes first when the line is short.
        let right = if wrap::width(&full) + 12 <= h.width as usize {
            full
        } else {
            format!("{total} note{plural}{elsewhere}")
        };
        header(frame, app, h, "Notes", &right);
    }
    if let Some(i) = g.input {
        input_line(frame, app, i, "filter: ", &nv.filter, nv.typing);
    }
    let area = g.list;
    if nv.shown.is_empty() {
        let msg = if nv.entries.is_empty() {
            let elsewhere = match nv.elsewhere {
                0 => String::new(),
                1 => " (1 note belongs to a brief of another library: `briefing notes` lists it.)"
                    .into(),
                n => format!(
                    " ({n} notes belong to briefs of other libraries: `briefing notes` lists them.)"
                ),
            };
            format!(
                "No notes in this library yet. Open a brief, select a passage and press {} to write one.{elsewhere}",
                app.keymap.hint(crate::tui::action::Command::Annotate)
            )
        } else {
            "No note matches the filter.".to_string()
        };
        frame.render_widget(
            Paragraph::new(Span::styled(msg, t.dim)).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let w = area.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    for (row, &k) in nv.shown.iter().enumerate().skip(nv.pane.top) {
        if lines.len() >= area.height as usize + nv.pane.skip {
            break;
        }
        let e = &nv.entries[k];
        let Some(note) = app.notes.get(&e.brief_id).and_then(|v| v.get(e.note)) else {
            continue;
        };
        let selected = row == nv.pane.selected;
        let bar = if selected { "▌" } else { " " };
        let title = app.briefs[e.brief].title.as_str();
        let (place, orphan) = place(app, e);
        let meta = format!(" · {} · {place}", note.kind.as_str());
        let title_w = w.saturating_sub(2 + wrap::width(&meta));
        let mut l1 = Line::from(vec![
            Span::styled(bar, t.bar),
            Span::styled("✎", t.note),
            Span::styled(wrap::truncate(title, title_w), t.title),
            Span::styled(meta, if orphan { t.error } else { t.dim }),
        ]);
        let quote = match note.kind {
            crate::notes::Kind::Relation => note
                .quote
                .split_once('-')
                .map(|(x, y)| crate::summary::pair_name(&app.briefs[e.brief], x, y))
                .unwrap_or_else(|| note.quote.clone()),
            _ => note.quote.clone(),
        };
        let mut l2 = Line::from(vec![
            Span::styled(bar, t.bar),
            Span::raw(" "),
            Span::styled(
                wrap::truncate(&format!("“{quote}”"), w.saturating_sub(2)),
                t.quote,
            ),
        ]);
        let first = note.text.lines().next().unwrap_or("");
        let more = if note.text.lines().count() > 1 {
            " …"
        } else {
            ""
        };
        let mut l3 = Line::from(vec![
            Span::styled(bar, t.bar),
            Span::raw(" "),
            Span::styled(
                wrap::truncate(&format!("{first}{more}"), w.saturating_sub(2)),
                t.text,
            ),
        ]);
        if selected {
            l1 = l1.style(t.selected);
            l2 = l2.style(t.selected);
            l3 = l3.style(t.selected);
        }
        lines.extend([l1, l2, l3]);
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(nv.pane.skip)
        .take(area.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}
