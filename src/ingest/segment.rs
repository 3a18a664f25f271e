//! Stage 3, segment: the document's title, its sections, paragraphs and
//! sentences.
//!
//! Sentences end at `.`, `!`, `?` or an ellipsis followed by a space and a
//! capital, a digit or an opening quote. A period does not end a sentence
//! after an abbreviation that never ends one (`Dr.`, `No.`, `Jan.`), after a
//! single initial (`S. Korea`), inside an initialism (`U.S.`) unless the next
//! word is a typical sentence opener, nor in numbers (`11.000`, `3.5`). The
//! abbreviation lists are data (`lexicon/abbreviations.toml`).

use std::ops::Range;

use crate::body::{Block, Markup};
use crate::lexicon::Abbreviations;

/// A segmented document.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// Section headings and paragraphs in order, as written to the body.
    pub blocks: Vec<Block>,
    pub sections: Vec<Section>,
    pub paragraphs: Vec<Paragraph>,
    /// How a Markdown source wrote each block (`markup[i]` for `blocks[i]`;
    /// empty for other formats): see [`crate::body::Markup`].
    pub markup: Vec<Option<Markup>>,
    /// Bylines and datelines taken off the top (see [`super::byline`]).
    pub bylines: Vec<String>,
}

/// A run of paragraphs under one heading (or before the first).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Section {
    pub heading: Option<String>,
    /// Indices into [`Document::paragraphs`].
    pub paragraphs: Range<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// 1-based paragraph number in the body.
    pub number: usize,
    /// Index into [`Document::sections`].
    pub section: usize,
    pub text: String,
    /// Byte ranges of the sentences in `text`.
    pub sentences: Vec<Range<usize>>,
}

impl Paragraph {
    pub fn sentence_texts(&self) -> impl Iterator<Item = &str> {
        self.sentences.iter().map(|r| &self.text[r.clone()])
    }
}

impl Document {
    /// Every sentence with its paragraph.
    pub fn sentences(&self) -> impl Iterator<Item = (&Paragraph, &str)> {
        self.paragraphs
            .iter()
            .flat_map(|p| p.sentence_texts().map(move |s| (p, s)))
    }
}

/// Longest title taken from a lede sentence.
const TITLE_MAX: usize = 100;

/// Take the title off the front of `blocks`: the leading heading (a chapter
/// label joins the chapter name after it: `BAB VI` + `PENUTUP`); else the first
/// heading among the first three blocks; else the lede's first sentence.
pub fn split_title(mut blocks: Vec<Block>, abbr: &Abbreviations) -> (String, Vec<Block>) {
    let heading_text = |b: &Block| match b {
        Block::Heading { text, .. } => Some(text.clone()),
        Block::Paragraph(_) => None,
    };
    if let Some(first) = blocks.first().and_then(heading_text) {
        let numbered = matches!(blocks.first(), Some(Block::Heading { level, .. }) if *level > 1)
            && first.starts_with(|c: char| c.is_ascii_digit());
        if numbered {
            return (first, blocks);
        }
        blocks.remove(0);
        let is_label = first.split_whitespace().count() <= 2;
        if is_label && let Some(Block::Heading { level: 1, text }) = blocks.first() {
            let title = format!("{first} {text}");
            blocks.remove(0);
            return (title, blocks);
        }
        return (first, blocks);
    }
    if let Some(h) = blocks.iter().take(3).find_map(heading_text) {
        return (h, blocks);
    }
    // The lede: the first paragraph that is more than a dateline or a credit.
    let paragraphs = || {
        blocks.iter().filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.as_str()),
            Block::Heading { .. } => None,
        })
    };
    let lede = paragraphs()
        .find(|t| t.split_whitespace().count() >= 4)
        .or_else(|| paragraphs().next());
    let title = lede
        .map(|t| {
            let first = sentences(t, abbr).into_iter().next().map_or(t, |r| &t[r]);
            shorten(first, TITLE_MAX)
        })
        .unwrap_or_default();
    (title, blocks)
}

/// Cut `s` at a word boundary to at most `max` characters, with an ellipsis.
pub fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out = String::new();
    for w in s.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max - 1 {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    if out.is_empty() {
        out = s.chars().take(max - 1).collect();
    }
    out.trim_end_matches([',', ';', ':']).to_string() + "…"
}

/// Build the document from its title and blocks.
pub fn segment(title: String, blocks: Vec<Block>, abbr: &Abbreviations) -> Document {
    let mut sections = vec![Section {
        heading: None,
        paragraphs: 0..0,
    }];
    let mut paragraphs = Vec::new();
    for b in &blocks {
        match b {
            Block::Heading { text, .. } => {
                let n = paragraphs.len();
                if let Some(s) = sections.last_mut() {
                    s.paragraphs.end = n;
                }
                sections.push(Section {
                    heading: Some(text.clone()),
                    paragraphs: n..n,
                });
            }
            Block::Paragraph(text) => {
                paragraphs.push(Paragraph {
                    number: paragraphs.len() + 1,
                    section: sections.len() - 1,
                    sentences: sentences(text, abbr),
                    text: text.clone(),
                });
            }
        }
    }
    let n = paragraphs.len();
    if let Some(s) = sections.last_mut() {
        s.paragraphs.end = n;
    }
    // Drop an empty untitled first section.
    if sections.len() > 1 && sections[0].paragraphs.is_empty() && sections[0].heading.is_none() {
        sections.remove(0);
        for p in &mut paragraphs {
            p.section -= 1;
        }
    }
    Document {
        title,
        blocks,
        sections,
        paragraphs,
        markup: Vec::new(),
        bylines: Vec::new(),
    }
}

const CLOSERS: &[char] = &['"', '\'', '”', '’', ')', ']', '»'];
const OPENERS: &[char] = &['"', '\'', '“', '‘', '(', '[', '«'];

/// Byte ranges of the sentences of `text` (one paragraph, whitespace normalised).
pub fn sentences(text: &str, abbr: &Abbreviations) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for r in sentence_ranges(text, abbr) {
        cap(text, r, &mut out);
    }
    out
}

/// Longest sentence, in bytes. Text without sentence ends (a table dump, a
/// list run together, punctuation lost in extraction) would otherwise make
/// one "sentence" of megabytes, and the per-sentence stages are not linear in
/// its length; real sentences are far shorter.
pub const SENTENCE_MAX: usize = 2000;

/// Push `r`, cut into pieces of at most [`SENTENCE_MAX`] bytes: at the last
/// "; " or ", " in the second half of the window, else the last space, else
/// a character boundary.
fn cap(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let mut start = r.start;
    while r.end - start > SENTENCE_MAX {
        let mut limit = start + SENTENCE_MAX;
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let window = &text[start..limit];
        let half = window.len() / 2;
        let cut = window[half..]
            .rfind("; ")
            .or_else(|| window[half..].rfind(", "))
            .map(|k| half + k + 1)
            .or_else(|| window.rfind(' ').filter(|&k| k > 0))
            .unwrap_or(window.len());
        let end = start + cut;
        let piece = text[start..end].trim_end();
        if !piece.is_empty() {
            out.push(start..start + piece.len());
        }
        start = end + (text[end..].len() - text[end..].trim_start().len());
    }
    if start < r.end {
        out.push(start..r.end);
    }
}

/// Sentence ranges as the terminators and abbreviations decide.
fn sentence_ranges(text: &str, abbr: &Abbreviations) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < text.len() {
        let c = text[i..].chars().next().unwrap_or(' ');
        let is_term = matches!(c, '.' | '!' | '?' | '…');
        if !is_term {
            i += c.len_utf8();
            continue;
        }
        // The terminator cluster: `...`, `?!`, `.”`, `.)` ...
        let term_start = i;
        let mut j = i;
        while j < text.len() {
            let d = text[j..].chars().next().unwrap_or(' ');
            if matches!(d, '.' | '!' | '?' | '…') || CLOSERS.contains(&d) {
                j += d.len_utf8();
            } else {
                break;
            }
        }
        let end = j;
        // Must be followed by whitespace, then a sentence start.
        if end >= text.len() || !bytes[end].is_ascii_whitespace() {
            i = end.max(i + c.len_utf8());
            continue;
        }
        let next_start = end + text[end..].len() - text[end..].trim_start().len();
        let next = &text[next_start..];
        if is_boundary(text, start, term_start, end, next, abbr) {
            out.push(start..end);
            start = next_start;
        }
        i = next_start.max(end);
    }
    if start < text.len() {
        let rest = text[start..].trim_end();
        if !rest.is_empty() {
            out.push(start..start + rest.len());
        }
    }
    out
}

fn is_boundary(
    text: &str,
    sent_start: usize,
    term: usize,
    end: usize,
    next: &str,
    abbr: &Abbreviations,
) -> bool {
    let cluster = &text[term..end];
    let next_first = next.chars().next();
    let after_openers = next.trim_start_matches(OPENERS);
    let next_core = after_openers.chars().next();
    let starts_sentence = next_core.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        || (next_first.is_some_and(|c| OPENERS.contains(&c))
            && next_core.is_some_and(|c| !c.is_lowercase()));
    if !starts_sentence {
        return false;
    }
    // An elision mark "(…)" or "[...]" is not an ending.
    if text[..term].ends_with(['(', '[']) {
        return false;
    }
    let single_period = cluster.trim_end_matches(CLOSERS) == ".";
    if !single_period {
        return true;
    }
    // The word before the period.
    let before = &text[sent_start..term];
    let word_start = before
        .rfind(|c: char| c.is_whitespace() || OPENERS.contains(&c))
        .map_or(0, |k| {
            k + before[k..].chars().next().map_or(1, char::len_utf8)
        });
    let word = &before[word_start..];
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if abbr.never_final.contains(&lower) {
        return false;
    }
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    if letters == 1 && word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return false; // an initial: "S. Korea", "J. Smith"
    }
    if word.contains('.') && letters <= 4 && word.chars().all(|c| c.is_alphabetic() || c == '.') {
        // An initialism: "U.S.", "a.n." — a sentence starts only with an opener.
        let next_word: String = after_openers
            .chars()
            .take_while(|c| c.is_alphabetic())
            .collect();
        return abbr.starters.contains(&next_word);
    }
    if abbr.may_end.contains(&lower) {
        return true;
    }
    true
}

#[cfg(test)]
mod cap_tests {
    use super::*;

    #[test]
    fn a_sentence_without_an_end_is_cut_into_pieces() {
        let abbr = crate::lexicon::abbreviations();
        let text = "kerja sama ekonomi, ".repeat(500);
        let rs = sentences(&text, abbr);
        assert!(rs.len() >= 5, "{}", rs.len());
        assert!(rs.iter().all(|r| r.end - r.start <= SENTENCE_MAX));
        assert!(
            rs.iter()
                .all(|r| text.is_char_boundary(r.start) && text.is_char_boundary(r.end))
        );
        // Nothing is lost but the spaces between the pieces.
        let kept: usize = rs.iter().map(|r| r.end - r.start).sum();
        assert!(kept + rs.len() * 2 >= text.trim_end().len());
        // Real sentences are untouched.
        let real = "Indonesia dan Malaysia sepakat memperkuat kerja sama. Kedua negara bertemu di Jakarta.";
        assert_eq!(sentences(real, abbr).len(), 2);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::clean::clean;
    use crate::lexicon::shared;

    fn split(s: &str) -> Vec<&str> {
        sentences(s, &shared().abbreviations)
            .into_iter()
            .map(|r| &s[r])
            .collect()
    }

    #[test]
    fn sentences_from_the_news_source() {
        assert_eq!(
            split(
                "Pada Juli 2024, Presiden Rusia Vladimir Putin menyebut Taliban sebagai “sekutu dalam melawan terorisme”. Presiden Rusia tersebut sebelumnya juga pernah menyebut Taliban sebagai “sekutu”, sementara Menteri Luar Negeri Sergey Lavrov menyebut mereka sebagai “orang-orang yang waras”."
            ),
            [
                "Pada Juli 2024, Presiden Rusia Vladimir Putin menyebut Taliban sebagai “sekutu dalam melawan terorisme”.",
                "Presiden Rusia tersebut sebelumnya juga pernah menyebut Taliban sebagai “sekutu”, sementara Menteri Luar Negeri Sergey Lavrov menyebut mereka sebagai “orang-orang yang waras”.",
            ]
        );
        assert_eq!(
            split(
                "Setelah awalnya mengirim 11.000 tentara ke Rusia pada musim gugur tahun lalu, sekitar 4.000 dari tentara Korea Utara tersebut tewas atau terluka dalam penugasan itu, menurut pejabat Barat. Namun, kerja sama Pyongyang dengan Moskow justru semakin diperkuat sejak saat itu."
            ),
            [
                "Setelah awalnya mengirim 11.000 tentara ke Rusia pada musim gugur tahun lalu, sekitar 4.000 dari tentara Korea Utara tersebut tewas atau terluka dalam penugasan itu, menurut pejabat Barat.",
                "Namun, kerja sama Pyongyang dengan Moskow justru semakin diperkuat sejak saat itu.",
            ]
        );
        // "(…)" inside a quotation is an elision, not an ending.
        assert_eq!(
            split("Tiga hari setelah kecelakaan, dalam pidato kepada rakyatnya, Aliyev mengatakan, “kami dapat menyatakan dengan jelas bahwa pesawat tersebut ditembak jatuh oleh Rusia (…) Kami tidak mengatakan bahwa hal itu dilakukan secara sengaja, tetapi hal itu telah terjadi.”").len(),
            1
        );
        // "… yang" (lower case after an ellipsis) goes on.
        assert_eq!(
            split("sebuah “surat anonim … yang berisi kesaksian” yang menunjuk pada kekurangan.")
                .len(),
            1
        );
    }

    #[test]
    fn sentences_from_the_thesis_source() {
        assert_eq!(
            split(
                "Meskipun insiden taktis skala kecil masih mungkin terjadi, hal ini hampir tidak berpotensi mengganggu stabilitas situasi strategis di dalam dan di sekitar wilayah separatis. Pengaturan ini kemungkinan besar akan tetap berkelanjutan hingga tanggal kedaluwarsa pertama dari mandat unit penjaga perdamaian Rusia. Oleh karena itu, faktor terpenting yang membentuk prospek jangka panjang kawasan ini adalah kebijakan Federasi Rusia."
            ),
            [
                "Meskipun insiden taktis skala kecil masih mungkin terjadi, hal ini hampir tidak berpotensi mengganggu stabilitas situasi strategis di dalam dan di sekitar wilayah separatis.",
                "Pengaturan ini kemungkinan besar akan tetap berkelanjutan hingga tanggal kedaluwarsa pertama dari mandat unit penjaga perdamaian Rusia.",
                "Oleh karena itu, faktor terpenting yang membentuk prospek jangka panjang kawasan ini adalah kebijakan Federasi Rusia.",
            ]
        );
    }

    #[test]
    fn abbreviations_quotes_ellipses_numbers() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Delegasi membawa dokumen, peta, foto, dll. Mereka tiba pukul 10.30 WIB.",
                &[
                    "Delegasi membawa dokumen, peta, foto, dll.",
                    "Mereka tiba pukul 10.30 WIB.",
                ],
            ),
            (
                "Isu perbatasan, nelayan, dsb. tetap dibahas. Hasilnya belum jelas.",
                &[
                    "Isu perbatasan, nelayan, dsb. tetap dibahas.",
                    "Hasilnya belum jelas.",
                ],
            ),
            (
                "Menurut Peraturan No. 5 Tahun 2021, Dr. Retno menjabat. Ia lalu terbang ke Doha.",
                &[
                    "Menurut Peraturan No. 5 Tahun 2021, Dr. Retno menjabat.",
                    "Ia lalu terbang ke Doha.",
                ],
            ),
            (
                "The U.S. Navy sailed through the strait. The U.S. The move angered Beijing.",
                &[
                    "The U.S. Navy sailed through the strait.",
                    "The U.S.",
                    "The move angered Beijing.",
                ],
            ),
            (
                "Sanctions were imposed by the U.S. China responded on Jan. 5 with tariffs.",
                &["Sanctions were imposed by the U.S. China responded on Jan. 5 with tariffs."],
            ),
            (
                "Japan premier praises S. Korea leader. Talks resumed in Tokyo.",
                &[
                    "Japan premier praises S. Korea leader.",
                    "Talks resumed in Tokyo.",
                ],
            ),
            (
                "GDP grew 3.5 percent in 2023. Exports rose to 11.000 units... Imports fell.",
                &[
                    "GDP grew 3.5 percent in 2023.",
                    "Exports rose to 11.000 units...",
                    "Imports fell.",
                ],
            ),
            (
                "“Kami tidak akan mundur,” kata menteri itu. “Ini soal kedaulatan.” Pernyataan itu dikecam.",
                &[
                    "“Kami tidak akan mundur,” kata menteri itu.",
                    "“Ini soal kedaulatan.”",
                    "Pernyataan itu dikecam.",
                ],
            ),
            (
                "Is this the end? No! It is only the beginning.",
                &["Is this the end?", "No!", "It is only the beginning."],
            ),
            ("No terminator at the end", &["No terminator at the end"]),
            (
                "Ends with a number 2020. 30.000 tentara dikirim.",
                &["Ends with a number 2020.", "30.000 tentara dikirim."],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(split(text), *want, "{text}");
        }
    }

    #[test]
    fn title_from_headline_chapter_or_lede() {
        let abbr = &shared().abbreviations;
        let thesis = clean(
            include_str!("../../sources/000_f5840cd7195cf325.txt"),
            &shared().clean,
        );
        let (title, rest) = split_title(thesis, abbr);
        assert_eq!(title, "BAB VI PENUTUP");
        assert_eq!(
            rest[0],
            Block::Heading {
                level: 2,
                text: "6.1. Kesimpulan".into()
            }
        );

        let news = clean(
            include_str!("../../sources/002_fea91339883cd94f.txt"),
            &shared().clean,
        );
        let (title, rest) = split_title(news, abbr);
        assert_eq!(
            title,
            "Dalam langkah yang memicu reaksi keras, Rusia menjadi negara pertama di dunia yang mengakui Taliban…"
        );
        assert!(
            matches!(rest[0], Block::Paragraph(_)),
            "the lede stays in the text"
        );

        let headline = clean(
            "Japan premier praises S. Korea leader\n\nTOKYO -- Japanese Prime Minister Fumio Kishida thanked South Korean President Yoon Suk Yeol.\n",
            &shared().clean,
        );
        assert_eq!(
            split_title(headline, abbr).0,
            "Japan premier praises S. Korea leader"
        );
    }

    #[test]
    fn sections_and_paragraph_numbers() {
        let abbr = &shared().abbreviations;
        let blocks = clean(
            include_str!("../../sources/002_fea91339883cd94f.txt"),
            &shared().clean,
        );
        let (title, blocks) = split_title(blocks, abbr);
        let doc = segment(title, blocks, abbr);
        let names: Vec<_> = doc.sections.iter().map(|s| s.heading.as_deref()).collect();
        assert_eq!(
            names,
            [
                None,
                Some("Teman-teman baru Moskow"),
                Some("Mantan sekutu Moskow"),
                Some("Azerbaijan dan Rusia"),
                Some("Armenia dan Rusia")
            ]
        );
        assert_eq!(doc.paragraphs[0].number, 1);
        assert!(
            doc.paragraphs
                .iter()
                .enumerate()
                .all(|(i, p)| p.number == i + 1)
        );
        let az = &doc.sections[3];
        assert!(
            doc.paragraphs[az.paragraphs.start]
                .text
                .starts_with("Pada Desember 2024, sebuah pesawat")
        );
        assert!(
            doc.paragraphs[az.paragraphs.clone()]
                .iter()
                .all(|p| p.section == 3)
        );
        assert!(doc.sentences().count() > doc.paragraphs.len());
    }

    #[test]
    fn shorten_cuts_at_words() {
        assert_eq!(shorten("short", 10), "short");
        assert_eq!(shorten("one two three four", 12), "one two…");
        assert_eq!(shorten(&"x".repeat(20), 5), "xxxx…");
    }
}
