//! The reader's state and [`App::update`], the only place it changes.
//!
//! Views: the library, a brief (five sections), the notes view. Overlays on
//! top: search, help, the note editor, a yes/no question. History is a stack
//! of views (scroll and selection included); Back pops it.

use std::collections::HashMap;
use std::ops::Range;
use std::path::PathBuf;
use std::sync::Arc;

use crossterm::event::KeyEvent;
use ratatui_textarea::TextArea;

use super::action::{Action, Command, Effect};
use super::doc::Doc;
use super::keymap::{Focus, Keymap};
use super::pane::{self, Pane};
use super::state::{Position, Positions};
use super::theme::Theme;
use super::ui;
use crate::brief::Brief;
use crate::notes::{Anchor, Note, Store, Target};
use crate::search::worker::{Results, Worker};
use crate::search::{Engine, Hit, Jump, Section};

/// How many results the search overlay keeps.
pub const SEARCH_LIMIT: usize = 200;

/// A message in the status bar until the next key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Status {
    pub text: String,
    pub error: bool,
}

/// The library view.
#[derive(Debug, Clone)]
pub struct LibraryView {
    pub pane: Pane,
    pub filter: TextArea<'static>,
    /// The filter has the keyboard.
    pub typing: bool,
    /// Indices into `App::briefs` that pass the filter, in order.
    pub shown: Vec<usize>,
    pub sort: Sort,
    /// Every brief in `sort` order.
    pub order: Vec<usize>,
}

impl LibraryView {
    /// Every brief, in `order` (sorted by `sort`), no filter.
    fn new(sort: Sort, order: Vec<usize>) -> LibraryView {
        LibraryView {
            pane: Pane::default(),
            filter: line_input("type to filter"),
            typing: false,
            shown: order.clone(),
            sort,
            order,
        }
    }
}

/// The library's order (the sort key cycles through them).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sort {
    /// The document's date, newest first (then title).
    #[default]
    Date,
    /// Title, A to Z.
    Title,
    /// When the brief file was written, newest first.
    Added,
}

impl Sort {
    pub fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Added,
            Sort::Added => Sort::Date,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Added => "added",
        }
    }
}

/// What the library view filters and sorts a brief by, beyond its summary.
#[derive(Debug, Clone, Default)]
pub struct LibraryMeta {
    /// Actor ids (the filter matches their names).
    pub actors: Vec<String>,
    /// When the brief file was written (Unix seconds), when known.
    pub added: Option<i64>,
}

/// A find inside the current section of a brief.
#[derive(Debug, Clone)]
pub struct Find {
    pub input: TextArea<'static>,
    pub typing: bool,
    pub section: Section,
    /// (item, byte range in the item's text), in reading order.
    pub matches: Vec<(usize, Range<usize>)>,
    pub current: Option<usize>,
}

/// A passage jumped to, highlighted until the selection moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Flash {
    pub section: Section,
    pub item: usize,
    pub range: Option<Range<usize>>,
}

/// A brief open in the reader.
#[derive(Debug, Clone)]
pub struct BriefView {
    pub brief: usize,
    pub section: Section,
    /// Selection and scroll per section. In the source text, items are the
    /// rendered blocks (headings and paragraphs); only paragraphs are selected.
    pub panes: [Pane; 5],
    /// Sentence mode in the source text: the selected sentence of the paragraph.
    pub sentence: Option<usize>,
    /// The selected relation's evidence has the focus.
    pub evidence: Option<Pane>,
    pub find: Option<Find>,
    pub flash: Option<Flash>,
}

/// One note in the notes view.
#[derive(Debug, Clone)]
pub struct NoteRef {
    pub brief_id: String,
    /// Index into `App::briefs` (the view lists only this library's notes).
    pub brief: usize,
    /// Index into `App::notes[brief_id]`.
    pub note: usize,
}

/// The notes view: the notes on the briefs of the open library.
#[derive(Debug, Clone)]
pub struct NotesView {
    pub pane: Pane,
    pub filter: TextArea<'static>,
    pub typing: bool,
    pub entries: Vec<NoteRef>,
    /// Indices into `entries` that pass the filter.
    pub shown: Vec<usize>,
    /// Notes in the notes folder on briefs that are not in this library
    /// (another library's): not listed, never offered for deletion.
    pub elsewhere: usize,
}

#[derive(Debug, Clone)]
pub enum View {
    Library(LibraryView),
    Brief(BriefView),
    Notes(NotesView),
}

/// What a new note is being written on.
#[derive(Debug, Clone)]
pub enum Draft {
    New(Note),
    Edit { id: String },
}

/// The note editor.
#[derive(Debug, Clone)]
pub struct Editor {
    pub textarea: TextArea<'static>,
    pub brief_id: String,
    pub draft: Draft,
    /// What the note is on, for the editor's title (`paragraph 12`).
    pub label: String,
    pub quote: String,
    pub original: String,
    /// Asking whether to discard the text.
    pub asking: bool,
}

impl Editor {
    pub fn text(&self) -> String {
        self.textarea.lines().join("\n")
    }
}

/// A yes/no question and what yes does.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Question {
    DeleteNote { brief_id: String, note_id: String },
}

/// What a note picked in the picker is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    Edit,
    Delete,
}

/// A choice among the notes on one item (`e` / `d` on an item with several).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Picker {
    pub brief_id: String,
    /// Indices into `App::notes[brief_id]`, oldest first.
    pub notes: Vec<usize>,
    pub selected: usize,
    pub purpose: PickFor,
}

#[derive(Debug, Clone)]
pub enum Overlay {
    Search,
    Help { scroll: usize },
    Editor(Box<Editor>),
    Confirm(Question),
    Pick(Picker),
}

/// The search overlay's state (kept between openings).
#[derive(Debug, Clone)]
pub struct SearchState {
    pub input: TextArea<'static>,
    pub hits: Vec<Hit>,
    pub pane: Pane,
    /// The query the hits are for.
    pub shown_query: String,
    /// Generation of the hits shown; results of older queries are dropped.
    pub generation: u64,
    /// A query is being searched.
    pub pending: bool,
}

/// Where the reader gets its data and keeps its files.
#[derive(Debug, Clone)]
pub struct Options {
    pub library_dir: PathBuf,
    pub notes_dir: PathBuf,
    pub theme: Theme,
    pub keymap: Keymap,
}

/// The reader.
pub struct App {
    pub briefs: Vec<Brief>,
    pub docs: HashMap<usize, Doc>,
    /// Notes by brief id, and their anchors (parallel vectors).
    pub notes: HashMap<String, Vec<Note>>,
    pub anchors: HashMap<String, Vec<Anchor>>,
    pub store: Store,
    pub keymap: Keymap,
    pub theme: Theme,
    pub view: View,
    pub history: Vec<View>,
    pub overlay: Option<Overlay>,
    pub status: Option<Status>,
    pub size: (u16, u16),
    pub positions: Positions,
    pub positions_file: PathBuf,
    pub search: SearchState,
    /// The search index; `None` while it is being built or read.
    pub engine: Option<Arc<Engine>>,
    pub worker: Option<Worker>,
    /// Where worker results go (set by the event loop).
    deliver: Option<Arc<dyn Fn(Results) + Send + Sync>>,
    /// Brief files not read in full yet (`None`: loaded).
    pub pending: Vec<Option<PathBuf>>,
    /// Summaries for the library view (counts without the full brief).
    pub summaries: Vec<crate::brief::BriefSummary>,
    /// Actors and file times for the library view's filter and sort.
    pub library_meta: Vec<LibraryMeta>,
    /// The library filter's index (built at the first filter keystroke).
    library_filter: Option<crate::search::filter::LibraryFilter>,
    pub library_dir: PathBuf,
    /// A note being re-attached: (brief id, note id), set in the notes
    /// view, used when the user selects the new passage.
    pub reattach: Option<(String, String)>,
    /// Notes' text is drawn under their passages.
    pub inline_notes: bool,
    /// The copy key may write OSC 52 to the terminal.
    pub clipboard_osc52: bool,
    /// The file each brief was read from.
    pub files: Vec<PathBuf>,
    /// The pager for source files (`$PAGER`, else `less`) and the editor
    /// for briefs (`$VISUAL`, `$EDITOR`, else `vi`): shell command lines.
    pub pager: String,
    pub editor: String,
    /// Work for the event loop (run a program, write to the terminal),
    /// taken by it after each update; answered with [`Action::Done`].
    pub effect: Option<Effect>,
    pub quit: bool,
}

impl std::fmt::Debug for App {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("App")
            .field("briefs", &self.briefs.len())
            .field("view", &self.view)
            .field("overlay", &self.overlay)
            .finish_non_exhaustive()
    }
}

fn line_input(placeholder: &str) -> TextArea<'static> {
    let mut t = TextArea::default();
    t.set_placeholder_text(placeholder);
    t.set_cursor_line_style(ratatui::style::Style::default());
    t
}

/// A key typed into a one-line input (search, find, filter): Ctrl-U clears
/// back to the start as in a shell or fzf (the text area's own binding would
/// undo); everything else is the text area's.
pub(super) fn line_key(t: &mut TextArea<'static>, key: KeyEvent) {
    use crossterm::event::{KeyCode, KeyModifiers};
    if key.code == KeyCode::Char('u') && key.modifiers.contains(KeyModifiers::CONTROL) {
        t.delete_line_by_head();
    } else {
        t.input(key);
    }
}

fn input_text(t: &TextArea) -> String {
    t.lines().join(" ")
}

impl App {
    /// A reader over `briefs` (library order), all in memory, searched
    /// inline. Problems found while opening the library or the notes are
    /// shown in the status bar.
    pub fn new(briefs: Vec<Brief>, problems: Vec<String>, opts: Options) -> App {
        let engine = Arc::new(Engine::new(&briefs));
        let summaries = briefs.iter().map(Brief::summary).collect();
        let pending = vec![None; briefs.len()];
        let files = briefs
            .iter()
            .map(|b| opts.library_dir.join(format!("{}.md", b.id)))
            .collect();
        let meta = briefs
            .iter()
            .map(|b| LibraryMeta {
                actors: b.actors.iter().map(|a| a.id.clone()).collect(),
                added: None,
            })
            .collect();
        let mut app = App::build(briefs, summaries, pending, problems, opts);
        app.files = files;
        app.library_meta = meta;
        app.engine = Some(engine);
        app
    }

    /// A reader over a catalog: briefs are read when opened, and the search
    /// index arrives later ([`Action::IndexReady`]), so a large library
    /// shows its first screen at once.
    pub fn from_catalog(catalog: &crate::catalog::Catalog, opts: Options) -> App {
        let briefs = catalog.entries.iter().map(|e| e.stub()).collect();
        let summaries = catalog.entries.iter().map(|e| e.summary.clone()).collect();
        let pending = (0..catalog.entries.len())
            .map(|i| Some(catalog.path(i)))
            .collect();
        let problems = catalog.problems.iter().map(|p| p.to_string()).collect();
        let mut app = App::build(briefs, summaries, pending, problems, opts);
        app.files = (0..catalog.entries.len())
            .map(|i| catalog.path(i))
            .collect();
        app.library_meta = catalog
            .entries
            .iter()
            .map(|e| LibraryMeta {
                actors: e.actors.clone(),
                added: (e.added > 0).then_some(e.added),
            })
            .collect();
        app
    }

    fn build(
        briefs: Vec<Brief>,
        summaries: Vec<crate::brief::BriefSummary>,
        pending: Vec<Option<PathBuf>>,
        problems: Vec<String>,
        opts: Options,
    ) -> App {
        let store = Store::new(&opts.notes_dir);
        let (all, note_problems) = store.load_all();
        let positions_file = super::state::path(&opts.notes_dir);
        let mut app = App {
            docs: HashMap::new(),
            notes: all.into_iter().collect(),
            anchors: HashMap::new(),
            store,
            keymap: opts.keymap,
            theme: opts.theme,
            view: View::Library(LibraryView::new(Sort::Date, (0..briefs.len()).collect())),
            briefs,
            history: Vec::new(),
            overlay: None,
            status: None,
            size: (80, 24),
            positions: Positions::load(&positions_file),
            positions_file,
            search: SearchState {
                input: line_input("type to search titles, actors, pairs, sentences…"),
                hits: Vec::new(),
                pane: Pane::default(),
                shown_query: String::new(),
                generation: 0,
                pending: false,
            },
            engine: None,
            worker: None,
            deliver: None,
            pending,
            summaries,
            library_meta: Vec::new(),
            library_filter: None,
            library_dir: opts.library_dir,
            reattach: None,
            inline_notes: true,
            clipboard_osc52: false,
            files: Vec::new(),
            pager: program(&["PAGER"], "less"),
            editor: program(&["VISUAL", "EDITOR"], "vi"),
            effect: None,
            quit: false,
        };
        let mut msgs = problems;
        msgs.extend(note_problems.iter().map(|e| e.to_string()));
        if let Some(first) = msgs.first() {
            let more = if msgs.len() > 1 {
                format!(" (+{} more problems)", msgs.len() - 1)
            } else {
                String::new()
            };
            app.error(format!("{first}{more}"));
        }
        app
    }

    /// Run searches on a background thread; results come back through
    /// `deliver` (which should turn them into [`Action::SearchResults`]).
    pub fn start_worker(&mut self, deliver: impl Fn(Results) + Send + Sync + 'static) {
        self.deliver = Some(Arc::new(deliver));
        self.spawn_worker();
    }

    fn spawn_worker(&mut self) {
        if let (Some(engine), Some(deliver)) = (&self.engine, &self.deliver) {
            let deliver = deliver.clone();
            self.worker = Some(Worker::spawn(engine.clone(), SEARCH_LIMIT, move |r| {
                deliver(r)
            }));
        }
    }

    /// The search index is ready: search with it (and run a query typed
    /// while it was being built).
    fn index_ready(&mut self, engine: Arc<Engine>) {
        self.engine = Some(engine);
        self.spawn_worker();
        if !input_text(&self.search.input).trim().is_empty() {
            self.run_search();
        }
    }

    /// Read brief `i` in full if only its summary is in memory. False (and
    /// a message) when it cannot be read.
    pub fn ensure_loaded(&mut self, i: usize) -> bool {
        let Some(Some(path)) = self.pending.get(i).cloned() else {
            return true;
        };
        match crate::library::read_brief(&path) {
            Ok(b) => {
                self.briefs[i] = b;
                self.pending[i] = None;
                true
            }
            Err(e) => {
                self.error(e.to_string());
                false
            }
        }
    }

    pub fn info(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: false,
        });
    }

    pub fn error(&mut self, text: impl Into<String>) {
        self.status = Some(Status {
            text: text.into(),
            error: true,
        });
    }

    // ----- where the keys go -------------------------------------------

    /// Which input, if any, has the keyboard.
    pub fn focus(&self) -> Focus {
        match &self.overlay {
            Some(Overlay::Editor(e)) if e.asking => Focus::Question,
            Some(Overlay::Editor(_)) => Focus::Editor,
            Some(Overlay::Confirm(_)) => Focus::Question,
            Some(Overlay::Search) => Focus::Line,
            Some(Overlay::Help { .. }) => Focus::Commands,
            Some(Overlay::Pick(_)) => Focus::Commands,
            None => match &self.view {
                View::Library(l) if l.typing => Focus::Line,
                View::Notes(n) if n.typing => Focus::Line,
                View::Brief(b) if b.find.as_ref().is_some_and(|f| f.typing) => Focus::Line,
                _ => Focus::Commands,
            },
        }
    }

    /// Does `cmd` mean something where the user is? (Resolves keys bound
    /// to two commands, such as `N`.)
    pub fn applies(&self, cmd: Command) -> bool {
        match cmd {
            Command::FindPrev => matches!(
                (&self.overlay, &self.view),
                (None, View::Brief(b)) if b.find.as_ref().is_some_and(|f| !f.matches.is_empty())
            ),
            Command::Sort => matches!((&self.overlay, &self.view), (None, View::Library(_))),
            _ => true,
        }
    }

    /// The action for a key, or none.
    pub fn key_action(&self, key: &KeyEvent) -> Option<Action> {
        self.keymap
            .translate(key, self.focus(), |c| self.applies(c))
    }

    // ----- update --------------------------------------------------------

    /// Apply one action.
    pub fn update(&mut self, action: Action) {
        match &action {
            Action::SearchResults(_) | Action::Resize { .. } | Action::IndexReady(_) => {}
            _ => self.status = None,
        }
        match action {
            Action::Resize { width, height } => {
                self.size = (width, height);
                self.keep_in_view();
            }
            Action::SearchResults(r) => self.search_results(r),
            Action::IndexReady(e) => self.index_ready(e),
            Action::Paste(text) => self.paste(&text),
            Action::Done { effect, error } => self.effect_done(effect, error),
            other => {
                if self.overlay.is_some() {
                    self.update_overlay(other);
                } else {
                    self.update_view(other);
                }
            }
        }
    }

    fn update_view(&mut self, action: Action) {
        if let Action::Command(c) = &action {
            match c {
                Command::Quit => return self.quit(),
                Command::Search => return self.open_search(),
                Command::Help => {
                    self.overlay = Some(Overlay::Help { scroll: 0 });
                    return;
                }
                Command::Notes if !matches!(self.view, View::Notes(_)) => {
                    return self.open_notes_view();
                }
                Command::ToggleNotes => return self.toggle_notes(),
                _ => {}
            }
        }
        match &self.view {
            View::Library(_) => self.update_library(action),
            View::Brief(_) => self.update_brief(action),
            View::Notes(_) => self.update_notes_view(action),
        }
    }

    fn quit(&mut self) {
        self.remember_position();
        let _ = self.positions.save(&self.positions_file);
        self.quit = true;
    }

    // ----- history ---------------------------------------------------------

    /// Show `view`, remembering the current one for Back.
    pub fn push(&mut self, view: View) {
        self.remember_position();
        let old = std::mem::replace(&mut self.view, view);
        self.history.push(old);
        self.keep_in_view();
    }

    /// Back to the previous view (the library when there is none).
    pub fn back(&mut self) {
        self.remember_position();
        match self.history.pop() {
            Some(v) => self.view = v,
            None => {
                if matches!(self.view, View::Library(_)) {
                    return;
                }
                self.view = self.library_view();
            }
        }
        // Views in history may show notes that changed since.
        if let View::Notes(_) = self.view {
            self.refresh_notes_view();
        }
        self.keep_in_view();
    }

    fn library_view(&self) -> View {
        View::Library(LibraryView::new(
            Sort::Date,
            (0..self.briefs.len()).collect(),
        ))
    }

    /// Record where the reader is in the open brief.
    fn remember_position(&mut self) {
        if let View::Brief(bv) = &self.view {
            let item = self.item_position(bv, bv.section);
            let id = self.briefs[bv.brief].id.clone();
            self.positions.briefs.insert(
                id,
                Position {
                    section: bv.section,
                    item,
                },
            );
        }
    }

    /// The position of the selection in `section`: paragraph number in the
    /// source text, index elsewhere.
    fn item_position(&self, bv: &BriefView, section: Section) -> usize {
        let sel = bv.panes[section as usize].selected;
        match (section, self.docs.get(&bv.brief)) {
            (Section::Source, Some(doc)) => doc.paragraph_at_block(sel),
            _ => sel,
        }
    }

    // ----- library view --------------------------------------------------

    fn update_library(&mut self, action: Action) {
        let View::Library(lv) = &mut self.view else {
            return;
        };
        let n = lv.shown.len();
        let typing = lv.typing;
        match action {
            Action::Input(key) if typing => {
                line_key(&mut lv.filter, key);
                self.filter_library();
            }
            Action::Command(c) => match c {
                Command::Open if typing => lv.typing = false,
                Command::Back if typing => {
                    lv.typing = false;
                    lv.filter = line_input("type to filter");
                    self.filter_library();
                }
                Command::Find => lv.typing = true,
                Command::Open => {
                    if let Some(&i) = lv.shown.get(lv.pane.selected) {
                        self.open_brief(i, None);
                    }
                }
                Command::Back => {
                    if !input_text(&lv.filter).is_empty() {
                        lv.filter = line_input("type to filter");
                        self.filter_library();
                    } else {
                        self.back();
                    }
                }
                Command::Annotate | Command::EditNote | Command::DeleteNote => {
                    self.info("Open a brief (Enter) to annotate it");
                }
                Command::Sort => self.sort_library(),
                c => {
                    let view = ui::list_height(self);
                    if let View::Library(lv) = &mut self.view {
                        move_in_list(&mut lv.pane, c, n, view);
                    }
                }
            },
            Action::Scroll { lines, .. } => {
                let view = ui::list_height(self);
                if let View::Library(lv) = &mut self.view {
                    lv.pane.scroll(&vec![1; n], view, lines, &|_| true);
                }
            }
            Action::Click { row, .. } => {
                if let Some(i) = ui::library_hit(self, row)
                    && let View::Library(lv) = &mut self.view
                {
                    if lv.pane.selected == i {
                        let b = lv.shown[i];
                        self.open_brief(b, None);
                    } else {
                        lv.pane.selected = i;
                    }
                }
            }
            _ => {}
        }
    }

    /// Briefs whose title, id, topics or actors' names have every word of
    /// the filter at a word start, in the view's order.
    fn filter_library(&mut self) {
        let View::Library(lv) = &self.view else {
            return;
        };
        let q = input_text(&lv.filter);
        let shown = if q.trim().is_empty() {
            lv.order.clone()
        } else {
            if self.library_filter.is_none() {
                self.library_filter = Some(crate::search::filter::LibraryFilter::new(
                    self.briefs
                        .iter()
                        .enumerate()
                        .map(|(i, b)| crate::search::filter::Doc {
                            title: &b.title,
                            id: &b.id,
                            topics: &b.topics,
                            actors: self.library_meta.get(i).map_or(&[], |m| &m.actors),
                        }),
                ));
            }
            let keep = self
                .library_filter
                .as_ref()
                .map(|f| f.keep(&q))
                .unwrap_or_default();
            let mut pass = vec![false; self.briefs.len()];
            for i in keep {
                pass[i] = true;
            }
            let View::Library(lv) = &self.view else {
                return;
            };
            lv.order.iter().copied().filter(|&i| pass[i]).collect()
        };
        if let View::Library(lv) = &mut self.view {
            lv.shown = shown;
            lv.pane = Pane::default();
        }
    }

    /// Every brief in `sort` order.
    pub fn library_order(&self, sort: Sort) -> Vec<usize> {
        let mut order: Vec<usize> = (0..self.briefs.len()).collect();
        match sort {
            // The library is kept newest first.
            Sort::Date => {}
            Sort::Title => {
                let keys: Vec<String> = self
                    .briefs
                    .iter()
                    .map(|b| {
                        if b.title.is_empty() {
                            "\u{10ffff}".to_string()
                        } else {
                            b.title.to_lowercase()
                        }
                    })
                    .collect();
                order.sort_by(|&a, &b| keys[a].cmp(&keys[b]).then(a.cmp(&b)));
            }
            Sort::Added => {
                let added = |i: usize| self.library_meta.get(i).and_then(|m| m.added);
                order.sort_by(|&a, &b| added(b).cmp(&added(a)).then(a.cmp(&b)));
            }
        }
        order
    }

    /// The next order; the selected brief stays selected.
    fn sort_library(&mut self) {
        let View::Library(lv) = &self.view else {
            return;
        };
        let sort = lv.sort.next();
        let selected = lv.shown.get(lv.pane.selected).copied();
        let order = self.library_order(sort);
        if let View::Library(lv) = &mut self.view {
            lv.sort = sort;
            lv.order = order;
        }
        self.filter_library();
        if let View::Library(lv) = &mut self.view
            && let Some(pos) = selected.and_then(|b| lv.shown.iter().position(|&x| x == b))
        {
            lv.pane.selected = pos;
        }
        self.keep_in_view();
        self.info(format!("Sorted by {}", sort.label()));
    }

    // ----- opening briefs and jumping -----------------------------------

    /// Prepare brief `i` for display (reading it first if need be).
    pub fn ensure_doc(&mut self, i: usize) -> bool {
        if !self.ensure_loaded(i) {
            return false;
        }
        if !self.docs.contains_key(&i) {
            let doc = Doc::new(&self.briefs[i]);
            self.docs.insert(i, doc);
        }
        let id = self.briefs[i].id.clone();
        if !self.anchors.contains_key(&id) {
            self.refresh_anchors(i);
        }
        true
    }

    /// Recompute where brief `i`'s notes point.
    pub fn refresh_anchors(&mut self, i: usize) {
        if !self.ensure_loaded(i) {
            return;
        }
        let id = self.briefs[i].id.clone();
        let src = match self.docs.get(&i) {
            Some(d) => d.src.clone(),
            None => crate::notes::SourceText::from_brief(&self.briefs[i]),
        };
        let anchors = self
            .notes
            .get(&id)
            .map(|ns| {
                ns.iter()
                    .map(|n| crate::notes::resolve(n, &self.briefs[i], &src))
                    .collect()
            })
            .unwrap_or_default();
        self.anchors.insert(id, anchors);
    }

    /// Open brief `i` at `jump`, or where the reader last was in it.
    pub fn open_brief(&mut self, i: usize, jump: Option<(Jump, bool)>) {
        if !self.ensure_doc(i) {
            return;
        }
        let mut bv = BriefView {
            brief: i,
            section: Section::Judgments,
            panes: [Pane::default(); 5],
            sentence: None,
            evidence: None,
            find: None,
            flash: None,
        };
        let target = match jump {
            Some((j, flash)) => Some((j, flash)),
            None => self.positions.briefs.get(&self.briefs[i].id).map(|p| {
                (
                    Jump {
                        section: p.section,
                        index: p.item,
                        range: None,
                    },
                    false,
                )
            }),
        };
        let placed = target.is_some();
        if let Some((j, flash)) = target {
            self.place(&mut bv, &j, flash);
        }
        self.push(View::Brief(bv));
        if placed {
            self.land_near_top();
        }
    }

    /// Scroll the open brief so its selection starts near the top of the
    /// view (after a jump), not on its last line.
    fn land_near_top(&mut self) {
        if let View::Brief(bv) = &self.view {
            let mut bv = bv.clone();
            let s = bv.section;
            let (heights, view) = ui::brief::pane_metrics(self, &bv, s);
            bv.panes[s as usize].show_near_top(&heights, view, JUMP_CONTEXT);
            self.view = View::Brief(bv);
        }
    }

    /// Put the selection of `bv` at `j`.
    fn place(&self, bv: &mut BriefView, j: &Jump, flash: bool) {
        let Some(doc) = self.docs.get(&bv.brief) else {
            return;
        };
        bv.section = j.section;
        let item = match j.section {
            Section::Source => doc.block_of(j.index),
            _ => j
                .index
                .min(self.section_len(bv, j.section).saturating_sub(1)),
        };
        bv.panes[j.section as usize] = Pane::at(item);
        bv.sentence = None;
        bv.evidence = None;
        if bv.find.as_ref().is_some_and(|f| f.section != j.section) {
            bv.find = None;
        }
        bv.flash = flash.then(|| Flash {
            section: j.section,
            item,
            range: j.range.clone(),
        });
    }

    /// Jump to `j` in brief `i` from wherever the reader is (history kept).
    pub fn jump(&mut self, i: usize, j: Jump) {
        if let View::Brief(bv) = &self.view
            && bv.brief == i
        {
            let mut bv = bv.clone();
            if !self.ensure_doc(i) {
                return;
            }
            self.place(&mut bv, &j, true);
            self.push(View::Brief(bv));
            self.land_near_top();
            return;
        }
        self.open_brief(i, Some((j, true)));
    }

    /// Items in a section of the open brief.
    pub fn section_len(&self, bv: &BriefView, section: Section) -> usize {
        let b = &self.briefs[bv.brief];
        match section {
            Section::Judgments => b.conclusions.len(),
            Section::Relations => b.relations.len(),
            Section::Alliances => b.alliances.len(),
            Section::Timeline => b.timeline.len(),
            Section::Source => self.docs.get(&bv.brief).map_or(0, |d| d.blocks.len()),
        }
    }

    /// Can item `i` of `section` be selected? (Headings of the source text cannot.)
    pub fn selectable(&self, bv: &BriefView, section: Section, i: usize) -> bool {
        match section {
            Section::Source => self.docs.get(&bv.brief).is_some_and(|d| {
                d.blocks
                    .get(i)
                    .is_some_and(|b| matches!(b.kind, super::doc::BlockKind::Paragraph { .. }))
            }),
            _ => i < self.section_len(bv, section),
        }
    }

    /// After a resize or a jump: scroll every visible list to its selection.
    pub fn keep_in_view(&mut self) {
        match &self.view {
            View::Brief(bv) => {
                let mut bv = bv.clone();
                let s = bv.section;
                // Land on a selectable item.
                if !self.selectable(&bv, s, bv.panes[s as usize].selected) {
                    let n = self.section_len(&bv, s);
                    let sel = bv.panes[s as usize].selected;
                    if let Some(i) = pane::step(sel, n, true, &|i| self.selectable(&bv, s, i))
                        .or_else(|| pane::step(sel, n, false, &|i| self.selectable(&bv, s, i)))
                    {
                        bv.panes[s as usize].selected = i;
                    }
                }
                let (heights, view) = ui::brief::pane_metrics(self, &bv, s);
                bv.panes[s as usize].ensure_visible(&heights, view);
                if let Some(mut ev) = bv.evidence {
                    let (heights, view) = ui::brief::evidence_metrics(self, &bv);
                    ev.ensure_visible(&heights, view);
                    bv.evidence = Some(ev);
                }
                self.view = View::Brief(bv);
            }
            View::Library(lv) => {
                let view = ui::list_height(self);
                let n = lv.shown.len();
                if let View::Library(lv) = &mut self.view {
                    lv.pane.clamp(n);
                    lv.pane.ensure_visible(&vec![1; n], view);
                }
            }
            View::Notes(nv) => {
                let n = nv.shown.len();
                let h = ui::notes::ENTRY_HEIGHT;
                let view = ui::list_height(self);
                if let View::Notes(nv) = &mut self.view {
                    nv.pane.clamp(n);
                    nv.pane.ensure_visible(&vec![h; n], view);
                }
            }
        }
        if matches!(self.overlay, Some(Overlay::Search)) {
            let (heights, view) = ui::search::metrics(self);
            self.search.pane.clamp(self.search.hits.len());
            self.search.pane.ensure_visible(&heights, view);
        }
    }

    fn paste(&mut self, text: &str) {
        let one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
        match &mut self.overlay {
            Some(Overlay::Editor(e)) if !e.asking => {
                e.textarea.insert_str(text);
            }
            Some(Overlay::Search) => {
                self.search.input.insert_str(&one_line);
                self.run_search();
            }
            _ => match &mut self.view {
                View::Library(lv) if lv.typing => {
                    lv.filter.insert_str(&one_line);
                    self.filter_library();
                }
                View::Notes(nv) if nv.typing => {
                    nv.filter.insert_str(&one_line);
                    self.filter_notes();
                }
                View::Brief(bv) if bv.find.as_ref().is_some_and(|f| f.typing) => {
                    if let Some(f) = &mut bv.find {
                        f.input.insert_str(&one_line);
                    }
                    self.run_find();
                }
                _ => {}
            },
        }
    }

    // ----- overlays ---------------------------------------------------------

    fn update_overlay(&mut self, action: Action) {
        match self.overlay.take() {
            Some(Overlay::Help { scroll }) => {
                let lines = ui::help::line_count(self);
                let view = ui::help::view_height(self);
                let max = lines.saturating_sub(view);
                let scroll = match action {
                    Action::Command(Command::Quit) => return self.quit(),
                    Action::Command(Command::Back | Command::Help | Command::Open) => return,
                    Action::Command(Command::Down) => (scroll + 1).min(max),
                    Action::Command(Command::Up) => scroll.saturating_sub(1),
                    Action::Command(Command::PageDown) => (scroll + view.max(1)).min(max),
                    Action::Command(Command::PageUp) => scroll.saturating_sub(view.max(1)),
                    Action::Command(Command::Top) => 0,
                    Action::Command(Command::Bottom) => max,
                    Action::Scroll { lines, .. } => {
                        (scroll as i64 + lines as i64).clamp(0, max as i64) as usize
                    }
                    Action::Click { .. } => return,
                    _ => scroll,
                };
                self.overlay = Some(Overlay::Help { scroll });
            }
            Some(Overlay::Search) => {
                self.overlay = Some(Overlay::Search);
                self.update_search(action);
            }
            Some(Overlay::Editor(e)) => self.update_editor(*e, action),
            Some(Overlay::Confirm(q)) => match action {
                Action::Confirm(true) => self.answer(q),
                Action::Confirm(false) => self.info("Cancelled"),
                _ => self.overlay = Some(Overlay::Confirm(q)),
            },
            Some(Overlay::Pick(p)) => self.update_picker(p, action),
            None => {}
        }
    }

    /// The note picker: move, choose (Enter, a click), cancel (Esc, a click outside).
    fn update_picker(&mut self, mut p: Picker, action: Action) {
        let last = p.notes.len().saturating_sub(1);
        match action {
            Action::Command(Command::Open) => return self.picked(p),
            Action::Command(Command::Back | Command::Cancel) => return self.info("Cancelled"),
            Action::Command(Command::Quit) => return self.quit(),
            Action::Command(Command::Down) => p.selected = (p.selected + 1).min(last),
            Action::Command(Command::Up) => p.selected = p.selected.saturating_sub(1),
            Action::Command(Command::Top | Command::PageUp) => p.selected = 0,
            Action::Command(Command::Bottom | Command::PageDown) => p.selected = last,
            Action::Scroll { lines, .. } if lines > 0 => p.selected = (p.selected + 1).min(last),
            Action::Scroll { .. } => p.selected = p.selected.saturating_sub(1),
            Action::Click { column, row } => match ui::overlay::picker_hit(self, &p, column, row) {
                Some(i) => {
                    p.selected = i;
                    return self.picked(p);
                }
                None if !ui::overlay::picker_inside(self, &p, column, row) => {
                    return self.info("Cancelled");
                }
                None => {}
            },
            _ => {}
        }
        self.overlay = Some(Overlay::Pick(p));
    }

    /// A note was chosen in the picker: edit it or ask before deleting it.
    fn picked(&mut self, p: Picker) {
        let Some(&k) = p.notes.get(p.selected) else {
            return;
        };
        match p.purpose {
            PickFor::Edit => self.edit_note(&p.brief_id, k),
            PickFor::Delete => self.ask_delete(&p.brief_id, k),
        }
    }

    /// Show or hide the notes' text under their passages.
    fn toggle_notes(&mut self) {
        self.inline_notes = !self.inline_notes;
        let key = self.keymap.hint(Command::ToggleNotes);
        if self.inline_notes {
            self.info(format!(
                "Notes shown under their passages ({key} hides them)"
            ));
        } else {
            self.info(format!(
                "Notes hidden; ✎ marks a noted passage ({key} shows them)"
            ));
        }
        self.keep_in_view();
    }

    /// The event loop ran an effect: say how it went, re-read an edited brief.
    fn effect_done(&mut self, effect: Effect, error: Option<String>) {
        match effect {
            Effect::Run {
                program,
                what,
                reload,
                ..
            } => match (error, reload) {
                (Some(e), _) => {
                    self.error(format!("Could not open the {what} with {program}: {e}"))
                }
                (None, Some(i)) => self.reread_brief(i),
                (None, None) => self.info(format!("Back from {program}")),
            },
            Effect::Clipboard { text } => match error {
                None => self.info(format!(
                    "Copied {} characters (OSC 52)",
                    text.chars().count()
                )),
                Some(e) => self.error(format!("Not copied: {e}")),
            },
        }
    }

    /// Read brief `i` from its file again (after an edit) and redraw it,
    /// its notes re-anchored. A file that no longer reads keeps the old brief.
    fn reread_brief(&mut self, i: usize) {
        let Some(path) = self.files.get(i).cloned() else {
            return;
        };
        let brief = match crate::library::read_brief(&path) {
            Ok(b) => b,
            Err(e) => return self.error(format!("Kept the brief as it was: {e}")),
        };
        if brief.id != self.briefs[i].id {
            return self.error(format!(
                "Kept the brief as it was: {} now has id {:?}",
                path.display(),
                brief.id
            ));
        }
        let same = brief == self.briefs[i];
        self.summaries[i] = brief.summary();
        self.briefs[i] = brief;
        self.pending[i] = None;
        self.docs.remove(&i);
        self.ensure_doc(i);
        self.refresh_anchors(i);
        if let View::Brief(bv) = &mut self.view
            && bv.brief == i
        {
            bv.flash = None;
            bv.find = None;
            bv.sentence = None;
            bv.evidence = None;
        }
        self.keep_in_view();
        if same {
            self.info(format!("{} is unchanged", path.display()));
        } else {
            self.info(format!("Read {} again", path.display()));
        }
    }

    fn answer(&mut self, q: Question) {
        match q {
            Question::DeleteNote { brief_id, note_id } => {
                match self.store.delete(&brief_id, &note_id) {
                    Ok(changed) => {
                        self.reload_notes(&brief_id);
                        self.info("Note deleted");
                        self.report_moved(changed);
                    }
                    Err(e) => self.error(format!("Note not deleted: {e}")),
                }
            }
        }
    }

    pub(crate) fn report_moved(&mut self, changed: crate::notes::store::Changed) {
        if let Some((err, aside)) = changed.moved_aside {
            self.error(format!(
                "{err}; the old file was moved to {}",
                aside.display()
            ));
        }
    }

    /// Re-read the notes of one brief from disk (other readers may have
    /// added some) and re-anchor them.
    pub fn reload_notes(&mut self, brief_id: &str) {
        match self.store.load(brief_id) {
            Ok(ns) => {
                self.notes.insert(brief_id.to_string(), ns);
            }
            Err(e) => self.error(e.to_string()),
        }
        if let Some(i) = self.briefs.iter().position(|b| b.id == brief_id) {
            self.refresh_anchors(i);
        }
        if matches!(self.view, View::Notes(_)) {
            self.refresh_notes_view();
        }
        self.keep_in_view();
    }

    // ----- search ----------------------------------------------------------

    fn open_search(&mut self) {
        self.overlay = Some(Overlay::Search);
        // Select the old query so typing replaces it.
        self.search.input.select_all();
        self.keep_in_view();
    }

    fn update_search(&mut self, action: Action) {
        let n = self.search.hits.len();
        match action {
            Action::Input(key) => {
                if self.search.input.is_selecting() && is_typing(&key) {
                    self.search.input.cut();
                }
                line_key(&mut self.search.input, key);
                self.run_search();
            }
            Action::Command(Command::Back) => self.overlay = None,
            Action::Command(Command::Quit) => self.quit(),
            Action::Command(Command::Open) => self.open_hit(self.search.pane.selected),
            Action::Command(c) => {
                let (heights, view) = ui::search::metrics(self);
                match c {
                    Command::Down | Command::Up => {
                        let p = &mut self.search.pane;
                        if let Some(i) = pane::step(p.selected, n, c == Command::Down, &|_| true) {
                            p.selected = i;
                        }
                    }
                    Command::PageDown | Command::PageUp => {
                        let p = &mut self.search.pane;
                        p.selected = p.page(&heights, view, c == Command::PageDown, &|_| true);
                    }
                    _ => {}
                }
                self.search.pane.ensure_visible(&heights, view);
            }
            Action::Scroll { lines, .. } => {
                let (heights, view) = ui::search::metrics(self);
                self.search.pane.scroll(&heights, view, lines, &|_| true);
            }
            Action::Click { column, row } => match ui::search::hit(self, column, row) {
                Some(i) if i == self.search.pane.selected => self.open_hit(i),
                Some(i) => self.search.pane.selected = i,
                None if !ui::search::inside(self, column, row) => self.overlay = None,
                None => {}
            },
            _ => {}
        }
    }

    /// Search for the input's text (on the worker when there is one).
    fn run_search(&mut self) {
        let q = input_text(&self.search.input);
        match &mut self.worker {
            Some(w) => {
                w.request(&q);
                self.search.pending = true;
            }
            None => {
                let Some(engine) = &self.engine else {
                    // Searched as soon as the index is ready.
                    self.search.pending = true;
                    return;
                };
                let hits = engine.search(&q, SEARCH_LIMIT);
                self.search.generation += 1;
                self.set_hits(q, hits);
            }
        }
    }

    fn search_results(&mut self, r: Results) {
        let latest = self
            .worker
            .as_ref()
            .map_or(r.generation, Worker::generation);
        if r.generation < self.search.generation {
            return;
        }
        self.search.generation = r.generation;
        self.search.pending = r.generation < latest;
        self.set_hits(r.query, r.hits);
    }

    fn set_hits(&mut self, query: String, hits: Vec<Hit>) {
        self.search.hits = hits;
        self.search.shown_query = query;
        self.search.pane = Pane::default();
        self.keep_in_view();
    }

    fn open_hit(&mut self, i: usize) {
        let Some(hit) = self.search.hits.get(i) else {
            return;
        };
        let Some(engine) = &self.engine else {
            return;
        };
        let item = engine.item(hit.item);
        let id = &engine.briefs()[item.brief as usize].id;
        let Some(b) = self.briefs.iter().position(|x| &x.id == id) else {
            return;
        };
        let jump = item.jump.clone();
        self.overlay = None;
        self.jump(b, jump);
    }

    // ----- notes view ------------------------------------------------------

    fn open_notes_view(&mut self) {
        let mut nv = NotesView {
            pane: Pane::default(),
            filter: line_input("type to filter notes"),
            typing: false,
            entries: Vec::new(),
            shown: Vec::new(),
            elsewhere: 0,
        };
        self.fill_notes_view(&mut nv);
        self.push(View::Notes(nv));
    }

    fn fill_notes_view(&mut self, nv: &mut NotesView) {
        let mut ids: Vec<String> = self.notes.keys().cloned().collect();
        ids.sort();
        let mut entries = Vec::new();
        let mut elsewhere = 0;
        for id in ids {
            // Notes on briefs of other libraries share the folder: they are
            // theirs, neither listed nor offered for deletion here.
            let Some(brief) = self.briefs.iter().position(|b| b.id == id) else {
                elsewhere += self.notes[&id].len();
                continue;
            };
            if !self.anchors.contains_key(&id) {
                self.refresh_anchors(brief);
            }
            let n = self.notes[&id].len();
            for k in 0..n {
                entries.push(NoteRef {
                    brief_id: id.clone(),
                    brief,
                    note: k,
                });
            }
        }
        // Newest first (within one second, the later in its file).
        entries.sort_by(|a, b| {
            let na = &self.notes[&a.brief_id][a.note];
            let nb = &self.notes[&b.brief_id][b.note];
            nb.updated
                .cmp(&na.updated)
                .then_with(|| b.note.cmp(&a.note))
                .then_with(|| a.brief_id.cmp(&b.brief_id))
        });
        nv.entries = entries;
        nv.elsewhere = elsewhere;
        let q = input_text(&nv.filter);
        nv.shown = self.notes_matching(&nv.entries, &q);
    }

    /// Entries matching a filter, best first: every term fuzzy in the
    /// note, its brief's title or its kind, or literally in the quote.
    fn notes_matching(&self, entries: &[NoteRef], q: &str) -> Vec<usize> {
        let terms: Vec<String> = q.split_whitespace().map(str::to_lowercase).collect();
        let mut scored: Vec<(i64, usize)> = Vec::new();
        for (i, e) in entries.iter().enumerate() {
            let note = &self.notes[&e.brief_id][e.note];
            let title = self.briefs[e.brief].title.as_str();
            let text = format!(
                "{} {title} {} {}",
                note.text,
                e.brief_id,
                note.kind.as_str()
            );
            let quote = note.quote.to_lowercase();
            let mut total = 0;
            let all = terms
                .iter()
                .all(|t| match crate::search::Query::new(t).score(i, &text) {
                    Some(h) => {
                        total += h.score;
                        true
                    }
                    None => quote.contains(t.as_str()),
                });
            if all {
                scored.push((total, i));
            }
        }
        scored.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        scored.into_iter().map(|(_, i)| i).collect()
    }

    fn refresh_notes_view(&mut self) {
        if let View::Notes(nv) = &self.view {
            let mut nv = nv.clone();
            let selected_id = nv
                .shown
                .get(nv.pane.selected)
                .map(|&i| self.notes_id(&nv.entries[i]));
            self.fill_notes_view(&mut nv);
            if let Some(id) = selected_id
                && let Some(pos) = nv
                    .shown
                    .iter()
                    .position(|&i| self.notes_id(&nv.entries[i]) == id)
            {
                nv.pane.selected = pos;
            }
            self.view = View::Notes(nv);
        }
    }

    fn notes_id(&self, e: &NoteRef) -> String {
        self.notes
            .get(&e.brief_id)
            .and_then(|v| v.get(e.note))
            .map_or_else(String::new, |n| n.id.clone())
    }

    fn filter_notes(&mut self) {
        if let View::Notes(nv) = &self.view {
            let q = input_text(&nv.filter);
            let shown = self.notes_matching(&nv.entries, &q);
            if let View::Notes(nv) = &mut self.view {
                nv.shown = shown;
                nv.pane = Pane::default();
            }
        }
    }

    /// The note selected in the notes view.
    pub fn selected_note_ref(&self) -> Option<&NoteRef> {
        let View::Notes(nv) = &self.view else {
            return None;
        };
        nv.shown.get(nv.pane.selected).map(|&i| &nv.entries[i])
    }

    fn update_notes_view(&mut self, action: Action) {
        let View::Notes(nv) = &mut self.view else {
            return;
        };
        let n = nv.shown.len();
        let typing = nv.typing;
        let h = ui::notes::ENTRY_HEIGHT;
        match action {
            Action::Input(key) if typing => {
                line_key(&mut nv.filter, key);
                self.filter_notes();
            }
            Action::Command(c) => match c {
                Command::Open if typing => nv.typing = false,
                Command::Back if typing => {
                    nv.typing = false;
                    nv.filter = line_input("type to filter notes");
                    self.filter_notes();
                }
                Command::Find => nv.typing = true,
                Command::Open => self.open_selected_note(),
                Command::Back => self.back(),
                Command::Notes => {}
                Command::EditNote => {
                    if let Some(e) = self.selected_note_ref().cloned() {
                        self.edit_note(&e.brief_id, e.note);
                    }
                }
                Command::DeleteNote => {
                    if let Some(e) = self.selected_note_ref().cloned() {
                        self.ask_delete(&e.brief_id, e.note);
                    }
                }
                Command::Annotate => self.info("Select a passage in a brief to annotate it"),
                Command::Reattach => self.start_reattach(),
                c => {
                    let view = ui::list_height(self);
                    if let View::Notes(nv) = &mut self.view {
                        let heights = vec![h; n];
                        move_in_list_h(&mut nv.pane, c, &heights, view);
                    }
                }
            },
            Action::Scroll { lines, .. } => {
                let view = ui::list_height(self);
                if let View::Notes(nv) = &mut self.view {
                    nv.pane.scroll(&vec![h; n], view, lines, &|_| true);
                }
            }
            Action::Click { row, .. } => {
                if let Some(i) = ui::notes::hit(self, row)
                    && let View::Notes(nv) = &mut self.view
                {
                    if nv.pane.selected == i {
                        self.open_selected_note();
                    } else {
                        nv.pane.selected = i;
                    }
                }
            }
            _ => {}
        }
    }

    /// `r` in the notes view: open the selected note's brief where the note
    /// was, and wait for the user to select its new passage.
    fn start_reattach(&mut self) {
        let Some(e) = self.selected_note_ref().cloned() else {
            return;
        };
        let note_id = self.notes[&e.brief_id][e.note].id.clone();
        self.open_selected_note();
        self.reattach = Some((e.brief_id, note_id));
        let key = self.keymap.hint(Command::Reattach);
        let back = self.keymap.hint(Command::Back);
        self.info(format!(
            "Re-attach: select the new passage and press {key} ({back} cancels)"
        ));
    }

    fn open_selected_note(&mut self) {
        let Some(e) = self.selected_note_ref().cloned() else {
            return;
        };
        let b = e.brief;
        let anchor = self
            .anchors
            .get(&e.brief_id)
            .and_then(|a| a.get(e.note))
            .cloned();
        let jump = match anchor.map(|a| a.target) {
            Some(Target::Text { paragraph, range }) => Jump {
                section: Section::Source,
                index: paragraph,
                range: Some(range),
            },
            Some(Target::Judgment(i)) => Jump {
                section: Section::Judgments,
                index: i,
                range: None,
            },
            Some(Target::Relation(i)) => Jump {
                section: Section::Relations,
                index: i,
                range: None,
            },
            Some(Target::Alliance(i)) => Jump {
                section: Section::Alliances,
                index: i,
                range: None,
            },
            Some(Target::Timeline(i)) => Jump {
                section: Section::Timeline,
                index: i,
                range: None,
            },
            Some(Target::Orphaned) | None => {
                let hint = self.notes[&e.brief_id][e.note].paragraph.unwrap_or(1);
                self.jump(
                    b,
                    Jump {
                        section: Section::Source,
                        index: hint,
                        range: None,
                    },
                );
                return self
                    .error("This note is orphaned: its passage is gone; showing where it was");
            }
        };
        self.jump(b, jump);
    }
}

/// The first of the environment variables `vars` that is set and not
/// blank, else `fallback`.
fn program(vars: &[&str], fallback: &str) -> String {
    vars.iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| fallback.to_string())
}

/// Lines of the previous item left above a passage jumped to.
const JUMP_CONTEXT: usize = 2;

/// Is this key event typing text (which replaces a selection)?
fn is_typing(key: &KeyEvent) -> bool {
    use crossterm::event::{KeyCode, KeyModifiers};
    matches!(
        key.code,
        KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete
    ) && !key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// Move a one-line-per-item list.
pub fn move_in_list(p: &mut Pane, c: Command, n: usize, view: usize) {
    move_in_list_h(p, c, &vec![1; n], view);
}

/// Move a list whose items have the given heights.
pub fn move_in_list_h(p: &mut Pane, c: Command, heights: &[usize], view: usize) {
    let n = heights.len();
    if n == 0 {
        return;
    }
    match c {
        Command::Down => p.selected = (p.selected + 1).min(n - 1),
        Command::Up => p.selected = p.selected.saturating_sub(1),
        Command::PageDown => p.selected = p.page(heights, view, true, &|_| true),
        Command::PageUp => p.selected = p.page(heights, view, false, &|_| true),
        Command::Top => p.selected = 0,
        Command::Bottom => p.selected = n - 1,
        _ => return,
    }
    p.ensure_visible(heights, view);
}
