//! Overlays: the note editor and yes/no questions, drawn over the view.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Wrap};

use crate::tui::action::Command;
use crate::tui::app::{App, Editor, Question};
use crate::tui::wrap;

/// A centred rectangle of at most `w` x `h` inside the screen (all of it
/// when the screen is small).
pub fn popup(app: &App, w: u16, h: u16) -> Rect {
    let (sw, sh) = app.size;
    let w = w.min(sw);
    let h = h.min(sh);
    Rect::new((sw - w) / 2, (sh - h) / 2, w, h)
}

fn bordered<'a>(app: &App, title: String) -> Block<'a> {
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
        bordered(app, format!(" Note on {} ", e.label))
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
        bordered(app, String::new())
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
