//! Stage 2, clean: repair text extracted from PDFs and copied from web pages
//! into headings and paragraphs.
//!
//! The cleaner looks at the layout as a whole before it decides anything:
//!
//! - **double spacing**: when most lines are followed by exactly one blank
//!   line, a single blank line is spacing, not a paragraph break;
//! - **hard wrapping**: when many long lines end mid-sentence, lines are
//!   joined into paragraphs, and a paragraph ends at a line that finishes a
//!   sentence and is short, or before an indented line;
//! - **line-end hyphens** are joined (`pasca-` + `Soviet` -> `pasca-Soviet`);
//!   the hyphen is dropped only when the document itself spells the joined
//!   word without it elsewhere (`govern-` + `ment`);
//! - **page furniture** (page numbers, running headers repeated on every
//!   page, bare site names, "Baca juga:" links) is dropped;
//! - **headings**: chapter labels (`BAB VI`), numbered sections
//!   (`6.1. Kesimpulan`), all-capital lines (`PENUTUP`), and short
//!   unpunctuated lines that stand between paragraphs (`Azerbaijan dan Rusia`).

use std::collections::HashMap;

use crate::body::{Block, normalize_ws};
use crate::lexicon::CleanLexicon;

/// Clean `text` into blocks. Level-1 headings are document-title material
/// (chapter labels, capitalised lines before the first paragraph); section
/// headings are level 2 or 3.
pub fn clean(text: &str, lex: &CleanLexicon) -> Vec<Block> {
    let norm = normalize(text, lex);
    let mut lines = split_lines(&norm);
    split_metadata(&mut lines, lex);
    drop_furniture(&mut lines, lex);
    if lines.is_empty() {
        return Vec::new();
    }
    let layout = Layout::detect(&lines);
    let kinds = classify(&lines, &layout, lex);
    assemble(&lines, &kinds, &layout, &norm)
}

/// Character-level repairs: line endings, mis-decoded UTF-8, invisible and
/// control characters, unusual spaces, PDF ligatures.
pub fn normalize(text: &str, lex: &CleanLexicon) -> String {
    let mut s = text.replace("\r\n", "\n").replace('\r', "\n");
    for (bad, good) in &lex.mojibake {
        if s.contains(bad.as_str()) {
            s = s.replace(bad.as_str(), good);
        }
    }
    // A soft hyphen at a line end is a hyphenation point: join without it.
    let s = s.replace("\u{ad}\n", "");
    let mut out = String::with_capacity(s.len());
    let mut prev = '\n';
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let mapped: Option<&str> = match c {
            '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}' => Some(""),
            '\t' | '\u{a0}' | '\u{2000}'..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{3000}' => {
                Some(" ")
            }
            '\u{c}' | '\u{2028}' | '\u{2029}' => Some("\n"),
            'ﬁ' => Some("fi"),
            'ﬂ' => Some("fl"),
            'ﬀ' => Some("ff"),
            'ﬃ' => Some("ffi"),
            'ﬄ' => Some("ffl"),
            // "Â" before a space is the residue of a mis-decoded no-break space.
            'Â' if !prev.is_alphabetic() && chars.peek().is_none_or(|n| n.is_whitespace()) => {
                Some("")
            }
            c if c.is_control() && c != '\n' => Some(""),
            _ => None,
        };
        match mapped {
            Some(m) => {
                out.push_str(m);
                if let Some(last) = m.chars().last() {
                    prev = last;
                }
            }
            None => {
                out.push(c);
                prev = c;
            }
        }
    }
    out
}

/// A non-blank line.
#[derive(Debug, Clone, Copy)]
struct Line<'a> {
    text: &'a str,
    indent: usize,
    /// Blank lines before this one.
    gap: usize,
}

fn split_lines(s: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut gap = 0;
    for raw in s.split('\n') {
        let text = raw.trim();
        if text.is_empty() {
            gap += 1;
            continue;
        }
        let indent = raw.len() - raw.trim_start().len();
        out.push(Line { text, indent, gap });
        gap = 0;
    }
    out
}

/// A first line that opens with a date label and an ISO date (`date
/// 2023-09-29 NATO has announced ...`, as some exports write it) is split so
/// the label stays out of the first sentence.
fn split_metadata(lines: &mut Vec<Line<'_>>, lex: &CleanLexicon) {
    let Some(first) = lines.first().copied() else {
        return;
    };
    let t = first.text;
    let Some((label, rest)) = t.split_once(' ') else {
        return;
    };
    let label = label.trim_end_matches(':');
    if !lex
        .metadata_labels
        .iter()
        .any(|l| l.eq_ignore_ascii_case(label))
    {
        return;
    }
    let rest = rest.trim_start();
    let date_len = rest.find(' ').unwrap_or(rest.len());
    if !is_iso_date(&rest[..date_len]) || rest[date_len..].trim().is_empty() {
        return;
    }
    let split_at = t.len() - rest.len() + date_len;
    lines[0].text = &t[..split_at];
    lines.insert(
        1,
        Line {
            text: t[split_at..].trim(),
            indent: 0,
            gap: 1,
        },
    );
}

/// A date label and a date alone: `date 2023-09-29`, `Tanggal: 2025-05`.
fn is_metadata(t: &str, lex: &CleanLexicon) -> bool {
    t.split_once(' ').is_some_and(|(label, rest)| {
        lex.metadata_labels
            .iter()
            .any(|l| l.eq_ignore_ascii_case(label.trim_end_matches(':')))
            && is_iso_date(rest.trim())
    })
}

/// `YYYY-MM` or `YYYY-MM-DD`.
fn is_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| r.clone().all(|i| b.get(i).is_some_and(u8::is_ascii_digit));
    (b.len() == 7 || b.len() == 10)
        && digits(0..4)
        && b[4] == b'-'
        && digits(5..7)
        && (b.len() == 7 || (b[7] == b'-' && digits(8..10)))
}

fn drop_furniture(lines: &mut Vec<Line<'_>>, lex: &CleanLexicon) {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    if lines.len() >= 30 {
        for l in lines.iter() {
            if l.text.chars().count() < 80 {
                *counts.entry(l.text).or_default() += 1;
            }
        }
    }
    let mut kept: Vec<Line<'_>> = Vec::with_capacity(lines.len());
    let mut carried_gap: Option<usize> = None;
    for l in lines.drain(..) {
        // Running headers and footers: short lines repeated on every page
        // (a repeated line that continues a sentence is text).
        let repeated = counts.get(l.text).is_some_and(|&n| n >= 3) && !starts_lower(l.text);
        if repeated
            || is_page_number(l.text, lex)
            || is_bare_site(l.text)
            || is_related_link(l.text, lex)
        {
            carried_gap = Some(carried_gap.map_or(l.gap, |g| g.min(l.gap)));
            continue;
        }
        let mut l = l;
        if let Some(g) = carried_gap.take() {
            l.gap = l.gap.min(g);
        }
        kept.push(l);
    }
    *lines = kept;
}

fn is_page_number(t: &str, lex: &CleanLexicon) -> bool {
    let core = t.trim_matches(|c: char| !c.is_alphanumeric());
    if !core.is_empty() && core.len() <= 4 && core.bytes().all(|b| b.is_ascii_digit()) {
        return true;
    }
    // "Halaman 3", "Page 3 of 10", "hlm. 12"
    let lower = core.to_lowercase();
    let mut words = lower
        .split(|c: char| c.is_whitespace() || c == '.')
        .filter(|w| !w.is_empty());
    let Some(first) = words.next() else {
        return false;
    };
    if !lex.page_words.iter().any(|w| w == first) {
        return false;
    }
    let rest: Vec<&str> = words.collect();
    !rest.is_empty()
        && rest.len() <= 3
        && rest
            .iter()
            .all(|w| w.bytes().all(|b| b.is_ascii_digit()) || *w == "of" || *w == "dari")
}

/// A line that is only a site name or address: `TangerangNews.com`.
fn is_bare_site(t: &str) -> bool {
    if t.contains(char::is_whitespace) {
        return false;
    }
    if t.contains("://") || t.starts_with("www.") {
        return true;
    }
    let parts: Vec<&str> = t.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && parts.last().is_some_and(|tld| {
            (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        })
        && parts[..parts.len() - 1]
            .iter()
            .any(|p| p.chars().count() >= 3)
}

fn is_related_link(t: &str, lex: &CleanLexicon) -> bool {
    let lower = t.to_lowercase();
    lex.related_link_prefixes.iter().any(|p| {
        lower.starts_with(p.as_str())
            && lower[p.len()..].chars().next().is_some_and(|c| {
                c == ':' || c == '|' || c == '-' || c == '»' || c == '>' || p.ends_with(':')
            })
    })
}

/// What the page looks like as a whole.
#[derive(Debug)]
struct Layout {
    double_spaced: bool,
    wrapped: bool,
    /// Length (chars) of a full wrapped line.
    full: usize,
    base_indent: usize,
}

impl Layout {
    fn detect(lines: &[Line<'_>]) -> Layout {
        let n = lines.len().saturating_sub(1);
        let singles = lines.iter().skip(1).filter(|l| l.gap == 1).count();
        let double_spaced = n >= 4 && singles * 10 >= n * 6;
        let eff = |l: &Line<'_>| {
            if double_spaced {
                l.gap.saturating_sub(1)
            } else {
                l.gap
            }
        };
        let mut pairs = 0;
        let mut open = 0;
        let mut open_lens = Vec::new();
        for w in lines.windows(2) {
            if eff(&w[1]) == 0 && w[0].text.chars().count() >= 40 {
                pairs += 1;
                // Cut mid-sentence: the line ends in a word, a comma or a hyphen.
                if w[0]
                    .text
                    .ends_with(|c: char| c.is_alphanumeric() || matches!(c, ',' | '-'))
                {
                    open += 1;
                    open_lens.push(w[0].text.chars().count());
                }
            }
        }
        open_lens.sort_unstable();
        let full = open_lens
            .get(open_lens.len() / 2)
            .copied()
            .unwrap_or_else(|| {
                lines
                    .iter()
                    .map(|l| l.text.chars().count())
                    .max()
                    .unwrap_or(0)
            });
        // Hard wrapping: several lines cut mid-sentence at a typewriter-like width.
        let wrapped = pairs >= 3 && open * 4 >= pairs && full <= 140;
        let mut indents: HashMap<usize, usize> = HashMap::new();
        for l in lines {
            *indents.entry(l.indent).or_default() += 1;
        }
        let base_indent = indents
            .into_iter()
            .max_by_key(|&(indent, n)| (n, std::cmp::Reverse(indent)))
            .map_or(0, |(i, _)| i);
        Layout {
            double_spaced,
            wrapped,
            full,
            base_indent,
        }
    }

    /// Blank lines before `l` that mean something (double spacing removed).
    fn gap(&self, l: &Line<'_>) -> usize {
        if self.double_spaced {
            l.gap.saturating_sub(1)
        } else {
            l.gap
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Text,
    Heading(u8),
}

/// True when a line finishes a sentence (closing quotes and brackets aside).
pub fn ends_sentence(t: &str) -> bool {
    let core = t.trim_end_matches(['"', '\'', '”', '’', ')', ']', '»', '*']);
    core.ends_with(['.', '!', '?', '…'])
}

fn first_letter(t: &str) -> Option<char> {
    t.chars().find(|c| c.is_alphanumeric())
}

fn starts_lower(t: &str) -> bool {
    // Look past opening quotes and brackets.
    let c = t
        .trim_start_matches(['"', '\'', '“', '‘', '(', '[', '«'])
        .chars()
        .next();
    c.is_some_and(char::is_lowercase)
}

fn starts_bullet(t: &str) -> bool {
    let mut cs = t.chars();
    matches!(cs.next(), Some('•' | '-' | '*' | '–' | '▪' | '◦' | '·')) && cs.next() == Some(' ')
}

/// `6.1.`, `6.`, `IV.`, `A.` followed by words: the numbering depth.
fn numbering_depth(t: &str) -> Option<usize> {
    let (first, rest) = t.split_once(' ')?;
    if rest.trim().is_empty() {
        return None;
    }
    let f = first.trim_end_matches('.');
    if f.is_empty() {
        return None;
    }
    let parts: Vec<&str> = f.split('.').collect();
    if parts
        .iter()
        .all(|p| !p.is_empty() && p.len() <= 3 && p.bytes().all(|b| b.is_ascii_digit()))
    {
        // "6." or "6.1" or "6.1." — but a bare "2024" is a year, not a number.
        if parts.len() == 1 && !first.ends_with('.') {
            return None;
        }
        return Some(parts.len());
    }
    let roman = |p: &str| p.len() <= 5 && p.chars().all(|c| matches!(c, 'I' | 'V' | 'X' | 'L'));
    if parts.len() == 1
        && first.ends_with('.')
        && (roman(f) || (f.len() == 1 && f.chars().all(|c| c.is_ascii_uppercase())))
    {
        return Some(1);
    }
    None
}

fn is_chapter_label(t: &str, lex: &CleanLexicon) -> bool {
    let mut words = t.split_whitespace();
    let (Some(w), Some(num)) = (words.next(), words.next()) else {
        return false;
    };
    let num = num.trim_end_matches(['.', ':']);
    let is_num = !num.is_empty()
        && (num.bytes().all(|b| b.is_ascii_digit())
            || num
                .chars()
                .all(|c| matches!(c, 'I' | 'V' | 'X' | 'L' | 'C')));
    is_num
        && lex.chapter_words.iter().any(|c| c.eq_ignore_ascii_case(w))
        && w.chars().next().is_some_and(char::is_uppercase)
        && t.split_whitespace().count() <= 8
        && !ends_sentence(t)
}

fn is_all_caps(t: &str) -> bool {
    let letters: Vec<char> = t.chars().filter(|c| c.is_alphabetic()).collect();
    letters.len() >= 3 && letters.iter().all(|c| c.is_uppercase())
}

fn classify(lines: &[Line<'_>], layout: &Layout, lex: &CleanLexicon) -> Vec<Kind> {
    let mut kinds = vec![Kind::Text; lines.len()];
    let mut seen_text = false;
    for i in 0..lines.len() {
        let l = &lines[i];
        let t = l.text;
        let words = t.split_whitespace().count();
        let chars = t.chars().count();
        let prev_closed = i == 0
            || layout.gap(l) > 0
            || !layout.wrapped
            || matches!(kinds[i - 1], Kind::Heading(_))
            || ends_sentence(lines[i - 1].text);
        let next = lines.get(i + 1);
        let next_continues = next.is_some_and(|n| starts_lower(n.text));
        // The document's first line may be a long headline ("Dari Sekutu
        // Menjadi Musuh: Ethiopia dan Eritrea di Ambang Perang Baru").
        let headline = i == 0 && !seen_text && words <= 16 && chars <= 140;
        let plausible = prev_closed
            && !next_continues
            && !is_metadata(t, lex)
            && ((words <= 12 && chars <= 100) || headline)
            && !ends_sentence(t)
            && !t.ends_with([',', ';', ':', '-', '—', '–', '('])
            && !starts_bullet(t)
            && first_letter(t).is_some()
            && !starts_lower(t)
            && t.chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || matches!(c, '"' | '“' | '\''));
        let kind = if !plausible {
            Kind::Text
        } else if is_chapter_label(t, lex) {
            Kind::Heading(1)
        } else if let Some(depth) = numbering_depth(t) {
            Kind::Heading(if depth >= 3 { 3 } else { 2 })
        } else if is_all_caps(t) && words <= 10 {
            Kind::Heading(if seen_text { 2 } else { 1 })
        } else if next.is_some()
            && ((words <= 10 && chars <= 80 && (!layout.wrapped || chars * 10 < layout.full * 7))
                || (headline && !layout.wrapped))
        {
            Kind::Heading(2)
        } else {
            Kind::Text
        };
        if kind == Kind::Text {
            seen_text = true;
        }
        kinds[i] = kind;
    }
    kinds
}

/// The document's own spellings (lower case), for deciding line-end hyphens.
struct WordSet(rustc_hash::FxHashSet<String>);

impl WordSet {
    fn new(text: &str) -> WordSet {
        let lower = text.to_lowercase();
        WordSet(
            lower
                .split(|c: char| !(c.is_alphanumeric() || c == '-'))
                .filter(|w| w.len() > 2)
                .map(String::from)
                .collect(),
        )
    }

    /// Join `left` (ending in `-`) and `right` across a line break.
    fn join_hyphen(&self, left: &str, right: &str) -> bool {
        // true: drop the hyphen
        let lw: String = left
            .trim_end_matches('-')
            .chars()
            .rev()
            .take_while(|c| c.is_alphabetic())
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        let rw: String = right.chars().take_while(|c| c.is_alphabetic()).collect();
        if lw.is_empty() || rw.is_empty() || !rw.chars().next().is_some_and(char::is_lowercase) {
            return false;
        }
        let joined = format!("{lw}{rw}").to_lowercase();
        let hyphened = format!("{lw}-{rw}").to_lowercase();
        lw.to_lowercase() != rw.to_lowercase()
            && self.0.contains(&joined)
            && !self.0.contains(&hyphened)
    }
}

fn assemble(lines: &[Line<'_>], kinds: &[Kind], layout: &Layout, text: &str) -> Vec<Block> {
    // The document's spellings, built only if a line-end hyphen needs them.
    let words = std::cell::OnceCell::new();
    let mut blocks = Vec::new();
    let mut par = String::new();
    let flush = |par: &mut String, blocks: &mut Vec<Block>| {
        let t = normalize_ws(par);
        par.clear();
        if !t.is_empty() {
            blocks.push(Block::Paragraph(t));
        }
    };
    for (i, l) in lines.iter().enumerate() {
        if let Kind::Heading(level) = kinds[i] {
            flush(&mut par, &mut blocks);
            blocks.push(Block::Heading {
                level,
                text: normalize_ws(l.text),
            });
            continue;
        }
        if !par.is_empty() && breaks_before(lines, i, layout) {
            flush(&mut par, &mut blocks);
        }
        if par.is_empty() {
            par.push_str(l.text);
        } else if par.ends_with('-')
            && par[..par.len() - 1]
                .chars()
                .last()
                .is_some_and(char::is_alphabetic)
            && l.text.chars().next().is_some_and(char::is_alphabetic)
        {
            if words
                .get_or_init(|| WordSet::new(text))
                .join_hyphen(&par, l.text)
            {
                par.pop();
            }
            par.push_str(l.text);
        } else if par.ends_with(['—', '/']) {
            par.push_str(l.text);
        } else {
            par.push(' ');
            par.push_str(l.text);
        }
    }
    flush(&mut par, &mut blocks);
    blocks
}

/// Does a new paragraph start at line `i` (the previous line being text)?
fn breaks_before(lines: &[Line<'_>], i: usize, layout: &Layout) -> bool {
    let l = &lines[i];
    let prev = &lines[i - 1];
    let prev_ends = ends_sentence(prev.text);
    // A word cut at the line end goes on.
    if prev.text.ends_with('-')
        && prev.text[..prev.text.len() - 1]
            .chars()
            .last()
            .is_some_and(char::is_alphabetic)
        && l.text.chars().next().is_some_and(char::is_alphabetic)
        && layout.gap(l) == 0
    {
        return false;
    }
    // A paragraph never ends mid-sentence: a lower-case continuation joins,
    // whatever the spacing.
    if !prev_ends && starts_lower(l.text) && !starts_bullet(l.text) {
        return false;
    }
    if layout.gap(l) > 0 || starts_bullet(l.text) {
        return true;
    }
    if !layout.wrapped {
        return true;
    }
    if !prev_ends {
        return false;
    }
    let short = prev.text.chars().count() * 10 < layout.full * 8;
    let indented = l.indent > layout.base_indent;
    short || indented
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_long_first_line_with_a_colon_is_the_headline() {
        // Written for this test.
        let lex = crate::lexicon::shared();
        let text = "Dari Kawan Menjadi Lawan: Kenya dan Tanzania di Ambang Perang Dagang Baru\n\nHubungan kedua negara memburuk tahun ini.\n\nLatar belakang\n\nKedua negara pernah bersekutu.\n";
        let doc = crate::ingest::document(text, crate::ingest::Format::Text, lex).unwrap();
        assert_eq!(
            doc.title,
            "Dari Kawan Menjadi Lawan: Kenya dan Tanzania di Ambang Perang Dagang Baru"
        );
    }

    use super::*;
    use crate::lexicon::shared;

    fn clean_str(s: &str) -> Vec<Block> {
        clean(s, &shared().clean)
    }
    fn headings(blocks: &[Block]) -> Vec<(u8, &str)> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading { level, text } => Some((*level, text.as_str())),
                _ => None,
            })
            .collect()
    }
    fn paragraphs(blocks: &[Block]) -> Vec<&str> {
        blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.as_str()),
                _ => None,
            })
            .collect()
    }

    const THESIS: &str = include_str!("../../sources/000_f5840cd7195cf325.txt");
    const NEWS: &str = include_str!("../../sources/002_fea91339883cd94f.txt");

    #[test]
    fn thesis_chapter_becomes_headings_and_real_paragraphs() {
        let blocks = clean_str(THESIS);
        assert_eq!(
            headings(&blocks),
            [(1, "BAB VI"), (1, "PENUTUP"), (2, "6.1. Kesimpulan")]
        );
        let pars = paragraphs(&blocks);
        let all = pars.join("\n");
        assert!(
            all.contains("ruang pasca-Soviet secara historis"),
            "hyphen joined"
        );
        assert!(all.contains("perang Nagorno-Karabakh kedua"));
        assert!(all.contains("untuk beroperasi di Nagorno-Karabakh, telah"));
        assert!(!all.contains("pasca- "));
        assert!(!all.contains("  "));
        assert!(pars[0].starts_with("Analisis yang dilakukan dengan jelas"));
        assert!(pars[0].ends_with("diperlakukan dibawah kendalinya."));
        assert!(pars[1].starts_with("Perjanjian gencatan senjata 9 November 2020"));
        // An indented line after a finished sentence starts a paragraph.
        assert!(
            pars.iter()
                .any(|p| p.starts_with("Meskipun insiden taktis skala kecil"))
        );
        assert!(
            pars.iter()
                .any(|p| p.starts_with("Secara keseluruhan, pada Maret 2021"))
        );
        // Every sentence the gold annotation quotes is inside one paragraph.
        for s in [
            "Oleh karena itu, faktor terpenting yang membentuk prospek jangka panjang kawasan ini adalah kebijakan Federasi Rusia.",
            "Secara keseluruhan, pada Maret 2021, keadaan wilayah menjamin stabilitas strategis hingga November 2025.",
            "Keamanan dapat dicapai dengan konsolidasi kekuatan Rusia sebagai sumber utama kekuatan militer penjaga perdamaian.",
        ] {
            assert!(pars.iter().any(|p| p.contains(s)), "{s}");
        }
        assert!(
            pars.len() >= 5 && pars.len() <= 12,
            "{} paragraphs",
            pars.len()
        );
    }

    #[test]
    fn news_lines_are_paragraphs_and_short_lines_headings() {
        let blocks = clean_str(NEWS);
        assert_eq!(
            headings(&blocks),
            [
                (2, "Teman-teman baru Moskow"),
                (2, "Mantan sekutu Moskow"),
                (2, "Azerbaijan dan Rusia"),
                (2, "Armenia dan Rusia"),
            ]
        );
        let pars = paragraphs(&blocks);
        assert_eq!(pars.len(), 49);
        assert!(pars[0].starts_with("Dalam langkah yang memicu reaksi keras"));
        assert!(
            pars.contains(
                &"Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang."
            )
        );
    }

    #[test]
    fn single_spaced_wrapped_text_with_blank_line_paragraphs() {
        let text = "The agreement signed in Baku on Tuesday commits both governments to a\n\
                    phased withdrawal of forces from the border and to talks on the\n\
                    delimitation of the frontier within six months.\n\
                    \n\
                    Analysts in Yerevan were cautious. The previous ceasefire collapsed\n\
                    within weeks, and neither side has published the text of the\n\
                    annex on prisoners.\n";
        let blocks = clean_str(text);
        assert_eq!(
            paragraphs(&blocks),
            [
                "The agreement signed in Baku on Tuesday commits both governments to a phased withdrawal of forces from the border and to talks on the delimitation of the frontier within six months.",
                "Analysts in Yerevan were cautious. The previous ceasefire collapsed within weeks, and neither side has published the text of the annex on prisoners.",
            ]
        );
    }

    #[test]
    fn page_furniture_is_dropped_and_paragraphs_rejoined() {
        let mut text = String::new();
        for page in 1..=4 {
            text.push_str("Jurnal Hubungan Internasional Vol. 3\n\n");
            text.push_str(&format!(
                "Kerja sama pertahanan ({page}) antara Indonesia dan Australia terus berkembang\n"
            ));
            text.push_str(
                "sejak penandatanganan Perjanjian Lombok pada tahun 2006, meskipun sempat\n",
            );
            text.push_str(&format!("terganggu oleh isu penyadapan nomor {page}.\n\n"));
            text.push_str(&format!("{page}\n\n"));
            text.push_str(&format!("Kedua negara kemudian memulihkan kerja sama intelijen dan latihan bersama ke-{page}\n"));
            text.push_str(&format!("secara bertahap pada tahap {page}.\n\n"));
            text.push_str(&format!("Halaman {page} dari 4\n"));
        }
        let blocks = clean_str(&text);
        let pars = paragraphs(&blocks);
        assert!(
            pars.iter()
                .all(|p| !p.contains("Jurnal Hubungan") && !p.contains("Halaman")),
            "{pars:?}"
        );
        assert_eq!(pars.len(), 8);
        assert_eq!(
            pars[0],
            "Kerja sama pertahanan (1) antara Indonesia dan Australia terus berkembang sejak penandatanganan Perjanjian Lombok pada tahun 2006, meskipun sempat terganggu oleh isu penyadapan nomor 1."
        );
    }

    #[test]
    fn web_page_furniture() {
        let text = "TangerangNews.com\n\nAustralia Ingatkan Indonesia Efek dari Eksekusi Mati\n\nPemerintah Australia memperingatkan Indonesia soal efek dari eksekusi mati.\n\nBACA JUGA: Tuduh Rusia Lakukan Genosida, Zelensky: Ini Bukan Hanya Tentang Ukraina!\n\nRead more: Why Canberra is worried\n\nAbbott menyebut eksekusi itu akan berimbas pada hubungan kedua negara.\n";
        let blocks = clean_str(text);
        assert_eq!(
            blocks,
            vec![
                Block::Heading {
                    level: 2,
                    text: "Australia Ingatkan Indonesia Efek dari Eksekusi Mati".into()
                },
                Block::Paragraph(
                    "Pemerintah Australia memperingatkan Indonesia soal efek dari eksekusi mati."
                        .into()
                ),
                Block::Paragraph(
                    "Abbott menyebut eksekusi itu akan berimbas pada hubungan kedua negara.".into()
                ),
            ]
        );
    }

    #[test]
    fn leading_date_label_is_split_off() {
        let text = " date 2023-09-29 NATO has announced that it is beefing up its troop presence in Kosovo.\n\nKosovo's prime minister welcomed the decision.\n";
        assert_eq!(
            paragraphs(&clean_str(text)),
            [
                "date 2023-09-29",
                "NATO has announced that it is beefing up its troop presence in Kosovo.",
                "Kosovo's prime minister welcomed the decision.",
            ]
        );
        let text = "Tanggal: 2025-05 Presiden China Xi Jinping dan Presiden Rusia Vladimir Putin bertemu.\n";
        assert_eq!(paragraphs(&clean_str(text))[0], "Tanggal: 2025-05");
        // Not a label: left alone.
        let text = "Dates 2023-09-29 were set for talks.\n";
        assert_eq!(
            paragraphs(&clean_str(text)),
            ["Dates 2023-09-29 were set for talks."]
        );
    }

    #[test]
    fn line_end_hyphens() {
        let text = "The government of the republic said the govern-\nment would respond, and the pro-\nWestern parties agreed; the well-\nknown negara-\nnegara tetangga.\n";
        let p = paragraphs(&clean_str(text)).join(" ");
        assert!(p.contains("the government would respond"), "{p}");
        assert!(p.contains("pro-Western"), "{p}");
        assert!(p.contains("well-known"), "{p}");
        assert!(p.contains("negara-negara tetangga"), "{p}");
    }

    #[test]
    fn headings_by_shape() {
        let cases: &[(&str, Option<u8>)] = &[
            ("BAB II\n\nTINJAUAN PUSTAKA\n\nIsi bab.\n", Some(1)),
            (
                "Isi pertama.\n\n2.3.1 Kebijakan Luar Negeri Turki\n\nIsi.\n",
                Some(3),
            ),
            (
                "Isi pertama.\n\nA. Latar Belakang Masalah\n\nIsi.\n",
                Some(2),
            ),
            (
                "Isi pertama.\n\nIV. KESIMPULAN DAN SARAN\n\nIsi.\n",
                Some(2),
            ),
            (
                "Isi pertama.\n\nUS position on attack\n\nIn Sunday's attack, about 30 masked men opened fire.\n",
                Some(2),
            ),
            // Not headings: a list item sentence, a colon line, a trailing fragment.
            (
                "Isi pertama.\n\n1. Pemerintah harus memperkuat diplomasi.\n\nIsi.\n",
                None,
            ),
            (
                "Isi pertama.\n\nGuyana and Venezuela declared as follows:\n\nDated this 14th day.\n",
                None,
            ),
            (
                "Isi pertama.\n\nThe meeting of Presidents Maduro and Ali in St Vincent yesterday\n",
                None,
            ),
            ("Isi pertama.\n\n2024\n\nIsi.\n", None),
        ];
        for (text, want) in cases {
            let blocks = clean_str(text);
            let got = headings(&blocks).first().map(|h| h.0);
            assert_eq!(got, *want, "{text:?} -> {blocks:?}");
        }
    }

    #[test]
    fn characters_are_normalised() {
        let lex = &shared().clean;
        assert_eq!(normalize("a\r\nb\rc", lex), "a\nb\nc");
        assert_eq!(normalize("it\u{a0}is\u{200b} ok\tnow", lex), "it is ok now");
        assert_eq!(
            normalize("â€œQuoteâ€\u{9d} and itâ€™s", lex),
            "“Quote” and it’s"
        );
        assert_eq!(normalize("bersama.Â\nRiyadh", lex), "bersama.\nRiyadh");
        assert_eq!(normalize("ﬁnal ofﬁcial", lex), "final official");
        assert_eq!(normalize("pasca\u{ad}\nSoviet", lex), "pascaSoviet");
        assert_eq!(normalize("ÂLAMAT Â", lex), "ÂLAMAT ");
    }
}
