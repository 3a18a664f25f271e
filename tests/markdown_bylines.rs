//! Markdown sources and bylines, through the real binary: a Markdown
//! source's lists, block quotes and emphasis stay in the brief's body while
//! every extracted text is plain; a byline or an italic dateline becomes the
//! brief's date (and the year of dates written without one), never a
//! paragraph or a timeline entry; notes anchor on list items and quotes.

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

fn briefing(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("briefing").unwrap();
    cmd.current_dir(dir)
        .env("XDG_CONFIG_HOME", dir.join(".no-config"))
        .env("XDG_DATA_HOME", dir.join(".no-data"))
        .env("XDG_CACHE_HOME", dir.join(".cache"));
    cmd
}

fn dry_run(dir: &Path, file: &str) -> Value {
    let out = briefing(dir)
        .args(["ingest", "--dry-run", "--json", file])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// Every text the extraction produced: judgments, evidence, timeline.
fn extracted_texts(b: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let texts = |v: &Value| -> Vec<String> {
        v.as_array()
            .into_iter()
            .flatten()
            .filter_map(|x| x["text"].as_str().map(String::from))
            .collect()
    };
    out.extend(texts(&b["conclusions"]));
    out.extend(texts(&b["timeline"]));
    for r in b["relations"].as_array().unwrap() {
        out.extend(texts(&r["evidence"]));
    }
    for a in b["alliances"].as_array().unwrap() {
        out.extend(texts(&a["evidence"]));
    }
    out
}

const MD_ID: &str = "# Indonesia dan Vietnam Sepakati Batas ZEE\n\
\n\
Oleh: Redaksi | Kamis, 5 Juni 2025\n\
\n\
Indonesia dan Vietnam *akhirnya* menandatangani perjanjian batas **zona ekonomi eksklusif** di Laut Natuna Utara setelah perundingan selama dua belas tahun.\n\
\n\
## Isi perjanjian\n\
\n\
Kedua negara menyepakati tiga langkah:\n\
\n\
- Indonesia dan Vietnam menggelar patroli bersama mulai *Juli*.\n\
- Kedua negara bertukar data kapal ikan ilegal melalui `pusat informasi maritim`.\n\
- Putaran terakhir perundingan digelar pada 20 Mei.\n\
\n\
> Oleh karena itu, hubungan Indonesia dan Vietnam kemungkinan besar akan semakin erat.\n\
\n\
Pada 2 Juni, China menyatakan keberatan atas rencana perjanjian itu.\n";

#[test]
fn markdown_lists_quotes_and_emphasis_stay_in_the_body_not_in_the_extraction() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zee.md"), MD_ID).unwrap();
    let b = dry_run(dir.path(), "zee.md");
    let body = b["body"].as_str().unwrap();
    for kept in [
        "Indonesia dan Vietnam *akhirnya* menandatangani perjanjian batas **zona ekonomi eksklusif**",
        "\n- Indonesia dan Vietnam menggelar patroli bersama mulai *Juli*.\n",
        "\n- Kedua negara bertukar data kapal ikan ilegal melalui `pusat informasi maritim`.\n",
        "\n- Putaran terakhir perundingan digelar pada 20 Mei.\n",
        "\n> Oleh karena itu, hubungan Indonesia dan Vietnam kemungkinan besar akan semakin erat.\n",
    ] {
        assert!(body.contains(kept), "{kept:?} not in the body:\n{body}");
    }
    // The byline is the document's date, not text.
    assert_eq!(b["date"], "2025-06-05");
    assert!(!body.contains("Redaksi"), "{body}");
    let texts = extracted_texts(&b);
    assert!(!texts.is_empty());
    for t in &texts {
        assert!(
            !t.contains(['*', '`', '>']) && !t.starts_with("- ") && !t.contains("Redaksi"),
            "markup leaked into {t:?}"
        );
    }
    // List items and quotes are sentences like any other: dated, with actors.
    let timeline = b["timeline"].as_array().unwrap();
    let entry = |date: &str| {
        timeline
            .iter()
            .find(|e| e["date"] == date)
            .unwrap_or_else(|| panic!("no {date} in {timeline:?}"))
    };
    assert_eq!(
        entry("2025-05-20")["text"],
        "Putaran terakhir perundingan digelar pada 20 Mei."
    );
    assert_eq!(
        entry("2025-06-02")["text"],
        "Pada 2 Juni, China menyatakan keberatan atas rencana perjanjian itu."
    );
    assert!(
        timeline.iter().all(|e| e["date"] != "2025-06-05"),
        "{timeline:?}"
    );
    let judgments: Vec<&str> = b["conclusions"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|c| c["text"].as_str())
        .collect();
    assert!(
        judgments.contains(
            &"Oleh karena itu, hubungan Indonesia dan Vietnam kemungkinan besar akan semakin erat."
        ),
        "{judgments:?}"
    );
    let pair = b["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["a"] == "IDN" && r["b"] == "VNM")
        .expect("IDN-VNM");
    assert!(
        pair["evidence"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["text"] == "Indonesia dan Vietnam menggelar patroli bersama mulai Juli."),
        "{pair}"
    );
}

#[test]
fn notes_anchor_on_list_items_and_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("zee.md"), MD_ID).unwrap();
    briefing(d)
        .args(["ingest", "zee.md", "--out", "lib"])
        .assert()
        .success();
    let brief = briefing::library::load(&d.join("lib"), "zee").unwrap();
    let parsed = briefing::body::parse(&brief.body);
    let paragraphs: Vec<&str> = parsed.paragraphs().collect();
    // The reader shows the same paragraphs, with the list and the quote.
    let doc = briefing::tui::doc::Doc::new(&brief);
    assert_eq!(doc.paragraph_count(), paragraphs.len());
    use briefing::tui::doc::BlockKind;
    let kinds: Vec<&BlockKind> = doc.blocks.iter().map(|b| &b.kind).collect();
    assert!(kinds.iter().any(|k| matches!(
        k,
        BlockKind::Paragraph {
            marker: Some(_),
            ..
        }
    )));
    assert!(
        kinds
            .iter()
            .any(|k| matches!(k, BlockKind::Paragraph { quote: 1, .. }))
    );
    for (quote, text) in [
        ("menggelar patroli bersama mulai Juli", "list item"),
        (
            "hubungan Indonesia dan Vietnam kemungkinan besar akan semakin erat",
            "quote",
        ),
        ("akhirnya menandatangani perjanjian", "emphasis"),
    ] {
        let want = paragraphs.iter().position(|p| p.contains(quote)).unwrap() + 1;
        assert_eq!(doc.paragraph(want), paragraphs[want - 1]);
        briefing(d)
            .args([
                "notes",
                "add",
                "zee",
                "--library",
                "lib",
                "--quote",
                quote,
                "--text",
                text,
            ])
            .assert()
            .success();
        let out = briefing(d)
            .args(["notes", "zee", "--json", "--library", "lib"])
            .output()
            .unwrap();
        let notes: Vec<Value> = String::from_utf8(out.stdout)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        let note = notes.iter().find(|n| n["text"] == text).unwrap();
        assert_eq!(note["paragraph"], want, "{note}");
        assert_eq!(note["orphaned"], false, "{note}");
    }
}

#[test]
fn bylines_and_datelines_are_the_document_date_in_both_languages() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cases: &[(&str, &str, &str)] = &[
        (
            "talks.txt",
            "Manila and Hanoi agree on coast guard hotline\n\n\
             By Staff Reporter · June 18, 2025\n\n\
             The Philippines and Vietnam agreed to set up a hotline between their coast guards, officials in Manila said. The two coast guards first met on May 28.\n",
            "2025-06-18",
        ),
        (
            "patroli.txt",
            "Reporter: Andi Wijaya — 3/6/2025\n\n\
             Malaysia dan Indonesia sepakat memperpanjang patroli bersama di Selat Malaka. Latihan sebelumnya digelar pada 14 Mei.\n",
            "2025-06-03",
        ),
        (
            "update.md",
            "# Thailand and Cambodia reopen border crossings\n\n\
             _Updated June 19, 2025_\n\n\
             Thailand and Cambodia reopened two border crossings after talks in Bangkok. Trade resumed on June 12.\n",
            "2025-06-19",
        ),
        (
            "jakarta.md",
            "# Kunjungan Menteri Luar Negeri Australia\n\n\
             *Jakarta, 3 March 2025*\n\n\
             Australia dan Indonesia memperbarui perjanjian kerja sama pertahanan. Latihan gabungan terakhir digelar pada 15 Februari.\n",
            "2025-03-03",
        ),
    ];
    for (name, text, date) in cases {
        std::fs::write(d.join(name), text).unwrap();
        let b = dry_run(d, name);
        assert_eq!(b["date"], *date, "{name}");
        let body = b["body"].as_str().unwrap();
        for gone in [
            "Staff Reporter",
            "Andi Wijaya",
            "Updated",
            "*Jakarta, 3 March",
        ] {
            assert!(!body.contains(gone), "{name}: {gone:?} in\n{body}");
        }
        let timeline = b["timeline"].as_array().unwrap();
        assert!(!timeline.is_empty(), "{name}");
        for e in timeline {
            // Year-less dates take the byline's year; the byline is no entry.
            assert!(
                e["date"].as_str().unwrap().starts_with("2025-"),
                "{name}: {e}"
            );
            assert_ne!(e["date"], *date, "{name}: {e}");
        }
        assert!(
            !b["title"].as_str().unwrap().contains(['·', '|', '—']),
            "{name}: {}",
            b["title"]
        );
    }
    // `list` shows the date.
    briefing(d)
        .args(["ingest", "talks.txt", "--out", "lib"])
        .assert()
        .success();
    let out = briefing(d)
        .args(["list", "--library", "lib"])
        .output()
        .unwrap();
    let list = String::from_utf8(out.stdout).unwrap();
    assert!(list.contains("2025-06-18"), "{list}");
}
