//! Word (`.docx`) sources: the paragraphs of `word/document.xml`, with
//! headings from their styles.
//!
//! A paragraph (`<w:p>`) is a block; its runs' text (`<w:t>`), tabs and line
//! breaks are joined. Its style (`<w:pStyle>`) is looked up in
//! `word/styles.xml`, whose style *names* are the same in every language of
//! Word ("heading 1", "Title") even when the style ids are translated
//! ("Judul1"); an outline level (`<w:outlineLvl>`) also makes a heading.
//! The result is written as simple HTML for the HTML path ([`super::html`]),
//! so both formats share one way to turn headings and paragraphs into a
//! document.

use std::collections::HashMap;
use std::io::Read;

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

/// The largest uncompressed XML part read (a bomb guard).
const MAX_PART: u64 = 256 << 20;

/// Is `bytes` a ZIP archive holding a Word document?
pub fn sniff(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
        && memchr::memmem::find(&bytes[..bytes.len().min(64 << 10)], b"word/").is_some()
}

/// The document as simple HTML (`<h1>`…`<h3>`, `<p>`), or why it cannot be read.
pub fn to_html(bytes: &[u8]) -> Result<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| format!("not a readable .docx archive: {e}"))?;
    let document = part(&mut zip, "word/document.xml")?
        .ok_or_else(|| "no word/document.xml in the archive".to_string())?;
    let styles = part(&mut zip, "word/styles.xml")?
        .map(|x| style_names(&x))
        .unwrap_or_default();
    paragraphs_html(&document, &styles)
}

fn part(
    zip: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, String> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("cannot read {name}: {e}")),
    };
    let mut text = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut text)
        .map_err(|e| format!("cannot read {name}: {e}"))?;
    Ok(Some(text))
}

fn attr(e: &BytesStart, name: &str) -> Option<String> {
    e.try_get_attribute(name).ok().flatten().and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .ok()
            .map(|v| v.into_owned())
    })
}

/// Style id -> lower-case style name.
fn style_names(xml: &str) -> HashMap<String, String> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut current: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) if e.name().as_ref() == "w:style" => {
                current = attr(&e, "w:styleId");
            }
            Ok(Event::Empty(e)) if e.name().as_ref() == "w:name" => {
                if let (Some(id), Some(name)) = (&current, attr(&e, "w:val")) {
                    out.insert(id.clone(), name.to_lowercase());
                }
            }
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// What a paragraph is, from its style name or id and outline level:
/// `Some(0)` the title, `Some(n)` a heading of level n, `None` body text.
fn heading_level(style: &str, outline: Option<u8>) -> Option<u8> {
    let s = style.to_lowercase().replace(' ', "");
    if s == "title" || s == "judul" {
        return Some(0);
    }
    for prefix in ["heading", "judul"] {
        if let Some(n) = s.strip_prefix(prefix).and_then(|d| d.parse::<u8>().ok()) {
            return Some(n.clamp(1, 6));
        }
    }
    outline.map(|l| (l + 1).min(6))
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

fn paragraphs_html(xml: &str, styles: &HashMap<String, String>) -> Result<String, String> {
    let mut reader = Reader::from_str(xml);
    let mut out = String::from("<html><body>\n");
    let mut in_p = false;
    let mut in_text = false;
    let mut text = String::new();
    let mut style = String::new();
    let mut outline: Option<u8> = None;
    let mut paragraphs = 0usize;
    loop {
        let ev = reader
            .read_event()
            .map_err(|e| format!("damaged word/document.xml: {e}"))?;
        match ev {
            Event::Start(e) => match e.name().as_ref() {
                "w:p" => {
                    in_p = true;
                    text.clear();
                    style.clear();
                    outline = None;
                }
                "w:t" => in_text = true,
                _ => {}
            },
            Event::Empty(e) => match e.name().as_ref() {
                "w:pStyle" => {
                    let id = attr(&e, "w:val").unwrap_or_default();
                    style = styles.get(&id).cloned().unwrap_or(id);
                }
                "w:outlineLvl" => {
                    outline = attr(&e, "w:val").and_then(|v| v.parse().ok());
                }
                "w:tab" | "w:br" | "w:cr" if in_p => text.push(' '),
                _ => {}
            },
            Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    text.push(c);
                } else {
                    let name = r.xml10_content();
                    text.push_str(match name.as_ref() {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.name().as_ref() {
                "w:t" => in_text = false,
                "w:p" => {
                    in_p = false;
                    let t = text.split_whitespace().collect::<Vec<_>>().join(" ");
                    if !t.is_empty() {
                        paragraphs += 1;
                        let tag = match heading_level(&style, outline) {
                            Some(0) => "h1".to_string(),
                            Some(n) => format!("h{}", (n + 1).min(6)),
                            None => "p".to_string(),
                        };
                        out.push_str(&format!("<{tag}>{}</{tag}>\n", escape(&t)));
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if paragraphs == 0 {
        return Err("the document has no text".to_string());
    }
    out.push_str("</body></html>\n");
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::docx;

    #[test]
    fn paragraphs_and_translated_heading_styles() {
        let bytes = docx(&[
            ("JudulDokumen", "Hubungan Indonesia dan Australia"),
            ("Judul1", "Latar Belakang"),
            (
                "",
                "Indonesia dan Australia menandatangani perjanjian pertahanan pada\t29 Agustus 2024.",
            ),
            ("Heading2", "Reaksi & Tanggapan"),
            ("", "Tiongkok mengkritik <perjanjian> itu."),
            ("", "   "),
        ]);
        assert!(sniff(&bytes));
        let html = to_html(&bytes).unwrap();
        assert_eq!(
            html,
            "<html><body>\n<h1>Hubungan Indonesia dan Australia</h1>\n<h2>Latar Belakang</h2>\n\
             <p>Indonesia dan Australia menandatangani perjanjian pertahanan pada 29 Agustus 2024.</p>\n\
             <h3>Reaksi &amp; Tanggapan</h3>\n<p>Tiongkok mengkritik &lt;perjanjian&gt; itu.</p>\n</body></html>\n"
        );
    }

    #[test]
    fn broken_archives_are_errors() {
        let good = docx(&[("", "Satu paragraf.")]);
        assert!(to_html(&good[..good.len() / 2]).is_err());
        assert!(to_html(b"PK\x03\x04 not really").is_err());
        assert_eq!(
            to_html(&docx(&[("", "  ")])).unwrap_err(),
            "the document has no text"
        );
    }
}
