//! Opening a 10,000-brief library: the reader's first screen (catalog from
//! its cache, App, one draw), the search index from its cache, and, once,
//! the cold paths that build those caches; then the library filter (`f`), a
//! keystroke at a time, through `App::update` as the reader runs it. The
//! library is generated on the first run with the real pipeline
//! (`briefing::synth` + ingest) into `target/bench-library-10000`.
//! `cargo bench --bench library`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use rayon::prelude::*;

use briefing::catalog::{self, Catalog};
use briefing::tui::action::{Action, Command};
use briefing::tui::app::{App, View};
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const BRIEFS: usize = 10_000;

fn library() -> PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("target").join(format!("bench-library-{BRIEFS}"));
    let count = std::fs::read_dir(&dir).map_or(0, |d| d.count());
    if count >= BRIEFS {
        return dir;
    }
    std::fs::create_dir_all(&dir).expect("bench library folder");
    let m = briefing::synth::material(&root.join("sources")).expect("sources/");
    let lex = briefing::lexicon::shared();
    let started = Instant::now();
    (0..BRIEFS).into_par_iter().for_each(|n| {
        let (name, text) = briefing::synth::document(n, 7, &m, 50);
        let brief = briefing::ingest::ingest(&format!("generated/{name}"), text.as_bytes(), lex)
            .expect("ingests")
            .brief;
        briefing::library::save(&dir, &brief, true).expect("saves");
    });
    println!(
        "generated {BRIEFS} briefs in {:.1} s",
        started.elapsed().as_secs_f64()
    );
    dir
}

fn rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn reader(dir: &Path, cache: &Path, notes: &Path) -> App {
    let cat = Catalog::open(dir, Some(cache)).expect("opens");
    App::from_catalog(
        &cat,
        briefing::tui::app::Options {
            library_dir: dir.to_path_buf(),
            notes_dir: notes.to_path_buf(),
            theme: briefing::tui::theme::Theme::new(briefing::config::ThemeName::Dark, false),
            keymap: briefing::tui::keymap::Keymap::defaults(),
        },
    )
}

fn first_screen(dir: &Path, cache: &Path, notes: &Path) -> usize {
    let app = reader(dir, cache, notes);
    let mut t = ratatui::Terminal::new(ratatui::backend::TestBackend::new(100, 30)).unwrap();
    t.draw(|f| briefing::tui::ui::draw(f, &app)).unwrap();
    app.briefs.len()
}

fn key(app: &mut App, code: KeyCode) {
    app.update(Action::Input(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn shown(app: &App) -> usize {
    match &app.view {
        View::Library(lv) => lv.shown.len(),
        _ => 0,
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// The filter typed a key at a time (and cleared), 20 times per query:
/// median and p99 per keystroke, and what each query keeps.
fn filter_summary(app: &mut App) {
    const QUERIES: [&str; 4] = ["korea", "moskow", "azer rus", "perjanjian damai"];
    let n = app.briefs.len();
    // The first keystroke builds the filter's index.
    app.update(Action::Command(Command::Find));
    let t = Instant::now();
    key(app, KeyCode::Char('k'));
    println!(
        "filter: first keystroke (builds the index of {n} briefs): {:.1} ms",
        t.elapsed().as_secs_f64() * 1e3
    );
    app.update(Action::Command(Command::Back));
    let mut all = Vec::new();
    for q in QUERIES {
        let mut times = Vec::new();
        for _ in 0..20 {
            app.update(Action::Command(Command::Find));
            for c in q.chars() {
                let t = Instant::now();
                key(app, KeyCode::Char(c));
                times.push(t.elapsed().as_secs_f64() * 1e3);
            }
            let kept = shown(app);
            app.update(Action::Command(Command::Back));
            std::hint::black_box(kept);
        }
        app.update(Action::Command(Command::Find));
        for c in q.chars() {
            key(app, KeyCode::Char(c));
        }
        let kept = shown(app);
        app.update(Action::Command(Command::Back));
        times.sort_by(f64::total_cmp);
        println!(
            "filter {q:?}: keeps {kept} of {n}; per keystroke median {:.2} ms, p99 {:.2} ms ({} keystrokes)",
            percentile(&times, 0.5),
            percentile(&times, 0.99),
            times.len()
        );
        all.extend(times);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "filter, all keystrokes: median {:.2} ms, p99 {:.2} ms over {} keystrokes",
        percentile(&all, 0.5),
        percentile(&all, 0.99),
        all.len()
    );
}

/// Set (to the library, cache and notes folders, one per line) in the
/// child process that measures the reader's memory.
const PROBE: &str = "BRIEFING_BENCH_MEMORY_PROBE";

/// The child: first screen and index from the caches, then RSS; exits.
fn memory_probe(spec: &str) -> ! {
    let mut parts = spec.lines().map(PathBuf::from);
    let (dir, cache, notes) = (
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
        parts.next().unwrap_or_default(),
    );
    let before = rss_mb();
    let n = first_screen(&dir, &cache, &notes);
    let engine = catalog::cached_index(&dir, &cache).expect("current cache");
    println!(
        "reader memory: {:.0} MB RSS after the first screen and the index ({} briefs, {} items; {:.0} MB before)",
        rss_mb(),
        n,
        engine.len(),
        before
    );
    std::process::exit(0)
}

fn open(c: &mut Criterion) {
    if let Ok(spec) = std::env::var(PROBE) {
        memory_probe(&spec);
    }
    let dir = library();
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let notes = tmp.path().join("notes");

    // Cold: no caches yet (every brief read once, caches written).
    let t = Instant::now();
    let cat = Catalog::open(&dir, Some(&cache)).expect("opens");
    println!(
        "cold catalog (reads every brief, writes the cache): {:.2} s",
        t.elapsed().as_secs_f64()
    );
    let t = Instant::now();
    let engine = cat.index();
    println!(
        "cold search index ({} items; writes the cache): {:.2} s",
        engine.len(),
        t.elapsed().as_secs_f64()
    );
    drop(engine);
    drop(cat);

    // Memory as the reader has it: a fresh process that opens the caches
    // (this one still holds what the cold builds left, the lexicon included).
    let probe = std::process::Command::new(std::env::current_exe().expect("the bench binary"))
        .args(["--bench", "NO-BENCHMARK"])
        .env(
            PROBE,
            format!(
                "{}\n{}\n{}",
                dir.display(),
                cache.display(),
                notes.display()
            ),
        )
        .output()
        .expect("runs the memory probe");
    let out = String::from_utf8_lossy(&probe.stdout);
    println!(
        "{}",
        out.lines()
            .find(|l| l.starts_with("reader memory"))
            .unwrap_or("reader memory: the probe failed")
    );

    let mut group = c.benchmark_group("library-10000");
    group.sample_size(10);
    group.bench_function("first screen (catalog from cache + App + draw)", |b| {
        b.iter(|| first_screen(&dir, &cache, &notes))
    });
    group.bench_function("search index from cache", |b| {
        b.iter(|| {
            catalog::cached_index(&dir, &cache)
                .expect("current cache")
                .len()
        })
    });
    // The library filter, a keystroke at a time.
    let mut app = reader(&dir, &cache, &notes);
    app.update(Action::Resize {
        width: 100,
        height: 30,
    });
    filter_summary(&mut app);
    app.update(Action::Command(Command::Find));
    for c in "kore".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    group.bench_function(
        "filter: 'a' after 'kore', then Backspace (two keystrokes)",
        |b| {
            b.iter(|| {
                key(&mut app, KeyCode::Char('a'));
                key(&mut app, KeyCode::Backspace);
                shown(&app)
            })
        },
    );
    group.finish();
}

criterion_group!(benches, open);
criterion_main!(benches);
