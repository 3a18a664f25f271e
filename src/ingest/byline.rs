//! Bylines and datelines: the short lines near the top of a document that
//! say who wrote it and when, in either language —
//! `By Staff Reporter · June 18, 2025`, `Oleh: Redaksi | Kamis, 5 Juni 2025`,
//! `Reporter: Andi Wijaya — 3/6/2025`, `*Jakarta, 3 March 2025*`,
//! `_Updated June 19, 2025_`. They are not text: [`take`] removes them from
//! the blocks (so they are neither paragraphs, sentences nor timeline
//! entries), and their date ([`date`]) is the document's own date, the year
//! context of dates written without one.
//!
//! A line is a byline when it is short, does not end a sentence, and every
//! part of it (parts are split at `|`, `·`, `•`, dashes and a lone `/`) is
//! one of: a credit (a label such as `By` or `Oleh:` and a name of
//! capitalised words), a date (with a month: `June 18, 2025`, `5 Juni
//! 2025`, `3/6/2025`), optionally after a date label (`Updated`), a place
//! (`Jakarta,`) or a weekday (`Kamis,`), or a time of day (`10.30 WIB`).
//! A labelled ISO date alone (`date 2023-09-29`) is export metadata, which
//! the cleaner already splits off and the dates stage reads: it is left as
//! it is. The words are data (`lexicon/bylines.toml`).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;
use serde::Deserialize;

use super::dates::{self, Found};
use super::tokens::{lowered, tokenize};
use crate::body::{Block, Markup};
use crate::lexicon::DatesLexicon;

/// Blocks at the top of a document searched for bylines.
const TOP_BLOCKS: usize = 6;
/// A paragraph this long is body text: no byline after it.
const BODY_WORDS: usize = 30;
/// Longest byline, in characters and in words.
const MAX_CHARS: usize = 160;
const MAX_WORDS: usize = 20;
/// Longest name after a credit label, and longest place before a date, in words.
const MAX_NAME: usize = 6;
const MAX_PLACE: usize = 3;

/// Byline words (`lexicon/bylines.toml`), lower case; labels as word lists.
#[derive(Debug)]
pub struct BylineLexicon {
    credit_labels: Vec<Vec<String>>,
    date_labels: Vec<Vec<String>>,
    name_particles: FxHashSet<String>,
    time_words: FxHashSet<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct BylinesFile {
    credit_labels: Vec<String>,
    date_labels: Vec<String>,
    name_particles: Vec<String>,
    time_words: Vec<String>,
}

const BYLINES_TOML: &str = include_str!("../../lexicon/bylines.toml");

/// The embedded byline lexicon, parsed once.
pub fn lexicon() -> &'static BylineLexicon {
    static LEX: OnceLock<BylineLexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let f: BylinesFile = toml::from_str(BYLINES_TOML)
            .unwrap_or_else(|e| panic!("lexicon/bylines.toml (embedded): {e}"));
        let labels = |v: Vec<String>| {
            let mut out: Vec<Vec<String>> = v
                .iter()
                .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
                .collect();
            // Longest first: "ditulis oleh" before "oleh".
            out.sort_by_key(|l: &Vec<String>| std::cmp::Reverse(l.len()));
            out
        };
        let set = |v: Vec<String>| v.iter().map(|w| w.to_lowercase()).collect();
        BylineLexicon {
            credit_labels: labels(f.credit_labels),
            date_labels: labels(f.date_labels),
            name_particles: set(f.name_particles),
            time_words: set(f.time_words),
        }
    })
}

/// Take the bylines off the top of `blocks`, with their entries in `markup`
/// (which is empty or as long as `blocks`). Returns their texts in order.
pub fn take(
    blocks: &mut Vec<Block>,
    markup: &mut Vec<Option<Markup>>,
    dl: &DatesLexicon,
) -> Vec<String> {
    // Lines that are a date and nothing else, twice or more: the headings of
    // a chronology, not the document's dateline.
    let chronology = blocks
        .iter()
        .filter(|b| classify(text(b), dl).is_some_and(|k| k.bare))
        .take(2)
        .count()
        > 1;
    let mut found = Vec::new();
    let mut i = 0;
    let mut seen = 0;
    while i < blocks.len() && seen < TOP_BLOCKS {
        seen += 1;
        if classify(text(&blocks[i]), dl).is_some_and(|k| !(chronology && k.bare)) {
            let (Block::Paragraph(t) | Block::Heading { text: t, .. }) = blocks.remove(i);
            if i < markup.len() {
                markup.remove(i);
            }
            found.push(t);
            continue;
        }
        if matches!(&blocks[i], Block::Paragraph(t) if t.split_whitespace().count() >= BODY_WORDS) {
            break;
        }
        i += 1;
    }
    found
}

fn text(b: &Block) -> &str {
    match b {
        Block::Paragraph(t) | Block::Heading { text: t, .. } => t,
    }
}

/// Is `text` a byline or a dateline?
pub fn is_byline(text: &str, dl: &DatesLexicon) -> bool {
    classify(text, dl).is_some()
}

/// The date a byline states (the first, when it states two), if any.
pub fn date(text: &str, dl: &DatesLexicon) -> Option<Found> {
    classify(text, dl).and_then(|k| k.date)
}

/// What [`classify`] found in a byline.
struct Byline {
    date: Option<Found>,
    /// Only a date (perhaps with a weekday and a time): no credit, label or place.
    bare: bool,
}

/// A word of a line: its text, lower case, and the date expression it is
/// part of.
struct Word<'a> {
    text: &'a str,
    lower: &'a str,
    date: Option<usize>,
}

/// One part of a byline.
#[derive(Default)]
struct Part {
    credit: bool,
    /// A date label or a place before the date.
    labelled: bool,
    date: Option<(Found, bool)>,
    time: bool,
}

/// A byline, with the date it states; `None` for any other text.
fn classify(text: &str, dl: &DatesLexicon) -> Option<Byline> {
    if text.len() > 4 * MAX_CHARS
        || text.chars().count() > MAX_CHARS
        || super::clean::ends_sentence(text)
    {
        return None;
    }
    let toks = tokenize(text);
    let lower_text = text.to_ascii_lowercase();
    let lower = lowered(&toks, &lower_text);
    if toks.iter().filter(|t| t.is_word()).count() > MAX_WORDS {
        return None;
    }
    let exprs = dates::scan(text, dl);
    let lex = lexicon();
    let mut parts: Vec<Part> = Vec::new();
    let mut words: Vec<Word<'_>> = Vec::new();
    let mut end_part = |words: &mut Vec<Word<'_>>| -> Option<()> {
        if !words.is_empty() {
            parts.push(part(words, &exprs, lex, dl)?);
            words.clear();
        }
        Some(())
    };
    for (t, l) in toks.iter().zip(&lower) {
        if !t.is_word() {
            if matches!(t.text, "|" | "·" | "•" | "∙" | "—" | "–" | "-" | "/") {
                end_part(&mut words)?;
            }
            continue;
        }
        let date = exprs
            .iter()
            .position(|e| e.span.start <= t.start && t.end <= e.span.end);
        words.push(Word {
            text: t.text,
            lower: l,
            date,
        });
    }
    end_part(&mut words)?;
    let credit = parts.iter().any(|p| p.credit);
    let dated: Vec<(Found, bool)> = parts.iter().filter_map(|p| p.date).collect();
    // Export metadata (`date 2023-09-29`) is the cleaner's, not a byline.
    if !credit && (dated.is_empty() || dated.iter().all(|&(_, iso)| iso)) {
        return None;
    }
    Some(Byline {
        date: dated.first().map(|d| d.0),
        bare: !credit && !parts.iter().any(|p| p.labelled),
    })
}

/// Read one part: `[credit label + name | date label] [place] [weekday]
/// [date] [time]`, every word accounted for.
fn part(
    ws: &[Word<'_>],
    exprs: &[dates::Expr],
    lex: &BylineLexicon,
    dl: &DatesLexicon,
) -> Option<Part> {
    let weekday = |w: &Word<'_>| dl.weekdays.contains(w.lower);
    let capitalised = |w: &Word<'_>| {
        w.date.is_none() && !weekday(w) && w.text.chars().next().is_some_and(char::is_uppercase)
    };
    let mut p = Part::default();
    let mut i = 0;
    if let Some(n) = label_at(ws, &lex.credit_labels) {
        i = n;
        let start = i;
        while i < ws.len() && (capitalised(&ws[i]) || lex.name_particles.contains(ws[i].lower)) {
            i += 1;
        }
        // A name starts with a capital: "By 2030" and "Oleh karena itu" are text.
        if i == start || i - start > MAX_NAME || !capitalised(&ws[start]) {
            return None;
        }
        p.credit = true;
    } else if let Some(n) = label_at(ws, &lex.date_labels) {
        i = n;
        p.labelled = true;
    }
    // A place before the date: "Jakarta, 3 March 2025".
    let place = i;
    while !p.credit && i < ws.len() && capitalised(&ws[i]) {
        i += 1;
    }
    let before_date = ws.get(i).is_some_and(|w| w.date.is_some() || weekday(w));
    if i > place && (i - place > MAX_PLACE || !before_date) {
        return None;
    }
    p.labelled |= i > place;
    while i < ws.len() && weekday(&ws[i]) {
        i += 1;
    }
    if let Some(e) = ws.get(i).and_then(|w| w.date) {
        let found = exprs[e].found;
        let with_month = match found {
            Found::Absolute(d) => d.month.is_some(),
            Found::NeedsYear { day, .. } => day.is_some(),
        };
        if !with_month {
            return None;
        }
        let iso = ws[i].text.contains('-');
        p.date = Some((found, iso));
        while i < ws.len() && ws[i].date == Some(e) {
            i += 1;
        }
        while i < ws.len() && weekday(&ws[i]) {
            i += 1;
        }
    }
    // A time of day: "10.30 WIB", "00:18", "8:15 pm".
    loop {
        let n = time_at(&ws[i..]);
        if n == 0 {
            break;
        }
        i += n;
        p.time = true;
        while i < ws.len() && lex.time_words.contains(ws[i].lower) {
            i += 1;
        }
    }
    (i == ws.len() && (p.credit || p.date.is_some() || p.time)).then_some(p)
}

/// Words taken by the label of `labels` that opens `ws`, if one does.
fn label_at(ws: &[Word<'_>], labels: &[Vec<String>]) -> Option<usize> {
    labels
        .iter()
        .find(|l| l.len() <= ws.len() && l.iter().zip(ws).all(|(a, w)| a == w.lower))
        .map(Vec::len)
}

/// Words taken by a time of day at the start of `ws` (0: none). `10.30` is
/// one word; `00:18` is two (the colon is not a word).
fn time_at(ws: &[Word<'_>]) -> usize {
    let num = |s: &str, max: u32| {
        s.len() <= 2
            && s.bytes().all(|b| b.is_ascii_digit())
            && s.parse::<u32>().is_ok_and(|n| n <= max)
    };
    let Some(w) = ws.first() else { return 0 };
    if w.date.is_some() {
        return 0;
    }
    if let Some((h, m)) = w.text.split_once('.')
        && num(h, 23)
        && m.len() == 2
        && num(m, 59)
    {
        return 1;
    }
    match ws.get(1) {
        Some(m) if num(w.text, 23) && m.text.len() == 2 && num(m.text, 59) && m.date.is_none() => 2,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::dates::Date;
    use crate::lexicon::shared;

    fn dl() -> &'static DatesLexicon {
        &shared().dates
    }

    fn dated(text: &str) -> Option<String> {
        match date(text, dl()) {
            Some(Found::Absolute(d)) => Some(d.to_string()),
            Some(Found::NeedsYear { month, day, .. }) => {
                Some(format!("?-{month:02}-{:02}", day.unwrap_or(0)))
            }
            None => None,
        }
    }

    #[test]
    fn bylines_and_datelines_in_both_languages() {
        let cases: &[(&str, Option<&str>)] = &[
            ("By Staff Reporter · June 18, 2025", Some("2025-06-18")),
            ("Oleh: Redaksi | Kamis, 5 Juni 2025", Some("2025-06-05")),
            ("Reporter: Andi Wijaya — 3/6/2025", Some("2025-06-03")),
            ("Jakarta, 3 March 2025", Some("2025-03-03")),
            ("*Jakarta, 3 March 2025*", Some("2025-03-03")),
            ("Updated June 19, 2025", Some("2025-06-19")),
            ("_Updated June 19, 2025_", Some("2025-06-19")),
            (
                "Diperbarui: Selasa, 11 Februari 2025 10.30 WIB",
                Some("2025-02-11"),
            ),
            (
                "Ditulis oleh Siti Rahma dan Budi Santoso | 12 Agustus 2024",
                Some("2024-08-12"),
            ),
            ("By Maria Lopez and the Associated Press", None),
            ("Penulis: Tim Redaksi", None),
            ("Senin, 16 Februari 2015 | 08:15 WIB", Some("2015-02-16")),
            ("Published 4 March 2025, 8:15 pm GMT", Some("2025-03-04")),
            ("Posted by Lee Min-jun · 2025-06-18", Some("2025-06-18")),
            ("Geneva, 12 June", Some("?-06-12")),
        ];
        for (text, want) in cases {
            assert!(is_byline(text, dl()), "{text:?} is a byline");
            assert_eq!(dated(text).as_deref(), *want, "{text:?}");
        }
    }

    #[test]
    fn text_headings_and_metadata_are_not_bylines() {
        for text in [
            // Sentences that open with a label word.
            "By 2030, Indonesia expects to double its exports to Vietnam.",
            "By the end of the talks, both sides had agreed on a timetable",
            "Oleh karena itu, kedua negara sepakat melanjutkan perundingan",
            "Reporter asing dilarang memasuki wilayah perbatasan sejak Maret",
            // Headlines and headings, dated or not.
            "Filipina dan Tiongkok",
            "Talks between Manila and Beijing resume on 12 June",
            "Indonesia dan Vietnam Sepakati Batas ZEE pada 22 Desember 2022",
            "Lebanon, Israel and the ceasefire of 27 November 2024",
            // A dateline that opens the lede is the lede.
            "JAKARTA, Selasa (4/3/2025) – Pemerintah Indonesia mengecam serangan itu dan memanggil duta besar",
            // Years alone, counters, credits of a source.
            "Laporan Tahunan 2024",
            "| Senin, 16 Februari 2015 | 00:18 | Dibaca : 4205",
            "- Al Arabiya",
            // Export metadata: left to the cleaner and the dates stage.
            "date 2023-09-29",
            "Tanggal: 2025-05",
        ] {
            assert!(!is_byline(text, dl()), "{text:?} is not a byline");
        }
    }

    #[test]
    fn date_lines_of_a_chronology_are_headings_not_a_dateline() {
        let p = |s: &str| Block::Paragraph(s.to_string());
        let h = |s: &str| Block::Heading {
            level: 2,
            text: s.to_string(),
        };
        let mut blocks = vec![
            h("Kronologi Sengketa Ambalat"),
            h("Senin, 12 Mei 2025"),
            p("Kapal patroli Malaysia memasuki perairan Ambalat."),
            h("20 Mei 2025"),
            p("Indonesia mengirim nota protes ke Kuala Lumpur."),
        ];
        let before = blocks.clone();
        assert!(take(&mut blocks, &mut Vec::new(), dl()).is_empty());
        assert_eq!(blocks, before);
        // A dateline with a place is still the document's, chronology or not.
        let mut blocks = [vec![p("Jakarta, 21 Mei 2025")], before.clone()].concat();
        assert_eq!(
            take(&mut blocks, &mut Vec::new(), dl()),
            ["Jakarta, 21 Mei 2025"]
        );
        assert_eq!(blocks, before);
    }

    #[test]
    fn take_removes_bylines_near_the_top_only() {
        let p = |s: &str| Block::Paragraph(s.to_string());
        let h = |s: &str| Block::Heading {
            level: 2,
            text: s.to_string(),
        };
        let lede = "Indonesia dan Vietnam menandatangani perjanjian batas zona ekonomi eksklusif setelah perundingan selama dua belas tahun, kata Kementerian Luar Negeri di Jakarta pada Kamis, dan kedua negara berjanji memperluas patroli bersama di Laut Natuna Utara.";
        let mut blocks = vec![
            h("Indonesia dan Vietnam Sepakati Batas ZEE"),
            h("Oleh: Redaksi | Kamis, 5 Juni 2025"),
            p(lede),
            p("Updated June 19, 2025"),
        ];
        let mut markup = Vec::new();
        let taken = take(&mut blocks, &mut markup, dl());
        assert_eq!(taken, ["Oleh: Redaksi | Kamis, 5 Juni 2025"]);
        // After body text, a date line is text (a long paragraph ended the top).
        assert_eq!(blocks.len(), 3);
        assert_eq!(blocks[1], p(lede));
        assert_eq!(
            date(&taken[0], dl()),
            Some(Found::Absolute(Date::day(2025, 6, 5)))
        );
    }
}
