//! The command line, through the real binary: success paths and every error
//! a user can cause (one line on stderr naming the file, non-zero exit).

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::*;
use predicates::str::contains;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The binary, run in `dir`, with no user config visible.
fn briefing(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("briefing").unwrap();
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env("XDG_DATA_HOME", dir.join(".no-data"))
        .env(
            "XDG_CACHE_HOME",
            std::env::temp_dir().join("briefing-cli-test-cache"),
        )
        .env_remove("NO_COLOR");
    cmd
}

fn stderr_lines(out: &std::process::Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(String::from)
        .collect()
}

#[test]
fn list_shows_the_sample_briefs_with_titles_from_the_documents() {
    briefing(&root())
        .arg("list")
        .assert()
        .success()
        .stdout(contains("000_f5840cd7195cf325"))
        .stdout(contains("BAB VI PENUTUP"))
        .stdout(contains("002_fea91339883cd94f"))
        .stdout(contains(
            "Dalam langkah yang memicu reaksi keras, Rusia menjadi negara pertama",
        ))
        .stdout(contains(".txt").not());
}

#[test]
fn list_json_is_one_object_per_brief() {
    let out = briefing(&root()).args(["list", "--json"]).output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(
        lines
            .iter()
            .any(|v| v["title"] == "BAB VI PENUTUP" && v["language"] == "id")
    );
}

#[test]
fn show_prints_cleaned_paragraphs_under_the_headings() {
    let out = briefing(&root())
        .args(["show", "000_f5840cd7195cf325"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.starts_with("BAB VI PENUTUP\n"));
    assert!(text.contains("\n6.1. Kesimpulan\n"));
    assert!(text.contains("ruang pasca-Soviet secara historis"));
    assert!(text.contains("perang Nagorno-Karabakh kedua"));
    assert!(!text.contains("pasca- Soviet") && !text.contains("Nagorno- Karabakh"));
    // Real paragraphs: each on one line (output is piped), separated by a blank line.
    let paragraphs: Vec<&str> = text
        .split("\n\n")
        .filter(|p| p.starts_with("Analisis") || p.starts_with("Perjanjian gencatan"))
        .collect();
    assert_eq!(paragraphs.len(), 2, "{text}");
    for p in paragraphs {
        assert!(
            !p.trim_end().contains('\n'),
            "no stray line breaks in {p:?}"
        );
    }

    let out = briefing(&root())
        .args(["show", "002_fea91339883cd94f"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    for h in [
        "Teman-teman baru Moskow",
        "Mantan sekutu Moskow",
        "Azerbaijan dan Rusia",
        "Armenia dan Rusia",
    ] {
        assert!(text.contains(&format!("\n{h}\n")), "heading {h}");
    }
}

#[test]
fn show_json_has_the_schema_and_the_body() {
    let out = briefing(&root())
        .args(["show", "002_fea91339883cd94f", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for key in [
        "id",
        "title",
        "language",
        "source",
        "actors",
        "conclusions",
        "relations",
        "alliances",
        "timeline",
        "body",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["source"], "sources/002_fea91339883cd94f.txt");
    assert!(
        v["body"]
            .as_str()
            .unwrap()
            .contains("## Azerbaijan dan Rusia")
    );
}

#[test]
fn ingest_dry_run_json_prints_one_line_per_document_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("in")).unwrap();
    for name in ["000_f5840cd7195cf325.txt", "002_fea91339883cd94f.txt"] {
        std::fs::copy(
            root().join("sources").join(name),
            dir.path().join("in").join(name),
        )
        .unwrap();
    }
    let out = briefing(dir.path())
        .args(["ingest", "--dry-run", "--json", "in"])
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", stderr_lines(&out));
    let stdout = String::from_utf8(out.stdout).unwrap();
    let docs: Vec<serde_json::Value> = stdout
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs[0]["title"], "BAB VI PENUTUP");
    assert_eq!(docs[0]["source"], "in/000_f5840cd7195cf325.txt");
    assert_eq!(docs[1]["language"], "id");
    assert!(!dir.path().join("briefs").exists(), "dry run wrote nothing");
}

#[test]
fn ingest_writes_briefs_and_protects_hand_edits() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("laporan.txt");
    std::fs::write(&src, "Kerja Sama Maritim\n\nIndonesia dan Vietnam sepakat memperkuat kerja sama penjaga pantai.\n").unwrap();
    briefing(dir.path())
        .args(["ingest", "laporan.txt"])
        .assert()
        .success()
        .stdout(contains(
            "laporan.txt -> briefs/laporan.md (created): Kerja Sama Maritim",
        ));
    let brief = dir.path().join("briefs/laporan.md");
    assert!(
        std::fs::read_to_string(&brief)
            .unwrap()
            .contains("title = \"Kerja Sama Maritim\"")
    );
    briefing(dir.path())
        .args(["ingest", "laporan.txt"])
        .assert()
        .success()
        .stdout(contains("(unchanged)"));

    let edited = std::fs::read_to_string(&brief)
        .unwrap()
        .replace("sepakat", "telah sepakat");
    std::fs::write(&brief, &edited).unwrap();
    std::fs::write(&src, "Kerja Sama Maritim\n\nVersi baru dari dokumen.\n").unwrap();
    let out = briefing(dir.path())
        .args(["ingest", "laporan.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out);
    assert!(err[0].contains("briefs/laporan.md was edited by hand since it was generated; not overwritten (use --force"), "{err:?}");
    assert_eq!(
        std::fs::read_to_string(&brief).unwrap(),
        edited,
        "hand edit kept"
    );

    briefing(dir.path())
        .args(["ingest", "--force", "laporan.txt"])
        .assert()
        .success()
        .stdout(contains("(updated)"));
    assert!(
        std::fs::read_to_string(&brief)
            .unwrap()
            .contains("Versi baru dari dokumen.")
    );
}

#[test]
fn ingest_out_and_library_options() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# Judul A\n\nIsi dokumen A.\n").unwrap();
    briefing(dir.path())
        .args(["ingest", "--out", "lib1", "a.md"])
        .assert()
        .success();
    assert!(dir.path().join("lib1/a.md").is_file());
    briefing(dir.path())
        .args(["--library", "lib2", "ingest", "a.md"])
        .assert()
        .success();
    assert!(dir.path().join("lib2/a.md").is_file());
    briefing(dir.path())
        .args(["list", "--library", "lib2"])
        .assert()
        .success()
        .stdout(contains("Judul A"));
}

#[test]
fn same_file_name_in_two_folders_gets_two_ids() {
    let dir = tempfile::tempdir().unwrap();
    for (sub, text) in [
        ("x", "Berita X\n\nIsi pertama.\n"),
        ("y", "Berita Y\n\nIsi kedua.\n"),
    ] {
        std::fs::create_dir(dir.path().join(sub)).unwrap();
        std::fs::write(dir.path().join(sub).join("news.txt"), text).unwrap();
    }
    briefing(dir.path())
        .args(["ingest", "x", "y"])
        .assert()
        .success();
    let names: Vec<String> = std::fs::read_dir(dir.path().join("briefs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.contains(&"news.md".to_string()));
    // Re-ingesting keeps each source on its own id.
    briefing(dir.path())
        .args(["ingest", "x", "y"])
        .assert()
        .success()
        .stdout(contains("(unchanged)"));
    assert_eq!(
        std::fs::read_dir(dir.path().join("briefs"))
            .unwrap()
            .count(),
        2
    );
}

#[test]
fn a_batch_goes_on_past_bad_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Judul Baik\n\nIsi yang baik.\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("binary.txt"), b"\x00\x01\x02\x03binary").unwrap();
    let out = briefing(dir.path())
        .args([
            "ingest",
            "good.txt",
            "empty.txt",
            "missing.txt",
            "binary.txt",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out);
    assert_eq!(
        err[..3],
        [
            "briefing: cannot ingest empty.txt: the file is empty",
            "briefing: cannot read missing.txt: No such file or directory (os error 2)",
            "briefing: cannot ingest binary.txt: not a text document (binary content)",
        ]
    );
    // The summary: counts, size, time and throughput.
    assert_eq!(err.len(), 4);
    assert!(
        err[3].starts_with("briefing: 1 document ingested, 3 failed; 0.0 MB in ")
            && err[3].ends_with(" MB/s)"),
        "{}",
        err[3]
    );
    assert!(dir.path().join("briefs/good.md").is_file());
}

#[test]
fn errors_are_one_line_and_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let cases: Vec<(Vec<&str>, &str)> = vec![
        (
            vec!["ingest", "nope.txt"],
            "briefing: cannot read nope.txt: No such file or directory",
        ),
        (
            vec!["show", "no-such-brief", "--library", "lib"],
            "briefing: cannot open library lib",
        ),
        (
            vec!["list", "--library", "/nonexistent/briefs"],
            "briefing: cannot open library /nonexistent/briefs",
        ),
        (
            vec!["show", "../etc/passwd"],
            "briefing: invalid brief id \"../etc/passwd\"",
        ),
        (vec!["show", "a/b"], "briefing: invalid brief id \"a/b\""),
        (
            vec!["--config", "missing.toml", "list"],
            "briefing: cannot read config missing.toml",
        ),
    ];
    for (args, want) in cases {
        let out = briefing(dir.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr_lines(&out);
        assert_eq!(err.len(), 1, "{args:?}: {err:?}");
        assert!(err[0].starts_with(want), "{args:?}: {err:?}");
    }
    std::fs::create_dir(dir.path().join("lib")).unwrap();
    let out = briefing(dir.path())
        .args(["show", "no-such-brief", "--library", "lib"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(
        stderr_lines(&out),
        ["briefing: no brief with id 'no-such-brief' in lib"]
    );
}

#[test]
fn a_broken_brief_is_reported_and_the_others_still_open() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# Judul A\n\nIsi.\n").unwrap();
    briefing(dir.path())
        .args(["ingest", "a.md"])
        .assert()
        .success();
    std::fs::write(
        dir.path().join("briefs/broken.md"),
        "+++\nid = \"broken\"\ntitle = \"x\"\nlanguage = 5\n+++\n",
    )
    .unwrap();
    let out = briefing(dir.path()).arg("list").output().unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Judul A"));
    let err = stderr_lines(&out);
    assert_eq!(err.len(), 1);
    assert!(
        err[0].starts_with(
            "briefing: warning: briefs/broken.md:4: invalid front matter: invalid type: integer `5`"
        ),
        "{err:?}"
    );
}

#[test]
fn config_unknown_key_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("config.toml"),
        "theme = \"light\"\nlibary = \"x\"\n",
    )
    .unwrap();
    let out = briefing(dir.path()).arg("list").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out);
    assert_eq!(err.len(), 1);
    assert!(err[0].starts_with("briefing: "), "{err:?}");
    assert!(
        err[0].contains("config.toml:2: unknown field `libary`"),
        "{err:?}"
    );
}

#[test]
fn config_library_is_used() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.md"), "# Dari Konfigurasi\n\nIsi.\n").unwrap();
    std::fs::write(dir.path().join("my.toml"), "library = \"koleksi\"\n").unwrap();
    briefing(dir.path())
        .args(["--config", "my.toml", "ingest", "a.md"])
        .assert()
        .success();
    assert!(dir.path().join("koleksi/a.md").is_file());
    briefing(dir.path())
        .args(["--config", "my.toml", "list"])
        .assert()
        .success()
        .stdout(contains("Dari Konfigurasi"));
}

#[test]
fn usage_errors_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    briefing(dir.path()).args(["ingest"]).assert().code(2);
    briefing(dir.path()).args(["frobnicate"]).assert().code(2);
}

#[test]
fn no_subcommand_without_a_terminal_points_at_list_and_show() {
    let out = briefing(&root()).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out);
    assert_eq!(err.len(), 1, "{err:?}");
    assert!(err[0].starts_with("briefing: the reader needs a terminal"));
    assert!(err[0].contains("briefing list") && err[0].contains("briefing show ID"));
    assert!(out.stdout.is_empty());
}

#[test]
fn search_prints_ranked_hits_with_brief_and_section() {
    let out = briefing(&root())
        .args(["search", "azer", "rus", "--limit", "3", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let hits: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(hits.len(), 3);
    assert_eq!(hits[0]["kind"], "relation");
    assert!(
        hits[0]["text"]
            .as_str()
            .unwrap()
            .starts_with("Azerbaijan–Russia")
    );
    assert_eq!(hits[0]["section"], "relations");
    assert!(!hits[0]["positions"].as_array().unwrap().is_empty());
    let scores: Vec<i64> = hits.iter().map(|h| h["score"].as_i64().unwrap()).collect();
    assert!(scores.windows(2).all(|w| w[0] >= w[1]), "{scores:?}");
    // Aliases: "amerika" finds the United States; sentences point at paragraphs.
    briefing(&root())
        .args(["search", "amerika", "--limit", "5"])
        .assert()
        .success()
        .stdout(contains("actor  United States (USA)"))
        .stdout(contains(
            "source ¶4  sentence  Amerika Serikat maupun Uni Eropa",
        ));
    briefing(&root())
        .args(["search", "qqqzzzxxx"])
        .assert()
        .success()
        .stdout("")
        .stderr("briefing: no results for \"qqqzzzxxx\"\n");
}

#[test]
fn notes_add_and_export() {
    let dir = tempfile::tempdir().unwrap();
    let id = "002_fea91339883cd94f";
    let quote = "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.";
    let notes = |d: &Path| {
        let mut c = briefing(d);
        c.env("XDG_DATA_HOME", dir.path().join("data"))
            .arg("--library")
            .arg(root().join("briefs"));
        c
    };
    notes(dir.path())
        .arg("notes")
        .assert()
        .success()
        .stdout("")
        .stderr(contains("no notes in"));
    let out = notes(dir.path())
        .args([
            "notes",
            "add",
            id,
            "--quote",
            quote,
            "--text",
            "Bandingkan dengan 2020.",
        ])
        .output()
        .unwrap();
    assert!(out.status.success(), "{:?}", stderr_lines(&out));
    let note_id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    assert!(note_id.starts_with('n') && note_id.len() == 11, "{note_id}");
    let file = dir
        .path()
        .join("data/briefing/annotations")
        .join(format!("{id}.toml"));
    assert!(
        std::fs::read_to_string(&file).unwrap().contains(&note_id),
        "on disk when printed"
    );
    // A quote wrapped over lines, as copied from a terminal, still anchors.
    notes(dir.path())
        .args([
            "notes",
            "add",
            id,
            "--quote",
            "Kampanye kilat Azerbaijan\n di Karabakh",
            "--text",
            "kilat",
        ])
        .assert()
        .success();
    let out = notes(dir.path())
        .args(["notes", "--json"])
        .output()
        .unwrap();
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], note_id.as_str());
    assert_eq!(lines[0]["brief"], id);
    assert_eq!(lines[0]["kind"], "paragraph");
    assert_eq!(lines[0]["paragraph"], 22);
    assert_eq!(lines[0]["orphaned"], false);
    assert_eq!(lines[1]["kind"], "sentence");
    notes(dir.path())
        .args(["notes", "--markdown", id])
        .assert()
        .success()
        .stdout(contains("## Dalam langkah yang memicu reaksi keras"))
        .stdout(contains(format!("> {quote}")))
        .stdout(contains("Bandingkan dengan 2020."));
    notes(dir.path())
        .args(["notes", id])
        .assert()
        .success()
        .stdout(contains(format!(
            "{id}  {note_id}  paragraph (paragraph 22)"
        )));
    // Errors: one line, non-zero, nothing written.
    for (args, msg) in [
        (
            vec![
                "notes",
                "add",
                id,
                "--quote",
                "Kalimat yang tidak ada.",
                "--text",
                "x",
            ],
            "briefing: quote not found in brief 002_fea91339883cd94f",
        ),
        (
            vec!["notes", "add", "nope", "--quote", quote, "--text", "x"],
            "briefing: no brief with id 'nope'",
        ),
        (
            vec!["notes", "add", "../x", "--quote", quote, "--text", "x"],
            "briefing: invalid brief id \"../x\"",
        ),
        (
            vec!["notes", "add", id, "--quote", quote, "--text", "  "],
            "briefing: --text is empty",
        ),
    ] {
        let out = notes(dir.path()).args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr_lines(&out);
        assert_eq!(err.len(), 1, "{err:?}");
        assert!(err[0].starts_with(msg), "{err:?}");
    }
    let out = notes(dir.path())
        .args(["notes", "--json"])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
}

#[test]
fn notes_folder_from_config() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("config.toml"), "notes_dir = \"my-notes\"\n").unwrap();
    briefing(dir.path())
        .arg("--library")
        .arg(root().join("briefs"))
        .args([
            "notes",
            "add",
            "000_f5840cd7195cf325",
            "--quote",
            "BAB VI",
            "--text",
            "x",
        ])
        .assert()
        .code(1);
    let judgment = {
        let out = briefing(&root())
            .args(["show", "000_f5840cd7195cf325", "--json"])
            .output()
            .unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        v["conclusions"][0]["text"].as_str().unwrap().to_string()
    };
    briefing(dir.path())
        .arg("--library")
        .arg(root().join("briefs"))
        .args([
            "notes",
            "add",
            "000_f5840cd7195cf325",
            "--quote",
            &judgment,
            "--text",
            "x",
        ])
        .assert()
        .success();
    assert!(
        dir.path()
            .join("my-notes/000_f5840cd7195cf325.toml")
            .is_file()
    );
}
