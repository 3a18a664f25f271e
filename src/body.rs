//! The body of a brief: headings and paragraphs, written as Markdown and read
//! back with pulldown-cmark. Writing escapes whatever Markdown would
//! otherwise read as structure (a paragraph `1. Pendahuluan` must not become a
//! list), so `parse(render(blocks))` gives the same blocks back, and the
//! paragraph numbers that judgments, evidence and notes point at mean the
//! same thing in the pipeline, the reader and the notes.

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

/// A block of the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A section heading; level 2 or deeper (level 1 is the title).
    Heading {
        level: u8,
        text: String,
    },
    Paragraph(String),
}

/// A parsed body: the title heading (if the body starts with one) and the
/// blocks after it.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Body {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

impl Body {
    /// The paragraphs in order; `paragraphs()[n - 1]` is paragraph `n`.
    pub fn paragraphs(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().filter_map(|b| match b {
            Block::Paragraph(t) => Some(t.as_str()),
            Block::Heading { .. } => None,
        })
    }
}

/// The heading that separates the generated summary from the source text.
pub const SOURCE_HEADING: &str = "Source text";

/// Markdown for a title, a generated summary (Markdown, may be empty) and
/// the source blocks. With a summary, the source text follows a
/// `## Source text` heading and its own headings move one level down.
pub fn render(title: &str, summary: &str, blocks: &[Block]) -> String {
    let mut out = String::new();
    out.push_str("# ");
    out.push_str(&escape_heading(title));
    out.push_str("\n\n");
    let shift = if summary.trim().is_empty() {
        0
    } else {
        out.push_str(summary.trim_end());
        out.push_str("\n\n## ");
        out.push_str(SOURCE_HEADING);
        out.push_str("\n\n");
        1
    };
    for b in blocks {
        match b {
            Block::Heading { level, text } => {
                let level = ((*level).clamp(2, 5) + shift) as usize;
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&escape_heading(text));
            }
            Block::Paragraph(text) => out.push_str(&escape_paragraph(text)),
        }
        out.push_str("\n\n");
    }
    out
}

/// Read Markdown back into the source blocks (after the `## Source text`
/// heading when there is one; a body without it is all source text). Lists,
/// quotes and code become paragraphs; raw HTML is dropped.
pub fn parse(md: &str) -> Body {
    let mut body = parse_all(md);
    let marker = body
        .blocks
        .iter()
        .position(|b| matches!(b, Block::Heading { level: 2, text } if text == SOURCE_HEADING));
    if let Some(i) = marker {
        body.blocks.drain(..=i);
        for b in &mut body.blocks {
            if let Block::Heading { level, .. } = b {
                *level = (*level - 1).max(2);
            }
        }
    }
    body
}

/// Every block of a Markdown text, summary included.
pub fn parse_all(md: &str) -> Body {
    let mut body = Body::default();
    let mut buf = String::new();
    let mut heading: Option<u8> = None;
    let flush = |buf: &mut String, body: &mut Body, heading: Option<u8>| {
        let text = normalize_ws(buf);
        buf.clear();
        if text.is_empty() {
            return;
        }
        match heading {
            Some(1) if body.title.is_none() && body.blocks.is_empty() => body.title = Some(text),
            Some(level) => body.blocks.push(Block::Heading {
                level: level.max(2),
                text,
            }),
            None => body.blocks.push(Block::Paragraph(text)),
        }
    };
    for ev in Parser::new(md) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut buf, &mut body, None);
                heading = Some(level as u8);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut buf, &mut body, heading);
                heading = None;
            }
            // A tight list item has no paragraph of its own: every block
            // boundary ends the text collected so far.
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_) | Tag::Item)
            | Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item) => {
                flush(&mut buf, &mut body, None);
            }
            Event::Text(t) | Event::Code(t) => buf.push_str(&t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            _ => {}
        }
    }
    flush(&mut buf, &mut body, None);
    body
}

/// Collapse runs of whitespace into one space and trim.
pub fn normalize_ws(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn escape_inline(text: &str, out: &mut String) {
    const SPECIAL: &[u8] = b"\\`*_[]<>&~|";
    if !text.bytes().any(|b| SPECIAL.contains(&b)) {
        out.push_str(text);
        return;
    }
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '~' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
}

/// Escape a paragraph so Markdown reads it back as exactly this text.
pub fn escape_paragraph(text: &str) -> String {
    let text = normalize_ws(text);
    let mut out = String::with_capacity(text.len() + 8);
    let first = text.chars().next();
    if matches!(first, Some('#' | '-' | '+' | '=' | ':')) {
        out.push('\\');
    } else {
        // An ordered-list marker: digits then `.` or `)` then space or end.
        let digits = text.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 {
            let rest = &text.as_bytes()[digits..];
            if matches!(rest.first(), Some(b'.' | b')')) && matches!(rest.get(1), None | Some(b' '))
            {
                out.push_str(&text[..digits]);
                out.push('\\');
                escape_inline(&text[digits..], &mut out);
                return out;
            }
        }
    }
    escape_inline(&text, &mut out);
    out
}

fn escape_heading(text: &str) -> String {
    let mut out = escape_paragraph(text);
    if out.ends_with('#') {
        out.insert(out.len() - 1, '\\');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> Block {
        Block::Paragraph(s.to_string())
    }
    fn h(level: u8, s: &str) -> Block {
        Block::Heading {
            level,
            text: s.to_string(),
        }
    }

    #[test]
    fn renders_title_headings_and_paragraphs() {
        let md = render(
            "BAB VI PENUTUP",
            "",
            &[
                h(2, "6.1. Kesimpulan"),
                p("Analisis yang dilakukan dengan jelas menunjukkan bahwa ruang pasca-Soviet ..."),
            ],
        );
        assert_eq!(
            md,
            "# BAB VI PENUTUP\n\n## 6.1. Kesimpulan\n\nAnalisis yang dilakukan dengan jelas menunjukkan bahwa ruang pasca-Soviet ...\n\n"
        );
    }

    #[test]
    fn text_that_looks_like_markdown_round_trips() {
        let texts = [
            "1. Pendahuluan berisi latar belakang.",
            "2) second",
            "2024. Tahun yang sulit bagi Armenia.",
            "- Al Arabiya",
            "# not a heading",
            "> not a quote",
            "---",
            "===",
            "* * *",
            "+ plus",
            "Kata *penting* dan _miring_ dan `kode` serta [tautan](x) <b>tebal</b>",
            "AT&T &amp; &#123; entity-like",
            "back\\slash at the end\\",
            "Zona | tabel | bukan",
            "~~coret~~ tetap teks",
            ": definisi",
            "Rp 11.000 dan 3.5% — “kutipan” … (…)",
            "12345678901. panjang",
        ];
        for t in texts {
            let body = parse(&render("T", "", &[p(t)]));
            assert_eq!(body.blocks, vec![p(t)], "{t:?}");
            assert_eq!(body.title.as_deref(), Some("T"));
        }
        for t in ["Kesimpulan #", "C# dan F#", "6.1. Kesimpulan", "## dua"] {
            let body = parse(&render("T", "", &[h(2, t)]));
            assert_eq!(body.blocks, vec![h(2, t)], "{t:?}");
        }
    }

    #[test]
    fn a_summary_comes_before_the_source_text() {
        let blocks = [
            h(2, "Bagian"),
            p("Paragraf satu."),
            h(3, "Sub"),
            p("Paragraf dua."),
        ];
        let md = render(
            "Judul",
            "## Key judgments\n\n1. Sebuah penilaian.\n",
            &blocks,
        );
        assert_eq!(
            md,
            "# Judul\n\n## Key judgments\n\n1. Sebuah penilaian.\n\n## Source text\n\n### Bagian\n\nParagraf satu.\n\n#### Sub\n\nParagraf dua.\n\n"
        );
        let body = parse(&md);
        assert_eq!(body.title.as_deref(), Some("Judul"));
        assert_eq!(body.blocks, blocks);
        assert_eq!(
            body.paragraphs().collect::<Vec<_>>(),
            ["Paragraf satu.", "Paragraf dua."]
        );
    }

    #[test]
    fn parses_markdown_sources() {
        let md = "# Judul\n\nIntro *ditekankan*\nbaris dua.\n\n## Bagian\n\n- butir satu\n- butir dua\n\n> kutipan\n\n<div>html</div>\n\n### Sub\n\nAkhir.";
        let body = parse(md);
        assert_eq!(body.title.as_deref(), Some("Judul"));
        assert_eq!(
            body.blocks,
            vec![
                p("Intro ditekankan baris dua."),
                h(2, "Bagian"),
                p("butir satu"),
                p("butir dua"),
                p("kutipan"),
                h(3, "Sub"),
                p("Akhir."),
            ]
        );
        assert_eq!(body.paragraphs().count(), 5);
    }

    #[test]
    fn a_body_without_title_heading() {
        let body = parse("Hanya paragraf.\n\n# Judul kemudian\n");
        assert_eq!(body.title, None);
        assert_eq!(
            body.blocks,
            vec![p("Hanya paragraf."), h(2, "Judul kemudian")]
        );
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(500))]
            #[test]
            fn paragraphs_round_trip(words in proptest::collection::vec("[^\\s]{1,12}", 1..12)) {
                let text = words.join(" ");
                let body = parse(&render("Title", "", &[p(&text)]));
                prop_assert_eq!(body.blocks, vec![p(&text)]);
            }

            #[test]
            fn ascii_punctuation_round_trips(s in "[ -~]{1,40}") {
                let text = normalize_ws(&s);
                prop_assume!(!text.is_empty());
                let body = parse(&render("Title", "", &[p(&text)]));
                prop_assert_eq!(body.blocks, vec![p(&text)]);
            }
        }
    }
}
