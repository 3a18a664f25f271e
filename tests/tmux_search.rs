//! `briefing search` in a real terminal (tmux): a first run on a library
//! without caches shows progress on stderr and says what it built, a second
//! run says nothing; the results on stdout are the same. Skipped (with a
//! message) when tmux is not installed, unless BRIEFING_REQUIRE_TMUX=1.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

fn tmux(socket: &str, args: &[&str]) -> String {
    let out = Command::new("tmux")
        .arg("-L")
        .arg(socket)
        .args(args)
        .output()
        .expect("tmux runs");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn quote(p: &Path) -> String {
    format!("'{}'", p.display().to_string().replace('\'', r"'\''"))
}

#[test]
fn a_first_search_says_what_it_cached() {
    let ok = Command::new("tmux")
        .arg("-V")
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("BRIEFING_REQUIRE_TMUX").is_none(),
            "BRIEFING_REQUIRE_TMUX is set but tmux is not installed"
        );
        eprintln!("skipping the tmux search test: tmux is not installed");
        return;
    }
    let home = tempfile::tempdir().unwrap();
    let socket = format!("briefing-search-{}", std::process::id());
    let bin = Path::new(env!("CARGO_BIN_EXE_briefing"));
    let lib = Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
    let run = |n: usize| {
        format!(
            "env XDG_CACHE_HOME={cache} XDG_CONFIG_HOME={cfg} TERM=xterm-256color {bin} --library {lib} search azer rus > {out}; echo RUN-{n}-DONE",
            cache = quote(&home.path().join("cache")),
            cfg = quote(&home.path().join("config")),
            bin = quote(bin),
            lib = quote(&lib),
            out = quote(&home.path().join(format!("out{n}.txt"))),
        )
    };
    let script = format!("{}; {}; sleep 60", run(1), run(2));
    tmux(
        &socket,
        &[
            "new-session",
            "-d",
            "-s",
            "s",
            "-x",
            "100",
            "-y",
            "20",
            &script,
        ],
    );
    let start = Instant::now();
    let screen = loop {
        let s = tmux(&socket, &["capture-pane", "-p", "-t", "s"]);
        if s.contains("RUN-2-DONE") {
            break s;
        }
        if start.elapsed() > Duration::from_secs(20) {
            tmux(&socket, &["kill-server"]);
            panic!("timed out; the screen is:\n{s}");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    tmux(&socket, &["kill-server"]);
    let lines: Vec<&str> = screen.lines().filter(|l| !l.trim().is_empty()).collect();
    // The first run read the two briefs once, for the catalog and the
    // index, and says so, once; the second is silent.
    assert_eq!(
        lines.len(),
        3,
        "a summary line and the two markers:\n{screen}"
    );
    assert!(
        lines[0].starts_with("briefing: indexed 2 briefs in ")
            && lines[0].ends_with("; cached for next time"),
        "{screen}"
    );
    assert_eq!(lines[1], "RUN-1-DONE");
    assert_eq!(lines[2], "RUN-2-DONE");
    let out1 = std::fs::read_to_string(home.path().join("out1.txt")).unwrap();
    let out2 = std::fs::read_to_string(home.path().join("out2.txt")).unwrap();
    assert!(out1.contains("relation  Azerbaijan–Russia"), "{out1}");
    assert_eq!(out1, out2);
}
