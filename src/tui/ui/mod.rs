//! Drawing: a pure function of `&App`, one file per view. The layout
//! ([`geometry`]) is computed from the terminal size and the state alone, so
//! `App::update` uses the same rectangles for paging and mouse clicks.

pub mod brief;
pub mod help;
pub mod library;
pub mod notes;
pub mod overlay;
pub mod relations;
pub mod search;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::action::Command;
use super::app::{App, Overlay, View};
use super::wrap;
use crate::search::Section;

/// Where things are on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Geometry {
    /// A title line (when the terminal is tall enough).
    pub header: Option<Rect>,
    /// The section tabs of a brief.
    pub tabs: Option<Rect>,
    /// A column header line (library).
    pub columns: Option<Rect>,
    /// The main list or text.
    pub list: Rect,
    /// Relations: the tone matrix and the selected pair's evidence.
    pub matrix: Option<Rect>,
    pub evidence: Option<Rect>,
    /// A one-line input (filter, find) above the status bar.
    pub input: Option<Rect>,
    pub status: Rect,
}

pub fn contains(r: Rect, column: u16, row: u16) -> bool {
    column >= r.x && column < r.x + r.width && row >= r.y && row < r.y + r.height
}

/// Take `n` rows off the top of `r`.
fn take_top(r: &mut Rect, n: u16) -> Rect {
    let n = n.min(r.height);
    let top = Rect::new(r.x, r.y, r.width, n);
    r.y += n;
    r.height -= n;
    top
}

fn take_bottom(r: &mut Rect, n: u16) -> Rect {
    let n = n.min(r.height);
    r.height -= n;
    Rect::new(r.x, r.y + r.height, r.width, n)
}

/// The layout for the current view at the current size.
pub fn geometry(app: &App) -> Geometry {
    let (w, h) = app.size;
    let mut rest = Rect::new(0, 0, w, h);
    let mut g = Geometry {
        status: take_bottom(&mut rest, 1),
        ..Geometry::default()
    };
    match &app.view {
        View::Library(lv) => {
            if h >= 8 {
                g.header = Some(take_top(&mut rest, 1));
            }
            if lv.typing || !lv.filter.is_empty() {
                g.input = Some(take_bottom(&mut rest, 1));
            }
            if h >= 10 {
                g.columns = Some(take_top(&mut rest, 1));
            }
        }
        View::Notes(nv) => {
            if h >= 8 {
                g.header = Some(take_top(&mut rest, 1));
            }
            if nv.typing || !nv.filter.is_empty() {
                g.input = Some(take_bottom(&mut rest, 1));
            }
        }
        View::Brief(bv) => {
            if h >= 12 {
                g.header = Some(take_top(&mut rest, 1));
            }
            if h >= 4 {
                g.tabs = Some(take_top(&mut rest, 1));
            }
            if bv.find.as_ref().is_some_and(|f| f.typing) {
                g.input = Some(take_bottom(&mut rest, 1));
            }
            if bv.section == Section::Relations {
                return relations::split(app, bv, rest, g);
            }
        }
    }
    g.list = rest;
    g
}

/// Rows of the main list (library, notes).
pub fn list_height(app: &App) -> usize {
    geometry(app).list.height as usize
}

/// The library row under screen row `row`.
pub fn library_hit(app: &App, row: u16) -> Option<usize> {
    let View::Library(lv) = &app.view else {
        return None;
    };
    let g = geometry(app);
    if row < g.list.y || row >= g.list.y + g.list.height {
        return None;
    }
    let i = lv
        .pane
        .hit(&vec![1; lv.shown.len()], (row - g.list.y) as usize)?;
    (i < lv.shown.len()).then_some(i)
}

/// Draw the whole screen.
pub fn draw(frame: &mut Frame, app: &App) {
    let g = geometry(app);
    match &app.view {
        View::Library(lv) => library::draw(frame, app, lv, &g),
        View::Brief(bv) => brief::draw(frame, app, bv, &g),
        View::Notes(nv) => notes::draw(frame, app, nv, &g),
    }
    status(frame, app, &g);
    match &app.overlay {
        Some(Overlay::Search) => search::draw(frame, app),
        Some(Overlay::Help { scroll }) => help::draw(frame, app, *scroll),
        Some(Overlay::Editor(e)) => overlay::editor(frame, app, e),
        Some(Overlay::Confirm(q)) => overlay::confirm(frame, app, q),
        Some(Overlay::Pick(p)) => overlay::picker(frame, app, p),
        None => {}
    }
}

/// The status bar: where you are and what to press, or a message.
fn status(frame: &mut Frame, app: &App, g: &Geometry) {
    let t = &app.theme;
    let area = g.status;
    if area.height == 0 {
        return;
    }
    let w = area.width as usize;
    let (place, position) = location(app);
    let right = match &app.status {
        Some(s) => Span::styled(
            format!(" {} ", s.text),
            if s.error { t.error } else { t.accent },
        ),
        None => {
            // As many hints as fit, most specific first.
            let room = w.saturating_sub(wrap::width(&format!(" {place} {position}")) + 2);
            let mut shown = String::new();
            for h in hints(app) {
                let next = if shown.is_empty() {
                    h.clone()
                } else {
                    format!("{shown} · {h}")
                };
                if wrap::width(&next) > room {
                    break;
                }
                shown = next;
            }
            Span::styled(format!(" {shown} "), t.dim)
        }
    };
    let left = format!(" {place} {position}");
    let right_w = wrap::width(&right.content);
    let line =
        if app.status.is_some() {
            // A message gets the room it needs.
            let left_room = w.saturating_sub(right_w + 1);
            Line::from(vec![
                Span::styled(wrap::truncate(&left, left_room), t.text),
                Span::raw(" ".repeat(
                    left_room.saturating_sub(wrap::width(&wrap::truncate(&left, left_room))),
                )),
                Span::styled(wrap::truncate(&right.content, w), right.style),
            ])
        } else if wrap::width(&left) + right_w <= w {
            let pad = w - wrap::width(&left) - right_w;
            Line::from(vec![
                Span::styled(left, t.text),
                Span::raw(" ".repeat(pad)),
                right,
            ])
        } else {
            Line::from(Span::styled(wrap::truncate(&left, w), t.text))
        };
    frame.render_widget(Paragraph::new(line).style(t.status), area);
}

/// `Library`, `Title › 2 Relations`, with a position like `3/40`.
fn location(app: &App) -> (String, String) {
    match &app.view {
        View::Library(lv) => (
            "Library".into(),
            if lv.shown.is_empty() {
                "0/0".into()
            } else {
                format!("{}/{}", lv.pane.selected + 1, lv.shown.len())
            },
        ),
        View::Notes(nv) => (
            "Notes".into(),
            if nv.shown.is_empty() {
                "0/0".into()
            } else {
                format!("{}/{}", nv.pane.selected + 1, nv.shown.len())
            },
        ),
        View::Brief(bv) => {
            let b = &app.briefs[bv.brief];
            let s = bv.section;
            let sel = bv.panes[s as usize].selected;
            let pos = match s {
                Section::Source => {
                    let n = app.docs.get(&bv.brief).map_or(0, |d| d.paragraph_count());
                    let p = app
                        .docs
                        .get(&bv.brief)
                        .map_or(0, |d| d.paragraph_at_block(sel));
                    match bv.sentence {
                        Some(k) => format!("¶{p}/{n} s{}", k + 1),
                        None => format!("¶{p}/{n}"),
                    }
                }
                _ => {
                    let n = app.section_len(bv, s);
                    if n == 0 {
                        "0/0".into()
                    } else {
                        format!("{}/{n}", sel + 1)
                    }
                }
            };
            let find = bv
                .find
                .as_ref()
                .filter(|f| !f.typing)
                .map(|f| {
                    let q = f.input.lines().join(" ");
                    match f.current {
                        Some(c) => format!("  find “{q}” {}/{}", c + 1, f.matches.len()),
                        None => format!("  find “{q}” 0/0"),
                    }
                })
                .unwrap_or_default();
            if app.size.0 < 40 {
                return (format!("§{}", s.number()), format!("{pos}{find}"));
            }
            let title = wrap::truncate(&b.title, 28);
            (
                format!("{title} › {} {}", s.number(), s.title()),
                format!("{pos}{find}"),
            )
        }
    }
}

/// Key hints for the status bar, from the live keymap, most specific first.
fn hints(app: &App) -> Vec<String> {
    let k = |c: Command| app.keymap.hint(c);
    let mut parts: Vec<String> = Vec::new();
    match &app.view {
        View::Library(lv) => {
            parts.push(format!("{} open", k(Command::Open)));
            parts.push(format!("{} filter", k(Command::Find)));
            parts.push(format!("{} sort: {}", k(Command::Sort), lv.sort.label()));
        }
        View::Notes(_) => {
            parts.push(format!("{} jump", k(Command::Open)));
            let orphan = app
                .selected_note_ref()
                .is_some_and(|e| notes::place(app, e).1);
            if orphan {
                parts.push(format!("{} re-attach", k(Command::Reattach)));
                parts.push(format!("{} delete", k(Command::DeleteNote)));
            } else {
                parts.push(format!("{} edit", k(Command::EditNote)));
            }
            parts.push(format!("{} filter", k(Command::Find)));
        }
        View::Brief(_) if app.reattach.is_some() => {
            parts.push(format!("{} attach the note here", k(Command::Reattach)));
            parts.push(format!("{} cancel", k(Command::Back)));
        }
        View::Brief(bv) => {
            if bv.find.as_ref().is_some_and(|f| !f.typing) {
                parts.push(format!(
                    "{}/{} next/prev",
                    k(Command::FindNext),
                    k(Command::FindPrev)
                ));
            }
            parts.push(format!("{} note", k(Command::Annotate)));
            parts.push("Tab section".into());
        }
    }
    parts.push(format!("{} search", k(Command::Search)));
    parts.push(format!("{} help", k(Command::Help)));
    parts.push(format!("{} quit", k(Command::Quit)));
    parts
}

/// A one-line input with a label (`filter: `), the text area after it.
fn input_line(
    frame: &mut Frame,
    app: &App,
    area: Rect,
    label: &str,
    input: &ratatui_textarea::TextArea,
    focused: bool,
) {
    let t = &app.theme;
    let lw = (wrap::width(label) as u16).min(area.width);
    frame.render_widget(
        Paragraph::new(Span::styled(label.to_string(), t.accent)),
        Rect::new(area.x, area.y, lw, 1),
    );
    let rest = Rect::new(area.x + lw, area.y, area.width - lw, 1);
    let mut ta = input.clone();
    ta.set_style(t.text);
    ta.set_placeholder_style(t.dim);
    if focused {
        ta.set_cursor_style(Style::default().add_modifier(ratatui::style::Modifier::REVERSED));
    } else {
        ta.set_cursor_style(t.text);
    }
    frame.render_widget(&ta, rest);
}

/// The header line: a title, and something dim on the right.
fn header(frame: &mut Frame, app: &App, area: Rect, title: &str, right: &str) {
    let t = &app.theme;
    let w = area.width as usize;
    let rw = wrap::width(right);
    let line = if rw + 4 < w {
        let title = wrap::truncate(title, w - rw - 2);
        let pad = w - wrap::width(&title) - rw;
        Line::from(vec![
            Span::styled(title, t.title),
            Span::raw(" ".repeat(pad)),
            Span::styled(right.to_string(), t.dim),
        ])
    } else {
        Line::from(Span::styled(wrap::truncate(title, w), t.title))
    };
    frame.render_widget(Paragraph::new(line), area);
}
