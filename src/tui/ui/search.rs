//! The search overlay: the query, how many results, and the results with
//! their matched characters highlighted, each with its brief and section.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

use super::input_line;
use super::overlay::popup;
use crate::search::{Hit, Item};
use crate::tui::app::App;
use crate::tui::wrap;

/// The overlay's rectangle.
pub fn area(app: &App) -> Rect {
    let (w, h) = app.size;
    if w >= 50 && h >= 14 {
        popup(app, w - 4, h - 2)
    } else {
        Rect::new(0, 0, w, h.saturating_sub(1))
    }
}

fn bordered(app: &App) -> bool {
    let a = area(app);
    a.width >= 30 && a.height >= 8
}

/// The inside of the overlay: input line, count line, results.
fn parts(app: &App) -> (Rect, Option<Rect>, Rect) {
    let a = area(app);
    let inner = if bordered(app) {
        Block::default().borders(Borders::ALL).inner(a)
    } else {
        a
    };
    let input = Rect::new(inner.x, inner.y, inner.width, 1.min(inner.height));
    let mut rest = Rect::new(
        inner.x,
        inner.y + input.height,
        inner.width,
        inner.height - input.height,
    );
    let count = if rest.height >= 4 {
        let c = Rect::new(rest.x, rest.y, rest.width, 1);
        rest.y += 1;
        rest.height -= 1;
        Some(c)
    } else {
        None
    };
    (input, count, rest)
}

/// Lines per result: two (text, then brief and section) when there is room.
pub fn row_height(app: &App) -> usize {
    if parts(app).2.height >= 8 { 2 } else { 1 }
}

/// Heights of the results and the rows for them.
pub fn metrics(app: &App) -> (Vec<usize>, usize) {
    let h = row_height(app);
    (vec![h; app.search.hits.len()], parts(app).2.height as usize)
}

pub fn inside(app: &App, column: u16, row: u16) -> bool {
    super::contains(area(app), column, row)
}

/// The result under a click.
pub fn hit(app: &App, column: u16, row: u16) -> Option<usize> {
    let list = parts(app).2;
    if !super::contains(list, column, row) {
        return None;
    }
    let (heights, _) = metrics(app);
    app.search.pane.hit(&heights, (row - list.y) as usize)
}

/// What a hit shows: its text, or for an actor (whose text lists every
/// name) the display name and the name that matched; with the matched
/// character positions in what is shown.
fn shown(item: &Item, hit: &Hit) -> (String, Vec<usize>) {
    if item.kind != crate::search::ItemKind::Actor {
        return (item.text.clone(), hit.positions.clone());
    }
    const SEP: &str = " · ";
    let mut segments: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for seg in item.text.split(SEP) {
        segments.push((at, seg));
        at += seg.chars().count() + SEP.chars().count();
    }
    let first = hit.positions.first().copied().unwrap_or(0);
    let matched = segments
        .iter()
        .rposition(|(start, _)| *start <= first)
        .unwrap_or(0);
    let mut keep = vec![0];
    if matched != 0 {
        keep.push(matched);
    }
    let mut text = String::new();
    let mut positions = Vec::new();
    for (k, &i) in keep.iter().enumerate() {
        if k > 0 {
            text.push_str(SEP);
        }
        let (start, seg) = segments[i];
        let offset = text.chars().count();
        let len = seg.chars().count();
        positions.extend(
            hit.positions
                .iter()
                .filter(|&&p| p >= start && p < start + len)
                .map(|p| p - start + offset),
        );
        text.push_str(seg);
    }
    (text, positions)
}

/// The text of a hit as spans: a window of at most `width` columns that
/// shows the first match, matched characters highlighted.
fn snippet(
    item: &Item,
    hit: &Hit,
    width: usize,
    base: Style,
    matched: Style,
) -> Vec<Span<'static>> {
    let (text, positions) = shown(item, hit);
    let chars: Vec<char> = text.chars().collect();
    let first = positions.first().copied().unwrap_or(0);
    // Start a little before the first match when it would not be visible.
    let mut start = 0;
    let upto: usize = chars[..first.min(chars.len())]
        .iter()
        .map(|c| unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0))
        .sum();
    if upto + 8 > width {
        start = first.saturating_sub(12);
    }
    let mut spans = Vec::new();
    let mut used = 0;
    if start > 0 {
        spans.push(Span::styled("…", base));
        used += 1;
    }
    let mut run = String::new();
    let mut run_matched = false;
    for (i, c) in chars.iter().enumerate().skip(start) {
        let cw = unicode_width::UnicodeWidthChar::width(*c).unwrap_or(0);
        if used + cw > width.saturating_sub(1) && i + 1 < chars.len() {
            if !run.is_empty() {
                spans.push(Span::styled(
                    std::mem::take(&mut run),
                    if run_matched { matched } else { base },
                ));
            }
            spans.push(Span::styled("…", base));
            return spans;
        }
        let m = positions.binary_search(&i).is_ok();
        if m != run_matched && !run.is_empty() {
            spans.push(Span::styled(
                std::mem::take(&mut run),
                if run_matched { matched } else { base },
            ));
        }
        run_matched = m;
        run.push(*c);
        used += cw;
    }
    if !run.is_empty() {
        spans.push(Span::styled(run, if run_matched { matched } else { base }));
    }
    spans
}

pub fn draw(frame: &mut Frame, app: &App) {
    let t = &app.theme;
    let a = area(app);
    frame.render_widget(Clear, a);
    if bordered(app) {
        frame.render_widget(
            Block::default()
                .borders(Borders::ALL)
                .border_style(t.border)
                .title(Span::styled(" Search ", t.accent)),
            a,
        );
    }
    let (input, count, list) = parts(app);
    input_line(frame, app, input, "/ ", &app.search.input, true);
    let s = &app.search;
    if let Some(c) = count {
        let q = s.input.lines().join(" ");
        let text = if q.trim().is_empty() {
            "Type to search titles, actors (any name), pairs, alliances, judgments, every sentence"
                .to_string()
        } else if s.pending && s.shown_query != q {
            "searching…".to_string()
        } else if s.hits.is_empty() {
            format!("No results for “{}”", s.shown_query)
        } else {
            let cap = if s.hits.len() >= crate::tui::app::SEARCH_LIMIT {
                "+"
            } else {
                ""
            };
            let noun = if s.hits.len() == 1 {
                "result"
            } else {
                "results"
            };
            format!(
                "{}{cap} {noun} for “{}” · Enter jump · Esc close",
                s.hits.len(),
                s.shown_query
            )
        };
        frame.render_widget(
            Paragraph::new(Span::styled(wrap::truncate(&text, c.width as usize), t.dim)),
            c,
        );
    }
    let Some(engine) = &app.engine else {
        frame.render_widget(
            Paragraph::new(Span::styled(
                format!("Indexing {} briefs for search…", app.briefs.len()),
                t.dim,
            )),
            list,
        );
        return;
    };
    let w = list.width as usize;
    let two = row_height(app) == 2;
    let mut lines: Vec<Line> = Vec::new();
    for (i, hit) in s.hits.iter().enumerate().skip(s.pane.top) {
        if lines.len() >= list.height as usize + s.pane.skip {
            break;
        }
        let item = engine.item(hit.item);
        let brief = &engine.briefs()[item.brief as usize];
        let selected = i == s.pane.selected;
        let bar = Span::styled(if selected { "▌" } else { " " }, t.bar);
        let kind = format!("{:<9}", item.kind.label());
        let place = format!(
            "{}{} · {}",
            item.jump.section.title(),
            match item.jump.section {
                crate::search::Section::Source => format!(" ¶{}", item.jump.index),
                _ => String::new(),
            },
            brief.title,
        );
        if two {
            let mut l1 = vec![bar.clone(), Span::styled(kind, t.dim)];
            l1.extend(snippet(&item, hit, w.saturating_sub(10), t.text, t.matched));
            let mut l2 = Line::from(vec![
                bar,
                Span::styled(
                    wrap::truncate(&format!("          {place}"), w.saturating_sub(1)),
                    t.dim,
                ),
            ]);
            let mut l1 = Line::from(l1);
            if selected {
                l1 = l1.style(t.selected);
                l2 = l2.style(t.selected);
            }
            lines.push(l1);
            lines.push(l2);
        } else {
            let mut l = vec![bar];
            let room = w.saturating_sub(1);
            let text_w = if room > 40 { room * 2 / 3 } else { room };
            l.extend(snippet(&item, hit, text_w, t.text, t.matched));
            if room > 40 {
                l.push(Span::styled(
                    format!("  {}", wrap::truncate(&place, room - text_w - 2)),
                    t.dim,
                ));
            }
            let mut l = Line::from(l);
            if selected {
                l = l.style(t.selected);
            }
            lines.push(l);
        }
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(s.pane.skip)
        .take(list.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), list);
}
