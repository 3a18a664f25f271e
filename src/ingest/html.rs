//! HTML sources: the main text of a saved web page as headings and
//! paragraphs.
//!
//! The page goes through html5ever's tokenizer (the same one browsers'
//! rules describe, so unclosed and misnested tags are read the way a browser
//! would read them) into a small stack machine:
//!
//! - `<script>`, `<style>`, `<template>`, `<noscript>`, `<svg>`, forms,
//!   buttons and the whole `<head>` (but its `<title>`) are skipped;
//! - page furniture is skipped: `<nav>`, `<aside>`, `<footer>`, `<header>`
//!   outside the article, `<menu>`, and elements whose role, id or class
//!   names navigation, menus, sidebars, share bars, comments, cookie banners,
//!   advertising or related-article lists;
//! - `<h1>`…`<h6>` become headings, block elements (`<p>`, `<li>`,
//!   `<blockquote>`, `<div>`, table cells…) become paragraphs; `<br><br>`
//!   breaks a paragraph;
//! - when the page marks its main content (`<article>`, `<main>`,
//!   `role="main"`) and that holds real text, only that is kept;
//! - blocks that are mostly link text (menus not marked as such) are
//!   dropped.
//!
//! The title is the first `<h1>`, else `<title>` without a trailing
//! " | Site name".

use std::cell::RefCell;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::RawKind;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
};

use crate::body::Block;

/// A page's title and main-text blocks.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub title: Option<String>,
    pub blocks: Vec<Block>,
}

/// Does `text` (the start of a document) look like HTML?
pub fn sniff(text: &str) -> bool {
    let head: String = text
        .trim_start_matches('\u{feff}')
        .trim_start()
        .chars()
        .take(1024)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") {
        return true;
    }
    head.starts_with('<')
        && [
            "<head", "<body", "<meta", "<title", "<p>", "<div", "<article",
        ]
        .iter()
        .any(|t| head.contains(t))
}

/// The `charset` a page declares in its first bytes, if any.
pub fn declared_charset(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    let head = &bytes[..bytes.len().min(2048)];
    let lower = head.to_ascii_lowercase();
    let at = memchr::memmem::find(&lower, b"charset=")? + 8;
    let rest = &head[at..];
    let rest = rest
        .strip_prefix(b"\"")
        .or(rest.strip_prefix(b"'"))
        .unwrap_or(rest);
    let end = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b':' | b'.')))
        .unwrap_or(rest.len());
    encoding_rs::Encoding::for_label(&rest[..end])
}

/// Extract the main text of `html`.
pub fn extract(html: &str) -> Page {
    let page = run(html, true);
    // A class word like "has-sidebar" on a wrapper can hide the whole
    // article: when the furniture rules by attribute leave little text,
    // read the page again without them.
    let chars = |p: &Page| -> usize {
        p.blocks
            .iter()
            .map(|b| match b {
                Block::Paragraph(t) => t.len(),
                Block::Heading { .. } => 0,
            })
            .sum()
    };
    let kept = chars(&page);
    if kept < 2000 {
        let all = run(html, false);
        if kept * 10 < chars(&all) * 3 {
            return all;
        }
    }
    page
}

fn run(html: &str, use_attrs: bool) -> Page {
    let sink = Sink {
        state: RefCell::new(State {
            use_attrs,
            ..State::default()
        }),
    };
    let queue = BufferQueue::default();
    queue.push_back(StrTendril::from_slice(html));
    let tok = Tokenizer::new(sink, TokenizerOpts::default());
    let _ = tok.feed(&queue);
    tok.end();
    tok.sink.state.into_inner().finish()
}

/// Elements whose content is never text for the reader.
const SKIP: &[&str] = &[
    "script", "style", "template", "noscript", "svg", "math", "form", "button", "select",
    "textarea", "iframe", "object", "canvas", "nav", "aside", "footer", "menu", "dialog", "figure",
    "head",
];

/// Elements that never have an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements that start and end a block of text.
const BLOCK: &[&str] = &[
    "p",
    "div",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "table",
    "tr",
    "td",
    "th",
    "caption",
    "address",
    "center",
    "body",
    "hr",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "figcaption",
    "details",
    "summary",
];

/// Role, id and class words that mark page furniture.
const FURNITURE: &[&str] = &[
    "nav",
    "navbar",
    "navigation",
    "menu",
    "sidebar",
    "share",
    "sharing",
    "social",
    "comment",
    "comments",
    "cookie",
    "cookies",
    "banner",
    "advert",
    "advertisement",
    "ads",
    "promo",
    "related",
    "breadcrumb",
    "breadcrumbs",
    "newsletter",
    "subscribe",
    "footer",
    "masthead",
    "toolbar",
    "popup",
    "modal",
    "complementary",
    "contentinfo",
    "search",
];

#[derive(Debug)]
struct Open {
    name: String,
    skip: bool,
    main: bool,
}

#[derive(Debug, Default)]
struct State {
    /// Skip elements whose role, id or class names furniture.
    use_attrs: bool,
    stack: Vec<Open>,
    /// Open elements (on `stack`) that skip their content.
    skipping: usize,
    /// Open elements that mark the main content.
    in_main: usize,
    /// Open `<a>` elements.
    in_link: usize,
    /// Open `<pre>` elements.
    in_pre: usize,
    /// Text of the block being built; which heading level it is, if any.
    text: String,
    link_chars: usize,
    heading: Option<u8>,
    /// Consecutive `<br>`s since the last text.
    brs: usize,
    in_title: bool,
    title_tag: String,
    blocks: Vec<Found>,
}

#[derive(Debug)]
struct Found {
    block: Block,
    main: bool,
    link_chars: usize,
    chars: usize,
    h1: bool,
}

fn is_heading(name: &str) -> bool {
    matches!(name, "h1" | "h2" | "h3" | "h4" | "h5" | "h6")
}

fn attr_is_furniture(tag: &Tag) -> bool {
    tag.attrs.iter().any(|a| {
        let name: &str = &a.name.local;
        if !matches!(name, "role" | "id" | "class") {
            return false;
        }
        let value = a.value.to_ascii_lowercase();
        value
            .split(|c: char| !c.is_ascii_alphanumeric())
            .any(|w| FURNITURE.contains(&w))
    })
}

fn attr_is_main(tag: &Tag) -> bool {
    tag.attrs
        .iter()
        .any(|a| &*a.name.local == "role" && a.value.eq_ignore_ascii_case("main"))
}

impl State {
    fn start(&mut self, tag: &Tag) -> Option<RawKind> {
        let name: &str = &tag.name;
        let raw = match name {
            "script" => Some(RawKind::ScriptData),
            "style" | "xmp" | "iframe" | "noembed" | "noframes" | "noscript" => {
                Some(RawKind::Rawtext)
            }
            "title" | "textarea" => Some(RawKind::Rcdata),
            _ => None,
        };
        // Anything that belongs in the body ends an unclosed <head>.
        if !matches!(
            name,
            "head" | "title" | "meta" | "link" | "style" | "script" | "base" | "noscript" | "html"
        ) && let Some(i) = self.stack.iter().rposition(|o| o.name == "head")
        {
            self.pop_to(i);
        }
        if name == "title" && !tag.self_closing {
            self.in_title = true;
            return raw;
        }
        if name == "br" {
            self.brs += 1;
            if self.brs >= 2 {
                self.flush();
            } else {
                self.push_text(" ");
            }
            return raw;
        }
        if BLOCK.contains(&name) {
            self.flush();
            if !is_heading(name) {
                self.heading = None;
            }
            // A new paragraph or list item closes an open one (HTML's
            // implied end tags).
            if matches!(name, "p" | "li" | "dt" | "dd" | "tr" | "td" | "th")
                && let Some(i) = self.stack.iter().rposition(|o| o.name == name)
                && self.stack[i + 1..]
                    .iter()
                    .all(|o| !BLOCK.contains(&o.name.as_str()) || o.name == "p")
            {
                self.pop_to(i);
            } else if let Some(top) = self.stack.last()
                && top.name == "p"
            {
                let i = self.stack.len() - 1;
                self.pop_to(i);
            }
        }
        if let Some(level) = name
            .strip_prefix('h')
            .and_then(|d| d.parse::<u8>().ok())
            .filter(|l| (1..=6).contains(l))
        {
            self.heading = Some(level);
        }
        if VOID.contains(&name) || tag.self_closing && raw.is_none() {
            return raw;
        }
        if name == "a" {
            self.in_link += 1;
        }
        let skip = SKIP.contains(&name)
            || self.use_attrs
                && !matches!(name, "html" | "body" | "article" | "main")
                && attr_is_furniture(tag);
        let main = matches!(name, "article" | "main") || attr_is_main(tag);
        if skip {
            self.skipping += 1;
        }
        if main {
            self.in_main += 1;
        }
        if name == "pre" {
            self.in_pre += 1;
        }
        self.stack.push(Open {
            name: name.to_string(),
            skip,
            main,
        });
        raw
    }

    fn end(&mut self, tag: &Tag) {
        let name: &str = &tag.name;
        if name == "title" {
            self.in_title = false;
            return;
        }
        if BLOCK.contains(&name) {
            self.flush();
        }
        if let Some(i) = self.stack.iter().rposition(|o| o.name == name) {
            self.pop_to(i);
        }
    }

    /// Close the element at `i` and everything opened inside it.
    fn pop_to(&mut self, i: usize) {
        while self.stack.len() > i {
            let o = self.stack.pop().expect("len > i");
            if o.skip {
                self.skipping -= 1;
            }
            if o.main {
                self.in_main -= 1;
            }
            match o.name.as_str() {
                "a" => self.in_link = self.in_link.saturating_sub(1),
                "pre" => self.in_pre -= 1,
                n if is_heading(n) => {
                    self.flush();
                    self.heading = None;
                }
                _ => {}
            }
        }
    }

    fn push_text(&mut self, s: &str) {
        if self.in_title {
            self.title_tag.push_str(s);
            return;
        }
        if self.skipping > 0 {
            return;
        }
        if !s.trim().is_empty() {
            self.brs = 0;
        }
        if self.in_link > 0 {
            self.link_chars += s.trim().chars().count();
        }
        if self.in_pre > 0 {
            self.text.push_str(s);
        } else {
            for (i, w) in s.split(char::is_whitespace).enumerate() {
                if i > 0 && !self.text.ends_with(' ') {
                    self.text.push(' ');
                }
                self.text.push_str(w);
            }
        }
    }

    /// End the block being built.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.text);
        let link_chars = std::mem::take(&mut self.link_chars);
        let text = if self.in_pre > 0 {
            text.trim_matches('\n').to_string()
        } else {
            text.split_whitespace().collect::<Vec<_>>().join(" ")
        };
        if text.is_empty() {
            return;
        }
        let chars = text.chars().count();
        let (block, h1) = match self.heading {
            Some(level) => (
                Block::Heading {
                    level: level.clamp(2, 3),
                    text,
                },
                level == 1,
            ),
            None => (Block::Paragraph(text), false),
        };
        self.blocks.push(Found {
            block,
            main: self.in_main > 0,
            link_chars,
            chars,
            h1,
        });
    }

    fn finish(mut self) -> Page {
        self.flush();
        let main_chars: usize = self
            .blocks
            .iter()
            .filter(|b| b.main && matches!(b.block, Block::Paragraph(_)))
            .map(|b| b.chars)
            .sum();
        // The marked main content, when it holds real text.
        let only_main = main_chars >= 200;
        let mut title: Option<String> = None;
        let mut blocks = Vec::new();
        for f in self.blocks {
            if only_main && !f.main && !f.h1 {
                continue;
            }
            // Mostly links: a menu or a list of related articles.
            if f.link_chars * 10 > f.chars * 6 {
                continue;
            }
            if f.h1 && title.is_none() {
                if let Block::Heading { text, .. } = f.block {
                    title = Some(text);
                }
                continue;
            }
            blocks.push(f.block);
        }
        let title = title.or_else(|| site_title(&self.title_tag));
        Page { title, blocks }
    }
}

/// `<title>` without a trailing " | Site name" or " - Site name".
fn site_title(raw: &str) -> Option<String> {
    let t = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return None;
    }
    for sep in [" | ", " - ", " – ", " — ", " :: "] {
        if let Some(i) = t.rfind(sep) {
            let (head, tail) = (&t[..i], &t[i + sep.len()..]);
            if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
                return Some(head.to_string());
            }
        }
    }
    Some(t)
}

struct Sink {
    state: RefCell<State>,
}

impl TokenSink for Sink {
    type Handle = ();

    fn process_token(&self, token: Token, _line: u64) -> TokenSinkResult<()> {
        let mut st = self.state.borrow_mut();
        match token {
            Token::TagToken(tag) => match tag.kind {
                TagKind::StartTag => {
                    if let Some(kind) = st.start(&tag) {
                        return TokenSinkResult::RawData(kind);
                    }
                }
                TagKind::EndTag => st.end(&tag),
            },
            Token::CharacterTokens(t) => st.push_text(&t),
            _ => {}
        }
        TokenSinkResult::Continue
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(p: &Page) -> Vec<&str> {
        p.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Paragraph(t) => Some(t.as_str()),
                Block::Heading { .. } => None,
            })
            .collect()
    }

    const NEWS: &str = r##"<!DOCTYPE html>
<html lang="id"><head><meta charset="utf-8">
<title>Rusia dan Azerbaijan memperdalam kerja sama energi | Kabar Dunia</title>
<style>p { color: red }</style>
<script>var x = "<p>bukan teks</p>"; document.write(x);</script>
</head>
<body>
<header class="site-header"><a href="/">Kabar Dunia</a></header>
<nav><ul><li><a href="/a">Politik</a></li><li><a href="/b">Ekonomi</a></li></ul></nav>
<div class="share-bar"><a href="#">Bagikan</a></div>
<article>
<h1>Rusia dan Azerbaijan memperdalam kerja sama energi</h1>
<p>Menteri Luar Negeri Rusia Sergei Lavrov bertemu dengan mitranya dari Azerbaijan di Baku pada 12 Maret 2024.
Kedua negara sepakat memperluas kerja sama di sektor energi.</p>
<h2>Latar belakang</h2>
<p>Hubungan kedua negara memburuk setelah insiden pesawat pada Desember 2024 &amp; belum pulih sepenuhnya.</p>
<ul><li><a href="/x">Baca juga: berita lain</a></li></ul>
</article>
<aside><p>Berita terkait yang tidak perlu dibaca oleh pengguna sama sekali.</p></aside>
<footer><p>&copy; 2024 Kabar Dunia</p></footer>
</body></html>"##;

    #[test]
    fn main_text_without_navigation_scripts_or_styles() {
        let p = extract(NEWS);
        assert_eq!(
            p.title.as_deref(),
            Some("Rusia dan Azerbaijan memperdalam kerja sama energi")
        );
        assert_eq!(
            p.blocks,
            vec![
                Block::Paragraph(
                    "Menteri Luar Negeri Rusia Sergei Lavrov bertemu dengan mitranya dari Azerbaijan di Baku pada 12 Maret 2024. Kedua negara sepakat memperluas kerja sama di sektor energi.".into()
                ),
                Block::Heading {
                    level: 2,
                    text: "Latar belakang".into()
                },
                Block::Paragraph(
                    "Hubungan kedua negara memburuk setelah insiden pesawat pada Desember 2024 & belum pulih sepenuhnya.".into()
                ),
            ]
        );
    }

    #[test]
    fn unclosed_and_misnested_tags_still_give_paragraphs() {
        let html = "<html><body><p>Jakarta and Canberra signed a security pact.<p>The <b>agreement <i>covers</b> maritime</i> patrols.<div>Tail text without an end";
        let p = extract(html);
        assert_eq!(
            paragraphs(&p),
            [
                "Jakarta and Canberra signed a security pact.",
                "The agreement covers maritime patrols.",
                "Tail text without an end"
            ]
        );
        // An unclosed <head> ends where the body starts.
        let p = extract("<html><head><title>T</title><body><p>Body text.");
        assert_eq!(paragraphs(&p), ["Body text."]);
        // An unclosed script swallows the rest, as in a browser, but nothing panics.
        let p = extract("<p>Before the script.</p><script>if (a < b) {");
        assert_eq!(paragraphs(&p), ["Before the script."]);
    }

    #[test]
    fn title_from_title_tag_without_site_name() {
        let html = "<html><head><title>Indonesia and Vietnam settle EEZ dispute - The Daily</title></head><body><p>Indonesia and Vietnam agreed on the boundary of their exclusive economic zones.</p></body></html>";
        let p = extract(html);
        assert_eq!(
            p.title.as_deref(),
            Some("Indonesia and Vietnam settle EEZ dispute")
        );
        assert_eq!(paragraphs(&p).len(), 1);
    }

    #[test]
    fn double_line_breaks_split_paragraphs_and_link_lists_are_dropped() {
        let html = "<body><div>First paragraph of the report on ASEAN.<br><br>Second paragraph, after two breaks.<br>Same paragraph.</div>\
            <div><a href=1>Home</a> <a href=2>World</a> <a href=3>Asia</a></div></body>";
        let p = extract(html);
        assert_eq!(
            paragraphs(&p),
            [
                "First paragraph of the report on ASEAN.",
                "Second paragraph, after two breaks. Same paragraph."
            ]
        );
    }

    #[test]
    fn a_wrapper_class_that_names_furniture_does_not_hide_the_article() {
        // "layout-with-sidebar" names a sidebar but wraps the whole page.
        let html = "<body><div class=\"layout-with-sidebar\"><div class=\"content\">\
            <p>Thailand and Cambodia agreed on a ceasefire along their border after five days of fighting in July 2025.</p>\
            <p>Malaysia, which chairs ASEAN this year, hosted the talks in Putrajaya.</p></div>\
            <div class=\"sidebar\"><p>Most read: a story about something else entirely.</p></div></div></body>";
        let p = extract(html);
        let paras = paragraphs(&p);
        assert_eq!(paras.len(), 3, "{paras:?}");
        assert!(paras[0].starts_with("Thailand and Cambodia agreed"));
        // Without the wrapper, the sidebar itself is dropped.
        let html = html.replace("<div class=\"layout-with-sidebar\">", "<div>");
        let paras2 = extract(&html);
        assert_eq!(paragraphs(&paras2).len(), 2);
    }

    #[test]
    fn sniffing_and_charset() {
        assert!(sniff("<!DOCTYPE html><html>"));
        assert!(sniff("\u{feff}  <html lang=en>"));
        assert!(sniff("<div class=a><p>x</p></div>"));
        assert!(!sniff("Rusia dan <Azerbaijan>"));
        assert!(!sniff("Kesimpulan\n\nTeks biasa."));
        assert_eq!(
            declared_charset(b"<meta charset=\"windows-1252\">").map(|e| e.name()),
            Some("windows-1252")
        );
        assert_eq!(
            declared_charset(
                b"<meta http-equiv=Content-Type content='text/html; charset=ISO-8859-1'>"
            )
            .map(|e| e.name()),
            Some("windows-1252")
        );
        assert!(declared_charset(b"<p>no charset</p>").is_none());
    }
}
