//! The library view's filter and sort, through `App::update` and the
//! keymap, on a library opened the way the reader opens it (a catalog with
//! its cache): the shipped briefs, and a synthetic one of 300.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use briefing::catalog::Catalog;
use briefing::config::ThemeName;
use briefing::tui::action::Action;
use briefing::tui::app::{App, Options, Sort, View};
use briefing::tui::keymap::{Key, Keymap};
use briefing::tui::theme::Theme;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// A copy of the shipped briefs: the news analysis dated (as if its
/// dateline said so), the thesis chapter's file written a day after it.
fn library(dir: &Path) -> PathBuf {
    let lib = dir.join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let from = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let news = std::fs::read_to_string(from.join(format!("{NEWS}.md"))).unwrap();
    let news = news.replacen(
        "language = \"id\"\n",
        "language = \"id\"\ndate = \"2025-07-05\"\n",
        1,
    );
    std::fs::write(lib.join(format!("{NEWS}.md")), news).unwrap();
    std::fs::copy(
        from.join(format!("{THESIS}.md")),
        lib.join(format!("{THESIS}.md")),
    )
    .unwrap();
    set_written(&lib, NEWS, 0);
    set_written(&lib, THESIS, 1);
    lib
}

/// Set brief `id`'s file time to `days` after a fixed day.
fn set_written(lib: &Path, id: &str, days: i64) {
    let base = 1_790_000_000 + days * 86_400;
    let when = SystemTime::UNIX_EPOCH + Duration::from_secs(base as u64);
    let f = std::fs::File::options()
        .write(true)
        .open(lib.join(format!("{id}.md")))
        .unwrap();
    f.set_modified(when).unwrap();
}

fn app(dir: &Path, lib: &Path) -> App {
    let cat = Catalog::open(lib, Some(&dir.join("cache"))).unwrap();
    let mut app = App::from_catalog(
        &cat,
        Options {
            library_dir: lib.to_path_buf(),
            notes_dir: dir.join("notes"),
            theme: Theme::new(ThemeName::Dark, false),
            keymap: Keymap::defaults(),
        },
    );
    app.update(Action::Resize {
        width: 100,
        height: 24,
    });
    app
}

fn press(app: &mut App, key: &str) {
    let k = Key::parse(key).unwrap();
    let ev = KeyEvent::new(k.code, KeyModifiers::NONE);
    if let Some(a) = app.key_action(&ev) {
        app.update(a);
    }
}

fn typed(app: &mut App, text: &str) {
    for c in text.chars() {
        app.update(Action::Input(KeyEvent::new(
            KeyCode::Char(c),
            KeyModifiers::NONE,
        )));
    }
}

fn shown_ids(app: &App) -> Vec<String> {
    let View::Library(lv) = &app.view else {
        panic!("not the library")
    };
    lv.shown.iter().map(|&i| app.briefs[i].id.clone()).collect()
}

fn sort(app: &App) -> Sort {
    let View::Library(lv) = &app.view else {
        panic!("not the library")
    };
    lv.sort
}

const NEWS: &str = "002_fea91339883cd94f";
const THESIS: &str = "000_f5840cd7195cf325";

#[test]
fn s_cycles_date_title_added_and_keeps_the_selection() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let mut app = app(tmp.path(), &lib);
    // By the documents' dates (the news analysis is dated, the chapter is not).
    assert_eq!(sort(&app), Sort::Date);
    assert_eq!(shown_ids(&app), [NEWS, THESIS]);
    press(&mut app, "j");
    press(&mut app, "s");
    assert_eq!(sort(&app), Sort::Title);
    // "BAB VI PENUTUP" before "Dalam langkah ...".
    assert_eq!(shown_ids(&app), [THESIS, NEWS]);
    let View::Library(lv) = &app.view else {
        panic!()
    };
    assert_eq!(
        lv.shown[lv.pane.selected],
        app.briefs.iter().position(|b| b.id == THESIS).unwrap(),
        "still selected"
    );
    assert_eq!(app.status.as_ref().unwrap().text, "Sorted by title");
    press(&mut app, "s");
    assert_eq!(sort(&app), Sort::Added);
    // The chapter's file was written last.
    assert_eq!(shown_ids(&app), [THESIS, NEWS]);
    press(&mut app, "s");
    assert_eq!(sort(&app), Sort::Date);
    assert_eq!(shown_ids(&app), [NEWS, THESIS]);
    // Written the other way round: "added" follows the files, title does not.
    set_written(&lib, THESIS, -1);
    let mut app = self::app(tmp.path(), &lib);
    press(&mut app, "s");
    assert_eq!(shown_ids(&app), [THESIS, NEWS], "by title");
    press(&mut app, "s");
    assert_eq!(shown_ids(&app), [NEWS, THESIS], "by when added");
    // The date column shows when each was added, under its heading.
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 8)).unwrap();
    t.draw(|f| briefing::tui::ui::draw(f, &app)).unwrap();
    let screen = t.backend().to_string();
    assert!(screen.contains("added ↓"), "{screen}");
    assert!(
        screen.contains("2026-09-21") && screen.contains("2026-09-20"),
        "{screen}"
    );
}

#[test]
fn the_sort_key_is_rebindable_and_the_filter_keeps_its_order() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let mut app = app(tmp.path(), &lib);
    let mut keys = briefing::config::Config::embedded().keys.clone();
    keys.insert("sort".into(), vec!["o".into()]);
    app.keymap = Keymap::new(&keys).unwrap();
    press(&mut app, "s");
    assert_eq!(sort(&app), Sort::Date, "s no longer sorts");
    press(&mut app, "o");
    assert_eq!(sort(&app), Sort::Title);
    // The help and the status bar show the live key.
    assert!(
        app.keymap
            .help()
            .iter()
            .any(|(k, what)| k == "o" && what.starts_with("library: sort"))
    );
    // While typing a filter, the key types.
    press(&mut app, "f");
    typed(&mut app, "rusia");
    press(&mut app, "o");
    let View::Library(lv) = &app.view else {
        panic!()
    };
    assert_eq!(lv.filter.lines().join(""), "rusiao");
    assert_eq!(sort(&app), Sort::Title);
}

#[test]
fn the_filter_matches_word_starts_of_titles_topics_and_actor_names() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = library(tmp.path());
    let mut app = app(tmp.path(), &lib);
    let filter = |app: &mut App, q: &str| -> Vec<String> {
        press(app, "Esc");
        press(app, "f");
        typed(app, q);
        shown_ids(app)
    };
    // North Korea is an actor of the news analysis only.
    assert_eq!(filter(&mut app, "korea"), [NEWS]);
    assert_eq!(filter(&mut app, "korea utara"), [NEWS]);
    assert_eq!(filter(&mut app, "!korea"), [THESIS]);
    // Russia by its other names; a title's words.
    assert_eq!(filter(&mut app, "moskow"), [NEWS, THESIS]);
    assert_eq!(filter(&mut app, "penutup"), [THESIS]);
    // Word starts only: no letters scattered through a title, none inside a word.
    assert!(filter(&mut app, "nutup").is_empty());
    assert!(filter(&mut app, "kra").is_empty());
    // Every term must match.
    assert_eq!(filter(&mut app, "azer penutup"), [THESIS]);
    assert!(filter(&mut app, "penutup korea").is_empty());
    press(&mut app, "Esc");
    assert_eq!(shown_ids(&app).len(), 2, "Esc clears the filter");
}

#[test]
fn a_300_brief_library_filters_by_words_not_letters() {
    let tmp = tempfile::tempdir().unwrap();
    let lib = tmp.path().join("lib");
    std::fs::create_dir_all(&lib).unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let m = briefing::synth::material(&root.join("sources")).unwrap();
    let lex = briefing::lexicon::shared();
    for n in 0..300 {
        let (name, text) = briefing::synth::document(n, 3, &m, 20);
        let b = briefing::ingest::ingest(&format!("generated/{name}"), text.as_bytes(), lex)
            .unwrap()
            .brief;
        briefing::library::save(&lib, &b, true).unwrap();
    }
    let mut app = app(tmp.path(), &lib);
    assert_eq!(app.briefs.len(), 300);
    press(&mut app, "f");
    typed(&mut app, "korea");
    let kept = shown_ids(&app);
    // What a brief has that begins with "korea": an actor named so, a word of its title or topics.
    let names = briefing::lexicon::actor_names();
    let cat = Catalog::open(&lib, Some(&tmp.path().join("cache"))).unwrap();
    let expect: Vec<String> = cat
        .entries
        .iter()
        .filter(|e| {
            let own = format!("{} {}", e.summary.title, e.topics.join(" ")).to_lowercase();
            let own_has = own
                .split(|c: char| !c.is_alphanumeric())
                .any(|w| w.starts_with("korea"));
            let actor_has = e.actors.iter().any(|a| {
                names.get(a).into_iter().flatten().any(|n| {
                    n.to_lowercase()
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.starts_with("korea"))
                })
            });
            own_has || actor_has
        })
        .map(|e| e.summary.id.clone())
        .collect();
    assert_eq!(kept, expect);
    assert!(
        !kept.is_empty() && kept.len() < 300,
        "{} of 300",
        kept.len()
    );
}
