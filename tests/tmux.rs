//! The real binary in a real terminal: tmux runs `briefing`, the test types
//! with `send-keys` and reads the screen with `capture-pane`. It follows a
//! new user: open the library, open a brief, look at the relations, search
//! "azer" and jump, write a note on a paragraph, quit, relaunch, see the
//! note's marker and find it in the notes view; and the screen survives
//! resizing down to 20x5.
//!
//! Skipped (with a message) when tmux is not installed, unless
//! BRIEFING_REQUIRE_TMUX=1 (set by .ci/run, which installs tmux).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

struct Tmux {
    socket: String,
    session: String,
}

impl Tmux {
    fn cmd(&self, args: &[&str]) -> Output {
        Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux runs")
    }

    fn start(&self, command: &str, w: u16, h: u16) {
        let (w, h) = (w.to_string(), h.to_string());
        let args = [
            "new-session",
            "-d",
            "-s",
            &self.session,
            "-x",
            &w,
            "-y",
            &h,
            command,
        ];
        let mut out = self.cmd(&args);
        // Right after `kill`, the old server may still be exiting: retry.
        for _ in 0..20 {
            if out.status.success() {
                break;
            }
            std::thread::sleep(Duration::from_millis(100));
            out = self.cmd(&args);
        }
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }

    fn keys(&self, keys: &[&str]) {
        for k in keys {
            self.cmd(&["send-keys", "-t", &self.session, k]);
            std::thread::sleep(Duration::from_millis(60));
        }
    }

    fn type_text(&self, text: &str) {
        self.cmd(&["send-keys", "-t", &self.session, "-l", text]);
        std::thread::sleep(Duration::from_millis(60));
    }

    fn screen(&self) -> String {
        let out = self.cmd(&["capture-pane", "-p", "-t", &self.session]);
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Wait until the screen shows every one of `texts`.
    fn wait_for(&self, texts: &[&str]) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if texts.iter().all(|t| s.contains(t)) {
                return s;
            }
            if start.elapsed() > Duration::from_secs(10) {
                panic!("timed out waiting for {texts:?}; the screen is:\n{s}");
            }
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn resize(&self, w: u16, h: u16) {
        self.cmd(&[
            "resize-window",
            "-t",
            &self.session,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
        ]);
    }

    fn kill(&self) {
        self.cmd(&["kill-session", "-t", &self.session]);
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        self.cmd(&["kill-server"]);
    }
}

fn tmux_available() -> bool {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("BRIEFING_REQUIRE_TMUX").is_none(),
            "BRIEFING_REQUIRE_TMUX is set but tmux is not installed"
        );
        eprintln!("skipping the tmux end-to-end test: tmux is not installed");
    }
    ok
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

/// The shell command that runs the reader with its own data folder, then
/// reports how it exited and leaves the pane open.
fn reader_command(home: &Path) -> String {
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_briefing"));
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library");
    format!(
        "cd {home} && env XDG_DATA_HOME={data} XDG_CONFIG_HOME={cfg} XDG_CACHE_HOME={cache} TERM=xterm-256color {bin} --library {lib}; echo EXITED-$?; sleep 60",
        home = quote(home),
        data = quote(&home.join("data")),
        cfg = quote(&home.join("config")),
        cache = quote(&home.join("cache")),
        bin = quote(&bin),
        lib = quote(&lib),
    )
}

#[test]
fn new_user_reads_searches_annotates_and_finds_the_note_again() {
    if !tmux_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let t = Tmux {
        socket: format!("briefing-test-{}", std::process::id()),
        session: "reader".into(),
    };
    let cmd = reader_command(home.path());
    t.start(&cmd, 100, 30);
    t.wait_for(&["briefing — Library", "BAB VI PENUTUP", "Dalam langkah"]);

    // Open the news brief: its key judgments come first.
    t.keys(&["j", "Enter"]);
    t.wait_for(&["1 Key judgments", "Sejak awal invasi skala penuh"]);

    // Relations: the pair list, the tone matrix and the first pair's evidence.
    t.keys(&["2"]);
    t.wait_for(&["Azerbaijan–Russia", "tone RUS AZE", "trend worsening"]);

    // Search "azer" and jump to the first hit.
    t.keys(&["/"]);
    t.wait_for(&["Search", "Type to search"]);
    t.type_text("azer");
    let s = t.wait_for(&["results for “azer”"]);
    assert!(s.contains("Azerbaijan"), "{s}");
    t.keys(&["Enter"]);
    let s = t.wait_for(&["›"]);
    assert!(!s.contains("results for"), "the overlay closed:\n{s}");
    // Which brief the hit was in (the library lists "BAB VI PENUTUP" first).
    let row = if s.lines().next().unwrap_or("").starts_with("BAB VI") {
        0
    } else {
        1
    };

    // A note on a paragraph of the source text.
    t.keys(&["5", "j", "a"]);
    t.wait_for(&["Note on paragraph", "Ctrl-s save"]);
    t.type_text("Catatan dari tmux: bandingkan dengan 2020.");
    t.keys(&["C-s"]);
    t.wait_for(&["Note saved"]);
    let s = t.screen();
    assert!(
        s.contains("▌✎"),
        "the paragraph shows its note marker:\n{s}"
    );

    // Quit: the terminal is restored and the exit status is 0.
    t.keys(&["q"]);
    t.wait_for(&["EXITED-0"]);
    let notes = std::fs::read_dir(home.path().join("data/briefing/annotations"))
        .unwrap()
        .count();
    assert!(notes >= 1);

    // Relaunch: the library counts the note, the brief opens where we were
    // with the marker, and the notes view finds it.
    t.kill();
    t.start(&cmd, 100, 30);
    t.wait_for(&["briefing — Library", "✎1"]);
    if row == 1 {
        t.keys(&["j"]);
    }
    t.keys(&["Enter"]);
    let s = t.wait_for(&["5 Source text", "▌✎"]);
    assert!(s.contains("¶"), "{s}");
    t.keys(&["N"]);
    t.wait_for(&["Notes", "Catatan dari tmux: bandingkan dengan 2020."]);
    t.keys(&["Enter"]);
    t.wait_for(&["5 Source text", "▌✎"]);

    // Resizing keeps the screen sane, down to 20x5 and back.
    for (w, h) in [(20, 5), (45, 12), (20, 5), (100, 30)] {
        t.resize(w, h);
        std::thread::sleep(Duration::from_millis(200));
        let s = t.screen();
        assert!(!s.contains("EXITED"), "still running at {w}x{h}:\n{s}");
        assert!(
            s.contains('§') || s.contains("Source text"),
            "{w}x{h}:\n{s}"
        );
        for line in s.lines() {
            assert!(
                unicode_width::UnicodeWidthStr::width(line) <= w as usize,
                "{w}x{h}: {line:?}"
            );
        }
    }
    t.keys(&["q"]);
    t.wait_for(&["EXITED-0"]);
}

#[test]
fn a_panic_in_the_reader_gives_the_terminal_back() {
    if !tmux_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let t = Tmux {
        socket: format!("briefing-panic-{}", std::process::id()),
        session: "shell".into(),
    };
    t.start("env PS1='$ ' bash --norc --noprofile", 150, 30);
    t.wait_for(&["$"]);
    let flags = |t: &Tmux| {
        let out = t.cmd(&[
            "display",
            "-p",
            "-t",
            &t.session,
            "alt=#{alternate_on} mouse=#{mouse_any_flag}#{mouse_standard_flag}#{mouse_sgr_flag} cursor=#{cursor_flag}",
        ]);
        String::from_utf8_lossy(&out.stdout).trim().to_string()
    };
    let normal = flags(&t);
    assert_eq!(normal, "alt=0 mouse=000 cursor=1");
    // The reader draws its first screen, then panics (a test-only hook).
    let run = reader_command(home.path())
        .replace("; echo EXITED-$?; sleep 60", "; echo EXITED-$?")
        .replace(
            "env XDG_DATA_HOME",
            "env BRIEFING_TEST_PANIC=1 XDG_DATA_HOME",
        );
    t.type_text(&run);
    t.keys(&["Enter"]);
    let s = t.wait_for(&["EXITED-101"]);
    // One line says what happened; no backtrace.
    assert!(
        s.contains("\nbriefing: internal error: test panic requested by BRIEFING_TEST_PANIC at src/tui/mod.rs:")
            && s.contains("(please report this)\nEXITED-101"),
        "{s}"
    );
    assert!(!s.contains("RUST_BACKTRACE"), "{s}");
    // Main screen, no mouse capture, cursor shown.
    assert_eq!(flags(&t), normal);
    // The line discipline is back: typed text echoes, lines are cooked.
    t.type_text("stty -a | tr ' ;' '\\n\\n' | grep -x -e echo -e -echo -e icanon -e -icanon | tr '\\n' ' '; echo STTY-$((6*7))");
    t.keys(&["Enter"]);
    let s = t.wait_for(&["STTY-42"]);
    let line = s
        .lines()
        .rev()
        .find(|l| l.contains("icanon") && !l.contains("grep"))
        .unwrap_or_default();
    assert_eq!(line.trim(), "icanon echo STTY-42", "{s}");
}

#[test]
fn without_a_terminal_the_reader_says_so() {
    let out = Command::new(env!("CARGO_BIN_EXE_briefing"))
        .arg("--library")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/library"))
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("briefing: the reader needs a terminal"),
        "{err}"
    );
    assert!(err.contains("briefing list") && err.contains("briefing show"));
    assert_eq!(err.lines().count(), 1);
}

/// Copy the fixture library and its sources into `home` (`lib/`, `sources/`).
fn library_copy(home: &Path) -> PathBuf {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (from, to) in [("library", "lib"), ("sources", "sources")] {
        std::fs::create_dir_all(home.join(to)).unwrap();
        for e in std::fs::read_dir(fixtures.join(from)).unwrap() {
            let e = e.unwrap();
            std::fs::copy(e.path(), home.join(to).join(e.file_name())).unwrap();
        }
    }
    home.join("lib")
}

/// A tiny "editor" or "pager": records the terminal modes it runs under and
/// the file it was given, then exits.
fn marker_script(home: &Path, name: &str) -> PathBuf {
    let script = home.join(format!("{name}.sh"));
    let dir = quote(home);
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nstty -a > {dir}/{name}-stty.txt\nprintf '%s\\n' \"$1\" > {dir}/{name}-marker\n"
        ),
    )
    .unwrap();
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
    script
}

/// Wait until `path` exists and return its text.
fn wait_for_file(t: &Tmux, path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(path)
            && s.ends_with('\n')
        {
            return s;
        }
        if start.elapsed() > Duration::from_secs(10) {
            panic!(
                "timed out waiting for {}; the screen is:\n{}",
                path.display(),
                t.screen()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn o_and_shift_o_run_pager_and_editor_and_y_copies_with_osc52() {
    if !tmux_available() {
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let h = home.path();
    let lib = library_copy(h);
    let editor = marker_script(h, "editor");
    let pager = marker_script(h, "pager");
    // ./config.toml of the working folder: OSC 52 allowed.
    std::fs::write(h.join("config.toml"), "clipboard_osc52 = true\n").unwrap();
    let bin = PathBuf::from(env!("CARGO_BIN_EXE_briefing"));
    let cmd = format!(
        "cd {home} && env -u VISUAL EDITOR={editor} PAGER={pager} XDG_DATA_HOME={data} XDG_CONFIG_HOME={cfg} XDG_CACHE_HOME={cache} TERM=xterm-256color {bin} --library {lib}; echo EXITED-$?; sleep 60",
        home = quote(h),
        editor = quote(&editor),
        pager = quote(&pager),
        data = quote(&h.join("data")),
        cfg = quote(&h.join("config")),
        cache = quote(&h.join("cache")),
        bin = quote(&bin),
        lib = quote(&lib),
    );
    let t = Tmux {
        socket: format!("briefing-editor-{}", std::process::id()),
        session: "reader".into(),
    };
    t.start(&cmd, 100, 30);
    t.cmd(&["set", "-s", "set-clipboard", "on"]);
    t.wait_for(&["briefing — Library", "BAB VI PENUTUP"]);
    t.keys(&["j", "Enter"]);
    t.wait_for(&["1 Key judgments"]);

    // O: the brief's file in $EDITOR, run outside raw mode, then the reader is back.
    t.keys(&["O"]);
    let got = wait_for_file(&t, &h.join("editor-marker"));
    assert_eq!(
        got.trim(),
        lib.join("002_fea91339883cd94f.md").display().to_string()
    );
    let stty = std::fs::read_to_string(h.join("editor-stty.txt")).unwrap();
    let words: Vec<&str> = stty.split([' ', ';', '\n']).collect();
    assert!(
        words.contains(&"icanon") && words.contains(&"echo"),
        "the editor runs in a cooked terminal:\n{stty}"
    );
    t.wait_for(&["002_fea91339883cd94f.md is unchanged", "1 Key judgments"]);

    // o: the source file in $PAGER.
    t.keys(&["o"]);
    let got = wait_for_file(&t, &h.join("pager-marker"));
    assert_eq!(
        got.trim(),
        h.join("sources/002_fea91339883cd94f.txt")
            .display()
            .to_string()
    );
    t.wait_for(&["Back from"]);

    // y: the selected judgment reaches tmux's clipboard through OSC 52.
    t.keys(&["y"]);
    t.wait_for(&["Copied"]);
    let start = Instant::now();
    let buffer = loop {
        let out = t.cmd(&["show-buffer"]);
        let b = String::from_utf8_lossy(&out.stdout).into_owned();
        if !b.is_empty() || start.elapsed() > Duration::from_secs(5) {
            break b;
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    assert!(
        buffer.starts_with("Sejak awal invasi skala penuh Moskow ke Ukraina"),
        "{buffer:?}"
    );

    // A program that is not there: a clear status line, the reader goes on.
    std::fs::remove_file(&editor).unwrap();
    t.keys(&["O"]);
    t.wait_for(&["Could not open the brief with"]);
    t.keys(&["q"]);
    t.wait_for(&["EXITED-0"]);
}
