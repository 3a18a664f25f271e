//! What the binary says about itself and about failures: every help text
//! tells the truth about the formats and folders `ingest` reads, and every
//! error is one line that names its file and gives each cause once.

use std::path::Path;

use assert_cmd::Command;
use briefing::ingest::EXTENSIONS;

/// The binary, run in `dir`, with no user config, data or cache visible.
fn briefing(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("briefing").unwrap();
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env("XDG_DATA_HOME", dir.join(".no-data"))
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .env_remove("BRIEFING_NO_CACHE");
    cmd
}

fn help(args: &[&str]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = briefing(dir.path()).args(args).output().unwrap();
    assert!(out.status.success(), "{args:?}");
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn help_names_every_supported_format() {
    let top = help(&["--help"]);
    let ingest = help(&["ingest", "--help"]);
    let short = help(&["ingest", "-h"]);
    for ext in EXTENSIONS {
        let ext = format!(".{ext}");
        assert!(top.contains(&ext), "briefing --help lacks {ext}:\n{top}");
        assert!(
            ingest.contains(&ext),
            "ingest --help lacks {ext}:\n{ingest}"
        );
    }
    // The one-line summaries (command list, `-h`) name the five formats.
    for ext in [".txt", ".md", ".html", ".pdf", ".docx"] {
        let ingest_line = top
            .lines()
            .find(|l| l.trim_start().starts_with("ingest"))
            .unwrap();
        assert!(ingest_line.contains(ext), "{ingest_line}");
        assert!(short.contains(ext), "ingest -h lacks {ext}:\n{short}");
    }
    assert!(ingest.contains("recursively"), "{ingest}");
    assert!(top.contains("opens the reader"), "{top}");
}

#[test]
fn every_subcommand_has_help_for_its_options() {
    let cases: &[(&[&str], &[&str])] = &[
        (&["list", "--help"], &["--json", "--library", "--config"]),
        (&["show", "--help"], &["<ID>", "--json"]),
        (&["search", "--help"], &["<QUERY>", "--limit", "--json"]),
        (
            &["notes", "--help"],
            &["[ID]", "--json", "--markdown", "add"],
        ),
        (&["notes", "add", "--help"], &["<ID>", "--quote", "--text"]),
        (
            &["ingest", "--help"],
            &["--out", "--dry-run", "--json", "--force", "<PATH>"],
        ),
    ];
    for (args, want) in cases {
        let text = help(args);
        for w in *want {
            assert!(text.contains(w), "{args:?} lacks {w}:\n{text}");
        }
    }
}

/// Run `args` in `dir`: it fails with exit status 1 and exactly the one
/// line `want` on stderr.
fn fails_with(dir: &Path, args: &[&str], want: &str) {
    let out = briefing(dir).args(args).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr).into_owned();
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err}");
    assert_eq!(err, format!("{want}\n"), "{args:?}");
}

#[test]
fn errors_give_each_cause_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let missing = "No such file or directory (os error 2)";
    fails_with(
        d,
        &["list", "--library", "/nonexistent/briefs"],
        &format!("briefing: cannot open library /nonexistent/briefs: {missing}"),
    );
    fails_with(
        d,
        &["search", "azer", "--library", "/nonexistent/briefs"],
        &format!("briefing: cannot open library /nonexistent/briefs: {missing}"),
    );
    fails_with(
        d,
        &["notes", "--library", "/nonexistent/briefs"],
        &format!("briefing: cannot open library /nonexistent/briefs: {missing}"),
    );
    fails_with(
        d,
        &["show", "some-brief", "--library", "/nonexistent/briefs"],
        "briefing: cannot open library /nonexistent/briefs: no such folder",
    );
    fails_with(
        d,
        &["--config", "missing.toml", "list"],
        &format!("briefing: cannot read config missing.toml: {missing}"),
    );
    fails_with(
        d,
        &["ingest", "nope.md"],
        &format!("briefing: cannot read nope.md: {missing}"),
    );
    // Output folder that is a file; a notes folder that is a file.
    std::fs::write(
        d.join("a.md"),
        "# Judul\n\nIndonesia dan Vietnam bekerja sama.\n",
    )
    .unwrap();
    std::fs::write(d.join("taken"), "").unwrap();
    fails_with(
        d,
        &["ingest", "a.md", "--out", "taken"],
        "briefing: cannot create taken: File exists (os error 17)",
    );
    briefing(d)
        .args(["ingest", "a.md", "--out", "lib"])
        .assert()
        .success();
    std::fs::write(d.join("config.toml"), "notes_dir = \"taken\"\n").unwrap();
    fails_with(
        d,
        &[
            "notes",
            "add",
            "a",
            "--library",
            "lib",
            "--quote",
            "Indonesia",
            "--text",
            "x",
        ],
        "briefing: cannot write notes taken: File exists (os error 17)",
    );
    // An empty folder names what it looked for.
    std::fs::create_dir(d.join("empty")).unwrap();
    let out = briefing(d).args(["ingest", "empty"]).output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    let exts = EXTENSIONS
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(" ");
    assert_eq!(
        err,
        format!(
            "briefing: warning: empty: no source documents in this folder ({exts})\n\
             briefing: nothing to ingest: no source documents in the given paths ({exts})\n"
        )
    );
}

#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    // `briefing show ID --json | head -1`: the reader goes away first.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for args in [
        &["show", "002_fea91339883cd94f", "--json"][..],
        &["show", "002_fea91339883cd94f"],
        &["list", "--json"],
        &["search", "rusia", "--json"],
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_briefing"))
            .args(args)
            .arg("--library")
            .arg(root.join("briefs"))
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join(".no-config"))
            .env("XDG_CACHE_HOME", dir.path().join(".cache"))
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert_eq!(err, "", "{args:?}");
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
    }
}
