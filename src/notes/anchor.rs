//! Anchoring: where in a brief a note belongs, found again from what the note
//! recorded (Hypothesis-style: exact quote, prefix, suffix, position hint).
//!
//! The text notes anchor in is the brief's source text: its paragraphs (as
//! [`crate::body::parse`] reads them) joined by a blank line. Positions are
//! counted in characters so they mean the same in any tool.

use std::ops::Range;

use super::{CONTEXT, Kind, Note};
use crate::brief::Brief;

/// The source text of a brief, as notes see it.
#[derive(Debug, Clone, Default)]
pub struct SourceText {
    /// Paragraphs joined by `"\n\n"`.
    pub text: String,
    /// Byte offset in `text` where each paragraph starts.
    starts: Vec<usize>,
}

/// The separator between paragraphs in [`SourceText::text`].
const SEP: &str = "\n\n";

impl SourceText {
    pub fn new<'a>(paragraphs: impl IntoIterator<Item = &'a str>) -> SourceText {
        let mut text = String::new();
        let mut starts = Vec::new();
        for p in paragraphs {
            if !starts.is_empty() {
                text.push_str(SEP);
            }
            starts.push(text.len());
            text.push_str(p);
        }
        SourceText { text, starts }
    }

    pub fn from_brief(brief: &Brief) -> SourceText {
        let body = crate::body::parse(&brief.body);
        SourceText::new(body.paragraphs())
    }

    pub fn paragraph_count(&self) -> usize {
        self.starts.len()
    }

    /// Paragraph `n` (1-based), or `""` when there is none.
    pub fn paragraph(&self, n: usize) -> &str {
        self.range_of(n).map_or("", |r| &self.text[r])
    }

    fn range_of(&self, n: usize) -> Option<Range<usize>> {
        let i = n.checked_sub(1)?;
        let start = *self.starts.get(i)?;
        let end = self
            .starts
            .get(i + 1)
            .map_or(self.text.len(), |s| s - SEP.len());
        Some(start..end)
    }

    /// The paragraph (1-based) holding byte `pos` of `text`, with `pos`
    /// made relative to the paragraph.
    fn locate(&self, pos: usize) -> Option<(usize, usize)> {
        let i = self.starts.partition_point(|&s| s <= pos).checked_sub(1)?;
        Some((i + 1, pos - self.starts[i]))
    }
}

/// Where a note's passage is now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A passage of the source text: paragraph (1-based) and byte range
    /// inside that paragraph.
    Text {
        paragraph: usize,
        range: Range<usize>,
    },
    /// Index into `brief.conclusions`.
    Judgment(usize),
    /// Index into `brief.relations`.
    Relation(usize),
    /// Index into `brief.alliances`.
    Alliance(usize),
    /// Index into `brief.timeline`.
    Timeline(usize),
    /// The passage is gone; the note is kept.
    Orphaned,
}

/// A resolved anchor: the target, and whether the quote was found exactly
/// (false: re-anchored to the most similar passage after an edit).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Anchor {
    pub target: Target,
    pub exact: bool,
}

impl Anchor {
    pub fn is_orphaned(&self) -> bool {
        self.target == Target::Orphaned
    }

    /// The paragraph the note points at, if it points into the text.
    pub fn paragraph(&self) -> Option<usize> {
        match self.target {
            Target::Text { paragraph, .. } => Some(paragraph),
            _ => None,
        }
    }
}

/// What a note records about a passage of the source text: quote, prefix,
/// suffix, position hint (characters) and paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Selector {
    pub quote: String,
    pub prefix: String,
    pub suffix: String,
    pub position: usize,
    pub paragraph: usize,
}

/// The selector for bytes `range` of paragraph `paragraph` (1-based).
/// `None` when there is no such paragraph or the range is not inside it.
pub fn select(src: &SourceText, paragraph: usize, range: Range<usize>) -> Option<Selector> {
    let para = src.range_of(paragraph)?;
    let start = para.start + range.start;
    let end = para.start + range.end;
    if range.start > range.end
        || end > para.end
        || !src.text.is_char_boundary(start)
        || !src.text.is_char_boundary(end)
    {
        return None;
    }
    let before = &src.text[..start];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let after = &src.text[end..];
    let suffix_end = after
        .char_indices()
        .nth(CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    Some(Selector {
        quote: src.text[start..end].to_string(),
        prefix: before[prefix_start..].to_string(),
        suffix: after[..suffix_end].to_string(),
        position: before.chars().count(),
        paragraph,
    })
}

/// Find a note's passage in `brief` (whose source text is `src`).
pub fn resolve(note: &Note, brief: &Brief, src: &SourceText) -> Anchor {
    let found = |target: Option<Target>, exact: bool| Anchor {
        target: target.unwrap_or(Target::Orphaned),
        exact,
    };
    match note.kind {
        Kind::Paragraph | Kind::Sentence => resolve_text(note, src),
        Kind::Judgment => {
            let texts: Vec<&str> = brief.conclusions.iter().map(|c| c.text.as_str()).collect();
            match texts.iter().position(|t| *t == note.quote) {
                Some(i) => found(Some(Target::Judgment(i)), true),
                None => found(
                    most_similar(&note.quote, &texts).map(Target::Judgment),
                    false,
                ),
            }
        }
        Kind::Relation => {
            let i = brief
                .relations
                .iter()
                .position(|r| pair_key(&r.a, &r.b) == note.quote);
            found(i.map(Target::Relation), true)
        }
        Kind::Alliance => {
            let i = brief.alliances.iter().position(|a| a.id == note.quote);
            found(i.map(Target::Alliance), true)
        }
        Kind::Timeline => {
            let t = &brief.timeline;
            let exact = t
                .iter()
                .position(|e| e.text == note.quote && e.date == note.prefix)
                .or_else(|| t.iter().position(|e| e.text == note.quote));
            match exact {
                Some(i) => found(Some(Target::Timeline(i)), true),
                None => {
                    let texts: Vec<&str> = t.iter().map(|e| e.text.as_str()).collect();
                    found(
                        most_similar(&note.quote, &texts).map(Target::Timeline),
                        false,
                    )
                }
            }
        }
    }
}

/// How the notes on a brief fare against (a new version of) it: how many
/// find their passage and how many are orphaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Reanchored {
    pub anchored: usize,
    pub orphaned: usize,
}

/// Resolve every note of `notes` against `brief` and count the outcomes.
pub fn reanchor(notes: &[Note], brief: &Brief) -> Reanchored {
    let src = SourceText::from_brief(brief);
    let mut r = Reanchored::default();
    for n in notes {
        if resolve(n, brief, &src).is_orphaned() {
            r.orphaned += 1;
        } else {
            r.anchored += 1;
        }
    }
    r
}

impl Reanchored {
    /// `3 notes re-anchored, 1 orphaned (see briefing notes)`.
    pub fn message(&self) -> String {
        let plural = if self.anchored == 1 { "" } else { "s" };
        let see = if self.orphaned > 0 {
            " (see `briefing notes`)"
        } else {
            ""
        };
        format!(
            "{} note{plural} re-anchored, {} orphaned{see}",
            self.anchored, self.orphaned
        )
    }
}

/// How a relation is named in a note's quote: `AZE-RUS`.
pub fn pair_key(a: &str, b: &str) -> String {
    format!("{a}-{b}")
}

fn resolve_text(note: &Note, src: &SourceText) -> Anchor {
    let orphan = Anchor {
        target: Target::Orphaned,
        exact: false,
    };
    if note.quote.is_empty() {
        return orphan;
    }
    let text = &src.text;
    // Byte offset of the position hint.
    let hint = note
        .position
        .and_then(|p| text.char_indices().nth(p).map(|(i, _)| i))
        .unwrap_or(0);
    let mut best: Option<(i64, usize)> = None;
    for (pos, _) in text.match_indices(note.quote.as_str()) {
        let before = &text[..pos];
        let after = &text[pos + note.quote.len()..];
        let context = common_suffix(before, &note.prefix) + common_prefix(after, &note.suffix);
        // Context counts most; distance from the hint breaks ties.
        let distance = (pos as i64 - hint as i64).abs();
        let score = context as i64 * 1_000_000 - distance.min(999_999);
        if best.is_none_or(|(s, _)| score > s) {
            best = Some((score, pos));
        }
    }
    if let Some((_, pos)) = best {
        return match src.locate(pos) {
            Some((paragraph, start)) => {
                let para_len = src.paragraph(paragraph).len();
                let end = (start + note.quote.len()).min(para_len);
                Anchor {
                    target: Target::Text {
                        paragraph,
                        range: start..end,
                    },
                    exact: true,
                }
            }
            None => orphan,
        };
    }
    // The quote was edited: the most similar paragraph (or sentence).
    let paragraphs: Vec<&str> = (1..=src.paragraph_count())
        .map(|n| src.paragraph(n))
        .collect();
    if note.kind == Kind::Paragraph {
        return match most_similar(&note.quote, &paragraphs) {
            Some(i) => Anchor {
                target: Target::Text {
                    paragraph: i + 1,
                    range: 0..paragraphs[i].len(),
                },
                exact: false,
            },
            None => orphan,
        };
    }
    let abbr = crate::lexicon::abbreviations();
    let mut sentences: Vec<(usize, Range<usize>)> = Vec::new();
    for (i, p) in paragraphs.iter().enumerate() {
        for r in crate::ingest::segment::sentences(p, abbr) {
            sentences.push((i + 1, r));
        }
    }
    let texts: Vec<&str> = sentences
        .iter()
        .map(|(n, r)| &paragraphs[n - 1][r.clone()])
        .collect();
    match most_similar(&note.quote, &texts) {
        Some(i) => Anchor {
            target: Target::Text {
                paragraph: sentences[i].0,
                range: sentences[i].1.clone(),
            },
            exact: false,
        },
        None => orphan,
    }
}

fn common_suffix(a: &str, b: &str) -> usize {
    a.chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Lower-case words of a text, for similarity.
fn words(s: &str) -> Vec<String> {
    let mut v: Vec<String> = s
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    v.sort();
    v.dedup();
    v
}

/// Similarity needed to re-anchor an edited quote (Dice over word sets).
const SIMILAR: f64 = 0.7;

/// The candidate most similar to `quote`, if it is similar enough.
fn most_similar(quote: &str, candidates: &[&str]) -> Option<usize> {
    let q = words(quote);
    if q.len() < 3 {
        return None;
    }
    let mut best: Option<(f64, usize)> = None;
    for (i, c) in candidates.iter().enumerate() {
        let w = words(c);
        if w.is_empty() {
            continue;
        }
        let common = q.iter().filter(|x| w.binary_search(x).is_ok()).count();
        let dice = 2.0 * common as f64 / (q.len() + w.len()) as f64;
        if dice >= SIMILAR && best.is_none_or(|(b, _)| dice > b) {
            best = Some((dice, i));
        }
    }
    best.map(|(_, i)| i)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::{Conclusion, Relation, Stance, TimelineEntry, Trend};

    const P1: &str = "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang.";
    const P2: &str = "Rusia tidak datang membantu Armenia. Rusia tidak datang membantu Armenia ketika Azerbaijan menyerang.";
    const P3: &str = "Both countries signed a comprehensive strategic partnership in January 2025.";

    fn note(kind: Kind, sel: &Selector) -> Note {
        Note {
            id: "n1".into(),
            kind,
            quote: sel.quote.clone(),
            prefix: sel.prefix.clone(),
            suffix: sel.suffix.clone(),
            position: Some(sel.position),
            paragraph: Some(sel.paragraph),
            text: "catatan".into(),
            created: "2026-11-21T00:00:00Z".into(),
            updated: "2026-11-21T00:00:00Z".into(),
        }
    }

    fn brief_with(paras: &[&str]) -> Brief {
        let blocks: Vec<crate::body::Block> = paras
            .iter()
            .map(|p| crate::body::Block::Paragraph(p.to_string()))
            .collect();
        Brief {
            body: crate::body::render("T", "", &blocks),
            ..Brief::default()
        }
    }

    #[test]
    fn selector_records_quote_context_and_position() {
        let src = SourceText::new([P1, P2]);
        assert_eq!(src.paragraph(2), P2);
        assert_eq!(src.paragraph(3), "");
        let sel = select(&src, 2, 0..36).unwrap();
        assert_eq!(sel.quote, "Rusia tidak datang membantu Armenia.");
        assert_eq!(sel.prefix.chars().count(), CONTEXT);
        assert!(sel.prefix.ends_with("sekarang.\n\n"));
        assert!(sel.suffix.starts_with(" Rusia tidak"));
        assert_eq!(sel.position, P1.chars().count() + 2);
        assert!(select(&src, 3, 0..1).is_none());
        assert!(select(&src, 1, 0..500).is_none());
    }

    #[test]
    fn repeated_quote_resolves_by_context_then_position() {
        let src = SourceText::new([P1, P2]);
        // The second "Rusia tidak datang membantu Armenia" is followed by " ketika".
        let start = P2.rfind("Rusia tidak").unwrap();
        let sel = select(&src, 2, start..start + 35).unwrap();
        let n = note(Kind::Sentence, &sel);
        let b = brief_with(&[P1, P2]);
        let a = resolve(&n, &b, &src);
        assert_eq!(
            a.target,
            Target::Text {
                paragraph: 2,
                range: start..start + 35
            }
        );
        assert!(a.exact);
    }

    #[test]
    fn survives_reingest_that_moves_the_paragraph() {
        let before = SourceText::new([P1, P2, P3]);
        let sel = select(&before, 3, 0..P3.len()).unwrap();
        let n = note(Kind::Paragraph, &sel);
        // A new paragraph was inserted in front.
        let after = SourceText::new(["Paragraf baru di awal.", P1, P2, P3]);
        let b = brief_with(&["Paragraf baru di awal.", P1, P2, P3]);
        let a = resolve(&n, &b, &after);
        assert_eq!(a.paragraph(), Some(4));
        assert!(a.exact);
    }

    #[test]
    fn edited_passage_reanchors_approximately_and_vanished_one_is_orphaned() {
        let before = SourceText::new([P1, P3]);
        let sel = select(&before, 2, 0..P3.len()).unwrap();
        let n = note(Kind::Paragraph, &sel);
        let edited =
            "Both countries signed a comprehensive strategic partnership in late January 2025.";
        let after = SourceText::new([P1, edited]);
        let a = resolve(&n, &brief_with(&[P1, edited]), &after);
        assert_eq!(a.paragraph(), Some(2));
        assert!(!a.exact);
        let gone = SourceText::new([P1]);
        let a = resolve(&n, &brief_with(&[P1]), &gone);
        assert!(a.is_orphaned());
    }

    #[test]
    fn reanchor_counts_found_and_orphaned_notes() {
        let before = SourceText::new([P1, P3]);
        let kept = note(Kind::Paragraph, &select(&before, 1, 0..P1.len()).unwrap());
        let gone = note(Kind::Paragraph, &select(&before, 2, 0..P3.len()).unwrap());
        let after = brief_with(&["Paragraf baru.", P1]);
        let r = reanchor(&[kept.clone(), gone], &after);
        assert_eq!(
            r,
            Reanchored {
                anchored: 1,
                orphaned: 1
            }
        );
        assert_eq!(
            r.message(),
            "1 note re-anchored, 1 orphaned (see `briefing notes`)"
        );
        assert_eq!(
            reanchor(&[kept.clone(), kept], &after).message(),
            "2 notes re-anchored, 0 orphaned"
        );
    }

    #[test]
    fn structured_items_resolve_by_their_text() {
        let mut b = brief_with(&[P1]);
        b.conclusions.push(Conclusion {
            text: P1.into(),
            confidence: None,
            score: 1.0,
            paragraph: 1,
        });
        b.relations.push(Relation {
            a: "AZE".into(),
            b: "RUS".into(),
            stance: Stance::Conflict,
            tone: -4.0,
            trend: Trend::Worsening,
            evidence: vec![],
        });
        b.timeline.push(TimelineEntry {
            date: "2025-01".into(),
            text: P3.into(),
            actors: vec![],
            paragraph: 1,
        });
        let src = SourceText::from_brief(&b);
        let mut n = note(Kind::Judgment, &select(&src, 1, 0..P1.len()).unwrap());
        assert_eq!(resolve(&n, &b, &src).target, Target::Judgment(0));
        n.kind = Kind::Relation;
        n.quote = pair_key("AZE", "RUS");
        assert_eq!(resolve(&n, &b, &src).target, Target::Relation(0));
        n.quote = pair_key("ARM", "RUS");
        assert!(resolve(&n, &b, &src).is_orphaned());
        n.kind = Kind::Timeline;
        n.quote = P3.into();
        n.prefix = "2025-01".into();
        assert_eq!(resolve(&n, &b, &src).target, Target::Timeline(0));
        n.kind = Kind::Alliance;
        n.quote = "CSTO".into();
        assert!(resolve(&n, &b, &src).is_orphaned());
    }

    #[test]
    fn multibyte_text_keeps_char_boundaries() {
        let p = "Türkiye dan Azerbaijan – “satu bangsa, dua negara” – bersatu.";
        let src = SourceText::new(["Ä", p]);
        let start = p.find('“').unwrap();
        let end = p.find('”').unwrap() + '”'.len_utf8();
        let sel = select(&src, 2, start..end).unwrap();
        assert_eq!(sel.quote, "“satu bangsa, dua negara”");
        let n = note(Kind::Sentence, &sel);
        assert_eq!(
            resolve(&n, &brief_with(&["Ä", p]), &src).target,
            Target::Text {
                paragraph: 2,
                range: start..end
            }
        );
    }
}
