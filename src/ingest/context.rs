//! The sentences of a document with what the earlier stages found in them,
//! in reading order: the common input of relations, alliances, conclusions
//! and the timeline.

use std::ops::Range;

use super::actors::{ActorMention, DocActors};
use super::dates::{Date, DocDates};
use super::scan::Scanned;
use super::segment::Document;

/// One sentence and its context.
#[derive(Debug, Clone)]
pub struct Sentence<'a> {
    /// Position among all sentences of the document.
    pub index: usize,
    /// Paragraph index (0-based) and sentence index within it.
    pub p: usize,
    pub s: usize,
    /// 1-based paragraph number, as in the brief.
    pub paragraph: usize,
    pub section: usize,
    pub text: &'a str,
    /// Tokens and lexicon phrases of the sentence.
    pub scan: &'a Scanned<'a>,
    pub mentions: &'a [ActorMention],
    pub dates: &'a [(Date, Range<usize>)],
    /// The document's own date (its date line or front matter), if known.
    pub doc_date: Option<Date>,
}

impl Sentence<'_> {
    /// The first date of the sentence, used as the date of its evidence.
    pub fn date(&self) -> Option<Date> {
        self.dates.first().map(|d| d.0)
    }

    /// Distinct actor ids, excluding capitals named as places.
    pub fn actor_ids(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for m in self.mentions.iter().filter(|m| !m.locative) {
            if !out.contains(&m.id.as_str()) {
                out.push(&m.id);
            }
        }
        out
    }
}

/// The document's own time: the year of its date; else the latest
/// year it names twice, else the latest it names, leaving out deadlines
/// ("by 2030", "sebelum 2027").
pub fn reference_year(sentences: &[Sentence]) -> Option<i32> {
    reference_date(sentences).map(|d| d.year)
}

/// The document's own time as a date: the document's date (its date line
/// or front matter, with month and day), else the latest year it names
/// twice, else the latest it names.
pub fn reference_date(sentences: &[Sentence]) -> Option<Date> {
    if let Some(d) = sentences.first().and_then(|s| s.doc_date) {
        return Some(d);
    }
    named_year(sentences).map(Date::year)
}

/// The latest year the document names twice, else the latest it names.
fn named_year(sentences: &[Sentence]) -> Option<i32> {
    // A date after "until", "by", "before", "hingga", "sebelum" looks ahead
    // ("unlikely before 2027"): a deadline, not the document's time.
    let ahead = |s: &Sentence, start: usize| {
        s.text[..start]
            .split(|c: char| !c.is_alphanumeric())
            .rfind(|w| !w.is_empty())
            .is_some_and(|w| {
                matches!(
                    w.to_lowercase().as_str(),
                    "until"
                        | "till"
                        | "by"
                        | "before"
                        | "hingga"
                        | "sampai"
                        | "sebelum"
                        | "menjelang"
                )
            })
    };
    let mut years: Vec<i32> = sentences
        .iter()
        .flat_map(|s| {
            s.dates
                .iter()
                .filter(|d| !ahead(s, d.1.start))
                .map(|d| d.0.year)
        })
        .collect();
    years.sort_unstable();
    let twice = years.windows(2).rev().find(|w| w[0] == w[1]).map(|w| w[0]);
    twice.or_else(|| years.last().copied())
}

/// Every sentence of `doc` in order.
pub fn sentences<'a>(
    doc: &'a Document,
    scanned: &'a [Vec<Scanned<'a>>],
    actors: &'a DocActors,
    dates: &'a DocDates,
) -> Vec<Sentence<'a>> {
    let mut out = Vec::new();
    for (p, par) in doc.paragraphs.iter().enumerate() {
        for (s, scan) in scanned[p].iter().enumerate() {
            out.push(Sentence {
                index: out.len(),
                p,
                s,
                paragraph: par.number,
                section: par.section,
                text: scan.text,
                scan,
                mentions: actors.of(p, s),
                dates: dates.of(p, s),
                doc_date: dates.document,
            });
        }
    }
    out
}
