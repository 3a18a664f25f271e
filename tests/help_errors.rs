//! What the binary says about failures: every error is one line that names
//! its file and gives each cause once.

use std::path::Path;

use assert_cmd::Command;

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
}
