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

/// Width of a matrix cell, and of the row labels.
const CELL: u16 = 4;
const LABEL: u16 = 5;

/// Lay out list, matrix and evidence in `rest`.
pub fn split(app: &App, bv: &BriefView, mut rest: Rect, mut g: Geometry) -> Geometry {
    let n = app.briefs[bv.brief].relations.len() as u16;
    if rest.height >= 10 {
        let actors = matrix_actors(app, bv, u16::MAX, u16::MAX).len() as u16;
        let want = n.max(actors + 2).max(3);
        let top_h = want.min(rest.height * 55 / 100).max(3);
        let mut top = take_top(&mut rest, top_h);
        g.evidence = Some(rest);
        if top.width >= 70 && actors >= 2 {
            let mw = (LABEL + CELL * actors).min(top.width / 2);
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

/// The actors of the matrix, most mentioned first, as many as fit.
fn matrix_actors(app: &App, bv: &BriefView, width: u16, height: u16) -> Vec<String> {
    let b = &app.briefs[bv.brief];
    let in_relations = |id: &str| b.relations.iter().any(|r| r.a == id || r.b == id);
    let cols = (width.saturating_sub(LABEL) / CELL) as usize;
    let rows = height.saturating_sub(1) as usize;
    b.actors
        .iter()
        .filter(|a| in_relations(&a.id))
        .map(|a| a.id.clone())
        .take(cols.min(rows))
        .collect()
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
    let actors = matrix_actors(app, bv, m.width, m.height);
    let r = (row.checked_sub(m.y + 1)?) as usize;
    let c = (column.checked_sub(m.x + LABEL)? / CELL) as usize;
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
    let actors = matrix_actors(app, bv, m.width, m.height);
    let sel = bv.panes[Section::Relations as usize].selected;
    let short = |id: &str| wrap::truncate(id, 3);
    let mut lines = Vec::new();
    let mut head = vec![Span::styled(format!("{:<5}", "tone"), t.dim)];
    for a in &actors {
        head.push(Span::styled(format!("{:^4}", short(a)), t.dim));
    }
    lines.push(Line::from(head));
    for x in &actors {
        let mut row = vec![Span::styled(format!("{:<4} ", short(x)), t.dim)];
        for y in &actors {
            let span = if x == y {
                Span::styled("  ╲ ", t.border)
            } else {
                match relation_of(app, bv, x, y) {
                    Some(i) => {
                        let r = &b.relations[i];
                        let mut style = t.stance(r.stance).add_modifier(Modifier::BOLD);
                        if i == sel {
                            style = style.add_modifier(Modifier::REVERSED);
                        }
                        Span::styled(format!("{:^4}", format!("{:+.0}", r.tone)), style)
                    }
                    None => Span::styled("  · ", t.border),
                }
            };
            row.push(span);
        }
        lines.push(Line::from(row));
    }
    if (lines.len() as u16) < m.height && !t.is_mono() {
        lines.push(Line::from(vec![
            Span::styled("coop ", t.cooperation),
            Span::styled("mixed ", t.mixed),
            Span::styled("conflict", t.conflict),
        ]));
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
