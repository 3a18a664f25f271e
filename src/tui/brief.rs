//! What the keys do in an open brief: moving through the five sections,
//! sentence mode in the source text, a pair's evidence, find with n/N, and
//! notes (annotate, edit, delete, the editor).

use ratatui_textarea::TextArea;

use super::action::Effect;
use super::action::{Action, Command};
use super::app::{
    App, BriefView, Draft, Editor, Find, Overlay, PickFor, Picker, Question, View, move_in_list_h,
};
use super::pane::{self, Pane};
use super::ui;
use crate::notes::{self, Kind, Note, Target};
use crate::search::{Jump, Section};

/// What the selection in a brief is, for notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selected {
    Paragraph(usize),
    Sentence(usize, std::ops::Range<usize>),
    Judgment(usize),
    Relation(usize),
    Alliance(usize),
    Timeline(usize),
}

impl App {
    fn brief_view(&self) -> Option<&BriefView> {
        match &self.view {
            View::Brief(bv) => Some(bv),
            _ => None,
        }
    }

    /// Change the open brief's view state with `f` and keep it in view.
    fn with_brief(&mut self, f: impl FnOnce(&App, &mut BriefView)) {
        if let View::Brief(bv) = &self.view {
            let mut bv = bv.clone();
            f(self, &mut bv);
            self.view = View::Brief(bv);
            self.keep_in_view();
        }
    }

    pub(super) fn update_brief(&mut self, action: Action) {
        let Some(bv) = self.brief_view() else {
            return;
        };
        let typing = bv.find.as_ref().is_some_and(|f| f.typing);
        match action {
            Action::Input(key) if typing => {
                if let View::Brief(bv) = &mut self.view
                    && let Some(f) = &mut bv.find
                {
                    super::app::line_key(&mut f.input, key);
                }
                self.run_find();
            }
            Action::Command(c) if typing => match c {
                Command::Open => {
                    self.with_brief(|_, bv| {
                        if let Some(f) = &mut bv.find {
                            f.typing = false;
                        }
                    });
                    if self
                        .brief_view()
                        .and_then(|b| b.find.as_ref())
                        .is_some_and(|f| f.matches.is_empty())
                    {
                        self.with_brief(|_, bv| bv.find = None);
                        self.info("No matches");
                    }
                }
                Command::Back => self.with_brief(|_, bv| bv.find = None),
                Command::Down => self.find_step(true),
                Command::Up => self.find_step(false),
                _ => {}
            },
            Action::Command(c) => self.brief_command(c),
            Action::Scroll { column, row, lines } => self.brief_scroll(column, row, lines),
            Action::Click { column, row } => self.brief_click(column, row),
            _ => {}
        }
    }

    fn brief_command(&mut self, c: Command) {
        let Some(bv) = self.brief_view() else {
            return;
        };
        let section = bv.section;
        match c {
            Command::NextSection | Command::PrevSection => {
                let i = section as usize;
                let next = if c == Command::NextSection {
                    (i + 1) % 5
                } else {
                    (i + 4) % 5
                };
                self.go_section(Section::ALL[next]);
            }
            Command::Section1 => self.go_section(Section::Judgments),
            Command::Section2 => self.go_section(Section::Relations),
            Command::Section3 => self.go_section(Section::Alliances),
            Command::Section4 => self.go_section(Section::Timeline),
            Command::Section5 => self.go_section(Section::Source),
            Command::Down
            | Command::Up
            | Command::PageDown
            | Command::PageUp
            | Command::Top
            | Command::Bottom => self.brief_move(c),
            Command::Inner => self.inner(),
            Command::Outer => self.outer(),
            Command::Open => self.brief_open(),
            Command::Back if self.reattach.is_some() => {
                self.reattach = None;
                self.info("Re-attach cancelled");
            }
            Command::Reattach => self.finish_reattach(),
            Command::Back => {
                let bv = self.brief_view().cloned();
                match bv {
                    Some(bv) if bv.find.is_some() => self.with_brief(|_, bv| bv.find = None),
                    Some(bv) if bv.evidence.is_some() => {
                        self.with_brief(|_, bv| bv.evidence = None)
                    }
                    Some(bv) if bv.sentence.is_some() => {
                        self.with_brief(|_, bv| bv.sentence = None)
                    }
                    _ => self.back(),
                }
            }
            Command::Find => self.with_brief(|_, bv| {
                let mut input = TextArea::default();
                input.set_cursor_line_style(ratatui::style::Style::default());
                input.set_placeholder_text(format!("find in {}", bv.section.title()));
                bv.find = Some(Find {
                    input,
                    typing: true,
                    section: bv.section,
                    matches: Vec::new(),
                    current: None,
                });
            }),
            Command::FindNext | Command::FindPrev => {
                if bv.find.is_none() {
                    let key = self.keymap.hint(Command::Find);
                    self.info(format!("No find active ({key} to find)"));
                } else {
                    self.find_step(c == Command::FindNext);
                }
            }
            Command::Annotate => self.annotate(),
            Command::EditNote | Command::DeleteNote => {
                let Some(sel) = self.selected() else {
                    return self.info("Nothing selected");
                };
                let bv = self.brief_view().cloned();
                let Some(bv) = bv else { return };
                let id = self.briefs[bv.brief].id.clone();
                let purpose = if c == Command::EditNote {
                    PickFor::Edit
                } else {
                    PickFor::Delete
                };
                match self.notes_on(&id, &sel).as_slice() {
                    [] => {
                        let key = self.keymap.hint(Command::Annotate);
                        self.info(format!("No note on this item ({key} to add one)"));
                    }
                    [k] if purpose == PickFor::Edit => self.edit_note(&id, *k),
                    [k] => self.ask_delete(&id, *k),
                    several => {
                        let n = several.len();
                        self.overlay = Some(Overlay::Pick(Picker {
                            brief_id: id,
                            notes: several.to_vec(),
                            // The newest is the likeliest choice.
                            selected: n - 1,
                            purpose,
                        }));
                    }
                }
            }
            Command::OpenSource => self.open_source(),
            Command::OpenBrief => self.open_brief_file(),
            Command::Copy => self.copy(),
            _ => {}
        }
    }

    fn go_section(&mut self, s: Section) {
        self.with_brief(|_, bv| {
            if bv.section != s {
                bv.section = s;
                bv.sentence = None;
                bv.evidence = None;
                bv.flash = None;
                if bv.find.as_ref().is_some_and(|f| f.section != s) {
                    bv.find = None;
                }
            }
        });
    }

    fn brief_move(&mut self, c: Command) {
        let Some(bv) = self.brief_view().cloned() else {
            return;
        };
        // Sentence mode: up/down move between sentences, then paragraphs.
        if let (Section::Source, Some(s)) = (bv.section, bv.sentence)
            && matches!(c, Command::Down | Command::Up)
        {
            let n = self.sentence_count(&bv);
            if c == Command::Down && s + 1 < n {
                return self.with_brief(|_, bv| {
                    bv.sentence = Some(s + 1);
                    bv.flash = None;
                });
            }
            if c == Command::Up && s > 0 {
                return self.with_brief(|_, bv| {
                    bv.sentence = Some(s - 1);
                    bv.flash = None;
                });
            }
            let down = c == Command::Down;
            let sec = bv.section;
            let len = self.section_len(&bv, sec);
            let from = bv.panes[sec as usize].selected;
            if let Some(next) = pane::step(from, len, down, &|i| self.selectable(&bv, sec, i)) {
                return self.with_brief(|app, bv| {
                    bv.panes[sec as usize].selected = next;
                    let count = app.sentence_count(bv);
                    bv.sentence = Some(if down { 0 } else { count.saturating_sub(1) });
                    bv.flash = None;
                });
            }
            return;
        }
        if let Some(ev) = bv.evidence {
            let (heights, view) = ui::brief::evidence_metrics(self, &bv);
            let mut ev = ev;
            move_in_list_h(&mut ev, c, &heights, view);
            return self.with_brief(|_, bv| bv.evidence = Some(ev));
        }
        let sec = bv.section;
        let (heights, view) = ui::brief::pane_metrics(self, &bv, sec);
        let len = heights.len();
        if len == 0 {
            return;
        }
        let p = bv.panes[sec as usize];
        let sel = |i: usize| self.selectable(&bv, sec, i);
        let target = match c {
            Command::Down => pane::step(p.selected, len, true, &sel),
            Command::Up => pane::step(p.selected, len, false, &sel),
            Command::PageDown => Some(p.page(&heights, view, true, &sel)),
            Command::PageUp => Some(p.page(&heights, view, false, &sel)),
            Command::Top => pane::step(0, len, true, &sel)
                .filter(|_| !sel(0))
                .or(Some(0)),
            Command::Bottom => Some(len - 1)
                .filter(|&i| sel(i))
                .or_else(|| pane::step(len - 1, len, false, &sel)),
            _ => None,
        };
        match target {
            Some(t) => self.with_brief(|_, bv| {
                bv.panes[sec as usize].selected = t;
                bv.flash = None;
            }),
            None if c == Command::Down && view > 0 => {
                // At the last item: scroll the rest of a tall item into view.
                self.with_brief(|app, bv| {
                    let (heights, view) = ui::brief::pane_metrics(app, bv, sec);
                    let snapshot = bv.clone();
                    bv.panes[sec as usize].scroll(&heights, view, view as i32 / 2, &|i| {
                        app.selectable(&snapshot, sec, i)
                    });
                });
            }
            None => {}
        }
    }

    pub(crate) fn sentence_count(&self, bv: &BriefView) -> usize {
        let Some(doc) = self.docs.get(&bv.brief) else {
            return 0;
        };
        let n = doc.paragraph_at_block(bv.panes[Section::Source as usize].selected);
        doc.sentences.get(n - 1).map_or(0, Vec::len)
    }

    fn inner(&mut self) {
        let Some(bv) = self.brief_view().cloned() else {
            return;
        };
        match bv.section {
            Section::Source if bv.sentence.is_none() && self.sentence_count(&bv) > 0 => {
                self.with_brief(|_, bv| bv.sentence = Some(0));
            }
            Section::Relations if bv.evidence.is_none() => {
                let b = &self.briefs[bv.brief];
                let sel = bv.panes[Section::Relations as usize].selected;
                if b.relations.get(sel).is_some_and(|r| !r.evidence.is_empty()) {
                    self.with_brief(|_, bv| bv.evidence = Some(Pane::default()));
                }
            }
            _ => {}
        }
    }

    fn outer(&mut self) {
        self.with_brief(|_, bv| {
            if bv.evidence.is_some() {
                bv.evidence = None;
            } else {
                bv.sentence = None;
            }
        });
    }

    /// Enter in a brief: go to the source paragraph behind the selection.
    fn brief_open(&mut self) {
        let Some(bv) = self.brief_view().cloned() else {
            return;
        };
        let b = &self.briefs[bv.brief];
        let sel = bv.panes[bv.section as usize].selected;
        let paragraph = match bv.section {
            Section::Judgments => b
                .conclusions
                .get(sel)
                .map(|c| (c.paragraph, Some(c.text.clone()))),
            Section::Relations => match bv.evidence {
                None => {
                    return self.inner();
                }
                Some(ev) => b
                    .relations
                    .get(sel)
                    .and_then(|r| r.evidence.get(ev.selected))
                    .map(|e| (e.paragraph, Some(e.text.clone()))),
            },
            Section::Alliances => b.alliances.get(sel).and_then(|a| {
                a.evidence
                    .first()
                    .map(|e| (e.paragraph, Some(e.text.clone())))
                    .or_else(|| a.events.first().map(|e| (e.paragraph, None)))
            }),
            Section::Timeline => b
                .timeline
                .get(sel)
                .map(|t| (t.paragraph, Some(t.text.clone()))),
            Section::Source => {
                if bv.sentence.is_none() {
                    return self.inner();
                }
                return;
            }
        };
        let Some((n, text)) = paragraph else {
            return self.info("Nothing to open here");
        };
        if n == 0 {
            return self.info("This item has no paragraph in the source text");
        }
        // Point at the sentence itself when it is in the paragraph.
        let range = self.docs.get(&bv.brief).and_then(|d| {
            let p = d.paragraph(n);
            text.and_then(|t| p.find(&t).map(|s| s..s + t.len()))
        });
        self.jump(
            bv.brief,
            Jump {
                section: Section::Source,
                index: n,
                range,
            },
        );
    }

    fn brief_scroll(&mut self, column: u16, row: u16, lines: i32) {
        let Some(bv) = self.brief_view().cloned() else {
            return;
        };
        let g = ui::geometry(self);
        if bv.section == Section::Relations
            && let Some(ev_area) = g.evidence
            && ui::contains(ev_area, column, row)
        {
            let (heights, view) = ui::brief::evidence_metrics(self, &bv);
            let mut ev = bv.evidence.unwrap_or_default();
            ev.scroll(&heights, view, lines, &|_| true);
            let had_focus = bv.evidence.is_some();
            return self.with_brief(|_, bv| {
                // Scrolling the evidence does not steal the focus, but keeps its scroll.
                if had_focus {
                    bv.evidence = Some(ev);
                } else {
                    bv.evidence = None;
                }
            });
        }
        let sec = bv.section;
        let (heights, view) = ui::brief::pane_metrics(self, &bv, sec);
        let mut p = bv.panes[sec as usize];
        p.scroll(&heights, view, lines, &|i| self.selectable(&bv, sec, i));
        let moved = p.selected != bv.panes[sec as usize].selected;
        if let View::Brief(v) = &mut self.view {
            v.panes[sec as usize] = p;
            if moved {
                v.sentence = None;
                v.flash = None;
            }
        }
    }

    fn brief_click(&mut self, column: u16, row: u16) {
        let Some(bv) = self.brief_view().cloned() else {
            return;
        };
        let g = ui::geometry(self);
        if let Some(tabs) = g.tabs
            && ui::contains(tabs, column, row)
        {
            if let Some(s) = ui::brief::tab_at(self, column - tabs.x) {
                self.go_section(s);
            }
            return;
        }
        if bv.section == Section::Relations {
            if let Some(m) = g.matrix
                && ui::contains(m, column, row)
            {
                if let Some(i) = ui::relations::matrix_hit(self, &bv, m, column, row) {
                    self.with_brief(|_, bv| {
                        bv.panes[Section::Relations as usize].selected = i;
                        bv.evidence = None;
                    });
                }
                return;
            }
            if let Some(ev_area) = g.evidence
                && ui::contains(ev_area, column, row)
            {
                let (heights, _) = ui::brief::evidence_metrics(self, &bv);
                let ev = bv.evidence.unwrap_or_default();
                let inner_row = (row - ev_area.y).saturating_sub(1) as usize;
                if row > ev_area.y
                    && let Some(i) = ev.hit(&heights, inner_row)
                {
                    if bv.evidence.is_some() && ev.selected == i {
                        return self.brief_open();
                    }
                    self.with_brief(|_, bv| {
                        let mut ev = ev;
                        ev.selected = i;
                        bv.evidence = Some(ev);
                    });
                }
                return;
            }
        }
        let area = g.list;
        if !ui::contains(area, column, row) {
            return;
        }
        let sec = bv.section;
        let (heights, _) = ui::brief::pane_metrics(self, &bv, sec);
        let p = bv.panes[sec as usize];
        let Some(i) = p.hit(&heights, (row - area.y) as usize) else {
            return;
        };
        if !self.selectable(&bv, sec, i) {
            return;
        }
        if i == p.selected && bv.evidence.is_none() {
            match sec {
                Section::Source => {
                    // A click on the selected paragraph selects the sentence under the pointer.
                    let s = ui::brief::sentence_at(self, &bv, i, column, row);
                    return self.with_brief(|_, bv| bv.sentence = s.or(bv.sentence));
                }
                _ => return self.brief_open(),
            }
        }
        self.with_brief(|_, bv| {
            bv.panes[sec as usize].selected = i;
            bv.sentence = None;
            bv.evidence = None;
            bv.flash = None;
        });
    }

    // ----- find -------------------------------------------------------------

    /// Recompute the find's matches from its input.
    pub(crate) fn run_find(&mut self) {
        let Some(bv) = self.brief_view().cloned() else {
            return;
        };
        let Some(f) = &bv.find else { return };
        let q = f.input.lines().join(" ");
        let texts = ui::brief::item_texts(self, &bv, f.section);
        let mut matches = Vec::new();
        if !q.trim().is_empty() {
            for (i, t) in texts.iter().enumerate() {
                if f.section == Section::Source && !self.selectable(&bv, f.section, i) {
                    continue;
                }
                for r in find_all(t, q.trim()) {
                    matches.push((i, r));
                }
            }
        }
        let sel = bv.panes[f.section as usize].selected;
        let current = matches
            .iter()
            .position(|(i, _)| *i >= sel)
            .or(if matches.is_empty() { None } else { Some(0) });
        let first_item = current.map(|c| matches[c].0);
        self.with_brief(|_, bv| {
            if let Some(f) = &mut bv.find {
                f.matches = matches;
                f.current = current;
                if let Some(i) = first_item {
                    bv.panes[f.section as usize].selected = i;
                }
            }
        });
    }

    fn find_step(&mut self, forward: bool) {
        self.with_brief(|_, bv| {
            let Some(f) = &mut bv.find else { return };
            if f.matches.is_empty() {
                return;
            }
            let n = f.matches.len();
            let c = match f.current {
                Some(c) if forward => (c + 1) % n,
                Some(c) => (c + n - 1) % n,
                None => 0,
            };
            f.current = Some(c);
            let item = f.matches[c].0;
            bv.panes[f.section as usize].selected = item;
            bv.section = f.section;
            bv.sentence = None;
            bv.flash = None;
        });
    }

    // ----- notes ------------------------------------------------------------

    /// The selected item of the open brief, for notes.
    pub fn selected(&self) -> Option<Selected> {
        let bv = self.brief_view()?;
        let sel = bv.panes[bv.section as usize].selected;
        let b = &self.briefs[bv.brief];
        Some(match bv.section {
            Section::Judgments if sel < b.conclusions.len() => Selected::Judgment(sel),
            Section::Relations if sel < b.relations.len() => Selected::Relation(sel),
            Section::Alliances if sel < b.alliances.len() => Selected::Alliance(sel),
            Section::Timeline if sel < b.timeline.len() => Selected::Timeline(sel),
            Section::Source if self.selectable(bv, Section::Source, sel) => {
                let doc = self.docs.get(&bv.brief)?;
                let n = doc.paragraph_at_block(sel);
                match bv.sentence.and_then(|s| doc.sentences.get(n - 1)?.get(s)) {
                    Some(r) => Selected::Sentence(n, r.clone()),
                    None => Selected::Paragraph(n),
                }
            }
            _ => return None,
        })
    }

    /// Does anchor `t` sit on `sel`?
    fn on(t: &Target, sel: &Selected) -> bool {
        match (t, sel) {
            (Target::Text { paragraph, .. }, Selected::Paragraph(n)) => paragraph == n,
            (Target::Text { paragraph, range }, Selected::Sentence(n, r)) => {
                paragraph == n && range.start < r.end && r.start < range.end.max(range.start + 1)
            }
            (Target::Judgment(a), Selected::Judgment(b))
            | (Target::Relation(a), Selected::Relation(b))
            | (Target::Alliance(a), Selected::Alliance(b))
            | (Target::Timeline(a), Selected::Timeline(b)) => a == b,
            _ => false,
        }
    }

    /// The newest note on `sel` in brief `id` (its index in `notes[id]`).
    pub fn note_on(&self, id: &str, sel: &Selected) -> Option<usize> {
        let notes = self.notes.get(id)?;
        self.notes_on(id, sel)
            .into_iter()
            .max_by(|&a, &b| notes[a].updated.cmp(&notes[b].updated).then(a.cmp(&b)))
    }

    /// Every note on `sel` in brief `id` (indices in `notes[id]`), oldest
    /// first. In sentence mode: the notes on the sentence, else those on
    /// its paragraph.
    pub fn notes_on(&self, id: &str, sel: &Selected) -> Vec<usize> {
        let (Some(notes), Some(anchors)) = (self.notes.get(id), self.anchors.get(id)) else {
            return Vec::new();
        };
        let mut found: Vec<usize> = anchors
            .iter()
            .enumerate()
            .filter(|(_, a)| Self::on(&a.target, sel))
            .map(|(k, _)| k)
            .collect();
        if found.is_empty()
            && let Selected::Sentence(n, _) = sel
        {
            return self.notes_on(id, &Selected::Paragraph(*n));
        }
        found.sort_by(|&a, &b| notes[a].created.cmp(&notes[b].created).then(a.cmp(&b)));
        found
    }

    /// `a`: open the editor for a new note on the selected item.
    fn annotate(&mut self) {
        let (note, label) = match self.new_anchor() {
            Ok(x) => x,
            Err(msg) => return self.error(msg),
        };
        let Some(bv) = self.brief_view() else {
            return;
        };
        let b = &self.briefs[bv.brief];
        let quote = match note.kind {
            Kind::Relation => label.trim_start_matches("relation ").to_string(),
            _ => note.quote.clone(),
        };
        let brief_id = b.id.clone();
        // A second note on the same item is fine, but never unnoticed.
        let existing = self
            .selected()
            .map_or(0, |sel| self.notes_on(&brief_id, &sel).len());
        let title = match existing {
            0 => label,
            1 => format!("{label} (it has a note already; this adds a second)"),
            n => format!("{label} (it has {n} notes already; this adds another)"),
        };
        self.overlay = Some(Overlay::Editor(Box::new(Editor {
            textarea: editor_area(Vec::new()),
            brief_id,
            draft: Draft::New(note),
            label: title,
            quote,
            original: String::new(),
            asking: false,
        })));
        if existing > 0 {
            let key = self.keymap.hint(Command::EditNote);
            let plural = if existing == 1 { "" } else { "s" };
            self.info(format!(
                "This item has {existing} note{plural} already: saving adds another ({key} edits one)"
            ));
        }
    }

    /// `r` in a brief after `r` in the notes view: move the note to the
    /// selected item.
    fn finish_reattach(&mut self) {
        let Some((brief_id, note_id)) = self.reattach.clone() else {
            let key = self.keymap.hint(Command::Notes);
            return self.info(format!(
                "Nothing to re-attach: pick a note in the notes view ({key}) first"
            ));
        };
        let Some(bv) = self.brief_view() else {
            return;
        };
        if self.briefs[bv.brief].id != brief_id {
            return self.error(format!(
                "That note belongs to brief {brief_id}; open it to re-attach the note"
            ));
        }
        let (anchor, label) = match self.new_anchor() {
            Ok(x) => x,
            Err(msg) => return self.error(msg),
        };
        match self.store.reattach(&brief_id, &note_id, &anchor) {
            Ok(changed) => {
                self.reattach = None;
                self.reload_notes(&brief_id);
                self.info(format!("Note re-attached to {label}"));
                self.report_moved(changed);
            }
            Err(err) => self.error(format!("Not re-attached: {err}")),
        }
    }

    /// A new, empty note anchored on the selected item, and a label for it.
    fn new_anchor(&self) -> Result<(Note, String), &'static str> {
        let Some(sel) = self.selected() else {
            return Err("Nothing selected");
        };
        let Some(bv) = self.brief_view() else {
            return Err("No brief open");
        };
        let b = &self.briefs[bv.brief];
        let Some(doc) = self.docs.get(&bv.brief) else {
            return Err("The brief is still loading");
        };
        let now = notes::now();
        let blank = |kind: Kind, quote: String| Note {
            id: notes::new_id(),
            kind,
            quote,
            prefix: String::new(),
            suffix: String::new(),
            position: None,
            paragraph: None,
            text: String::new(),
            created: now.clone(),
            updated: now.clone(),
        };
        let (note, label) = match &sel {
            Selected::Paragraph(n) | Selected::Sentence(n, _) => {
                let (kind, range, label) = match &sel {
                    Selected::Sentence(_, r) => (
                        Kind::Sentence,
                        r.clone(),
                        format!("a sentence of paragraph {n}"),
                    ),
                    _ => (
                        Kind::Paragraph,
                        0..doc.paragraph(*n).len(),
                        format!("paragraph {n}"),
                    ),
                };
                let Some(s) = notes::select(&doc.src, *n, range) else {
                    return Err("Cannot anchor a note here");
                };
                let mut note = blank(kind, s.quote);
                note.prefix = s.prefix;
                note.suffix = s.suffix;
                note.position = Some(s.position);
                note.paragraph = Some(s.paragraph);
                (note, label)
            }
            Selected::Judgment(i) => {
                let c = &b.conclusions[*i];
                let mut note = blank(Kind::Judgment, c.text.clone());
                note.paragraph = Some(c.paragraph);
                (note, format!("key judgment {}", i + 1))
            }
            Selected::Relation(i) => {
                let r = &b.relations[*i];
                let note = blank(Kind::Relation, notes::anchor::pair_key(&r.a, &r.b));
                (
                    note,
                    format!("relation {}", crate::summary::pair_name(b, &r.a, &r.b)),
                )
            }
            Selected::Alliance(i) => {
                let a = &b.alliances[*i];
                (
                    blank(Kind::Alliance, a.id.clone()),
                    format!("alliance {}", a.id),
                )
            }
            Selected::Timeline(i) => {
                let t = &b.timeline[*i];
                let mut note = blank(Kind::Timeline, t.text.clone());
                note.prefix = t.date.clone();
                note.paragraph = Some(t.paragraph);
                (note, format!("timeline entry {}", t.date))
            }
        };
        Ok((note, label))
    }

    /// Open the editor on note `k` of brief `id`.
    pub(crate) fn edit_note(&mut self, id: &str, k: usize) {
        let Some(note) = self.notes.get(id).and_then(|v| v.get(k)).cloned() else {
            return;
        };
        let lines: Vec<String> = note.text.lines().map(str::to_string).collect();
        let mut textarea = editor_area(lines);
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        self.overlay = Some(Overlay::Editor(Box::new(Editor {
            textarea,
            brief_id: id.to_string(),
            draft: Draft::Edit {
                id: note.id.clone(),
            },
            label: format!("{} note", note.kind.as_str()),
            quote: note.quote.clone(),
            original: note.text.clone(),
            asking: false,
        })));
    }

    /// Ask before deleting note `k` of brief `id`.
    pub(crate) fn ask_delete(&mut self, id: &str, k: usize) {
        if let Some(note) = self.notes.get(id).and_then(|v| v.get(k)) {
            self.overlay = Some(Overlay::Confirm(Question::DeleteNote {
                brief_id: id.to_string(),
                note_id: note.id.clone(),
            }));
        }
    }

    pub(crate) fn update_editor(&mut self, mut e: Editor, action: Action) {
        if e.asking {
            match action {
                Action::Confirm(true) => return self.info("Note discarded"),
                Action::Confirm(false) => e.asking = false,
                _ => {}
            }
            self.overlay = Some(Overlay::Editor(Box::new(e)));
            return;
        }
        match action {
            Action::Input(key) => {
                e.textarea.input(key);
            }
            Action::Command(Command::Save) => return self.save_note(e),
            Action::Command(Command::Cancel) => {
                let text = e.text();
                if text.trim().is_empty() || text == e.original {
                    return self.info("Cancelled");
                }
                e.asking = true;
            }
            Action::Scroll { lines, .. } => {
                use ratatui_textarea::Scrolling;
                e.textarea.scroll(Scrolling::Delta {
                    rows: lines as i16,
                    cols: 0,
                });
            }
            _ => {}
        }
        self.overlay = Some(Overlay::Editor(Box::new(e)));
    }

    fn save_note(&mut self, e: Editor) {
        let text = e.text().trim_end().to_string();
        if text.trim().is_empty() {
            self.overlay = Some(Overlay::Editor(Box::new(e)));
            let key = self.keymap.hint(Command::Cancel);
            return self.error(format!(
                "The note is empty; write something or {key} to cancel"
            ));
        }
        let result = match &e.draft {
            Draft::New(note) => {
                let mut note = note.clone();
                note.text = text;
                note.updated = notes::now();
                self.store.add(&e.brief_id, note)
            }
            Draft::Edit { id } => self.store.update_text(&e.brief_id, id, &text),
        };
        match result {
            Ok(changed) => {
                let id = e.brief_id.clone();
                self.reload_notes(&id);
                let count = match (&e.draft, self.selected()) {
                    (Draft::New(_), Some(sel)) => self.notes_on(&id, &sel).len(),
                    _ => 0,
                };
                let also = if count > 1 {
                    format!("; this item has {count} notes now")
                } else {
                    String::new()
                };
                self.info(format!(
                    "Note saved to {}{also}",
                    self.store.dir().join(format!("{id}.toml")).display()
                ));
                self.report_moved(changed);
            }
            Err(err) => {
                // Keep the editor open: nothing typed is lost.
                self.overlay = Some(Overlay::Editor(Box::new(e)));
                self.error(format!("Not saved: {err}"));
            }
        }
    }
}

impl App {
    /// `o`: the source file the brief was made from, in the pager.
    fn open_source(&mut self) {
        let Some(i) = self.brief_view().map(|bv| bv.brief) else {
            return;
        };
        match source_file(&self.library_dir, &self.briefs[i].source) {
            Ok(path) => {
                self.effect = Some(Effect::Run {
                    program: self.pager.clone(),
                    path,
                    what: "source file",
                    reload: None,
                });
            }
            Err(msg) => self.error(msg),
        }
    }

    /// `O`: the brief's own file in the editor; read again afterwards.
    fn open_brief_file(&mut self) {
        let Some(i) = self.brief_view().map(|bv| bv.brief) else {
            return;
        };
        let Some(path) = self.files.get(i).cloned() else {
            return self.error("This brief has no file");
        };
        if !path.is_file() {
            return self.error(format!("The brief's file {} is gone", path.display()));
        }
        self.effect = Some(Effect::Run {
            program: self.editor.clone(),
            path,
            what: "brief",
            reload: Some(i),
        });
    }

    /// `y`: the selected passage to the terminal's clipboard (OSC 52), when allowed.
    fn copy(&mut self) {
        let Some(text) = self.selected_text() else {
            return self.info("Nothing selected to copy");
        };
        if !self.clipboard_osc52 {
            return self.info(
                "Copying is off: set clipboard_osc52 = true in config.toml (the terminal must support OSC 52)",
            );
        }
        self.effect = Some(Effect::Clipboard { text });
    }

    /// The text of what is selected in the open brief: the evidence sentence
    /// when the evidence has the focus, else the selected item.
    pub fn selected_text(&self) -> Option<String> {
        let bv = self.brief_view()?;
        let b = &self.briefs[bv.brief];
        if let (Section::Relations, Some(ev)) = (bv.section, bv.evidence) {
            let r = b
                .relations
                .get(bv.panes[Section::Relations as usize].selected)?;
            return r.evidence.get(ev.selected).map(|e| e.text.clone());
        }
        let doc = self.docs.get(&bv.brief)?;
        Some(match self.selected()? {
            Selected::Paragraph(n) => doc.paragraph(n).to_string(),
            Selected::Sentence(n, r) => doc.paragraph(n).get(r)?.to_string(),
            Selected::Judgment(i) => b.conclusions[i].text.clone(),
            Selected::Relation(i) => {
                let r = &b.relations[i];
                format!(
                    "{}: {}, tone {:+.1}, trend {}",
                    crate::summary::pair_name(b, &r.a, &r.b),
                    r.stance.as_str(),
                    r.tone,
                    r.trend.as_str()
                )
            }
            Selected::Alliance(i) => {
                let a = &b.alliances[i];
                if a.name.is_empty() || a.name == a.id {
                    a.id.clone()
                } else {
                    format!("{} ({})", a.name, a.id)
                }
            }
            Selected::Timeline(i) => {
                let t = &b.timeline[i];
                format!("{} {}", t.date, t.text)
            }
        })
    }
}

/// Where a brief's recorded source file is: as recorded when absolute; else
/// beside the library folder (the usual layout, `briefs/` next to
/// `sources/`), in it, or from the working folder. An error says where it
/// looked.
pub fn source_file(library: &std::path::Path, source: &str) -> Result<std::path::PathBuf, String> {
    use std::path::{Path, PathBuf};
    if source.is_empty() {
        return Err("This brief records no source file".into());
    }
    let p = Path::new(source);
    let mut candidates: Vec<PathBuf> = Vec::new();
    if p.is_absolute() {
        candidates.push(p.to_path_buf());
    } else {
        if let Some(parent) = library.parent() {
            candidates.push(parent.join(p));
        }
        candidates.push(library.join(p));
        candidates.push(p.to_path_buf());
    }
    candidates.dedup();
    candidates
        .iter()
        .find(|c| c.is_file())
        .cloned()
        .ok_or_else(|| {
            let looked: Vec<String> = candidates.iter().map(|c| c.display().to_string()).collect();
            format!(
                "Source file not found: {source} (looked for {})",
                looked.join(", ")
            )
        })
}

fn editor_area(lines: Vec<String>) -> TextArea<'static> {
    let mut t = TextArea::new(lines);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t.set_placeholder_text("Write your note…");
    t.set_wrap_mode(ratatui_textarea::WrapMode::Word);
    t
}

/// Byte ranges of case-insensitive occurrences of `needle` in `hay`.
pub fn find_all(hay: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let chars: Vec<(usize, char)> = hay.char_indices().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let mut k = 0;
        let mut j = i;
        let mut ok = true;
        while ok && k < needle.len() {
            let Some(&(_, c)) = chars.get(j) else {
                ok = false;
                break;
            };
            for l in c.to_lowercase() {
                if k < needle.len() && needle[k] == l {
                    k += 1;
                } else {
                    ok = false;
                    break;
                }
            }
            j += 1;
        }
        if ok && k == needle.len() {
            let end = chars.get(j).map_or(hay.len(), |c| c.0);
            out.push(chars[i].0..end);
            i = j;
        } else {
            i += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::find_all;

    #[test]
    fn find_is_case_insensitive_and_unicode_safe() {
        let t = "Rusia dan AZERBAIJAN; Türkiye mendukung Azerbaijan.";
        let r = find_all(t, "azerbaijan");
        assert_eq!(r.len(), 2);
        assert_eq!(&t[r[0].clone()], "AZERBAIJAN");
        assert_eq!(&t[find_all(t, "TÜRK")[0].clone()], "Türk");
        assert!(find_all(t, "").is_empty());
        assert!(find_all(t, "xyz").is_empty());
        assert!(find_all("ax", "ab").is_empty());
        assert_eq!(find_all("abab", "ab"), [0..2, 2..4]);
    }
}
