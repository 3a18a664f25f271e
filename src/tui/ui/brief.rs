//! The brief view: a title, five section tabs, and the section's items as
//! wrapped text with a gutter (selection bar, note marker). The source text
//! is the Markdown body rendered block by block.

use std::ops::Range;

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{Geometry, header, input_line, relations};
use crate::brief::Brief;
use crate::notes::Target;
use crate::search::Section;
use crate::tui::app::{App, BriefView};
use crate::tui::doc::{BlockKind, Doc};
use crate::tui::theme::Theme;
use crate::tui::wrap;

/// Columns of the gutter left of every item: selection bar, note marker.
pub const GUTTER: usize = 2;

/// One item of a section, before wrapping.
#[derive(Debug, Clone, Default)]
pub struct Content {
    /// Shown before the text, not searched (`3. `, `• `, a date).
    pub prefix: String,
    /// The item's text; find and highlights are ranges in it.
    pub text: String,
    /// Shown after the text, not searched (`[likely]`).
    pub suffix: String,
    pub base: Style,
    pub prefix_style: Style,
    pub suffix_style: Style,
    /// Styles over ranges of `text`.
    pub layers: Vec<(Range<usize>, Style)>,
    /// Blank lines after the item.
    pub spacing: usize,
    /// One line, cut to the width instead of wrapped.
    pub single_line: bool,
    /// Wrapped lines start under the text, not under the prefix (a date
    /// column, a number).
    pub hang: bool,
    /// Notes shown under the item (when inline notes are on).
    pub notes: Vec<InlineNote>,
}

/// A note drawn under its item: a dim label (the sentence it is on) and its text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineNote {
    pub label: String,
    pub text: String,
}

impl InlineNote {
    fn full(&self) -> String {
        format!("{}{}", self.label, self.text)
    }
}

/// Columns before an inline note's text (`✎ ` on its first line).
const NOTE_INDENT: usize = 4;

/// The narrowest text a hanging indent leaves; below it lines do not hang.
const MIN_HANGING: usize = 20;

impl Content {
    fn full(&self) -> String {
        format!("{}{}{}", self.prefix, self.text, self.suffix)
    }

    /// Columns the wrapped lines after the first are indented by.
    fn indent(&self, width: usize) -> usize {
        let inner = width.saturating_sub(GUTTER);
        let p = wrap::width(&self.prefix);
        if self.hang && !self.single_line && inner >= p + MIN_HANGING {
            p
        } else {
            0
        }
    }

    /// Lines of the wrapped item (without notes and spacing), as byte ranges of [`Content::full`].
    fn wrapped(&self, width: usize) -> Vec<Range<usize>> {
        let full = self.full();
        if self.single_line {
            std::iter::once(0..full.len()).collect()
        } else {
            let inner = width.saturating_sub(GUTTER).max(1);
            wrap::wrap_hanging(&full, inner, inner - self.indent(width))
        }
    }

    /// Lines of each inline note, as byte ranges of [`InlineNote::full`].
    fn note_lines(&self, width: usize) -> Vec<Vec<Range<usize>>> {
        let inner = width.saturating_sub(GUTTER + NOTE_INDENT).max(1);
        self.notes
            .iter()
            .map(|n| wrap::wrap(&n.full(), inner))
            .collect()
    }

    pub fn height(&self, width: usize) -> usize {
        let notes: usize = self.note_lines(width).iter().map(Vec::len).sum();
        self.wrapped(width).len() + notes + self.spacing
    }
}

fn brief_of<'a>(app: &'a App, bv: &BriefView) -> &'a Brief {
    &app.briefs[bv.brief]
}

/// The items of a section, with their notes under them when inline notes are on.
pub fn contents(app: &App, bv: &BriefView, section: Section) -> Vec<Content> {
    let mut items = items(app, bv, section);
    if app.inline_notes {
        for (i, notes) in inline_notes(app, bv, section, items.len()) {
            items[i].notes = notes;
        }
    }
    items
}

/// The notes on each item of a section that has any: (item, notes), oldest first.
fn inline_notes(
    app: &App,
    bv: &BriefView,
    section: Section,
    len: usize,
) -> Vec<(usize, Vec<InlineNote>)> {
    let id = &brief_of(app, bv).id;
    let (Some(anchors), Some(notes)) = (app.anchors.get(id), app.notes.get(id)) else {
        return Vec::new();
    };
    let doc = app.docs.get(&bv.brief);
    let mut by_item: std::collections::BTreeMap<usize, Vec<(&str, InlineNote)>> =
        std::collections::BTreeMap::new();
    for (a, n) in anchors.iter().zip(notes) {
        let item = match (&a.target, section) {
            (Target::Text { paragraph, .. }, Section::Source) => {
                doc.map(|d| d.block_of(*paragraph))
            }
            (Target::Judgment(k), Section::Judgments)
            | (Target::Relation(k), Section::Relations)
            | (Target::Alliance(k), Section::Alliances)
            | (Target::Timeline(k), Section::Timeline) => Some(*k),
            _ => None,
        };
        let Some(item) = item.filter(|&i| i < len) else {
            continue;
        };
        let label = if n.kind == crate::notes::Kind::Sentence {
            format!("“{}” ", wrap::truncate(&n.quote, 32))
        } else {
            String::new()
        };
        by_item.entry(item).or_default().push((
            n.created.as_str(),
            InlineNote {
                label,
                text: n.text.clone(),
            },
        ));
    }
    by_item
        .into_iter()
        .map(|(i, mut v)| {
            v.sort_by(|x, y| x.0.cmp(y.0));
            (i, v.into_iter().map(|(_, n)| n).collect())
        })
        .collect()
}

/// The items of a section as drawn, without notes.
fn items(app: &App, bv: &BriefView, section: Section) -> Vec<Content> {
    let t = &app.theme;
    let b = brief_of(app, bv);
    match section {
        Section::Judgments => b
            .conclusions
            .iter()
            .enumerate()
            .map(|(i, c)| Content {
                prefix: format!("{}. ", i + 1),
                text: c.text.clone(),
                suffix: c
                    .confidence
                    .map(|x| format!("  [{}]", x.as_str()))
                    .unwrap_or_default(),
                base: t.text,
                prefix_style: t.accent,
                suffix_style: t.accent,
                spacing: 1,
                hang: true,
                ..Content::default()
            })
            .collect(),
        Section::Relations => b
            .relations
            .iter()
            .map(|r| {
                let pair = crate::summary::pair_name(b, &r.a, &r.b);
                let arrow = match r.trend {
                    crate::brief::Trend::Improving => "↗",
                    crate::brief::Trend::Worsening => "↘",
                    crate::brief::Trend::Stable => "→",
                    crate::brief::Trend::Unknown => "·",
                };
                let tone = format!("{:+5.1} {arrow} ", r.tone);
                let text = format!("{pair}  {}", r.stance.as_str());
                let s = pair.len() + 2;
                Content {
                    prefix: tone,
                    text,
                    base: t.text,
                    prefix_style: t.tone(r.tone),
                    layers: vec![(s..s + r.stance.as_str().len(), t.stance(r.stance))],
                    single_line: true,
                    ..Content::default()
                }
            })
            .collect(),
        Section::Alliances => b
            .alliances
            .iter()
            .map(|a| {
                let mut text = if a.name.is_empty() || a.name == a.id {
                    format!("{} — {}", a.id, a.kind.as_str())
                } else {
                    format!("{} ({}) — {}", a.name, a.id, a.kind.as_str())
                };
                let head = text.len();
                if !a.members.is_empty() {
                    let m: Vec<String> = a
                        .members
                        .iter()
                        .map(|m| match &m.date {
                            Some(d) => format!("{} {} {d}", m.actor, m.status),
                            None => format!("{} {}", m.actor, m.status),
                        })
                        .collect();
                    text.push_str("\nMembers: ");
                    text.push_str(&m.join(" · "));
                }
                if !a.events.is_empty() {
                    let ev: Vec<String> = a
                        .events
                        .iter()
                        .map(|e| match &e.date {
                            Some(d) => format!("{d} {} {}", e.actor, e.action),
                            None => format!("{} {}", e.actor, e.action),
                        })
                        .collect();
                    text.push_str("\nEvents: ");
                    text.push_str(&ev.join(" · "));
                }
                if !a.evidence.is_empty() {
                    let n = a.evidence.len();
                    let plural = if n == 1 { "" } else { "s" };
                    text.push_str(&format!(
                        "\n{n} evidence sentence{plural} (Enter: the first)"
                    ));
                }
                Content {
                    text,
                    base: t.text,
                    layers: vec![(0..head, t.title)],
                    spacing: 1,
                    ..Content::default()
                }
            })
            .collect(),
        Section::Timeline => b
            .timeline
            .iter()
            .map(|e| Content {
                prefix: format!("{:<10}  ", e.date),
                text: e.text.clone(),
                suffix: if e.actors.is_empty() {
                    String::new()
                } else {
                    format!("  [{}]", e.actors.join(", "))
                },
                base: t.text,
                prefix_style: t.accent,
                suffix_style: t.dim,
                spacing: 1,
                hang: true,
                ..Content::default()
            })
            .collect(),
        Section::Source => app
            .docs
            .get(&bv.brief)
            .map(|doc| source_contents(doc, t))
            .unwrap_or_default(),
    }
}

fn source_contents(doc: &Doc, t: &Theme) -> Vec<Content> {
    doc.blocks
        .iter()
        .map(|b| match &b.kind {
            BlockKind::Heading(level) => Content {
                prefix: if *level > 2 {
                    "#".repeat(*level as usize - 1) + " "
                } else {
                    String::new()
                },
                text: b.text.clone(),
                base: t.heading,
                prefix_style: t.dim,
                spacing: 1,
                ..Content::default()
            },
            BlockKind::Paragraph { marker, quote, .. } => {
                let mut prefix = "│ ".repeat(*quote as usize);
                if let Some(m) = marker {
                    prefix.push_str(m);
                    prefix.push(' ');
                }
                let layers = b
                    .emph
                    .iter()
                    .map(|(r, e)| {
                        let mut s = Style::default();
                        if e.bold {
                            s = s.add_modifier(Modifier::BOLD);
                        }
                        if e.italic {
                            s = s.add_modifier(Modifier::ITALIC);
                        }
                        if e.code {
                            s = s.patch(t.accent).remove_modifier(Modifier::BOLD);
                        }
                        (r.clone(), s)
                    })
                    .collect();
                Content {
                    prefix,
                    text: b.text.clone(),
                    base: if *quote > 0 { t.quote } else { t.text },
                    prefix_style: t.dim,
                    layers,
                    spacing: 1,
                    ..Content::default()
                }
            }
        })
        .collect()
}

/// The searchable text of each item of a section (what find looks in).
pub fn item_texts(app: &App, bv: &BriefView, section: Section) -> Vec<String> {
    items(app, bv, section)
        .into_iter()
        .map(|c| c.text)
        .collect()
}

/// Heights of a section's items and the rows of its list area.
pub fn pane_metrics(app: &App, bv: &BriefView, section: Section) -> (Vec<usize>, usize) {
    let g = super::geometry(app);
    let width = g.list.width as usize;
    let heights = contents(app, bv, section)
        .iter()
        .map(|c| c.height(width))
        .collect();
    (heights, g.list.height as usize)
}

/// Heights of the selected relation's evidence items and the rows for them.
pub fn evidence_metrics(app: &App, bv: &BriefView) -> (Vec<usize>, usize) {
    let g = super::geometry(app);
    match g.evidence {
        Some(area) => {
            let width = area.width as usize;
            let heights = relations::evidence_contents(app, bv)
                .iter()
                .map(|c| c.height(width))
                .collect();
            (heights, area.height.saturating_sub(1) as usize)
        }
        None => (Vec::new(), 0),
    }
}

/// Labels of the section tabs for a width: full, short or numbers.
fn tab_labels(width: usize) -> Vec<String> {
    let full: Vec<String> = Section::ALL
        .iter()
        .map(|s| format!(" {} {} ", s.number(), s.title()))
        .collect();
    if full.iter().map(|l| wrap::width(l)).sum::<usize>() <= width {
        return full;
    }
    let short = ["Judg", "Rel", "All", "Time", "Src"];
    let s: Vec<String> = Section::ALL
        .iter()
        .zip(short)
        .map(|(x, n)| format!(" {} {n} ", x.number()))
        .collect();
    if s.iter().map(|l| wrap::width(l)).sum::<usize>() <= width {
        return s;
    }
    Section::ALL
        .iter()
        .map(|x| format!(" {}", x.number()))
        .collect()
}

/// The section whose tab is at column `x` of the tab line.
pub fn tab_at(app: &App, x: u16) -> Option<Section> {
    let labels = tab_labels(app.size.0 as usize);
    let mut col = 0usize;
    for (i, l) in labels.iter().enumerate() {
        let w = wrap::width(l);
        if (x as usize) < col + w {
            return Some(Section::ALL[i]);
        }
        col += w;
    }
    None
}

/// The sentence of block `block` under the pointer, if the pointer is on it.
pub fn sentence_at(
    app: &App,
    bv: &BriefView,
    block: usize,
    column: u16,
    row: u16,
) -> Option<usize> {
    let g = super::geometry(app);
    let doc = app.docs.get(&bv.brief)?;
    let contents = contents(app, bv, Section::Source);
    let c = contents.get(block)?;
    let width = g.list.width as usize;
    let p = bv.panes[Section::Source as usize];
    // The row of the block's first line on screen.
    let mut line = 0i64 - p.skip as i64;
    for item in contents.iter().take(block).skip(p.top) {
        line += item.height(width) as i64;
    }
    let k = row as i64 - g.list.y as i64 - line;
    let lines = c.wrapped(width);
    let l = lines.get(usize::try_from(k).ok()?)?;
    let full = c.full();
    let indent = if k > 0 { c.indent(width) } else { 0 };
    let col = (column as usize).checked_sub(g.list.x as usize + GUTTER + indent)?;
    // The byte under the column.
    let mut w = 0;
    let mut at = l.end;
    for (i, ch) in full[l.clone()].char_indices() {
        w += unicode_width::UnicodeWidthChar::width(ch).unwrap_or(0);
        if w > col {
            at = l.start + i;
            break;
        }
    }
    let pos = at.checked_sub(c.prefix.len())?;
    let n = doc.paragraph_at_block(block);
    doc.sentences
        .get(n - 1)?
        .iter()
        .position(|r| r.start <= pos && pos <= r.end)
}

/// Does brief `bv` have a note on item `i` of `section`?
fn noted(app: &App, bv: &BriefView, section: Section, i: usize) -> bool {
    let id = &brief_of(app, bv).id;
    let Some(anchors) = app.anchors.get(id) else {
        return false;
    };
    let para = match section {
        Section::Source => app.docs.get(&bv.brief).and_then(|d| {
            matches!(d.blocks.get(i)?.kind, BlockKind::Paragraph { .. })
                .then(|| d.paragraph_at_block(i))
        }),
        _ => None,
    };
    anchors.iter().any(|a| match (&a.target, section) {
        (Target::Text { paragraph, .. }, Section::Source) => Some(*paragraph) == para,
        (Target::Judgment(k), Section::Judgments)
        | (Target::Relation(k), Section::Relations)
        | (Target::Alliance(k), Section::Alliances)
        | (Target::Timeline(k), Section::Timeline) => *k == i,
        _ => false,
    })
}

/// Ranges of paragraph `n` that sentence notes are on.
fn noted_ranges(app: &App, bv: &BriefView, n: usize) -> Vec<Range<usize>> {
    let id = &brief_of(app, bv).id;
    let (Some(anchors), Some(notes)) = (app.anchors.get(id), app.notes.get(id)) else {
        return Vec::new();
    };
    anchors
        .iter()
        .zip(notes)
        .filter_map(|(a, note)| match &a.target {
            Target::Text { paragraph, range }
                if *paragraph == n && note.kind == crate::notes::Kind::Sentence =>
            {
                Some(range.clone())
            }
            _ => None,
        })
        .collect()
}

/// Render item `c` as lines with the gutter, given the extra layers.
pub fn item_lines(
    c: &Content,
    width: usize,
    selected: bool,
    noted: bool,
    extra: &[(Range<usize>, Style)],
    t: &Theme,
) -> Vec<Line<'static>> {
    let full = c.full();
    let shift = c.prefix.len();
    let mut layers: Vec<(Range<usize>, Style)> = Vec::new();
    layers.push((0..shift, c.prefix_style));
    let tail = shift + c.text.len();
    layers.push((tail..full.len(), c.suffix_style));
    for (r, s) in c.layers.iter().chain(extra) {
        layers.push((r.start + shift..r.end + shift, *s));
    }
    let mut out = Vec::new();
    let inner = width.saturating_sub(GUTTER);
    let indent = c.indent(width);
    let bar = if selected { "▌" } else { " " };
    for (k, l) in c.wrapped(width).into_iter().enumerate() {
        let mark = if noted && k == 0 { "✎" } else { " " };
        let mut spans = vec![Span::styled(bar, t.bar), Span::styled(mark, t.note)];
        if k > 0 && indent > 0 {
            spans.push(Span::raw(" ".repeat(indent)));
        }
        let l = if c.single_line {
            // Cut to the width.
            let cut = wrap::truncate(&full[l.clone()], inner);
            let end = l.start + cut.trim_end_matches('…').len();
            let mut s = super::super::wrap::spans(&full, l.start..end, c.base, &layers);
            if cut.ends_with('…') {
                s.push(Span::styled("…", c.base));
            }
            spans.extend(s);
            out.push(Line::from(spans));
            continue;
        } else {
            l
        };
        spans.extend(wrap::spans(&full, l, c.base, &layers));
        out.push(Line::from(spans));
    }
    for (note, lines) in c.notes.iter().zip(c.note_lines(width)) {
        let full = note.full();
        let layers = [(0..note.label.len(), t.dim)];
        for (k, l) in lines.into_iter().enumerate() {
            let lead = if k == 0 { "  ✎ " } else { "    " };
            let mut spans = vec![Span::styled(bar, t.bar), Span::raw(" ")];
            spans.push(Span::styled(lead, t.note));
            spans.extend(wrap::spans(&full, l, t.note, &layers));
            out.push(Line::from(spans));
        }
    }
    for _ in 0..c.spacing {
        out.push(Line::default());
    }
    out
}

/// Extra layers of item `i`: selection, flash, find matches, noted sentences.
fn extras(
    app: &App,
    bv: &BriefView,
    section: Section,
    i: usize,
    c: &Content,
) -> Vec<(Range<usize>, Style)> {
    let t = &app.theme;
    let mut out = Vec::new();
    let selected = bv.panes[section as usize].selected == i && bv.evidence.is_none();
    if section == Section::Source
        && let Some(doc) = app.docs.get(&bv.brief)
        && matches!(
            doc.blocks.get(i).map(|b| &b.kind),
            Some(BlockKind::Paragraph { .. })
        )
    {
        let n = doc.paragraph_at_block(i);
        let note_style = if t.is_mono() {
            Style::default().add_modifier(Modifier::UNDERLINED)
        } else {
            t.note.add_modifier(Modifier::UNDERLINED)
        };
        for r in noted_ranges(app, bv, n) {
            out.push((r, note_style));
        }
        if selected && let Some(s) = bv.sentence {
            if let Some(r) = doc.sentences.get(n - 1).and_then(|ss| ss.get(s)) {
                out.push((r.clone(), t.selected.add_modifier(Modifier::BOLD)));
            }
        } else if selected {
            out.push((0..c.text.len(), t.selected));
        }
    } else if selected {
        out.push((0..c.text.len(), t.selected));
    }
    if let Some(f) = &bv.flash
        && f.section == section
        && f.item == i
    {
        out.push((f.range.clone().unwrap_or(0..c.text.len()), t.flash));
    }
    if let Some(f) = &bv.find
        && f.section == section
    {
        for (k, (item, r)) in f.matches.iter().enumerate() {
            if *item == i {
                let mut s = t.matched;
                if f.current == Some(k) {
                    s = s.add_modifier(Modifier::REVERSED);
                }
                out.push((r.clone(), s));
            }
        }
    }
    out
}

/// Lines of a section's items from the pane's scroll position, to fill `height`.
pub fn visible_lines(
    app: &App,
    bv: &BriefView,
    section: Section,
    width: usize,
    height: usize,
) -> Vec<Line<'static>> {
    let contents = contents(app, bv, section);
    let p = bv.panes[section as usize];
    let mut lines: Vec<Line<'static>> = Vec::new();
    for (i, c) in contents.iter().enumerate().skip(p.top) {
        if lines.len() >= height + p.skip {
            break;
        }
        let selected = p.selected == i && app.selectable(bv, section, i);
        let extra = extras(app, bv, section, i, c);
        lines.extend(item_lines(
            c,
            width,
            selected,
            noted(app, bv, section, i),
            &extra,
            &app.theme,
        ));
    }
    lines.into_iter().skip(p.skip).take(height).collect()
}

pub fn draw(frame: &mut Frame, app: &App, bv: &BriefView, g: &Geometry) {
    let t = &app.theme;
    let b = brief_of(app, bv);
    if let Some(h) = g.header {
        let right = format!(
            "{} · {} · {}",
            b.date.as_deref().unwrap_or("undated"),
            crate::brief::language_name(&b.language),
            b.id
        );
        header(frame, app, h, &b.title, &right);
    }
    if let Some(tabs) = g.tabs {
        let labels = tab_labels(tabs.width as usize);
        let spans: Vec<Span> = labels
            .into_iter()
            .enumerate()
            .map(|(i, l)| {
                if Section::ALL[i] == bv.section {
                    Span::styled(l, t.selected.patch(t.accent))
                } else {
                    Span::styled(l, t.dim)
                }
            })
            .collect();
        frame.render_widget(Paragraph::new(Line::from(spans)), tabs);
    }
    if let Some(i) = g.input
        && let Some(f) = &bv.find
    {
        input_line(frame, app, i, "find: ", &f.input, f.typing);
    }
    if bv.section == Section::Relations {
        relations::draw(frame, app, bv, g);
        return;
    }
    draw_list(frame, app, bv, bv.section, g.list);
}

/// A section's items in `area`, or a line saying there are none.
pub fn draw_list(frame: &mut Frame, app: &App, bv: &BriefView, section: Section, area: Rect) {
    let t = &app.theme;
    if app.section_len(bv, section) == 0 {
        let msg = match section {
            Section::Judgments => "No key judgments were found in this document.",
            Section::Relations => "No relations between actors were found.",
            Section::Alliances => "No alliances or partnerships were found.",
            Section::Timeline => "No dated events were found.",
            Section::Source => "No source text.",
        };
        frame.render_widget(
            Paragraph::new(Span::styled(msg, t.dim)).wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let lines = visible_lines(app, bv, section, area.width as usize, area.height as usize);
    frame.render_widget(Paragraph::new(lines), area);
}
