//! The body of a brief: headings and paragraphs, written as Markdown and read
//! back with pulldown-cmark. Writing escapes whatever Markdown would
//! otherwise read as structure (a paragraph `1. Pendahuluan` must not become a
//! list), so `parse(render(blocks))` gives the same blocks back, and the
//! paragraph numbers that judgments, evidence and notes point at mean the
//! same thing in the pipeline, the reader and the notes.
//!
//! A Markdown source keeps its lists, block quotes and inline markup
//! (emphasis, strong, code, links): [`parse_source`] gives, beside the plain
//! blocks the pipeline reads, each paragraph's [`Markup`], and
//! [`render_marked`] writes it back. A list item or a quoted paragraph is
//! still one paragraph, and its plain text is what the pipeline saw.

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

/// How a paragraph of a Markdown source is written: the block quotes and
/// list items it sits in, and its inline Markdown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Markup {
    /// Outermost first.
    pub containers: Vec<Container>,
    /// The paragraph on one line, as Markdown; it reads back as exactly the
    /// paragraph's plain text.
    pub inline: String,
}

/// A block that holds paragraphs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Container {
    /// A block quote; `id` tells one quote from the next.
    Quote { id: usize },
    /// A list item with its marker (`-`, `3.`); `first` when the paragraph
    /// opens the item (later paragraphs are indented under the marker).
    Item {
        id: usize,
        marker: String,
        first: bool,
    },
}

impl Container {
    fn id(&self) -> usize {
        match self {
            Container::Quote { id } | Container::Item { id, .. } => *id,
        }
    }

    /// What this container puts before a line of its content: on the
    /// paragraph's own line (`open`) or on a blank line inside it.
    fn prefix(&self, open: bool, out: &mut String) {
        match self {
            Container::Quote { .. } => out.push_str("> "),
            Container::Item { marker, first, .. } if open && *first => {
                out.push_str(marker);
                out.push(' ');
            }
            Container::Item { marker, .. } => {
                out.extend(std::iter::repeat_n(' ', marker.chars().count() + 1));
            }
        }
    }
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
    render_with(title, summary, blocks, &[])
}

/// [`render`], with the Markdown of a source's paragraphs (`markup[i]` for
/// `blocks[i]`; missing or `None`: plain). Should the result not read back
/// as exactly `blocks`' paragraphs, the plain rendering is used instead: the
/// paragraphs notes and judgments point at must never move.
pub fn render_marked(
    title: &str,
    summary: &str,
    blocks: &[Block],
    markup: &[Option<Markup>],
) -> String {
    if markup.iter().all(Option::is_none) {
        return render(title, summary, blocks);
    }
    let out = render_with(title, summary, blocks, markup);
    let back = parse(&out);
    let paragraphs = blocks.iter().filter_map(|b| match b {
        Block::Paragraph(t) => Some(t.as_str()),
        Block::Heading { .. } => None,
    });
    let headings = |bs: &[Block]| {
        bs.iter()
            .filter(|b| matches!(b, Block::Heading { .. }))
            .count()
    };
    if back.paragraphs().eq(paragraphs) && headings(&back.blocks) == headings(blocks) {
        out
    } else {
        render(title, summary, blocks)
    }
}

fn render_with(title: &str, summary: &str, blocks: &[Block], markup: &[Option<Markup>]) -> String {
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
    let mut prev: &[Container] = &[];
    for (i, b) in blocks.iter().enumerate() {
        let marked = match b {
            Block::Paragraph(_) => markup.get(i).and_then(Option::as_ref),
            Block::Heading { .. } => None,
        };
        let containers = marked.map_or(&[][..], |m| m.containers.as_slice());
        if i > 0 {
            // The blank line between blocks stays inside the containers
            // they share ("> a", ">", "> b" is one quote).
            let shared = prev
                .iter()
                .zip(containers)
                .take_while(|(a, b)| a.id() == b.id())
                .count();
            let mut blank = String::new();
            for c in &containers[..shared] {
                c.prefix(false, &mut blank);
            }
            out.push('\n');
            out.push_str(blank.trim_end());
            out.push('\n');
        }
        match b {
            Block::Heading { level, text } => {
                let level = ((*level).clamp(2, 5) + shift) as usize;
                out.push_str(&"#".repeat(level));
                out.push(' ');
                out.push_str(&escape_heading(text));
            }
            Block::Paragraph(text) => match marked {
                Some(m) => {
                    for c in &m.containers {
                        c.prefix(true, &mut out);
                    }
                    out.push_str(&m.inline);
                }
                None => out.push_str(&escape_paragraph(text)),
            },
        }
        prev = containers;
    }
    if !blocks.is_empty() {
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
    walk(md, None)
}

/// A Markdown source: its blocks (as [`parse_all`] reads them) and, for each
/// block, the Markdown of a paragraph that has more than plain text (list
/// items, quotes, emphasis, code, links; `None` for headings and plain
/// paragraphs). `markup[i]` belongs to `blocks[i]`.
pub fn parse_source(md: &str) -> (Body, Vec<Option<Markup>>) {
    let mut rec = Recorder::default();
    let body = walk(md, Some(&mut rec));
    (body, rec.out)
}

/// What [`parse_source`] keeps track of beside the plain text.
#[derive(Default)]
struct Recorder {
    /// Open quotes, lists (the next number of an ordered one) and items.
    open: Vec<Open>,
    ids: usize,
    /// The current block's inline Markdown.
    md: String,
    /// Destinations of the open links.
    links: Vec<String>,
    /// Open images: their alt text is kept as plain text.
    images: usize,
    code_block: bool,
    out: Vec<Option<Markup>>,
}

enum Open {
    Quote(usize),
    List(Option<u64>),
    Item {
        id: usize,
        marker: String,
        used: bool,
    },
}

impl Recorder {
    fn id(&mut self) -> usize {
        self.ids += 1;
        self.ids
    }

    /// The markup of a paragraph just ended, whose plain text is `text`.
    fn paragraph(&mut self, text: &str) -> Option<Markup> {
        let md = std::mem::take(&mut self.md);
        let mut containers = Vec::new();
        for o in &mut self.open {
            match o {
                Open::Quote(id) => containers.push(Container::Quote { id: *id }),
                Open::Item { id, marker, used } => {
                    containers.push(Container::Item {
                        id: *id,
                        marker: marker.clone(),
                        first: !*used,
                    });
                    *used = true;
                }
                Open::List(_) => {}
            }
        }
        let plain = escape_paragraph(text);
        let mut inline = if self.code_block {
            plain.clone()
        } else {
            escape_start(normalize_ws(&md))
        };
        // The Markdown must read back as exactly this text, else plain it is.
        if inline != plain {
            let back = parse_all(&inline);
            if back.title.is_some() || back.blocks != [Block::Paragraph(text.to_string())] {
                inline = plain.clone();
            }
        }
        (!containers.is_empty() || inline != plain).then_some(Markup { containers, inline })
    }

    fn event(&mut self, ev: &Event) {
        let inline = self.images == 0;
        match ev {
            Event::Start(Tag::BlockQuote(_)) => {
                let id = self.id();
                self.open.push(Open::Quote(id));
            }
            Event::Start(Tag::List(start)) => self.open.push(Open::List(*start)),
            Event::Start(Tag::Item) => {
                let marker = match self.open.last_mut() {
                    Some(Open::List(Some(n))) => {
                        let m = format!("{n}.");
                        *n += 1;
                        m
                    }
                    _ => "-".to_string(),
                };
                let id = self.id();
                self.open.push(Open::Item {
                    id,
                    marker,
                    used: false,
                });
            }
            Event::End(TagEnd::BlockQuote(_) | TagEnd::List(_) | TagEnd::Item) => {
                self.open.pop();
            }
            Event::Start(Tag::CodeBlock(_)) => self.code_block = true,
            Event::End(TagEnd::CodeBlock) => self.code_block = false,
            Event::Start(Tag::Emphasis) | Event::End(TagEnd::Emphasis) if inline => {
                self.md.push('*');
            }
            Event::Start(Tag::Strong) | Event::End(TagEnd::Strong) if inline => {
                self.md.push_str("**");
            }
            Event::Start(Tag::Link { dest_url, .. }) if inline => {
                self.md.push('[');
                self.links.push(dest_url.to_string());
            }
            Event::End(TagEnd::Link) if inline => {
                let dest = self.links.pop().unwrap_or_default();
                self.md.push_str("](<");
                for c in dest.chars() {
                    if matches!(c, '<' | '>' | '\\') {
                        self.md.push('\\');
                    }
                    self.md.push(c);
                }
                self.md.push_str(">)");
            }
            Event::Start(Tag::Image { .. }) => self.images += 1,
            Event::End(TagEnd::Image) => self.images = self.images.saturating_sub(1),
            Event::Text(t) => escape_inline(t, &mut self.md),
            Event::Code(t) if inline => self.md.push_str(&code_span(t)),
            Event::Code(t) => escape_inline(t, &mut self.md),
            Event::SoftBreak | Event::HardBreak => self.md.push(' '),
            _ => {}
        }
    }
}

/// An inline code span that reads back as `t`.
fn code_span(t: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in t.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    let pad = t.starts_with('`')
        || t.ends_with('`')
        || (t.starts_with(' ') && t.ends_with(' ') && !t.trim().is_empty());
    if pad {
        format!("{fence} {t} {fence}")
    } else {
        format!("{fence}{t}{fence}")
    }
}

fn walk(md: &str, mut rec: Option<&mut Recorder>) -> Body {
    let mut body = Body::default();
    let mut buf = String::new();
    let mut heading: Option<u8> = None;
    let flush =
        |buf: &mut String, body: &mut Body, heading: Option<u8>, rec: Option<&mut Recorder>| {
            let text = normalize_ws(buf);
            buf.clear();
            if text.is_empty() {
                if let Some(r) = rec {
                    r.md.clear();
                }
                return;
            }
            match heading {
                Some(1) if body.title.is_none() && body.blocks.is_empty() => {
                    body.title = Some(text);
                    if let Some(r) = rec {
                        r.md.clear();
                    }
                }
                Some(level) => {
                    body.blocks.push(Block::Heading {
                        level: level.max(2),
                        text,
                    });
                    if let Some(r) = rec {
                        r.md.clear();
                        r.out.push(None);
                    }
                }
                None => {
                    if let Some(r) = rec {
                        let m = r.paragraph(&text);
                        r.out.push(m);
                    }
                    body.blocks.push(Block::Paragraph(text));
                }
            }
        };
    for ev in Parser::new(md) {
        match &ev {
            Event::Start(Tag::Heading { level, .. }) => {
                flush(&mut buf, &mut body, None, rec.as_deref_mut());
                heading = Some(*level as u8);
            }
            Event::End(TagEnd::Heading(_)) => {
                flush(&mut buf, &mut body, heading, rec.as_deref_mut());
                heading = None;
            }
            // A tight list item has no paragraph of its own: every block
            // boundary ends the text collected so far.
            Event::Start(Tag::Paragraph | Tag::CodeBlock(_) | Tag::Item | Tag::BlockQuote(_))
            | Event::End(
                TagEnd::Paragraph | TagEnd::CodeBlock | TagEnd::Item | TagEnd::BlockQuote(_),
            ) => {
                flush(&mut buf, &mut body, None, rec.as_deref_mut());
            }
            Event::Text(t) | Event::Code(t) => buf.push_str(t),
            Event::SoftBreak | Event::HardBreak => buf.push(' '),
            _ => {}
        }
        // After the flush: a paragraph that ends an item or a quote still
        // sits in it; one that starts an item already does.
        if let Some(r) = rec.as_deref_mut() {
            r.event(&ev);
        }
    }
    flush(&mut buf, &mut body, None, rec);
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
    escape_inline(&text, &mut out);
    escape_start(out)
}

/// Inline Markdown made safe to start a line: what would open a heading, a
/// list, a setext underline or a definition is escaped.
fn escape_start(mut md: String) -> String {
    if md.starts_with(['#', '-', '+', '=', ':']) {
        md.insert(0, '\\');
        return md;
    }
    // An ordered-list marker: digits then `.` or `)` then space or end.
    let digits = md.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let rest = &md.as_bytes()[digits..];
        if matches!(rest.first(), Some(b'.' | b')')) && matches!(rest.get(1), None | Some(b' ')) {
            md.insert(digits, '\\');
        }
    }
    md
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

    /// A Markdown source through `parse_source` and `render_marked`: the
    /// body's Markdown and what it reads back as.
    fn through(md: &str) -> (String, Body) {
        let (src, markup) = parse_source(md);
        assert_eq!(markup.len(), src.blocks.len());
        let title = src.title.clone().unwrap_or_default();
        let out = render_marked(&title, "", &src.blocks, &markup);
        let back = parse(&out);
        assert_eq!(back.blocks, src.blocks, "{out}");
        (out, back)
    }

    #[test]
    fn markdown_sources_keep_lists_quotes_and_emphasis() {
        let md = "# Laporan\n\nKedua negara menyepakati *tiga* langkah **penting**:\n\n- patroli bersama di `Laut Natuna`\n- pertukaran data [intelijen](https://example.org/a_b)\n  1. dimulai Maret\n  2. ditinjau Juni\n\n> Kerja sama ini *bukan* aliansi.\n>\n> Ini kemitraan.\n\nAkhir.\n";
        let (out, back) = through(md);
        assert_eq!(
            back.paragraphs().collect::<Vec<_>>(),
            [
                "Kedua negara menyepakati tiga langkah penting:",
                "patroli bersama di Laut Natuna",
                "pertukaran data intelijen",
                "dimulai Maret",
                "ditinjau Juni",
                "Kerja sama ini bukan aliansi.",
                "Ini kemitraan.",
                "Akhir.",
            ]
        );
        assert_eq!(
            out,
            "# Laporan\n\n\
             Kedua negara menyepakati *tiga* langkah **penting**:\n\n\
             - patroli bersama di `Laut Natuna`\n\n\
             - pertukaran data [intelijen](<https://example.org/a_b>)\n\n  \
             1. dimulai Maret\n\n  \
             2. ditinjau Juni\n\n\
             > Kerja sama ini *bukan* aliansi.\n>\n\
             > Ini kemitraan.\n\n\
             Akhir.\n\n"
        );
        // The reader renders the same structure back.
        let blocks = crate::tui::doc::render(&out);
        let kinds: Vec<_> = blocks.iter().map(|b| b.kind.clone()).collect();
        use crate::tui::doc::BlockKind::Paragraph as P;
        assert!(matches!(&kinds[1], P { marker: Some(m), quote: 0, .. } if m == "•"));
        assert!(matches!(&kinds[4], P { marker: Some(m), .. } if m == "2."));
        assert!(matches!(&kinds[5], P { quote: 1, .. }));
        assert!(matches!(&kinds[6], P { quote: 1, .. }));
        assert!(
            blocks[0]
                .emph
                .iter()
                .any(|(r, e)| e.italic && &blocks[0].text[r.clone()] == "tiga")
        );
        assert!(
            blocks[0]
                .emph
                .iter()
                .any(|(r, e)| e.bold && &blocks[0].text[r.clone()] == "penting")
        );
    }

    #[test]
    fn plain_paragraphs_of_a_markdown_source_have_no_markup() {
        let (src, markup) =
            parse_source("# T\n\nSatu paragraf biasa.\n\n## Bagian\n\nDua *kata*.\n");
        assert_eq!(markup.len(), 3);
        assert_eq!(markup[0], None);
        assert_eq!(markup[1], None, "headings");
        assert_eq!(
            markup[2],
            Some(Markup {
                containers: vec![],
                inline: "Dua *kata*.".into()
            })
        );
        // Without markup the body is exactly what `render` writes.
        assert_eq!(
            render_marked("T", "", &src.blocks, &[None, None, None]),
            render("T", "", &src.blocks)
        );
    }

    #[test]
    fn tricky_markdown_still_reads_back_as_its_blocks() {
        // Text that looks like Markdown structure once written on one line,
        // code spans with backticks, an image's alt text, escapes, raw HTML.
        for md in [
            "- 1. satu\n- # dua\n- > tiga\n",
            "Kode `` a`b `` dan ` `` ` selesai.\n",
            "Peta ![Selat *Malaka*](peta.png) terlampir.\n",
            "Tanda \\* dan \\_ serta 5 \\* 3 dan a_b_c.\n",
            "Teks <span>dengan</span> HTML.\n",
            "10. sepuluh\n\n    lanjutan dalam butir\n\n11. sebelas\n",
            "***tebal miring*** dan *a*_b_ dan **[tautan](x)**\n",
            "- a\n\n  > kutipan dalam butir\n\n  lanjutan\n- b\n",
            "> - butir dalam kutipan\n>   lanjut\n",
        ] {
            through(md);
        }
    }

    mod markdown_prop {
        use super::*;
        use proptest::prelude::*;

        fn word() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-zA-Z0-9]{1,8}",
                Just("*".to_string()),
                Just("_".to_string()),
                Just("`".to_string()),
                Just("**".to_string()),
                Just("[".to_string()),
                Just("](u)".to_string()),
                Just("\\".to_string()),
                Just("#".to_string()),
                Just("1.".to_string()),
                Just("-".to_string()),
                Just(">".to_string()),
                Just("<b>".to_string()),
                Just("&amp;".to_string()),
            ]
        }

        fn line() -> impl Strategy<Value = String> {
            (
                prop_oneof![
                    Just(""),
                    Just("- "),
                    Just("* "),
                    Just("1. "),
                    Just("> "),
                    Just("> - "),
                    Just("  - "),
                    Just("    "),
                    Just("## "),
                ],
                proptest::collection::vec(word(), 1..8),
                prop_oneof![Just("\n"), Just("\n\n")],
            )
                .prop_map(|(p, w, end)| format!("{p}{}{end}", w.join(" ")))
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(400))]
            /// Whatever a Markdown source holds, the body reads back as the
            /// blocks the pipeline saw.
            #[test]
            fn marked_bodies_read_back_as_the_source_blocks(lines in proptest::collection::vec(line(), 1..10)) {
                let md = lines.concat();
                let (src, markup) = parse_source(&md);
                prop_assert_eq!(markup.len(), src.blocks.len());
                let out = render_marked("T", "", &src.blocks, &markup);
                let back = parse(&out);
                prop_assert_eq!(back.paragraphs().collect::<Vec<_>>(), src.paragraphs().collect::<Vec<_>>());
            }
        }
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
