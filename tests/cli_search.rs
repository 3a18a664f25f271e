//! `briefing search` and `briefing list` through the binary: the query
//! syntax, and the caches built on a first run, which must not change what
//! is printed on stdout (progress goes to stderr, and only to a terminal).

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary over the shipped briefs with its caches in `cache` (none: off).
fn briefing(home: &Path, cache: Option<&Path>) -> Command {
    let mut cmd = Command::cargo_bin("briefing").unwrap();
    cmd.current_dir(root())
        .env("XDG_CONFIG_HOME", home.join("config"))
        .env("XDG_DATA_HOME", home.join("data"))
        .arg("--library")
        .arg(root().join("briefs"));
    match cache {
        Some(c) => cmd.env("XDG_CACHE_HOME", c).env_remove("BRIEFING_NO_CACHE"),
        None => cmd.env("BRIEFING_NO_CACHE", "1"),
    };
    cmd
}

fn run(mut cmd: Command, args: &[&str]) -> (String, String) {
    let out = cmd.args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn building_the_caches_leaves_stdout_as_it_is() {
    let home = tempfile::tempdir().unwrap();
    let cache = home.path().join("cache");
    for args in [
        &["search", "azer", "rus", "--limit", "5"][..],
        &["search", "csto", "--json"][..],
        &["list"][..],
        &["list", "--json"][..],
    ] {
        let _ = std::fs::remove_dir_all(&cache);
        // First run: no cache yet, so it is built; then from the cache; then without.
        let (first, err) = run(briefing(home.path(), Some(&cache)), args);
        assert!(
            cache.join("briefing").join("libraries").is_dir(),
            "{args:?}: a cache was written"
        );
        let (again, err2) = run(briefing(home.path(), Some(&cache)), args);
        let (plain, _) = run(briefing(home.path(), None), args);
        assert!(!first.is_empty());
        assert_eq!(first, again, "{args:?}");
        assert_eq!(first, plain, "{args:?}");
        // Not a terminal: no progress bar, no summary, no escape codes.
        assert_eq!(err, "", "{args:?}");
        assert_eq!(err2, "", "{args:?}");
        assert!(!first.contains('\u{1b}'));
    }
}

#[test]
fn query_syntax_through_the_command_line() {
    let home = tempfile::tempdir().unwrap();
    let search = |q: &str| -> Vec<serde_json::Value> {
        let (out, _) = run(
            briefing(home.path(), None),
            &["search", q, "--limit", "200", "--json"],
        );
        out.lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect()
    };
    let text = |h: &serde_json::Value| h["text"].as_str().unwrap().to_string();
    // A phrase, an exclusion.
    let hits = search("\"pasukan penjaga perdamaian\" !azerbaijan");
    assert!(!hits.is_empty());
    for h in &hits {
        let t = text(h).to_lowercase();
        assert!(
            t.contains("pasukan penjaga perdamaian") && !t.contains("azerbaijan"),
            "{t}"
        );
    }
    // AS in capitals: the United States, never the letters of Astana.
    let hits = search("AS");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| !text(h).starts_with("Kazakhstan")));
    // Either word.
    let hits = search("yerevan$ | karabakh$");
    assert!(hits.iter().all(|h| {
        let t = text(h);
        t.contains("Yerevan") || t.contains("Karabakh")
    }));
}

#[test]
fn search_help_shows_the_syntax() {
    let home = tempfile::tempdir().unwrap();
    let (out, _) = run(briefing(home.path(), None), &["search", "--help"]);
    for s in [
        "'word",
        "\"a phrase\"",
        "^word",
        "word$",
        "!word",
        "a | b",
        "AS",
    ] {
        assert!(out.contains(s), "{s} in:\n{out}");
    }
}
