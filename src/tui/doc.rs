//! A brief prepared for reading: its source text rendered from the Markdown
//! body's pulldown-cmark events (headings, emphasis, strong, code, lists,
//! block quotes), with paragraphs numbered exactly as [`crate::body::parse`]
//! numbers them, so judgments, evidence, search hits and notes all point at
//! the same paragraph.

use std::ops::Range;

use pulldown_cmark::{Event, Parser, Tag, TagEnd};

use crate::body::SOURCE_HEADING;
use crate::brief::Brief;
use crate::notes::SourceText;

/// Inline emphasis of a stretch of text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Emph {
    pub bold: bool,
    pub italic: bool,
    pub code: bool,
}

/// What a rendered block is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum BlockKind {
    /// A heading (level 2 or deeper, as in the source).
    Heading(u8),
    /// Paragraph `n` (1-based), with its list marker (`•`, `3.`) and
    /// block-quote depth.
    Paragraph {
        n: usize,
        marker: Option<String>,
        quote: u8,
    },
}

/// A rendered block: plain text (whitespace normalised, as `body::parse`
/// gives it) and its emphasis runs as byte ranges.
#[derive(Debug, Clone)]
pub struct MdBlock {
    pub kind: BlockKind,
    pub text: String,
    pub emph: Vec<(Range<usize>, Emph)>,
}

/// A brief ready to draw.
#[derive(Debug, Clone)]
pub struct Doc {
    pub blocks: Vec<MdBlock>,
    /// Block index of paragraph `n` at `[n - 1]`.
    pub paragraph_block: Vec<usize>,
    /// Sentences of paragraph `n` at `[n - 1]`, byte ranges.
    pub sentences: Vec<Vec<Range<usize>>>,
    /// The text notes anchor in.
    pub src: SourceText,
}

impl Doc {
    pub fn new(brief: &Brief) -> Doc {
        let blocks = render(&brief.body);
        let mut paragraph_block = Vec::new();
        for (i, b) in blocks.iter().enumerate() {
            if matches!(b.kind, BlockKind::Paragraph { .. }) {
                paragraph_block.push(i);
            }
        }
        let abbr = crate::lexicon::abbreviations();
        let sentences = paragraph_block
            .iter()
            .map(|&i| crate::ingest::segment::sentences(&blocks[i].text, abbr))
            .collect();
        let src = SourceText::new(paragraph_block.iter().map(|&i| blocks[i].text.as_str()));
        Doc {
            blocks,
            paragraph_block,
            sentences,
            src,
        }
    }

    pub fn paragraph_count(&self) -> usize {
        self.paragraph_block.len()
    }

    /// The text of paragraph `n` (1-based).
    pub fn paragraph(&self, n: usize) -> &str {
        n.checked_sub(1)
            .and_then(|i| self.paragraph_block.get(i))
            .map_or("", |&b| self.blocks[b].text.as_str())
    }

    /// The block index of paragraph `n`, or the nearest paragraph's.
    pub fn block_of(&self, n: usize) -> usize {
        let i = n.max(1) - 1;
        self.paragraph_block
            .get(i.min(self.paragraph_block.len().saturating_sub(1)))
            .copied()
            .unwrap_or(0)
    }

    /// The paragraph number of block `b`, or of the first paragraph after
    /// it (for a heading), or the last paragraph.
    pub fn paragraph_at_block(&self, b: usize) -> usize {
        let i = self.paragraph_block.partition_point(|&x| x < b);
        (i + 1).min(self.paragraph_count().max(1))
    }
}

/// Render a brief body: the blocks of its source text (after the
/// `## Source text` heading when there is one).
pub fn render(md: &str) -> Vec<MdBlock> {
    let mut r = Renderer::default();
    for ev in Parser::new(md) {
        r.event(ev);
    }
    r.flush(None);
    let mut blocks = r.blocks;
    let marker = blocks
        .iter()
        .position(|b| b.kind == BlockKind::Heading(2) && b.text == SOURCE_HEADING);
    if let Some(i) = marker {
        blocks.drain(..=i);
        for b in &mut blocks {
            if let BlockKind::Heading(level) = &mut b.kind {
                *level = (*level - 1).max(2);
            }
        }
    }
    let mut n = 0;
    for b in &mut blocks {
        if let BlockKind::Paragraph { n: num, .. } = &mut b.kind {
            n += 1;
            *num = n;
        }
    }
    blocks
}

#[derive(Default)]
struct Renderer {
    blocks: Vec<MdBlock>,
    title_seen: bool,
    raw: String,
    /// Emphasis from each byte of `raw` on: change points.
    runs: Vec<(usize, Emph)>,
    emph: Emph,
    heading: Option<u8>,
    quote: u8,
    /// Open lists: the next number of an ordered list, `None` for bullets.
    lists: Vec<Option<u64>>,
    marker: Option<String>,
}

impl Renderer {
    fn push(&mut self, text: &str, extra: Emph) {
        let e = Emph {
            bold: self.emph.bold || extra.bold,
            italic: self.emph.italic || extra.italic,
            code: self.emph.code || extra.code,
        };
        if self.runs.last().is_none_or(|(_, last)| *last != e) {
            self.runs.push((self.raw.len(), e));
        }
        self.raw.push_str(text);
    }

    fn event(&mut self, ev: Event) {
        match ev {
            Event::Start(Tag::Heading { level, .. }) => {
                self.flush(None);
                self.heading = Some(level as u8);
            }
            Event::End(TagEnd::Heading(_)) => {
                let h = self.heading.take();
                self.flush(h);
            }
            Event::Start(Tag::Item) => {
                self.flush(None);
                let marker = match self.lists.last_mut() {
                    Some(Some(n)) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "•".to_string(),
                };
                self.marker = Some(marker);
            }
            Event::Start(Tag::List(start)) => {
                self.flush(None);
                self.lists.push(start);
            }
            Event::End(TagEnd::List(_)) => {
                self.flush(None);
                self.lists.pop();
            }
            Event::Start(Tag::BlockQuote(_)) => {
                self.flush(None);
                self.quote += 1;
            }
            Event::End(TagEnd::BlockQuote(_)) => {
                self.flush(None);
                self.quote = self.quote.saturating_sub(1);
            }
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_))
            | Event::End(TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item) => {
                self.flush(None);
            }
            Event::Start(Tag::Emphasis) => self.emph.italic = true,
            Event::End(TagEnd::Emphasis) => self.emph.italic = false,
            Event::Start(Tag::Strong) => self.emph.bold = true,
            Event::End(TagEnd::Strong) => self.emph.bold = false,
            Event::Text(t) => self.push(&t, Emph::default()),
            Event::Code(t) => self.push(
                &t,
                Emph {
                    code: true,
                    ..Emph::default()
                },
            ),
            Event::SoftBreak | Event::HardBreak => self.push(" ", Emph::default()),
            _ => {}
        }
    }

    /// End the text collected so far as a block (a heading of `level`, or a
    /// paragraph), normalising whitespace and carrying emphasis along.
    fn flush(&mut self, level: Option<u8>) {
        let raw = std::mem::take(&mut self.raw);
        let runs = std::mem::take(&mut self.runs);
        let mut text = String::with_capacity(raw.len());
        let mut emph: Vec<(Range<usize>, Emph)> = Vec::new();
        let mut run = 0;
        let mut pending_space = false;
        for (i, c) in raw.char_indices() {
            while run + 1 < runs.len() && runs[run + 1].0 <= i {
                run += 1;
            }
            if c.is_whitespace() {
                pending_space = !text.is_empty();
                continue;
            }
            if pending_space {
                text.push(' ');
                pending_space = false;
            }
            let e = runs.get(run).map_or(Emph::default(), |r| r.1);
            let start = text.len();
            text.push(c);
            if e != Emph::default() {
                match emph.last_mut() {
                    Some((r, last)) if *last == e && r.end == start => r.end = text.len(),
                    _ => emph.push((start..text.len(), e)),
                }
            }
        }
        if text.is_empty() {
            return;
        }
        let kind = match level {
            Some(1) if !self.title_seen && self.blocks.is_empty() => {
                self.title_seen = true;
                return;
            }
            Some(l) => BlockKind::Heading(l.max(2)),
            None => BlockKind::Paragraph {
                n: 0,
                marker: self.marker.take(),
                quote: self.quote,
            },
        };
        self.blocks.push(MdBlock { kind, text, emph });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shipped() -> Vec<Brief> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        crate::library::Library::open(&dir)
            .unwrap()
            .briefs()
            .to_vec()
    }

    #[test]
    fn paragraphs_agree_with_body_parse() {
        for b in shipped() {
            let doc = Doc::new(&b);
            let body = crate::body::parse(&b.body);
            let expected: Vec<&str> = body.paragraphs().collect();
            let got: Vec<&str> = (1..=doc.paragraph_count())
                .map(|n| doc.paragraph(n))
                .collect();
            assert_eq!(got, expected, "{}", b.id);
            let headings = doc
                .blocks
                .iter()
                .filter(|x| matches!(x.kind, BlockKind::Heading(_)))
                .count();
            assert!(headings >= 1, "{}", b.id);
        }
    }

    #[test]
    fn renders_emphasis_lists_and_quotes() {
        let md = "# Judul\n\nTeks *miring* dan **tebal** dengan `kode`.\n\n- satu\n- dua\n\n3. tiga\n4. empat\n\n> kutipan\n> panjang\n";
        let blocks = render(md);
        let texts: Vec<&str> = blocks.iter().map(|b| b.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Teks miring dan tebal dengan kode.",
                "satu",
                "dua",
                "tiga",
                "empat",
                "kutipan panjang"
            ]
        );
        let b0 = &blocks[0];
        let italic: Vec<&str> = b0
            .emph
            .iter()
            .filter(|(_, e)| e.italic)
            .map(|(r, _)| &b0.text[r.clone()])
            .collect();
        assert_eq!(italic, ["miring"]);
        let bold: Vec<&str> = b0
            .emph
            .iter()
            .filter(|(_, e)| e.bold)
            .map(|(r, _)| &b0.text[r.clone()])
            .collect();
        assert_eq!(bold, ["tebal"]);
        assert!(
            b0.emph
                .iter()
                .any(|(r, e)| e.code && &b0.text[r.clone()] == "kode")
        );
        assert!(
            matches!(&blocks[1].kind, BlockKind::Paragraph { marker: Some(m), .. } if m == "•")
        );
        assert!(
            matches!(&blocks[4].kind, BlockKind::Paragraph { marker: Some(m), n: 5, .. } if m == "4.")
        );
        assert!(matches!(
            &blocks[5].kind,
            BlockKind::Paragraph { quote: 1, .. }
        ));
        // The same paragraphs as body::parse.
        let body = crate::body::parse(md);
        assert_eq!(body.paragraphs().collect::<Vec<_>>(), texts);
    }

    #[test]
    fn summary_before_source_heading_is_not_source_text() {
        let md = "# T\n\n## Key judgments\n\n1. Ringkasan.\n\n## Source text\n\n### Bab\n\nIsi.\n";
        let blocks = render(md);
        assert_eq!(blocks.len(), 2);
        assert_eq!(blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(blocks[1].text, "Isi.");
    }
}
