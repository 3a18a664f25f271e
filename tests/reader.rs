//! The reader's state machine, action by action, without a terminal: every
//! test builds an `App` over the frozen fixture library
//! (tests/fixtures/library) with a temporary notes folder and drives it
//! through `App::update` (and, where the key matters, through the keymap).

use std::collections::BTreeMap;
use std::path::Path;

use briefing::config::ThemeName;
use briefing::library::Library;
use briefing::notes::{Kind, Store};
use briefing::search::Section;
use briefing::tui::action::{Action, Command, Effect};
use briefing::tui::app::{App, Options, Overlay, PickFor, View};
use briefing::tui::keymap::{Key, Keymap};
use briefing::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BAB6: usize = 0; // "BAB VI PENUTUP" (000_...)
const NEWS: usize = 1; // the 002_... news analysis

/// The frozen fixture library (real briefs, not regenerated with `briefs/`).
fn briefs_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library")
}

fn app_with(notes: &Path, keymap: Keymap) -> App {
    app_on(&briefs_dir(), notes, keymap)
}

/// A reader over the library in `dir`.
fn app_on(dir: &Path, notes: &Path, keymap: Keymap) -> App {
    let lib = Library::open(dir).unwrap();
    let mut app = App::new(
        lib.briefs().to_vec(),
        Vec::new(),
        Options {
            library_dir: dir.to_path_buf(),
            notes_dir: notes.to_path_buf(),
            theme: Theme::new(ThemeName::Dark, false),
            keymap,
        },
    );
    app.update(Action::Resize {
        width: 80,
        height: 24,
    });
    app
}

fn app(notes: &Path) -> App {
    app_with(notes, Keymap::defaults())
}

fn cmd(app: &mut App, c: Command) {
    app.update(Action::Command(c));
}

/// Press a key as the terminal would send it ("j", "N", "Enter", "Ctrl-s").
fn press(app: &mut App, key: &str) {
    let k = Key::parse(key).unwrap();
    let mut mods = KeyModifiers::NONE;
    if k.ctrl {
        mods |= KeyModifiers::CONTROL;
    }
    if matches!(k.code, KeyCode::Char(c) if c.is_uppercase()) {
        mods |= KeyModifiers::SHIFT;
    }
    let ev = KeyEvent::new(k.code, mods);
    if let Some(a) = app.key_action(&ev) {
        app.update(a);
    }
}

fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn brief_view(app: &App) -> &briefing::tui::app::BriefView {
    match &app.view {
        View::Brief(bv) => bv,
        other => panic!("not in a brief: {other:?}"),
    }
}

/// Open brief `i` from the library.
fn open(app: &mut App, i: usize) {
    let View::Library(lv) = &app.view else {
        panic!("not in the library")
    };
    let row = lv.shown.iter().position(|&b| b == i).unwrap();
    for _ in 0..row {
        cmd(app, Command::Down);
    }
    cmd(app, Command::Open);
    assert_eq!(brief_view(app).brief, i);
}

/// The selected paragraph number in the source text.
fn paragraph(app: &App) -> usize {
    let bv = brief_view(app);
    app.docs[&bv.brief].paragraph_at_block(bv.panes[Section::Source as usize].selected)
}

#[test]
fn sections_tabs_and_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    assert_eq!(brief_view(&app).section, Section::Judgments);
    cmd(&mut app, Command::NextSection);
    assert_eq!(brief_view(&app).section, Section::Relations);
    cmd(&mut app, Command::PrevSection);
    cmd(&mut app, Command::PrevSection);
    assert_eq!(brief_view(&app).section, Section::Source, "wraps around");
    for (c, s) in [
        (Command::Section1, Section::Judgments),
        (Command::Section2, Section::Relations),
        (Command::Section3, Section::Alliances),
        (Command::Section4, Section::Timeline),
        (Command::Section5, Section::Source),
    ] {
        cmd(&mut app, c);
        assert_eq!(brief_view(&app).section, s);
    }
    // Only paragraphs are selected in the source text, never headings.
    for _ in 0..30 {
        cmd(&mut app, Command::Down);
        let bv = brief_view(&app);
        assert!(app.selectable(bv, Section::Source, bv.panes[4].selected));
    }
    let before = paragraph(&app);
    assert!(before > 20, "{before}");
    cmd(&mut app, Command::Bottom);
    assert_eq!(paragraph(&app), app.docs[&NEWS].paragraph_count());
    cmd(&mut app, Command::Top);
    assert_eq!(paragraph(&app), 1);
    // Back: to the library, where the brief is still selected.
    cmd(&mut app, Command::Back);
    let View::Library(lv) = &app.view else {
        panic!("back to the library")
    };
    assert_eq!(lv.shown[lv.pane.selected], NEWS);
}

#[test]
fn search_as_you_type_and_jump_to_the_exact_sentence() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, BAB6);
    cmd(&mut app, Command::Section5);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Down);
    let was = paragraph(&app);
    press(&mut app, "/");
    assert!(matches!(app.overlay, Some(Overlay::Search)));
    type_text(&mut app, "azer rus");
    assert!(!app.search.hits.is_empty());
    assert_eq!(app.search.shown_query, "azer rus");
    // Results narrow as the query grows.
    let n = app.search.hits.len();
    type_text(&mut app, " kontingen");
    assert!(app.search.hits.len() < n);
    // Replace the query: a sentence of the news brief.
    for _ in 0.." kontingen".len() + "azer rus".len() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Backspace,
            KeyModifiers::NONE,
        )));
    }
    type_text(&mut app, "taliban kelompok militan islamis");
    let first = &app.search.hits[0];
    let item = app.engine.as_ref().unwrap().item(first.item);
    assert_eq!(item.jump.section, Section::Source);
    assert!(
        item.text
            .starts_with("Taliban, sebuah kelompok militan Islamis")
    );
    assert!(!first.positions.is_empty());
    press(&mut app, "Enter");
    assert!(app.overlay.is_none());
    let bv = brief_view(&app).clone();
    assert_eq!(bv.brief, NEWS);
    assert_eq!(bv.section, Section::Source);
    assert_eq!(paragraph(&app), item.jump.index);
    assert_eq!(
        bv.sentence, None,
        "the paragraph is selected, the sentence highlighted"
    );
    let flash = bv.flash.expect("the hit is highlighted");
    assert_eq!(flash.range, item.jump.range);
    // Back returns to the other brief where we were.
    cmd(&mut app, Command::Back);
    assert_eq!(brief_view(&app).brief, BAB6);
    assert_eq!(paragraph(&app), was);
}

#[test]
fn stale_search_results_are_dropped() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    cmd(&mut app, Command::Search);
    type_text(&mut app, "csto");
    let hits = app.search.hits.clone();
    assert!(!hits.is_empty());
    app.update(Action::SearchResults(briefing::search::worker::Results {
        generation: 0,
        query: "old".into(),
        hits: Vec::new(),
    }));
    assert_eq!(app.search.hits, hits);
    assert_eq!(app.search.shown_query, "csto");
}

#[test]
fn relations_evidence_opens_its_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Section2);
    let rel = &app.briefs[NEWS].relations[0];
    assert_eq!((rel.a.as_str(), rel.b.as_str()), ("AZE", "RUS"));
    let second = rel.evidence[1].clone();
    cmd(&mut app, Command::Inner);
    assert!(brief_view(&app).evidence.is_some());
    cmd(&mut app, Command::Down);
    assert_eq!(brief_view(&app).evidence.unwrap().selected, 1);
    cmd(&mut app, Command::Open);
    assert_eq!(brief_view(&app).section, Section::Source);
    assert_eq!(paragraph(&app), second.paragraph);
    cmd(&mut app, Command::Back);
    let bv = brief_view(&app);
    assert_eq!(bv.section, Section::Relations);
    assert_eq!(bv.evidence.unwrap().selected, 1, "scroll and focus kept");
    cmd(&mut app, Command::Outer);
    assert!(brief_view(&app).evidence.is_none());
}

#[test]
fn judgments_open_their_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Down);
    let j = app.briefs[NEWS].conclusions[1].clone();
    press(&mut app, "Enter");
    assert_eq!(paragraph(&app), j.paragraph);
    let bv = brief_view(&app);
    let flash = bv.flash.clone().unwrap();
    let text = app.docs[&NEWS].paragraph(j.paragraph);
    assert_eq!(&text[flash.range.unwrap()], j.text);
}

#[test]
fn annotate_save_marker_and_notes_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Section5);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Down);
    let n = paragraph(&app);
    press(&mut app, "a");
    let Some(Overlay::Editor(e)) = &app.overlay else {
        panic!("editor open")
    };
    assert_eq!(e.label, format!("paragraph {n}"));
    // Keys that are commands elsewhere are text here.
    type_text(&mut app, "Lihat juga q, j, k.");
    press(&mut app, "Enter");
    type_text(&mut app, "Second line.");
    press(&mut app, "Ctrl-s");
    assert!(app.overlay.is_none());
    assert!(app.status.as_ref().unwrap().text.starts_with("Note saved"));
    let id = app.briefs[NEWS].id.clone();
    let on_disk = Store::new(dir.path()).load(&id).unwrap();
    assert_eq!(on_disk.len(), 1);
    assert_eq!(on_disk[0].text, "Lihat juga q, j, k.\nSecond line.");
    assert_eq!(on_disk[0].kind, Kind::Paragraph);
    assert_eq!(on_disk[0].paragraph, Some(n));
    let sel = app.selected().unwrap();
    assert!(app.note_on(&id, &sel).is_some(), "marker on the paragraph");
    // Sentence mode: a note on one sentence.
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Inner);
    cmd(&mut app, Command::Annotate);
    type_text(&mut app, "on a sentence");
    cmd(&mut app, Command::Save);
    let on_disk = Store::new(dir.path()).load(&id).unwrap();
    assert_eq!(on_disk[1].kind, Kind::Sentence);
    // The notes view lists both, newest first; Enter jumps to the passage.
    press(&mut app, "N");
    let View::Notes(nv) = &app.view else {
        panic!("notes view")
    };
    assert_eq!(nv.shown.len(), 2);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Open);
    assert_eq!(brief_view(&app).section, Section::Source);
    assert_eq!(paragraph(&app), n);
    // Filter the notes view.
    cmd(&mut app, Command::Back);
    cmd(&mut app, Command::Find);
    type_text(&mut app, "sentence");
    let View::Notes(nv) = &app.view else {
        panic!("notes view")
    };
    assert_eq!(nv.shown.len(), 1);
}

#[test]
fn notes_on_structured_items() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    let id = app.briefs[NEWS].id.clone();
    for (section, kind) in [
        (Command::Section1, Kind::Judgment),
        (Command::Section2, Kind::Relation),
        (Command::Section3, Kind::Alliance),
        (Command::Section4, Kind::Timeline),
    ] {
        cmd(&mut app, section);
        cmd(&mut app, Command::Annotate);
        type_text(&mut app, kind.as_str());
        cmd(&mut app, Command::Save);
        let notes = Store::new(dir.path()).load(&id).unwrap();
        let last = notes.last().unwrap();
        assert_eq!(last.kind, kind);
        let sel = app.selected().unwrap();
        assert!(app.note_on(&id, &sel).is_some(), "{kind:?} marked");
    }
    let notes = Store::new(dir.path()).load(&id).unwrap();
    assert_eq!(notes[1].quote, "AZE-RUS");
}

#[test]
fn cancel_asks_before_discarding_text() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Annotate);
    // Nothing typed: Esc closes at once.
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
    cmd(&mut app, Command::Annotate);
    type_text(&mut app, "draft");
    press(&mut app, "Esc");
    let Some(Overlay::Editor(e)) = &app.overlay else {
        panic!("still editing")
    };
    assert!(e.asking);
    press(&mut app, "n");
    let Some(Overlay::Editor(e)) = &app.overlay else {
        panic!("still editing")
    };
    assert!(!e.asking);
    assert_eq!(e.text(), "draft", "nothing lost");
    press(&mut app, "Esc");
    press(&mut app, "y");
    assert!(app.overlay.is_none());
    assert!(Store::new(dir.path()).load_all().0.is_empty());
    // Saving an empty note is refused, and the editor stays.
    cmd(&mut app, Command::Annotate);
    cmd(&mut app, Command::Save);
    assert!(matches!(app.overlay, Some(Overlay::Editor(_))));
    assert!(app.status.as_ref().unwrap().error);
}

#[test]
fn edit_and_delete_after_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    let id = app.briefs[NEWS].id.clone();
    press(&mut app, "e");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("No note on this item")
    );
    cmd(&mut app, Command::Annotate);
    type_text(&mut app, "pertama");
    cmd(&mut app, Command::Save);
    press(&mut app, "e");
    let Some(Overlay::Editor(e)) = &app.overlay else {
        panic!("editor")
    };
    assert_eq!(e.text(), "pertama");
    type_text(&mut app, " diperbarui");
    cmd(&mut app, Command::Save);
    let notes = Store::new(dir.path()).load(&id).unwrap();
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0].text, "pertama diperbarui");
    press(&mut app, "d");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    press(&mut app, "n");
    assert_eq!(Store::new(dir.path()).load(&id).unwrap().len(), 1);
    press(&mut app, "d");
    press(&mut app, "y");
    assert!(Store::new(dir.path()).load(&id).unwrap().is_empty());
    assert!(app.note_on(&id, &app.selected().unwrap()).is_none());
}

#[test]
fn find_with_n_and_shift_n() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Section5);
    // Without a find, N is the notes view.
    press(&mut app, "N");
    assert!(matches!(app.view, View::Notes(_)));
    cmd(&mut app, Command::Back);
    press(&mut app, "f");
    type_text(&mut app, "azerbaijan");
    press(&mut app, "Enter");
    let f = brief_view(&app).find.clone().unwrap();
    assert!(!f.typing);
    assert!(f.matches.len() > 5, "{}", f.matches.len());
    assert_eq!(f.current, Some(0));
    let first = paragraph(&app);
    press(&mut app, "n");
    press(&mut app, "n");
    assert_eq!(brief_view(&app).find.as_ref().unwrap().current, Some(2));
    // With a find active, N goes back.
    press(&mut app, "N");
    assert_eq!(brief_view(&app).find.as_ref().unwrap().current, Some(1));
    assert!(matches!(app.view, View::Brief(_)));
    press(&mut app, "N");
    assert_eq!(paragraph(&app), first);
    // Every match is really in its paragraph.
    let doc = &app.docs[&NEWS];
    for (block, r) in &f.matches {
        let text = &doc.blocks[*block].text;
        assert!(text[r.clone()].eq_ignore_ascii_case("azerbaijan"));
    }
    press(&mut app, "Esc");
    assert!(brief_view(&app).find.is_none());
}

#[test]
fn library_filter() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, "f");
    type_text(&mut app, "penutup");
    let View::Library(lv) = &app.view else {
        panic!()
    };
    assert_eq!(lv.shown[0], BAB6, "best match first");
    press(&mut app, "Enter");
    press(&mut app, "Enter");
    assert_eq!(brief_view(&app).brief, BAB6);
    cmd(&mut app, Command::Back);
    press(&mut app, "Esc");
    let View::Library(lv) = &app.view else {
        panic!()
    };
    assert_eq!(lv.shown.len(), 2, "Esc clears the filter");
}

#[test]
fn last_position_is_remembered_across_runs() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, BAB6);
    cmd(&mut app, Command::Section5);
    for _ in 0..7 {
        cmd(&mut app, Command::Down);
    }
    let n = paragraph(&app);
    press(&mut app, "q");
    assert!(app.quit);
    // A new run, at another size: same section and paragraph.
    let mut app = app_with(dir.path(), Keymap::defaults());
    app.update(Action::Resize {
        width: 40,
        height: 10,
    });
    open(&mut app, BAB6);
    assert_eq!(brief_view(&app).section, Section::Source);
    assert_eq!(paragraph(&app), n);
}

#[test]
fn mouse_tabs_rows_and_wheel() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    // Library rows start below the header and column lines.
    app.update(Action::Click { column: 5, row: 3 });
    let View::Library(lv) = &app.view else {
        panic!()
    };
    assert_eq!(lv.pane.selected, 1);
    app.update(Action::Click { column: 5, row: 3 });
    assert_eq!(brief_view(&app).brief, lv_brief(&app, 1));
    // The tab line is row 1 under the title; " 1 Key judgments  2 Relations ..."
    app.update(Action::Click { column: 20, row: 1 });
    assert_eq!(brief_view(&app).section, Section::Relations);
    app.update(Action::Click { column: 60, row: 1 });
    assert_eq!(brief_view(&app).section, Section::Source);
    app.update(Action::Scroll {
        column: 10,
        row: 10,
        lines: 9,
    });
    let p = brief_view(&app).panes[4];
    assert!(p.top > 0 || p.skip > 0, "{p:?}");
    assert!(p.selected >= p.top, "selection follows the view");
    // Clicking a paragraph selects it; clicking it again selects a sentence.
    app.update(Action::Click { column: 10, row: 6 });
    let sel = brief_view(&app).panes[4].selected;
    assert!(app.selectable(brief_view(&app), Section::Source, sel));
    app.update(Action::Click { column: 10, row: 6 });
    assert!(brief_view(&app).sentence.is_some());
}

fn lv_brief(app: &App, row: usize) -> usize {
    // The library lists briefs in order; row i is brief i here.
    let _ = app;
    row
}

#[test]
fn resize_keeps_the_selection_in_view_down_to_20x5() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Section5);
    for _ in 0..20 {
        cmd(&mut app, Command::Down);
    }
    let n = paragraph(&app);
    for (w, h) in [(20, 5), (120, 40), (33, 7), (80, 24)] {
        app.update(Action::Resize {
            width: w,
            height: h,
        });
        assert_eq!(paragraph(&app), n, "selection survives {w}x{h}");
        let bv = brief_view(&app);
        let (heights, view) = briefing::tui::ui::brief::pane_metrics(&app, bv, Section::Source);
        let p = bv.panes[4];
        let (first, last) = p.visible(&heights, view);
        assert!(
            first <= p.selected && p.selected <= last,
            "{w}x{h}: {p:?} {first}..{last}"
        );
    }
}

#[test]
fn orphaned_notes_are_kept_and_shown() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let id = "002_fea91339883cd94f";
    store
        .add(
            id,
            briefing::notes::Note {
                id: "n0000000001".into(),
                kind: Kind::Sentence,
                quote: "Kalimat ini sudah tidak ada lagi di dalam brief setelah diedit.".into(),
                prefix: String::new(),
                suffix: String::new(),
                position: Some(100),
                paragraph: Some(2),
                text: "catatan lama".into(),
                created: "2026-01-01T00:00:00Z".into(),
                updated: "2026-01-01T00:00:00Z".into(),
            },
        )
        .unwrap();
    let mut app = app(dir.path());
    cmd(&mut app, Command::Notes);
    let View::Notes(nv) = &app.view else { panic!() };
    assert_eq!(nv.shown.len(), 1);
    let e = nv.entries[0].clone();
    let (place, orphan) = briefing::tui::ui::notes::place(&app, &e);
    assert!(orphan, "{place}");
    cmd(&mut app, Command::Open);
    // Shown where it was, with a message; the note is still there.
    assert_eq!(paragraph(&app), 2);
    assert!(app.status.as_ref().unwrap().text.contains("orphaned"));
    assert_eq!(store.load(id).unwrap().len(), 1);
}

#[test]
fn orphaned_notes_are_reattached_or_deleted_from_the_notes_view() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let id = "002_fea91339883cd94f";
    for (nid, text) in [("n0000000001", "pindahkan"), ("n0000000002", "hapus")] {
        store
            .add(
                id,
                briefing::notes::Note {
                    id: nid.into(),
                    kind: Kind::Sentence,
                    quote: "Kalimat ini sudah tidak ada lagi di dalam brief setelah diedit.".into(),
                    prefix: String::new(),
                    suffix: String::new(),
                    position: Some(100),
                    paragraph: Some(2),
                    text: text.into(),
                    created: "2026-01-01T00:00:00Z".into(),
                    updated: format!("2026-01-01T00:00:0{}Z", nid.len() % 10),
                },
            )
            .unwrap();
    }
    let mut app = app(dir.path());
    // Without a note picked, `r` in a brief says what to do.
    open(&mut app, NEWS);
    press(&mut app, "r");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .contains("pick a note in the notes view")
    );
    press(&mut app, "N");
    let View::Notes(nv) = &app.view else { panic!() };
    let which = |app: &App, text: &str| {
        let View::Notes(nv) = &app.view else { panic!() };
        nv.shown
            .iter()
            .position(|&i| app.notes[id][nv.entries[i].note].text == text)
            .unwrap()
    };
    let k = which(&app, "pindahkan");
    assert_eq!(nv.shown.len(), 2);
    for _ in 0..k {
        press(&mut app, "j");
    }
    // r: the brief opens where the note was, waiting for the new passage.
    press(&mut app, "r");
    assert_eq!(paragraph(&app), 2);
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with("Re-attach: select the new passage and press r")
    );
    press(&mut app, "j");
    press(&mut app, "j");
    let target = paragraph(&app);
    let want = app.docs[&NEWS].paragraph(target).to_string();
    press(&mut app, "r");
    assert!(
        app.status
            .as_ref()
            .unwrap()
            .text
            .starts_with(&format!("Note re-attached to paragraph {target}")),
        "{:?}",
        app.status
    );
    // On disk: same id and text, the new passage's quote and place.
    let notes = store.load(id).unwrap();
    let moved = notes.iter().find(|n| n.id == "n0000000001").unwrap();
    assert_eq!(moved.text, "pindahkan");
    assert_eq!(moved.quote, want);
    assert_eq!(moved.paragraph, Some(target));
    assert_eq!(moved.kind, Kind::Paragraph);
    // Back in the notes view it is no longer orphaned; the other one is.
    press(&mut app, "N");
    let View::Notes(nv) = &app.view else { panic!() };
    let orphaned: Vec<bool> = nv
        .shown
        .iter()
        .map(|&i| briefing::tui::ui::notes::place(&app, &nv.entries[i]).1)
        .collect();
    assert_eq!(orphaned.iter().filter(|o| **o).count(), 1);
    // d on the orphan, confirmed: it is gone from disk.
    let k = which(&app, "hapus");
    press(&mut app, "g");
    for _ in 0..k {
        press(&mut app, "j");
    }
    press(&mut app, "d");
    app.update(Action::Confirm(true));
    let left: Vec<String> = store
        .load(id)
        .unwrap()
        .into_iter()
        .map(|n| n.text)
        .collect();
    assert_eq!(left, ["pindahkan"]);
    // Esc cancels a re-attach that was started.
    press(&mut app, "r");
    press(&mut app, "Esc");
    assert_eq!(app.status.as_ref().unwrap().text, "Re-attach cancelled");
    assert!(app.reattach.is_none());
}

#[test]
fn help_and_rebinding() {
    let dir = tempfile::tempdir().unwrap();
    let mut keys: BTreeMap<String, Vec<String>> = briefing::config::Config::embedded().keys;
    keys.insert("down".into(), vec!["s".into()]);
    let mut app = app_with(dir.path(), Keymap::new(&keys).unwrap());
    press(&mut app, "s");
    let View::Library(lv) = &app.view else {
        panic!()
    };
    assert_eq!(lv.pane.selected, 1);
    press(&mut app, "?");
    assert!(matches!(app.overlay, Some(Overlay::Help { .. })));
    let help = app.keymap.help();
    let down = help
        .iter()
        .find(|(_, what)| what.starts_with("move the selection down"))
        .unwrap();
    assert_eq!(down.0, "s", "help shows the live keymap");
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
}

#[test]
fn paste_goes_into_the_focused_input() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    cmd(&mut app, Command::Search);
    app.update(Action::Paste("azer\nrus".into()));
    assert_eq!(app.search.shown_query, "azer rus");
}

/// The README's key table is the default keymap, row for row.
#[test]
fn readme_key_table_matches_the_default_keymap() {
    let table: String = Keymap::defaults()
        .help()
        .iter()
        .map(|(keys, what)| {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            format!("| {} | {what} |\n", keys.join(" "))
        })
        .collect();
    let readme =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md")).unwrap();
    assert!(
        readme.contains(&format!("| keys | does |\n| --- | --- |\n{table}")),
        "README.md's key table is out of date; it should read:\n{table}"
    );
}

fn status(app: &App) -> String {
    app.status
        .as_ref()
        .map(|s| s.text.clone())
        .unwrap_or_default()
}

/// The inline notes drawn under the selected item of the open brief.
fn notes_under_selection(app: &App) -> Vec<String> {
    let bv = brief_view(app);
    let items = briefing::tui::ui::brief::contents(app, bv, bv.section);
    items[bv.panes[bv.section as usize].selected]
        .notes
        .iter()
        .map(|n| n.text.clone())
        .collect()
}

#[test]
fn notes_show_under_their_passage_a_second_note_is_announced_and_e_d_pick() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    let id = app.briefs[NEWS].id.clone();
    cmd(&mut app, Command::Section5);
    cmd(&mut app, Command::Down);
    press(&mut app, "a");
    type_text(&mut app, "pertama");
    press(&mut app, "Ctrl-s");
    assert_eq!(
        notes_under_selection(&app),
        ["pertama"],
        "shown inline by default"
    );
    // A second note on the same paragraph: said before and after, both shown.
    press(&mut app, "a");
    assert!(
        status(&app).starts_with("This item has 1 note already: saving adds another"),
        "{}",
        status(&app)
    );
    let Some(Overlay::Editor(e)) = &app.overlay else {
        panic!("editor")
    };
    assert!(e.label.contains("it has a note already"), "{}", e.label);
    type_text(&mut app, "kedua");
    press(&mut app, "Ctrl-s");
    assert!(
        status(&app).ends_with("this item has 2 notes now"),
        "{}",
        status(&app)
    );
    assert_eq!(notes_under_selection(&app), ["pertama", "kedua"]);
    // The toggle hides and shows them; the marker stays.
    press(&mut app, "i");
    assert!(!app.inline_notes);
    assert!(notes_under_selection(&app).is_empty());
    assert!(status(&app).starts_with("Notes hidden"));
    press(&mut app, "i");
    assert_eq!(notes_under_selection(&app).len(), 2);
    // e with two notes: a picker, the newest selected; k then Enter edits the first.
    press(&mut app, "e");
    let Some(Overlay::Pick(p)) = &app.overlay else {
        panic!("picker: {:?}", app.overlay)
    };
    assert_eq!(
        (p.purpose, p.notes.len(), p.selected),
        (PickFor::Edit, 2, 1)
    );
    press(&mut app, "k");
    press(&mut app, "Enter");
    let Some(Overlay::Editor(e)) = &app.overlay else {
        panic!("editor")
    };
    assert_eq!(e.text(), "pertama");
    press(&mut app, "Esc");
    assert!(app.overlay.is_none());
    // d with two notes: a picker; a click on the second note asks about that one.
    press(&mut app, "d");
    let Some(Overlay::Pick(p)) = app.overlay.clone() else {
        panic!("picker")
    };
    assert_eq!(p.purpose, PickFor::Delete);
    let (w, h) = app.size;
    let at = (0..h)
        .flat_map(|r| (0..w).map(move |c| (c, r)))
        .find(|&(c, r)| briefing::tui::ui::overlay::picker_hit(&app, &p, c, r) == Some(1))
        .expect("the second note is on screen");
    app.update(Action::Click {
        column: at.0,
        row: at.1,
    });
    let Some(Overlay::Confirm(q)) = &app.overlay else {
        panic!("question: {:?}", app.overlay)
    };
    let kedua = app.notes[&id].iter().find(|n| n.text == "kedua").unwrap();
    assert_eq!(
        q,
        &briefing::tui::app::Question::DeleteNote {
            brief_id: id.clone(),
            note_id: kedua.id.clone()
        }
    );
    press(&mut app, "y");
    let left: Vec<String> = Store::new(dir.path())
        .load(&id)
        .unwrap()
        .into_iter()
        .map(|n| n.text)
        .collect();
    assert_eq!(left, ["pertama"]);
    // With one note left, d asks about it directly; a click outside a picker cancels it.
    press(&mut app, "d");
    assert!(matches!(app.overlay, Some(Overlay::Confirm(_))));
    press(&mut app, "n");
    press(&mut app, "a");
    type_text(&mut app, "ketiga");
    press(&mut app, "Ctrl-s");
    press(&mut app, "e");
    assert!(matches!(app.overlay, Some(Overlay::Pick(_))));
    app.update(Action::Click { column: 0, row: 0 });
    assert!(app.overlay.is_none());
    assert_eq!(status(&app), "Cancelled");
}

#[test]
fn the_notes_view_lists_this_librarys_notes_and_never_offers_to_delete_others() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::new(dir.path());
    let note = |id: &str, text: &str| briefing::notes::Note {
        id: id.into(),
        kind: Kind::Paragraph,
        quote: "Sebuah paragraf di brief perpustakaan lain.".into(),
        prefix: String::new(),
        suffix: String::new(),
        position: None,
        paragraph: Some(1),
        text: text.into(),
        created: "2026-01-01T00:00:00Z".into(),
        updated: "2026-01-01T00:00:00Z".into(),
    };
    store
        .add(
            "laporan-lain",
            note("n0000000007", "milik perpustakaan lain"),
        )
        .unwrap();
    let mut app = app(dir.path());
    press(&mut app, "N");
    let View::Notes(nv) = &app.view else { panic!() };
    assert!(nv.entries.is_empty(), "not listed");
    assert_eq!(nv.elsewhere, 1, "but counted");
    press(&mut app, "d");
    assert!(app.overlay.is_none(), "nothing to delete");
    cmd(&mut app, Command::Back);
    // A note of this library is listed beside it.
    open(&mut app, NEWS);
    press(&mut app, "a");
    type_text(&mut app, "di sini");
    press(&mut app, "Ctrl-s");
    press(&mut app, "N");
    let View::Notes(nv) = &app.view else { panic!() };
    assert_eq!(nv.entries.len(), 1);
    assert_eq!(nv.entries[0].brief_id, app.briefs[NEWS].id);
    assert_eq!(store.load("laporan-lain").unwrap().len(), 1, "kept");
}

/// Lines between the top of the view and the start of the selected item.
fn selection_offset(app: &App) -> usize {
    let bv = brief_view(app);
    let (heights, _) = briefing::tui::ui::brief::pane_metrics(app, bv, bv.section);
    let p = bv.panes[bv.section as usize];
    let start: usize = heights[..p.selected].iter().sum();
    let top: usize = heights[..p.top].iter().sum::<usize>() + p.skip;
    start - top
}

#[test]
fn jumps_land_near_the_top_of_the_view() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, "/");
    type_text(&mut app, "taliban kelompok militan islamis");
    press(&mut app, "Enter");
    assert_eq!(brief_view(&app).section, Section::Source);
    assert!(paragraph(&app) > 2);
    assert_eq!(selection_offset(&app), 2, "two lines of context above");
    // Evidence Enter, deep in the text.
    cmd(&mut app, Command::Section2);
    cmd(&mut app, Command::Inner);
    cmd(&mut app, Command::Down);
    cmd(&mut app, Command::Open);
    assert!(paragraph(&app) > 20, "{}", paragraph(&app));
    assert_eq!(selection_offset(&app), 2);
    // A judgment's paragraph at the very end: the text's end stays at the bottom.
    cmd(&mut app, Command::Section5);
    cmd(&mut app, Command::Bottom);
    let last = paragraph(&app);
    app.jump(
        NEWS,
        briefing::search::Jump {
            section: Section::Source,
            index: last,
            range: None,
        },
    );
    let bv = brief_view(&app);
    let (heights, view) = briefing::tui::ui::brief::pane_metrics(&app, bv, Section::Source);
    assert_eq!(bv.panes[4].visible(&heights, view).1, heights.len() - 1);
}

/// A copy of the fixture library and its sources in a temporary folder.
fn library_copy(root: &Path) -> std::path::PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for sub in ["library", "sources"] {
        std::fs::create_dir_all(root.join(sub)).unwrap();
        for e in std::fs::read_dir(fixtures.join(sub)).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), root.join(sub).join(e.file_name())).unwrap();
        }
    }
    root.join("library")
}

#[test]
fn o_and_shift_o_hand_the_source_and_the_brief_to_pager_and_editor() {
    let dir = tempfile::tempdir().unwrap();
    let lib = library_copy(&dir.path().join("lib"));
    let mut app = app_on(&lib, &dir.path().join("notes"), Keymap::defaults());
    app.pager = "my-pager".into();
    app.editor = "my-editor --wait".into();
    open(&mut app, NEWS);
    let id = app.briefs[NEWS].id.clone();
    // o: the source file, found beside the library, in the pager.
    press(&mut app, "o");
    let Some(Effect::Run {
        program,
        path,
        reload,
        ..
    }) = app.effect.take()
    else {
        panic!("no effect: {:?}", app.effect)
    };
    assert_eq!(program, "my-pager");
    assert_eq!(path, dir.path().join(format!("lib/sources/{id}.txt")));
    assert_eq!(reload, None);
    let ran = Effect::Run {
        program: program.clone(),
        path,
        what: "source file",
        reload,
    };
    app.update(Action::Done {
        effect: ran.clone(),
        error: Some("command not found: my-pager".into()),
    });
    assert_eq!(
        status(&app),
        "Could not open the source file with my-pager: command not found: my-pager"
    );
    assert!(app.status.as_ref().unwrap().error);
    // O: the brief's file in the editor; an edit made there is read back.
    press(&mut app, "O");
    let Some(effect @ Effect::Run { .. }) = app.effect.take() else {
        panic!("no effect")
    };
    let Effect::Run {
        program,
        path,
        reload,
        ..
    } = &effect
    else {
        unreachable!()
    };
    assert_eq!(program, "my-editor --wait");
    assert_eq!(path, &lib.join(format!("{id}.md")));
    assert_eq!(*reload, Some(NEWS));
    let text = std::fs::read_to_string(path).unwrap();
    let edited = text.replace(
        "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.",
        "Hubungan Moskow dengan Baku dan Yerevan kini paling buruk.",
    );
    assert_ne!(text, edited);
    std::fs::write(path, edited).unwrap();
    app.update(Action::Done {
        effect,
        error: None,
    });
    assert!(status(&app).starts_with("Read "), "{}", status(&app));
    let doc = &app.docs[&NEWS];
    assert!(
        (1..=doc.paragraph_count())
            .any(|n| doc.paragraph(n)
                == "Hubungan Moskow dengan Baku dan Yerevan kini paling buruk.")
    );
    // A source that is gone is a clear message, not a program run.
    app.briefs[NEWS].source = "sources/hilang.txt".into();
    press(&mut app, "o");
    assert!(app.effect.is_none());
    assert!(
        status(&app).starts_with("Source file not found: sources/hilang.txt (looked for "),
        "{}",
        status(&app)
    );
}

#[test]
fn y_copies_the_selected_passage_only_when_osc52_is_allowed() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Section5);
    // A paragraph of several sentences.
    while app.docs[&NEWS].sentences[paragraph(&app) - 1].len() < 2 {
        cmd(&mut app, Command::Down);
    }
    press(&mut app, "y");
    assert!(app.effect.is_none());
    assert!(status(&app).starts_with("Copying is off: set clipboard_osc52 = true"));
    app.clipboard_osc52 = true;
    press(&mut app, "y");
    let n = paragraph(&app);
    let para = app.docs[&NEWS].paragraph(n).to_string();
    assert_eq!(
        app.effect.take(),
        Some(Effect::Clipboard { text: para.clone() })
    );
    // A sentence in sentence mode; an evidence sentence when the evidence has the focus.
    cmd(&mut app, Command::Inner);
    press(&mut app, "y");
    let Some(Effect::Clipboard { text }) = app.effect.take() else {
        panic!()
    };
    assert!(para.starts_with(&text) && text.len() < para.len(), "{text}");
    app.update(Action::Done {
        effect: Effect::Clipboard { text: text.clone() },
        error: None,
    });
    assert_eq!(
        status(&app),
        format!("Copied {} characters (OSC 52)", text.chars().count())
    );
    cmd(&mut app, Command::Section2);
    cmd(&mut app, Command::Inner);
    cmd(&mut app, Command::Down);
    press(&mut app, "y");
    let want = app.briefs[NEWS].relations[0].evidence[1].text.clone();
    assert_eq!(app.effect.take(), Some(Effect::Clipboard { text: want }));
}

#[test]
fn the_matrix_keeps_the_selected_pair_in_view_and_a_click_selects_a_cell() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    open(&mut app, NEWS);
    cmd(&mut app, Command::Section2);
    let rels = app.briefs[NEWS].relations.clone();
    let find = |a: &str, b: &str| rels.iter().position(|r| r.a == a && r.b == b).unwrap();
    let matrix = |app: &App| briefing::tui::ui::geometry(app).matrix.expect("a matrix");
    // At 80x24 only some actors fit; selecting Iran–Israel brings ISR in.
    let shown = briefing::tui::ui::relations::shown_actors(&app, brief_view(&app), matrix(&app));
    assert!(!shown.contains(&"ISR".to_string()), "{shown:?}");
    let k = find("IRN", "ISR");
    for _ in 0..k {
        cmd(&mut app, Command::Down);
    }
    let shown = briefing::tui::ui::relations::shown_actors(&app, brief_view(&app), matrix(&app));
    assert!(shown.contains(&"ISR".to_string()) && shown.contains(&"IRN".to_string()));
    // The cell of Russia and Ukraine, found on screen, selects that pair.
    let m = matrix(&app);
    let want = find("RUS", "UKR");
    let cell = (m.y..m.y + m.height)
        .flat_map(|r| (m.x..m.x + m.width).map(move |c| (c, r)))
        .find(|&(c, r)| {
            briefing::tui::ui::relations::matrix_hit(&app, brief_view(&app), m, c, r) == Some(want)
        })
        .expect("the RUS–UKR cell is on screen");
    app.update(Action::Click {
        column: cell.0,
        row: cell.1,
    });
    assert_eq!(
        brief_view(&app).panes[Section::Relations as usize].selected,
        want
    );
    // On a wide screen the matrix is a column of the full height with every actor.
    app.update(Action::Resize {
        width: 250,
        height: 40,
    });
    let g = briefing::tui::ui::geometry(&app);
    let (m, list, ev) = (g.matrix.unwrap(), g.list, g.evidence.unwrap());
    assert_eq!(m.height, list.height + ev.height);
    assert!(m.x > list.x + list.width && m.x > ev.x + ev.width);
    let all: std::collections::BTreeSet<&str> = rels
        .iter()
        .flat_map(|r| [r.a.as_str(), r.b.as_str()])
        .collect();
    let shown = briefing::tui::ui::relations::shown_actors(&app, brief_view(&app), m);
    assert_eq!(shown.len(), all.len());
    assert_eq!(list.height as usize, rels.len(), "every pair listed");
}

#[test]
fn ctrl_u_clears_a_one_line_input_as_in_a_shell() {
    let dir = tempfile::tempdir().unwrap();
    let mut app = app(dir.path());
    press(&mut app, "/");
    type_text(&mut app, "azer rus");
    assert_eq!(app.search.input.lines().join(""), "azer rus");
    // Ctrl-U reaches the input (not the keymap) and clears it; the text
    // area's own binding would have undone the last edit instead.
    let ctrl_u = KeyEvent::new(KeyCode::Char('u'), KeyModifiers::CONTROL);
    let a = app
        .key_action(&ctrl_u)
        .expect("Ctrl-U is input in the search");
    app.update(a);
    assert_eq!(app.search.input.lines().join(""), "");
    type_text(&mut app, "csto");
    assert_eq!(app.search.shown_query, "csto");
}
