//! Source formats and bad input, through the real binary: HTML and PDF
//! sources (fixtures generated here, see `common`), content sniffing, and
//! every kind of broken file a user can feed the tool. Each gets one line on
//! stderr naming the file and a non-zero exit; a batch ingests every good
//! file and ends with a summary of what failed. Never a panic, never a hang.

mod common;

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use assert_cmd::assert::OutputAssertExt;
use assert_cmd::cargo::CommandCargoExt;
use serde_json::Value;

fn briefing(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("briefing").unwrap();
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env("XDG_DATA_HOME", dir.join(".no-data"))
        .env("XDG_CACHE_HOME", dir.join(".cache"))
        .env_remove("NO_COLOR")
        .env_remove("RUST_BACKTRACE");
    cmd
}

fn stderr_lines(out: &Output) -> Vec<String> {
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .map(String::from)
        .collect()
}

/// `ingest --dry-run --json FILE`: the brief as JSON.
fn dry_run(dir: &Path, file: &str) -> (Value, Vec<String>) {
    let out = briefing(dir)
        .args(["ingest", "--dry-run", "--json", file])
        .output()
        .unwrap();
    let err = stderr_lines(&out);
    assert!(out.status.success(), "{file}: {err:?}");
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    (json, err)
}

/// One failing file: exit 1, exactly one line, no panic text.
fn fails_with(dir: &Path, args: &[&str], want: &str) {
    let out = briefing(dir).args(args).output().unwrap();
    let err = stderr_lines(&out);
    assert_eq!(out.status.code(), Some(1), "{args:?}: {err:?}");
    assert_eq!(err.len(), 1, "{args:?}: {err:?}");
    assert!(err[0].starts_with(want), "{args:?}: {err:?}");
    assert!(!err[0].contains("panicked"), "{err:?}");
}

const PAGE: &str = r##"<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Japan and South Korea restore a security dialogue | World Desk</title>
<script>window.analytics = "Japan declared war on everyone";</script>
<style>.ad { display: none }</style></head>
<body>
<nav><a href="/">Home</a> <a href="/asia">Asia</a> <a href="/europe">Europe</a></nav>
<main>
<h1>Japan and South Korea restore their security dialogue</h1>
<p>Japan and South Korea agreed on 6 March 2023 to restore their security dialogue, ending a dispute over wartime labour that had frozen relations since 2018.</p>
<h2>Reactions</h2>
<p>The United States welcomed the agreement between its two allies. China criticised the closer military cooperation.</p>
</main>
<footer><p>Copyright World Desk. All rights reserved.</p></footer>
</body></html>"##;

#[test]
fn html_pages_give_their_main_text() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("page.html"), PAGE).unwrap();
    let (b, err) = dry_run(dir.path(), "page.html");
    assert!(err.is_empty(), "{err:?}");
    assert_eq!(
        b["title"],
        "Japan and South Korea restore their security dialogue"
    );
    assert_eq!(b["language"], "en");
    let body = b["body"].as_str().unwrap();
    assert!(body.contains("\n\n### Reactions\n\nThe United States welcomed the agreement"));
    for furniture in [
        "analytics",
        "display: none",
        "Home",
        "Copyright",
        "World Desk",
    ] {
        assert!(!body.contains(furniture), "{furniture} in {body}");
    }
    let pairs: Vec<String> = b["relations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| format!("{}-{}", r["a"].as_str().unwrap(), r["b"].as_str().unwrap()))
        .collect();
    assert!(pairs.contains(&"JPN-KOR".to_string()), "{pairs:?}");
    assert!(
        b["timeline"]
            .as_array()
            .unwrap()
            .iter()
            .any(|t| t["date"] == "2023-03-06")
    );
}

#[test]
fn formats_are_detected_by_content_not_only_by_extension() {
    let dir = tempfile::tempdir().unwrap();
    // A saved page with a .txt name, and a PDF without any extension.
    std::fs::write(dir.path().join("saved.txt"), PAGE).unwrap();
    let pdf = common::pdf(&[Some(&[
        "Indonesia and Australia signed a defence cooperation agreement",
        "in Canberra on 29 August 2024.",
    ])]);
    std::fs::write(dir.path().join("download"), pdf).unwrap();
    let (b, _) = dry_run(dir.path(), "saved.txt");
    assert_eq!(
        b["title"],
        "Japan and South Korea restore their security dialogue"
    );
    assert!(!b["body"].as_str().unwrap().contains("<p>"));
    let (b, _) = dry_run(dir.path(), "download");
    assert!(
        b["body"]
            .as_str()
            .unwrap()
            .contains("Indonesia and Australia signed a defence cooperation agreement in Canberra on 29 August 2024.")
    );
}

#[test]
fn pdf_text_layer_goes_through_the_cleaner() {
    let dir = tempfile::tempdir().unwrap();
    // Two pages, hard-wrapped lines and a line-end hyphen, as PDF text is.
    let pdf = common::pdf(&[
        Some(&[
            "BAB V",
            "KESIMPULAN",
            "",
            "Hubungan Rusia dan Azerbaijan memburuk setelah insiden pesawat pada",
            "Desember 2024. Kedua negara saling menyalahkan dan membekukan kerja sa-",
            "ma di bidang energi, walaupun perdagangan bilateral tetap berjalan. Pasca-",
            "Soviet, keduanya bertetangga.",
        ]),
        Some(&[
            "Pada Maret 2025 kedua menteri luar negeri bertemu di Baku dan sepakat",
            "memulihkan dialog politik dan kerja sama antara Moskow dan Baku.",
        ]),
    ]);
    std::fs::write(dir.path().join("bab5.pdf"), pdf).unwrap();
    let (b, err) = dry_run(dir.path(), "bab5.pdf");
    assert!(err.is_empty(), "{err:?}");
    assert_eq!(b["title"], "BAB V KESIMPULAN");
    assert_eq!(b["language"], "id");
    let body = b["body"].as_str().unwrap();
    assert!(
        body.contains("Kedua negara saling menyalahkan dan membekukan kerja sama di bidang energi, walaupun perdagangan bilateral tetap berjalan."),
        "{body}"
    );
    // The hyphen of a word spelt elsewhere without it goes; others stay.
    assert!(
        body.contains("Pasca-Soviet, keduanya bertetangga."),
        "{body}"
    );
    assert!(body.contains("Pada Maret 2025 kedua menteri luar negeri bertemu di Baku"));
    let rel = &b["relations"][0];
    assert_eq!((&rel["a"], &rel["b"]), (&"AZE".into(), &"RUS".into()));
}

#[test]
fn pdfs_without_text_or_truncated_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("scan.pdf"), common::pdf(&[None, None])).unwrap();
    let good = common::pdf(&[Some(&[
        "Kerja sama maritim Indonesia dan Vietnam diperluas.",
    ])]);
    std::fs::write(dir.path().join("cut.pdf"), &good[..good.len() / 2]).unwrap();
    std::fs::write(dir.path().join("header-only.pdf"), b"%PDF-1.7\n%\xe2\xe3\n").unwrap();
    fails_with(
        dir.path(),
        &["ingest", "scan.pdf"],
        "briefing: cannot ingest scan.pdf: the PDF has no text layer (a scan?)",
    );
    fails_with(
        dir.path(),
        &["ingest", "cut.pdf"],
        "briefing: cannot ingest cut.pdf: damaged PDF: ",
    );
    fails_with(
        dir.path(),
        &["ingest", "header-only.pdf"],
        "briefing: cannot ingest header-only.pdf: damaged PDF: ",
    );
    assert!(!dir.path().join("briefs").exists());
}

#[test]
fn broken_text_files_are_one_line_errors() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("empty.txt"), "").unwrap();
    std::fs::write(dir.path().join("blank.txt"), "  \n\n\t \n").unwrap();
    let mut elf = b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0".to_vec();
    elf.extend((0..4000u32).map(|i| (i * 7919 % 251) as u8));
    std::fs::write(dir.path().join("program.txt"), elf).unwrap();
    std::fs::write(dir.path().join("odd-utf16.txt"), b"\xff\xfeA\0B").unwrap();
    for (file, why) in [
        ("empty.txt", "the file is empty"),
        ("blank.txt", "the file is empty"),
        ("program.txt", "not a text document (binary content)"),
        ("odd-utf16.txt", "invalid UTF-16 text"),
        ("missing.txt", ""),
    ] {
        let want = if why.is_empty() {
            format!("briefing: cannot read {file}: ")
        } else {
            format!("briefing: cannot ingest {file}: {why}")
        };
        fails_with(dir.path(), &["ingest", file], &want);
    }
}

#[test]
fn invalid_utf8_is_read_as_windows_1252_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("legacy.txt"),
        b"Pertemuan di Caf\xe9 Batavia\n\nMenteri luar negeri Indonesia dan Prancis bertemu di Jakarta pada 3 Mei 2022 \x96 keduanya sepakat memperkuat kerja sama pertahanan.\n",
    )
    .unwrap();
    let (b, err) = dry_run(dir.path(), "legacy.txt");
    assert_eq!(
        err,
        ["briefing: warning: legacy.txt: not valid UTF-8; read as Windows-1252"]
    );
    assert_eq!(b["title"], "Pertemuan di Café Batavia");
    assert!(
        b["body"]
            .as_str()
            .unwrap()
            .contains("3 Mei 2022 – keduanya")
    );
}

#[test]
fn utf16_with_a_byte_order_mark_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Türkiye dan Azerbaijan\n\nTürkiye dan Azerbaijan menandatangani perjanjian aliansi pada 15 Juni 2021 di Shusha.\n";
    let mut le = vec![0xFF, 0xFE];
    let mut be = vec![0xFE, 0xFF];
    for u in text.encode_utf16() {
        le.extend_from_slice(&u.to_le_bytes());
        be.extend_from_slice(&u.to_be_bytes());
    }
    std::fs::write(dir.path().join("le.txt"), le).unwrap();
    std::fs::write(dir.path().join("be.txt"), be).unwrap();
    for f in ["le.txt", "be.txt"] {
        let (b, err) = dry_run(dir.path(), f);
        assert!(err.is_empty(), "{err:?}");
        assert_eq!(b["title"], "Türkiye dan Azerbaijan");
        assert!(
            b["body"]
                .as_str()
                .unwrap()
                .contains("pada 15 Juni 2021 di Shusha.")
        );
    }
}

#[test]
fn unclosed_html_is_read_like_a_browser_would() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("cut.html"),
        "<html><head><title>Pakistan and India trade accusations</title><body>\
         <p>Pakistan accused India of violating the ceasefire along the Line of Control on 10 May 2025.\
         <p>India rejected the accusation and <b>summoned the envoy of Pakistan",
    )
    .unwrap();
    let (b, err) = dry_run(dir.path(), "cut.html");
    assert!(err.is_empty(), "{err:?}");
    assert_eq!(b["title"], "Pakistan and India trade accusations");
    let body = b["body"].as_str().unwrap();
    assert!(
        body.contains("\n\nIndia rejected the accusation and summoned the envoy of Pakistan\n")
    );
    assert_eq!(b["relations"][0]["stance"], "conflict");
}

/// Peak resident memory of a running process, from /proc (Linux), in KiB.
fn peak_rss_kib(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find(|l| l.starts_with("VmHWM:"))?
        .split_whitespace()
        .nth(1)?
        .parse()
        .ok()
}

#[test]
fn a_50_mb_file_on_one_line_finishes_with_bounded_memory() {
    let dir = tempfile::tempdir().unwrap();
    // Real sentences, repeated with changing dates, and no line break at all.
    let sentences = [
        "Rusia dan Azerbaijan sepakat memperkuat kerja sama energi setelah pertemuan di Baku pada {d} Maret 2024.",
        "Hubungan kedua negara memburuk setelah insiden pesawat pada {d} Desember 2024.",
        "Japan and South Korea agreed to restore their security dialogue on {d} March 2023.",
        "China criticised the closer military cooperation between the two allies.",
    ];
    let mut text = String::with_capacity(50 << 20);
    let mut i = 0usize;
    while text.len() < 50 << 20 {
        let s = sentences[i % sentences.len()].replace("{d}", &(1 + i % 28).to_string());
        text.push_str(&s);
        text.push(' ');
        i += 1;
    }
    std::fs::write(dir.path().join("huge.txt"), &text).unwrap();
    drop(text);
    let started = Instant::now();
    let mut child = briefing(dir.path())
        .args(["ingest", "huge.txt"])
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut peak = 0;
    let status = loop {
        if let Some(s) = child.try_wait().unwrap() {
            break s;
        }
        peak = peak.max(peak_rss_kib(child.id()).unwrap_or(0));
        // A hang guard, far above the few seconds it takes.
        if started.elapsed() > Duration::from_secs(300) {
            child.kill().unwrap();
            panic!("ingest of a 50 MB line did not finish in 5 minutes");
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let err = std::io::read_to_string(child.stderr.take().unwrap()).unwrap();
    assert!(status.success(), "{err}");
    assert_eq!(err, "");
    // Linear memory: well under 40 bytes per input byte (the lexicon alone is ~30 MB).
    assert!(peak < 40 * 52_000, "peak RSS {peak} KiB");
    let brief = std::fs::read_to_string(dir.path().join("briefs/huge.md")).unwrap();
    let fm_end = brief.find("\n+++\n").unwrap();
    let fm: toml::Table = brief[4..fm_end].parse().unwrap();
    let evidence = fm["relations"].as_array().unwrap()[0]["evidence"]
        .as_array()
        .unwrap()
        .len();
    assert!((2..=60).contains(&evidence), "{evidence}");
    assert!(fm["timeline"].as_array().unwrap().len() <= 500);
}

#[test]
fn a_batch_ingests_every_good_file_and_summarises_the_failures() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path().join("inbox");
    std::fs::create_dir(&src).unwrap();
    let w = |name: &str, bytes: &[u8]| std::fs::write(src.join(name), bytes).unwrap();
    w("a-good.txt", b"Kerja sama Indonesia dan Vietnam\n\nIndonesia dan Vietnam sepakat memperluas patroli bersama di Laut Natuna Utara.\n");
    w("b-page.html", PAGE.as_bytes());
    w(
        "c-report.pdf",
        &common::pdf(&[Some(&[
            "The Philippines and Japan signed a reciprocal access agreement in 2024.",
        ])]),
    );
    w("d-empty.txt", b"");
    w("e-binary.txt", b"\0\x01\x02\x03\x04binary");
    w("f-scan.pdf", &common::pdf(&[None]));
    w(
        "g-legacy.txt",
        b"Caf\xe9 diplomacy\n\nFrance and Indonesia held talks in a caf\xe9 in Paris.\n",
    );
    w("h-ignored.jpg", b"\xff\xd8\xff\xe0 not a source");
    let out = briefing(dir.path())
        .args(["ingest", "inbox"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = stderr_lines(&out);
    assert_eq!(
        err[..err.len() - 1],
        [
            "briefing: cannot ingest inbox/d-empty.txt: the file is empty",
            "briefing: cannot ingest inbox/e-binary.txt: not a text document (binary content)",
            "briefing: cannot ingest inbox/f-scan.pdf: the PDF has no text layer (a scan?); run OCR on it first, e.g. ocrmypdf",
            "briefing: warning: inbox/g-legacy.txt: not valid UTF-8; read as Windows-1252",
        ]
    );
    assert!(
        err.last()
            .unwrap()
            .starts_with("briefing: 4 documents ingested, 3 failed; "),
        "{err:?}"
    );
    let mut written: Vec<String> = std::fs::read_dir(dir.path().join("briefs"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(
        written,
        ["a-good.md", "b-page.md", "c-report.md", "g-legacy.md"]
    );
}

#[test]
fn a_library_with_broken_duplicate_and_escaping_briefs_still_opens() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("good.txt"),
        "Judul yang baik\n\nIndonesia dan Malaysia sepakat menyelesaikan sengketa perbatasan.\n",
    )
    .unwrap();
    briefing(dir.path())
        .args(["ingest", "good.txt"])
        .assert()
        .success();
    let lib = dir.path().join("briefs");
    let good = std::fs::read_to_string(lib.join("good.md")).unwrap();
    std::fs::write(
        lib.join("broken.md"),
        "+++\nid = \"broken\"\ntitle = [\n+++\n",
    )
    .unwrap();
    std::fs::write(lib.join("copy.md"), &good).unwrap();
    std::fs::write(
        lib.join("escape.md"),
        good.replacen("id = \"good\"", "id = \"../../etc/passwd\"", 1),
    )
    .unwrap();
    std::fs::write(
        lib.join("slash.md"),
        good.replacen("id = \"good\"", "id = \"a/b\"", 1),
    )
    .unwrap();
    // Twice: once building the catalog cache, once reading it.
    for _ in 0..2 {
        let out = briefing(dir.path()).arg("list").output().unwrap();
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert_eq!(stdout.lines().count(), 1, "{stdout}");
        assert!(stdout.contains("Judul yang baik"));
        let mut err = stderr_lines(&out);
        err.sort();
        assert_eq!(err.len(), 4, "{err:?}");
        assert!(
            err[0].starts_with("briefing: warning: briefs/broken.md:3: invalid front matter"),
            "{err:?}"
        );
        assert_eq!(
            err[1],
            "briefing: warning: briefs/copy.md: same id \"good\" as briefs/good.md; skipped"
        );
        assert_eq!(
            err[2],
            "briefing: warning: briefs/escape.md:2: invalid brief id \"../../etc/passwd\""
        );
        assert_eq!(
            err[3],
            "briefing: warning: briefs/slash.md:2: invalid brief id \"a/b\""
        );
    }
    // Asking for a bad id is refused before any file is touched.
    fails_with(
        dir.path(),
        &["show", "../../etc/passwd"],
        "briefing: invalid brief id \"../../etc/passwd\"",
    );
}

#[test]
fn word_documents_give_paragraphs_and_headings() {
    let dir = tempfile::tempdir().unwrap();
    let bytes = briefing::synth::docx(&[
        ("JudulDokumen", "Hubungan Indonesia dan Australia"),
        ("Judul1", "Latar Belakang"),
        (
            "",
            "Indonesia dan Australia menandatangani perjanjian kerja sama pertahanan di Canberra pada 29 Agustus 2024.",
        ),
        ("Judul2", "Reaksi"),
        ("", "Tiongkok mengkritik perjanjian itu."),
    ]);
    std::fs::write(dir.path().join("bab2.docx"), &bytes).unwrap();
    // By content: the same bytes under another name.
    std::fs::write(dir.path().join("bab2-copy"), &bytes).unwrap();
    for f in ["bab2.docx", "bab2-copy"] {
        let (b, err) = dry_run(dir.path(), f);
        assert!(err.is_empty(), "{err:?}");
        assert_eq!(b["title"], "Hubungan Indonesia dan Australia");
        let body = b["body"].as_str().unwrap();
        assert!(
            body.contains(
                "### Latar Belakang\n\nIndonesia dan Australia menandatangani perjanjian"
            ),
            "{body}"
        );
        assert!(
            body.contains("### Reaksi\n\nTiongkok mengkritik perjanjian itu."),
            "{body}"
        );
        assert_eq!(b["relations"][0]["a"], "AUS");
        assert_eq!(b["relations"][0]["b"], "IDN");
    }
    std::fs::write(dir.path().join("cut.docx"), &bytes[..bytes.len() / 2]).unwrap();
    fails_with(
        dir.path(),
        &["ingest", "cut.docx"],
        "briefing: cannot ingest cut.docx: damaged Word document: ",
    );
}
