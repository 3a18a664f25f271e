//! Every view of the reader drawn with ratatui's TestBackend and compared
//! with a reviewed snapshot (insta), at 80x24 and at the smallest supported
//! size, 20x5. Review changes with `cargo insta review` (or delete the
//! `.snap` file and rerun to accept).

use std::path::{Path, PathBuf};

use briefing::config::ThemeName;
use briefing::library::Library;
use briefing::notes::{Kind, Note, Store};
use briefing::tui::action::{Action, Command};
use briefing::tui::app::{App, Options};
use briefing::tui::keymap::Keymap;
use briefing::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;

/// The frozen fixture library: real briefs, not regenerated with `briefs/`,
/// so extraction changes do not churn these snapshots.
const LIBRARY: &str = "tests/fixtures/library";

const SIZES: [(u16, u16); 2] = [(80, 24), (20, 5)];

/// A notes folder for one snapshot, relative so its path prints the same
/// on every machine.
fn notes_dir(name: &str) -> PathBuf {
    let dir = Path::new("target").join("snapshot-notes").join(name);
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn app(name: &str, size: (u16, u16)) -> App {
    let lib = Library::open(&Path::new(env!("CARGO_MANIFEST_DIR")).join(LIBRARY)).unwrap();
    let mut app = App::new(
        lib.briefs().to_vec(),
        Vec::new(),
        Options {
            library_dir: LIBRARY.into(),
            notes_dir: notes_dir(&format!("{name}-{}x{}", size.0, size.1)),
            theme: Theme::new(ThemeName::Dark, false),
            keymap: Keymap::defaults(),
        },
    );
    app.update(Action::Resize {
        width: size.0,
        height: size.1,
    });
    app
}

fn cmd(app: &mut App, c: Command) {
    app.update(Action::Command(c));
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

/// Open the news brief (the second in the library).
fn open_news(app: &mut App) {
    cmd(app, Command::Down);
    cmd(app, Command::Open);
}

fn render(app: &App) -> String {
    let (w, h) = app.size;
    let mut t = Terminal::new(TestBackend::new(w, h)).unwrap();
    t.draw(|f| briefing::tui::ui::draw(f, app)).unwrap();
    t.backend().to_string()
}

/// Snapshot a view at every size, after `setup`.
fn snap(name: &str, setup: impl Fn(&mut App)) {
    for size in SIZES {
        let mut app = app(name, size);
        setup(&mut app);
        insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), render(&app));
    }
}

fn fixed_note(dir: &Path) {
    let note = Note {
        id: "n0000000042".into(),
        kind: Kind::Sentence,
        quote: "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.".into(),
        prefix: String::new(),
        suffix: String::new(),
        position: None,
        paragraph: Some(22),
        text: "Bandingkan dengan laporan ICG 2024.\nBaris kedua.".into(),
        created: "2026-11-20T09:00:00Z".into(),
        updated: "2026-11-20T09:00:00Z".into(),
    };
    Store::new(dir).add("002_fea91339883cd94f", note).unwrap();
}

#[test]
fn library() {
    snap("library", |_| {});
}

#[test]
fn library_filtered() {
    snap("library_filtered", |app| {
        cmd(app, Command::Find);
        typed(app, "rusia");
    });
}

#[test]
fn judgments() {
    snap("judgments", open_news);
}

#[test]
fn relations() {
    snap("relations", |app| {
        open_news(app);
        cmd(app, Command::Section2);
    });
}

#[test]
fn relations_evidence() {
    snap("relations_evidence", |app| {
        open_news(app);
        cmd(app, Command::Section2);
        cmd(app, Command::Down);
        cmd(app, Command::Inner);
        cmd(app, Command::Down);
    });
}

#[test]
fn alliances() {
    snap("alliances", |app| {
        open_news(app);
        cmd(app, Command::Section3);
    });
}

#[test]
fn timeline() {
    snap("timeline", |app| {
        open_news(app);
        cmd(app, Command::Section4);
    });
}

#[test]
fn source_text() {
    snap("source_text", |app| {
        open_news(app);
        cmd(app, Command::Section5);
        cmd(app, Command::Down);
        cmd(app, Command::Inner);
    });
}

#[test]
fn source_text_thesis_chapter() {
    snap("source_text_thesis", |app| {
        cmd(app, Command::Open);
        cmd(app, Command::Section5);
    });
}

#[test]
fn find() {
    snap("find", |app| {
        open_news(app);
        cmd(app, Command::Section5);
        cmd(app, Command::Find);
        typed(app, "kremlin");
        cmd(app, Command::Open);
        cmd(app, Command::FindNext);
    });
}

#[test]
fn search() {
    snap("search", |app| {
        cmd(app, Command::Search);
        typed(app, "azer rus");
    });
}

#[test]
fn search_aliases() {
    snap("search_aliases", |app| {
        cmd(app, Command::Search);
        typed(app, "amerika");
    });
}

#[test]
fn notes_view() {
    snap("notes_view", |app| {
        fixed_note(app.store.dir());
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
    });
}

#[test]
fn notes_view_orphaned_note() {
    snap("notes_view_orphan", |app| {
        let note = Note {
            id: "n0000000043".into(),
            kind: Kind::Sentence,
            quote: "Kalimat ini sudah tidak ada lagi di dalam brief setelah diedit.".into(),
            prefix: String::new(),
            suffix: String::new(),
            position: Some(100),
            paragraph: Some(2),
            text: "Catatan yang kehilangan kalimatnya.".into(),
            created: "2026-11-20T09:00:00Z".into(),
            updated: "2026-11-20T09:00:00Z".into(),
        };
        Store::new(app.store.dir())
            .add("002_fea91339883cd94f", note)
            .unwrap();
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
    });
}

#[test]
fn notes_view_empty() {
    snap("notes_view_empty", |app| cmd(app, Command::Notes));
}

#[test]
fn note_marker_in_source() {
    snap("note_marker", |app| {
        fixed_note(app.store.dir());
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
        cmd(app, Command::Open);
    });
}

#[test]
fn help() {
    snap("help", |app| cmd(app, Command::Help));
}

#[test]
fn editor() {
    snap("editor", |app| {
        open_news(app);
        cmd(app, Command::Annotate);
        typed(app, "Catatan: bandingkan dengan 2020.");
    });
}

#[test]
fn editor_discard_question() {
    snap("editor_discard", |app| {
        open_news(app);
        cmd(app, Command::Annotate);
        typed(app, "draft");
        cmd(app, Command::Cancel);
    });
}

#[test]
fn delete_question() {
    snap("delete_question", |app| {
        fixed_note(app.store.dir());
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
        cmd(app, Command::DeleteNote);
    });
}

/// Snapshot a view at one size, after `setup`.
fn snap_at(name: &str, size: (u16, u16), setup: impl Fn(&mut App)) {
    let mut app = app(name, size);
    setup(&mut app);
    insta::assert_snapshot!(format!("{name}_{}x{}", size.0, size.1), render(&app));
}

/// A note on paragraph 22 of the news brief (the one [`fixed_note`] is on),
/// written at `created`.
fn note_on_22(dir: &Path, id: &str, text: &str, created: &str) {
    let note = Note {
        id: id.into(),
        kind: Kind::Paragraph,
        quote: "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.".into(),
        prefix: String::new(),
        suffix: String::new(),
        position: None,
        paragraph: Some(22),
        text: text.into(),
        created: created.into(),
        updated: created.into(),
    };
    Store::new(dir).add("002_fea91339883cd94f", note).unwrap();
}

#[test]
fn relations_matrix_uses_a_wide_screen() {
    snap_at("relations_wide", (250, 40), |app| {
        open_news(app);
        cmd(app, Command::Section2);
    });
    snap_at("relations_wide", (160, 30), |app| {
        open_news(app);
        cmd(app, Command::Section2);
    });
}

#[test]
fn search_jump_lands_near_the_top() {
    snap("search_jump", |app| {
        cmd(app, Command::Search);
        typed(app, "taliban kelompok militan islamis");
        cmd(app, Command::Open);
    });
}

#[test]
fn evidence_jump_lands_near_the_top() {
    snap("evidence_jump", |app| {
        open_news(app);
        cmd(app, Command::Section2);
        cmd(app, Command::Inner);
        cmd(app, Command::Down);
        cmd(app, Command::Open);
    });
}

#[test]
fn inline_notes_under_their_passage() {
    snap("inline_notes", |app| {
        fixed_note(app.store.dir());
        note_on_22(
            app.store.dir(),
            "n0000000044",
            "Catatan kedua.",
            "2026-11-21T09:00:00Z",
        );
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
        cmd(app, Command::Open);
    });
}

#[test]
fn note_picker() {
    snap("note_picker", |app| {
        fixed_note(app.store.dir());
        note_on_22(
            app.store.dir(),
            "n0000000044",
            "Catatan kedua.",
            "2026-11-21T09:00:00Z",
        );
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
        cmd(app, Command::Open);
        cmd(app, Command::Outer);
        cmd(app, Command::EditNote);
    });
}

#[test]
fn notes_view_counts_other_libraries_notes() {
    snap("notes_view_elsewhere", |app| {
        fixed_note(app.store.dir());
        let mut other = Note {
            id: "n0000000045".into(),
            kind: Kind::Paragraph,
            quote: "Sebuah paragraf di brief perpustakaan lain.".into(),
            prefix: String::new(),
            suffix: String::new(),
            position: None,
            paragraph: Some(1),
            text: "Catatan perpustakaan lain.".into(),
            created: "2026-11-21T09:00:00Z".into(),
            updated: "2026-11-21T09:00:00Z".into(),
        };
        Store::new(app.store.dir())
            .add("laporan-lain", other.clone())
            .unwrap();
        other.id = "n0000000046".into();
        Store::new(app.store.dir())
            .add("laporan-lain", other)
            .unwrap();
        app.reload_notes("002_fea91339883cd94f");
        app.reload_notes("laporan-lain");
        cmd(app, Command::Notes);
    });
}

#[test]
fn a_second_note_on_an_item_is_announced() {
    snap("editor_second_note", |app| {
        fixed_note(app.store.dir());
        app.reload_notes("002_fea91339883cd94f");
        cmd(app, Command::Notes);
        cmd(app, Command::Open);
        cmd(app, Command::Outer);
        cmd(app, Command::Annotate);
    });
}

/// The library sorted by title (`s`), wide enough for the source column.
#[test]
fn library_sorted_by_title_with_sources() {
    let mut app = app("library_sorted", (120, 12));
    cmd(&mut app, Command::Sort);
    insta::assert_snapshot!("library_sorted_120x12", render(&app));
}

/// The end of the help: the search syntax.
#[test]
fn help_search_syntax() {
    let mut app = app("help_syntax", (80, 24));
    cmd(&mut app, Command::Help);
    cmd(&mut app, Command::Bottom);
    insta::assert_snapshot!("help_syntax_80x24", render(&app));
}
