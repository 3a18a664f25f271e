//! Overlays: the note editor, the note picker and yes/no questions, drawn
//! over the view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::action::Command;
use crate::tui::app::{App, Editor, PickFor, Picker, Question};
use crate::tui::wrap;

/// A centred rectangle of at most `w` x `h` inside the screen (all of it
/// when the screen is small).
pub fn popup(app: &App, w: u16, h: u16) -> Rect {
    let (sw, sh) = app.size;
    let w = w.min(sw);
    let h = h.min(sh);
    Rect::new((sw - w) / 2, (sh - h) / 2, w, h)
}

fn bordered_block<'a>(app: &App, title: String) -> Block<'a> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(app.theme.border)
        .title(Span::styled(title, app.theme.accent))
}

pub fn editor(frame: &mut Frame, app: &App, e: &Editor) {
    let t = &app.theme;
    let (sw, sh) = app.size;
    let area = popup(
        app,
        sw.saturating_sub(4).clamp(20, 80),
        sh.saturating_sub(2).clamp(5, 20),
    );
    frame.render_widget(Clear, area);
    let small = area.height < 9 || area.width < 30;
    let block = if small {
        Block::default()
    } else {
        bordered_block(app, format!(" Note on {} ", e.label))
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let mut rest = inner;
    if small {
        let title = Rect::new(rest.x, rest.y, rest.width, 1.min(rest.height));
        frame.render_widget(
            Paragraph::new(Span::styled(
                wrap::truncate(&format!("Note on {}", e.label), rest.width as usize),
                t.accent,
            )),
            title,
        );
        rest.y += title.height;
        rest.height -= title.height;
    } else {
        let qh = 2.min(rest.height.saturating_sub(3));
        let quote = Rect::new(rest.x, rest.y, rest.width, qh);
        frame.render_widget(
            Paragraph::new(Span::styled(format!("“{}”", e.quote), t.quote))
                .wrap(Wrap { trim: true }),
            quote,
        );
        rest.y += qh;
        rest.height -= qh;
    }
    let hint_h = 1.min(rest.height.saturating_sub(1));
    let text_area = Rect::new(rest.x, rest.y, rest.width, rest.height - hint_h);
    let mut ta = e.textarea.clone();
    ta.set_style(t.text);
    ta.set_placeholder_style(t.dim);
    ta.set_cursor_style(Style::default().add_modifier(Modifier::REVERSED));
    if !small {
        ta.set_block(
            Block::default()
                .borders(Borders::TOP)
                .border_style(t.border),
        );
    }
    frame.render_widget(&ta, text_area);
    if hint_h > 0 {
        let hint = format!(
            "{} save · {} cancel",
            app.keymap.hint(Command::Save),
            app.keymap.hint(Command::Cancel)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(
                wrap::truncate(&hint, rest.width as usize),
                t.dim,
            )),
            Rect::new(rest.x, rest.y + rest.height - 1, rest.width, 1),
        );
    }
    if e.asking {
        question(
            frame,
            app,
            "Discard this note?",
            "y discard · n keep writing",
        );
    }
}

pub fn confirm(frame: &mut Frame, app: &App, q: &Question) {
    match q {
        Question::DeleteNote { brief_id, note_id } => {
            let text = app
                .notes
                .get(brief_id)
                .and_then(|v| v.iter().find(|n| &n.id == note_id))
                .map(|n| n.text.lines().next().unwrap_or("").to_string())
                .unwrap_or_default();
            question(
                frame,
                app,
                &format!("Delete this note? “{}”", wrap::truncate(&text, 40)),
                "y delete · n keep",
            );
        }
    }
}

fn question(frame: &mut Frame, app: &App, text: &str, keys: &str) {
    let t = &app.theme;
    let w = (wrap::width(text).max(wrap::width(keys)) as u16 + 4).min(60);
    let area = popup(app, w, 5);
    frame.render_widget(Clear, area);
    let block = if area.height >= 4 && area.width >= 10 {
        bordered_block(app, String::new())
    } else {
        Block::default()
    };
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = vec![
        Line::from(Span::styled(text.to_string(), t.title)),
        Line::from(Span::styled(keys.to_string(), t.accent)),
    ];
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), inner);
}

/// The picker's rectangle, whether it has a border, and the rows of its list.
fn picker_layout(app: &App, p: &Picker) -> (Rect, bool, Rect) {
    let (sw, sh) = app.size;
    let want = p.notes.len() as u16 + 3;
    let area = popup(app, sw.saturating_sub(4).clamp(20, 72), want.min(sh));
    let bordered = area.height >= 5 && area.width >= 24;
    let inner = if bordered {
        Block::default().borders(Borders::ALL).inner(area)
    } else {
        area
    };
    // Without a border the first row is the title; the last row is the hint.
    let top = u16::from(!bordered);
    let rows = inner
        .height
        .saturating_sub(top + 1)
        .max(1)
        .min(inner.height);
    let list = Rect::new(inner.x, inner.y + top.min(inner.height), inner.width, rows);
    (area, bordered, list)
}

/// The first note shown (the list scrolls to keep the selection in view).
fn picker_offset(p: &Picker, rows: u16) -> usize {
    p.selected.saturating_sub((rows as usize).saturating_sub(1))
}

/// The picker row under a click (index into `p.notes`).
pub fn picker_hit(app: &App, p: &Picker, column: u16, row: u16) -> Option<usize> {
    let (_, _, list) = picker_layout(app, p);
    if !super::contains(list, column, row) {
        return None;
    }
    let i = picker_offset(p, list.height) + (row - list.y) as usize;
    (i < p.notes.len()).then_some(i)
}

/// Is a click inside the picker?
pub fn picker_inside(app: &App, p: &Picker, column: u16, row: u16) -> bool {
    super::contains(picker_layout(app, p).0, column, row)
}

/// Which of several notes on an item to edit or delete.
pub fn picker(frame: &mut Frame, app: &App, p: &Picker) {
    let t = &app.theme;
    let (area, bordered, list) = picker_layout(app, p);
    frame.render_widget(Clear, area);
    let title = match p.purpose {
        PickFor::Edit => format!("Edit which of these {} notes?", p.notes.len()),
        PickFor::Delete => format!("Delete which of these {} notes?", p.notes.len()),
    };
    let inner = if bordered {
        let block = bordered_block(app, format!(" {title} "));
        let inner = block.inner(area);
        frame.render_widget(block, area);
        inner
    } else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                wrap::truncate(&title, area.width as usize),
                t.accent,
            )),
            Rect::new(area.x, area.y, area.width, 1.min(area.height)),
        );
        area
    };
    let w = list.width as usize;
    let notes = app.notes.get(&p.brief_id);
    let offset = picker_offset(p, list.height);
    let lines: Vec<Line> = p
        .notes
        .iter()
        .enumerate()
        .skip(offset)
        .take(list.height as usize)
        .map(|(i, &k)| {
            let note = notes.and_then(|v| v.get(k));
            let text = note.map_or("", |n| n.text.lines().next().unwrap_or(""));
            let date = note.map_or("", |n| n.updated.get(..10).unwrap_or(&n.updated));
            let selected = i == p.selected;
            let head = format!("{} {}. ", if selected { "▌" } else { " " }, i + 1);
            let tail = format!("  {date}");
            let room = w.saturating_sub(wrap::width(&head) + wrap::width(&tail));
            let line = Line::from(vec![
                Span::styled(head, t.bar),
                Span::styled(wrap::truncate(text, room), t.text),
                Span::styled(tail, t.dim),
            ]);
            if selected {
                line.style(t.selected)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
    let hint_y = list.y + list.height;
    if hint_y < inner.y + inner.height {
        let hint = format!(
            "{}/{} move · {} choose · {} cancel · click a note",
            app.keymap.hint(Command::Down),
            app.keymap.hint(Command::Up),
            app.keymap.hint(Command::Open),
            app.keymap.hint(Command::Back)
        );
        frame.render_widget(
            Paragraph::new(Span::styled(wrap::truncate(&hint, w), t.dim)),
            Rect::new(inner.x, hint_y, inner.width, 1),
        );
    }
}
