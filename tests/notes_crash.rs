//! Notes survive crashes and concurrency, through the real binary
//! (`briefing notes add` prints a note's id only once it is on disk, so a
//! printed id is an acknowledged note):
//!
//! - two processes adding notes to one brief at once lose nothing;
//! - processes SIGKILLed at random moments, many of them mid-save, leave a
//!   valid notes file holding every acknowledged note, and no debris;
//! - a corrupt notes file is moved aside and reported, never overwritten.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use assert_cmd::cargo::CommandCargoExt;
use briefing::notes::Store;

const BRIEF: &str = "002_fea91339883cd94f";
const QUOTE: &str = "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `briefing notes add` on the sample brief of the fixture library, notes under `data`.
fn add(data: &Path, text: &str) -> Command {
    let mut cmd = Command::cargo_bin("briefing").unwrap();
    cmd.env("XDG_CONFIG_HOME", data.join("no-config"))
        .env("XDG_DATA_HOME", data)
        .env("XDG_CACHE_HOME", data.join("cache"))
        .arg("--library")
        .arg(root().join("tests/fixtures/library"))
        .args(["notes", "add", BRIEF, "--quote", QUOTE, "--text", text])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    cmd
}

fn notes_dir(data: &Path) -> PathBuf {
    data.join("briefing/annotations")
}

/// The note ids in the notes file; panics if the file does not parse.
fn stored_ids(data: &Path) -> BTreeSet<String> {
    Store::new(notes_dir(data))
        .load(BRIEF)
        .expect("the notes file is valid")
        .into_iter()
        .map(|n| n.id)
        .collect()
}

fn folder(data: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(notes_dir(data))
        .map(|rd| {
            rd.map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    names.sort();
    names
}

/// The id a finished process printed, if it acknowledged its note.
fn acknowledged(child: Child) -> Option<String> {
    let out = child.wait_with_output().unwrap();
    let id = String::from_utf8_lossy(&out.stdout).trim().to_string();
    (out.status.success() && !id.is_empty()).then_some(id)
}

#[test]
fn two_concurrent_writers_lose_nothing() {
    let data = tempfile::tempdir().unwrap();
    let per_writer = 12;
    let writers: Vec<_> = ["first", "second"]
        .into_iter()
        .map(|name| {
            let data = data.path().to_path_buf();
            std::thread::spawn(move || {
                (0..per_writer)
                    .map(|i| {
                        // Each save pauses mid-write, so the two overlap.
                        let child = add(&data, &format!("{name} writer, note {i}"))
                            .env("BRIEFING_TEST_SAVE_PAUSE_MS", "5")
                            .spawn()
                            .unwrap();
                        acknowledged(child).expect("every note is acknowledged")
                    })
                    .collect::<Vec<_>>()
            })
        })
        .collect();
    let mut printed = BTreeSet::new();
    for w in writers {
        printed.extend(w.join().unwrap());
    }
    assert_eq!(printed.len(), 2 * per_writer);
    assert_eq!(stored_ids(data.path()), printed);
    let notes = Store::new(notes_dir(data.path())).load(BRIEF).unwrap();
    for who in ["first", "second"] {
        let mut mine: Vec<&str> = notes
            .iter()
            .filter(|n| n.text.starts_with(who))
            .map(|n| n.text.as_str())
            .collect();
        mine.sort();
        assert_eq!(mine.len(), per_writer, "{who}");
    }
    assert_eq!(
        folder(data.path()),
        [format!(".{BRIEF}.lock"), format!("{BRIEF}.toml")]
    );
}

#[test]
fn writers_killed_mid_save_leave_a_valid_file_with_every_acknowledged_note() {
    let data = tempfile::tempdir().unwrap();
    let mut acked: BTreeSet<String> = BTreeSet::new();
    let mut killed = 0;
    // A cheap deterministic spread of kill times across start-up, the
    // locked read, the 20 ms mid-save pause and the rename.
    let mut seed = 0x2545_f491_u64;
    for round in 0..25 {
        let children: Vec<Child> = (0..3)
            .map(|k| {
                add(data.path(), &format!("round {round}, writer {k}"))
                    .env("BRIEFING_TEST_SAVE_PAUSE_MS", "20")
                    .spawn()
                    .unwrap()
            })
            .collect();
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        std::thread::sleep(Duration::from_millis(5 + seed % 70));
        for mut c in children {
            // SIGKILL: no destructors, no clean-up.
            if c.try_wait().unwrap().is_none() {
                c.kill().unwrap();
            }
            match acknowledged(c) {
                Some(id) => {
                    acked.insert(id);
                }
                None => killed += 1,
            }
        }
        // After every round: the file parses, and nothing acknowledged is missing.
        if notes_dir(data.path())
            .join(format!("{BRIEF}.toml"))
            .exists()
        {
            let stored = stored_ids(data.path());
            let missing: Vec<_> = acked.difference(&stored).collect();
            assert!(missing.is_empty(), "round {round}: lost {missing:?}");
        }
        assert!(
            !folder(data.path()).iter().any(|n| n.contains("corrupt")),
            "round {round}: {:?}",
            folder(data.path())
        );
    }
    // The loop really did kill writers, and really did let some finish.
    assert!(killed >= 10, "only {killed} writers killed");
    assert!(acked.len() >= 5, "only {} acknowledged", acked.len());
    // One more clean write removes the temp files killed writers left.
    let last = acknowledged(add(data.path(), "after the storm").spawn().unwrap()).unwrap();
    acked.insert(last);
    assert!(stored_ids(data.path()).is_superset(&acked));
    assert_eq!(
        folder(data.path()),
        [format!(".{BRIEF}.lock"), format!("{BRIEF}.toml")]
    );
}

#[test]
fn a_corrupt_notes_file_is_moved_aside_and_reported_never_overwritten() {
    let data = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(notes_dir(data.path())).unwrap();
    let file = notes_dir(data.path()).join(format!("{BRIEF}.toml"));
    let damaged = "brief = \"002_fea91339883cd94f\"\n[[notes]]\nid = \"n1\"\ntext = \"half a no";
    std::fs::write(&file, damaged).unwrap();
    let out = add(data.path(), "written after the damage")
        .output()
        .unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with(&format!(
            "briefing: warning: {}:4: notes file is corrupt",
            file.display()
        )) && err.contains("the old file was moved to ")
            && err.contains(".toml.corrupt-"),
        "{err}"
    );
    let names = folder(data.path());
    let aside = names
        .iter()
        .find(|n| n.starts_with(&format!("{BRIEF}.toml.corrupt-")))
        .expect("moved aside");
    assert_eq!(
        std::fs::read_to_string(notes_dir(data.path()).join(aside)).unwrap(),
        damaged
    );
    assert_eq!(stored_ids(data.path()).len(), 1);
}

/// A note on a sentence that a re-ingest removed stays, marked orphaned; a
/// note on a sentence that survived finds it again.
#[test]
fn notes_survive_a_re_ingest_that_removes_their_passage() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let stderr = std::cell::RefCell::new(String::new());
    let run = |args: &[&str]| {
        let out = Command::cargo_bin("briefing")
            .unwrap()
            .current_dir(dir.path())
            .env("XDG_CONFIG_HOME", dir.path().join("no-config"))
            .env("XDG_DATA_HOME", &data)
            .env("XDG_CACHE_HOME", dir.path().join("cache"))
            .args(args)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        *stderr.borrow_mut() = String::from_utf8_lossy(&out.stderr).into_owned();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let kept = "Indonesia dan Vietnam sepakat memperluas patroli bersama di Laut Natuna Utara.";
    let gone = "Kedua negara juga membahas sengketa zona ekonomi eksklusif yang lama tertunda.";
    std::fs::write(
        dir.path().join("natuna.txt"),
        format!(
            "Patroli Natuna\n\n{kept} {gone}\n\nPertemuan berikutnya dijadwalkan tahun depan.\n"
        ),
    )
    .unwrap();
    run(&["ingest", "natuna.txt"]);
    assert_eq!(stderr.borrow().as_str(), "", "no notes yet, nothing to say");
    run(&[
        "notes",
        "add",
        "natuna",
        "--quote",
        kept,
        "--text",
        "masih ada",
    ]);
    run(&[
        "notes",
        "add",
        "natuna",
        "--quote",
        gone,
        "--text",
        "akan hilang",
    ]);
    // The source changes: the second sentence is gone, a paragraph is added before.
    std::fs::write(
        dir.path().join("natuna.txt"),
        format!("Patroli Natuna\n\nLatar belakang singkat tentang kawasan itu.\n\n{kept}\n\nPertemuan berikutnya dijadwalkan tahun depan.\n"),
    )
    .unwrap();
    run(&["ingest", "natuna.txt"]);
    // The re-ingest says, in one line, what it did to the brief's notes.
    assert_eq!(
        stderr.borrow().as_str(),
        "briefing: natuna: 1 note re-anchored, 1 orphaned (see `briefing notes`)\n"
    );
    // Ingesting the same source again changes nothing and says nothing.
    run(&["ingest", "natuna.txt"]);
    assert_eq!(stderr.borrow().as_str(), "");
    let notes: Vec<serde_json::Value> = run(&["notes", "--json"])
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(notes.len(), 2, "{notes:?}");
    let by_text = |t: &str| notes.iter().find(|n| n["text"] == t).unwrap();
    assert_eq!(by_text("masih ada")["orphaned"], false);
    assert_eq!(by_text("masih ada")["paragraph"], 2);
    assert_eq!(by_text("akan hilang")["orphaned"], true);
    assert_eq!(by_text("akan hilang")["quote"], gone);
}
