//! The help overlay, generated from the live keymap so it never lies.

use ratatui::Frame;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::overlay::popup;
use crate::tui::app::App;
use crate::tui::wrap;

fn lines(app: &App) -> Vec<Line<'static>> {
    let t = &app.theme;
    let mut out = vec![
        Line::from(Span::styled(
            "Keys (rebind them in config.toml [keys])",
            t.title,
        )),
        Line::default(),
    ];
    let help = app.keymap.help();
    let kw = help
        .iter()
        .map(|(k, _)| wrap::width(k))
        .max()
        .unwrap_or(8)
        .min(22);
    for (keys, what) in help {
        out.push(Line::from(vec![
            Span::styled(format!("{:<kw$}  ", keys), t.accent),
            Span::styled(what.to_string(), t.text),
        ]));
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled("Mouse", t.title)));
    for l in [
        "wheel       scroll the list or text under the pointer",
        "click       select; click the selection again to open it",
        "tabs        click a section tab to go there",
        "picker      click a note to choose it, outside it to cancel",
    ] {
        out.push(Line::from(Span::styled(l.to_string(), t.text)));
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled(
        format!(
            "Search syntax ({} search, {} filter)",
            app.keymap.hint(crate::tui::action::Command::Search),
            app.keymap.hint(crate::tui::action::Command::Find)
        ),
        t.title,
    )));
    for l in SYNTAX {
        out.push(Line::from(Span::styled(l.to_string(), t.text)));
    }
    out.push(Line::default());
    out.push(Line::from(Span::styled("Where things are", t.title)));
    for l in [
        "Sections: 1 Key judgments, 2 Relations (list, tone matrix, evidence),".to_string(),
        "3 Alliances, 4 Timeline, 5 Source text. Enter on an item opens its".to_string(),
        "paragraph in the source text; in the source, Enter or → selects sentences.".to_string(),
        "Text inputs: q types q; Ctrl-U clears, Ctrl-W deletes a word.".to_string(),
        format!("Notes are saved in {}", app.store.dir().display()),
        format!("Library: {}", app.library_dir.display()),
    ] {
        out.push(Line::from(Span::styled(l, t.dim)));
    }
    out
}

/// The query syntax (`briefing search --help` says the same).
const SYNTAX: [&str; 8] = [
    "azer rus    every word; whole words and word starts first",
    "'word       literally, never as scattered letters",
    "\"a phrase\"  the phrase, spaces included",
    "^word word$ at the start / end of a word (^word$: whole word)",
    "!word       leave out what contains it",
    "a | b       either (search)",
    "AS  EU      a short word in capitals: that word, in its case (search)",
    "actors      a word naming an actor finds any of its names (Moskow: Russia)",
];

pub fn line_count(app: &App) -> usize {
    lines(app).len()
}

/// The help's rectangle: a centred box, or the whole screen when a box
/// would be too small for a border (nothing of the view shows around it).
fn area(app: &App) -> ratatui::layout::Rect {
    let (w, h) = app.size;
    let a = popup(app, w.saturating_sub(4).min(84), h.saturating_sub(2));
    if bordered_size(a) {
        a
    } else {
        ratatui::layout::Rect::new(0, 0, w, h)
    }
}

fn bordered_size(a: ratatui::layout::Rect) -> bool {
    a.width >= 30 && a.height >= 8
}

fn bordered(app: &App) -> bool {
    bordered_size(area(app))
}

/// Rows available for the help text (the whole screen has a title row).
pub fn view_height(app: &App) -> usize {
    let a = area(app);
    if bordered(app) {
        a.height.saturating_sub(2) as usize
    } else {
        a.height.saturating_sub(1) as usize
    }
}

pub fn draw(frame: &mut Frame, app: &App, scroll: usize) {
    use crate::tui::action::Command;
    let a = area(app);
    frame.render_widget(Clear, a);
    let keys = format!(
        "{}/{} scroll · {} close",
        app.keymap.hint(Command::Down),
        app.keymap.hint(Command::Up),
        app.keymap.hint(Command::Back)
    );
    let inner = if bordered(app) {
        let b = Block::default()
            .borders(Borders::ALL)
            .border_style(app.theme.border)
            .title(Span::styled(format!(" Help · {keys} "), app.theme.accent));
        let inner = b.inner(a);
        frame.render_widget(b, a);
        inner
    } else {
        let title = ratatui::layout::Rect::new(a.x, a.y, a.width, 1.min(a.height));
        frame.render_widget(
            Paragraph::new(Span::styled(
                wrap::truncate(&format!("Help · {keys}"), a.width as usize),
                app.theme.accent,
            ))
            .style(app.theme.status),
            title,
        );
        ratatui::layout::Rect::new(a.x, a.y + title.height, a.width, a.height - title.height)
    };
    let lines: Vec<Line> = lines(app).into_iter().skip(scroll).collect();
    frame.render_widget(Paragraph::new(lines), inner);
}
