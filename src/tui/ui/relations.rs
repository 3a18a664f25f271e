//! Section 2, Relations: the pair list, a matrix of actors coloured by tone
//! (cells show the tone; mono shows the number alone), and the selected
//! pair's dated evidence with its trend.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::brief::{Content, draw_list, item_lines};
use super::{Geometry, take_top};
use crate::search::Section;
use crate::tui::app::{App, BriefView};
use crate::tui::wrap;

/// Columns of the matrix: row labels and cells, sized to the longest actor
/// id (3 for states, up to 5 for organisations such as `ASEAN`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Dims {
    /// Characters of an id shown (longer ones are cut with `…`).
    id: usize,
    label: u16,
    cell: u16,
}

fn dims(all: &[String]) -> Dims {
    let id = all
        .iter()
        .map(|a| a.chars().count())
        .max()
        .unwrap_or(3)
        .clamp(3, 5);
    Dims {
        id,
        // "tone" heads the label column.
        label: (id as u16 + 1).max(5),
        cell: (id as u16 + 1).max(4),
    }
}

/// Every actor that is in a relation, most mentioned first.
fn related_actors(app: &App, bv: &BriefView) -> Vec<String> {
    let b = &app.briefs[bv.brief];
    let in_relations = |id: &str| b.relations.iter().any(|r| r.a == id || r.b == id);
    b.actors
        .iter()
        .filter(|a| in_relations(&a.id))
        .map(|a| a.id.clone())
        .collect()
}

/// Width the whole matrix wants.
fn matrix_width(app: &App, bv: &BriefView) -> u16 {
    let all = related_actors(app, bv);
    let d = dims(&all);
    d.label + d.cell * all.len() as u16
}

/// Lay out list, matrix and evidence in `rest`. On a wide screen the matrix
/// is a column of the full height beside list and evidence, so it shows as
/// many actors as the height allows; otherwise it sits beside the list.
pub fn split(app: &App, bv: &BriefView, mut rest: Rect, mut g: Geometry) -> Geometry {
    let n = app.briefs[bv.brief].relations.len() as u16;
    let actors = related_actors(app, bv).len() as u16;
    let mw = matrix_width(app, bv);
    if rest.height >= 10 && actors >= 2 && rest.width >= 140 {
        let mw = mw.min(rest.width / 2);
        let mut left = rest;
        left.width -= mw + 1;
        g.matrix = Some(Rect::new(left.x + left.width + 1, left.y, mw, left.height));
        let top_h = n.max(3).min(left.height * 55 / 100).max(3);
        g.list = take_top(&mut left, top_h);
        g.evidence = Some(left);
    } else if rest.height >= 10 {
        // Rows for the pairs, or for the matrix's header, actors and legend.
        let want = n.max(actors + 2).max(3);
        let top_h = want.min(rest.height * 55 / 100).max(3);
        let mut top = take_top(&mut rest, top_h);
        g.evidence = Some(rest);
        if top.width >= 70 && actors >= 2 {
            let mw = mw.min(top.width / 2);
            top.width -= mw + 1;
            g.matrix = Some(Rect::new(top.x + top.width + 1, top.y, mw, top.height));
        }
        g.list = top;
    } else if rest.height >= 6 {
        let half = rest.height / 2;
        let top = take_top(&mut rest, half);
        g.list = top;
        g.evidence = Some(rest);
    } else if bv.evidence.is_some() {
        g.list = Rect::new(rest.x, rest.y, rest.width, 0);
        g.evidence = Some(rest);
    } else {
        g.list = rest;
    }
    g
}

/// The actors of the matrix, most mentioned first, as many as fit in
/// `width` x `height` (a header row and a legend row besides); the selected
/// pair's two actors are always among them.
fn matrix_actors(app: &App, bv: &BriefView, width: u16, height: u16) -> (Vec<String>, Dims) {
    let all = related_actors(app, bv);
    let d = dims(&all);
    let cols = (width.saturating_sub(d.label) / d.cell) as usize;
    let rows = height.saturating_sub(2) as usize;
    let fit = cols.min(rows);
    let mut shown: Vec<String> = all.iter().take(fit).cloned().collect();
    let sel = bv.panes[Section::Relations as usize].selected;
    if let Some(r) = app.briefs[bv.brief].relations.get(sel)
        && fit >= 2
    {
        for id in [&r.a, &r.b] {
            if !shown.contains(id) {
                // Replace the least mentioned actor that is not the other one.
                if let Some(k) = shown.iter().rposition(|x| x != &r.a && x != &r.b) {
                    shown.remove(k);
                }
                shown.push(id.clone());
            }
        }
        // Keep the order of mentions.
        shown.sort_by_key(|x| all.iter().position(|a| a == x));
    }
    (shown, d)
}

/// The actors the matrix in `m` shows, in order.
pub fn shown_actors(app: &App, bv: &BriefView, m: Rect) -> Vec<String> {
    matrix_actors(app, bv, m.width, m.height).0
}

/// The relation index of a pair, if the brief has it.
fn relation_of(app: &App, bv: &BriefView, x: &str, y: &str) -> Option<usize> {
    let (a, b) = if x < y { (x, y) } else { (y, x) };
    app.briefs[bv.brief]
        .relations
        .iter()
        .position(|r| r.a == a && r.b == b)
}

/// The relation under a click in the matrix.
pub fn matrix_hit(app: &App, bv: &BriefView, m: Rect, column: u16, row: u16) -> Option<usize> {
    let (actors, d) = matrix_actors(app, bv, m.width, m.height);
    let r = (row.checked_sub(m.y + 1)?) as usize;
    let c = (column.checked_sub(m.x + d.label)? / d.cell) as usize;
    let (x, y) = (actors.get(r)?, actors.get(c)?);
    relation_of(app, bv, x, y)
}

/// The selected pair's evidence items.
pub fn evidence_contents(app: &App, bv: &BriefView) -> Vec<Content> {
    let t = &app.theme;
    let b = &app.briefs[bv.brief];
    let sel = bv.panes[Section::Relations as usize].selected;
    let Some(r) = b.relations.get(sel) else {
        return Vec::new();
    };
    r.evidence
        .iter()
        .map(|e| Content {
            prefix: format!("{:<10} ", e.date.as_deref().unwrap_or("undated")),
            text: e.text.clone(),
            suffix: format!("  [{}] ¶{}", e.class.as_str(), e.paragraph),
            base: t.text,
            prefix_style: t.accent,
            suffix_style: if e.class.is_cooperation() {
                t.cooperation
            } else {
                t.conflict
            },
            spacing: 1,
            hang: true,
            ..Content::default()
        })
        .collect()
}

pub fn draw(frame: &mut Frame, app: &App, bv: &BriefView, g: &Geometry) {
    if g.list.height > 0 {
        draw_list(frame, app, bv, Section::Relations, g.list);
    }
    if let Some(m) = g.matrix {
        matrix(frame, app, bv, m);
    }
    if let Some(e) = g.evidence {
        evidence(frame, app, bv, e);
    }
}

fn matrix(frame: &mut Frame, app: &App, bv: &BriefView, m: Rect) {
    let t = &app.theme;
    let b = &app.briefs[bv.brief];
    let (actors, d) = matrix_actors(app, bv, m.width, m.height);
    let sel = bv.panes[Section::Relations as usize].selected;
    let (lw, vw) = (d.label as usize, d.cell as usize - 1);
    // Cell contents right-aligned, a space after: units digits line up.
    let cell = |x: &str| format!("{x:>vw$} ");
    let short = |id: &str| wrap::truncate(id, d.id);
    let mut lines = Vec::new();
    let mut head = vec![Span::styled(format!("{:<lw$}", "tone"), t.dim)];
    for a in &actors {
        head.push(Span::styled(cell(&short(a)), t.dim));
    }
    lines.push(Line::from(head));
    for x in &actors {
        let mut row = vec![Span::styled(format!("{:<lw$}", short(x)), t.dim)];
        for y in &actors {
            let span = if x == y {
                Span::styled(cell("╲"), t.border)
            } else {
                match relation_of(app, bv, x, y) {
                    Some(i) => {
                        let r = &b.relations[i];
                        let mut style = t.stance(r.stance).add_modifier(Modifier::BOLD);
                        if i == sel {
                            style = style.add_modifier(Modifier::REVERSED);
                        }
                        Span::styled(cell(&format!("{:+.0}", r.tone)), style)
                    }
                    None => Span::styled(cell("·"), t.border),
                }
            };
            row.push(span);
        }
        lines.push(Line::from(row));
    }
    let total = related_actors(app, bv).len();
    let mut legend = Vec::new();
    if !t.is_mono() {
        legend.extend([
            Span::styled("coop ", t.cooperation),
            Span::styled("mixed ", t.mixed),
            Span::styled("conflict", t.conflict),
        ]);
    }
    if actors.len() < total {
        let sep = if legend.is_empty() { "" } else { " · " };
        legend.push(Span::styled(
            format!("{sep}{}/{total} actors", actors.len()),
            t.dim,
        ));
    }
    if (lines.len() as u16) < m.height && !legend.is_empty() {
        lines.push(Line::from(legend));
    }
    frame.render_widget(Paragraph::new(lines), m);
}

fn evidence(frame: &mut Frame, app: &App, bv: &BriefView, area: Rect) {
    let t = &app.theme;
    let b = &app.briefs[bv.brief];
    let sel = bv.panes[Section::Relations as usize].selected;
    let Some(r) = b.relations.get(sel) else {
        return;
    };
    let focus = bv.evidence.is_some();
    let title = format!(
        "{} {} · {} · tone {:+.1} · trend {} · {} evidence{}",
        if focus { "▼" } else { "▷" },
        crate::summary::pair_name(b, &r.a, &r.b),
        r.stance.as_str(),
        r.tone,
        r.trend.as_str(),
        r.evidence.len(),
        if focus {
            ""
        } else {
            "  (Enter / → to browse)"
        }
    );
    let w = area.width as usize;
    let title_style = if focus { t.accent } else { t.heading };
    frame.render_widget(
        Paragraph::new(Span::styled(wrap::truncate(&title, w), title_style)),
        Rect::new(area.x, area.y, area.width, 1.min(area.height)),
    );
    if area.height <= 1 {
        return;
    }
    let body = Rect::new(area.x, area.y + 1, area.width, area.height - 1);
    let contents = evidence_contents(app, bv);
    let p = bv.evidence.unwrap_or_default();
    let mut lines: Vec<Line> = Vec::new();
    for (i, c) in contents.iter().enumerate().skip(p.top) {
        if lines.len() >= body.height as usize + p.skip {
            break;
        }
        let selected = focus && p.selected == i;
        let extra = if selected {
            vec![(0..c.text.len(), t.selected)]
        } else {
            Vec::new()
        };
        lines.extend(item_lines(c, w, selected, false, &extra, t));
    }
    let lines: Vec<Line> = lines
        .into_iter()
        .skip(p.skip)
        .take(body.height as usize)
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
}
