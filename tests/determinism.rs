//! Ingest output is identical run to run: every document of `sources/`,
//! `tests/evalset/`, `tests/holdout/`, `tests/holdout10/` and the dev set
//! (`../shared/devset/`, when it is beside the clone, as in CI) ingested ten
//! times in this process — each run builds its maps afresh, so any hash-map
//! order that reached the output would show — and three times through the
//! binary, byte for byte.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use briefing::ingest;
use briefing::lexicon;

fn documents() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut dirs = vec![
        root.join("sources"),
        root.join("tests/evalset"),
        root.join("tests/holdout"),
        root.join("tests/holdout10"),
    ];
    let shared = root.join("../shared/devset");
    if shared.is_dir() {
        dirs.push(shared);
    } else if std::env::var_os("CI").is_some() {
        panic!("../shared/devset is missing beside the clone");
    } else {
        eprintln!("note: ../shared/devset not found; checking sources/ and tests/evalset/ only");
    }
    let mut out = Vec::new();
    for d in dirs {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
            let readme = p.file_name().is_some_and(|n| n == "README.md");
            if ingest::EXTENSIONS.contains(&ext) && !readme {
                out.push(p);
            }
        }
    }
    out.sort();
    assert!(out.len() >= 14, "too few documents found: {}", out.len());
    out
}

#[test]
fn ten_runs_in_process_give_the_same_brief() {
    let lex = lexicon::shared();
    let docs = documents();
    std::thread::scope(|s| {
        for chunk in docs.chunks(docs.len().div_ceil(2)) {
            s.spawn(move || {
                for p in chunk {
                    let bytes = std::fs::read(p).unwrap();
                    let name = p.to_string_lossy();
                    let run = || {
                        let b = ingest::ingest(&name, &bytes, lex).unwrap().brief;
                        serde_json::to_string(&b.to_json()).unwrap()
                    };
                    let first = run();
                    for i in 1..10 {
                        assert_eq!(run(), first, "{name}: run {} differs from run 1", i + 1);
                    }
                }
            });
        }
    });
}

#[test]
fn three_runs_of_the_binary_print_the_same_json() {
    let docs = documents();
    let run = || {
        let out = Command::cargo_bin("briefing")
            .unwrap()
            .args(["ingest", "--dry-run", "--json"])
            .args(&docs)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    let first = run();
    assert_eq!(first.lines().count(), docs.len());
    for i in 1..3 {
        assert!(run() == first, "binary run {} differs from run 1", i + 1);
    }
}
