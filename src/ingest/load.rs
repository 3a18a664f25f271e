//! Stage 1, load: bytes to text, by format. The format is detected from the
//! content first and the file extension second. Decoding rules:
//!
//! - UTF-8 (with or without a byte-order mark) is read as is;
//! - UTF-16 with a byte-order mark is decoded;
//! - other bytes that are not UTF-8 but look like text are read as
//!   Windows-1252 (the usual encoding of older Indonesian and English web
//!   pages), with a warning that names the file;
//! - empty files and binary files are errors.
//!
//! Formats, by content first: a PDF (`%PDF-` in the first KiB) is read
//! through its text layer, which then goes through the same cleaner as any
//! PDF-extracted text; an HTML page (a doctype, `<html>`, or the usual tags
//! at the start) gives its main text (see [`super::html`]); a Word document
//! (a ZIP archive with `word/` parts) gives its paragraphs and headings (see
//! [`super::docx`]); then the
//! extension decides between Markdown (`.md`, `.markdown`) and plain text.

use std::cell::Cell;
use std::sync::Once;

use thiserror::Error;

use super::html;

/// Input formats the pipeline understands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text, possibly extracted from a PDF: goes through the cleaner.
    Text,
    /// Markdown: its own headings and paragraphs are kept, and its lists,
    /// quotes and inline markup stay Markdown in the body
    /// ([`crate::body::parse_source`]).
    Markdown,
    /// HTML: the main text of the page.
    Html,
}

#[derive(Debug, Error, PartialEq, Eq)]
pub enum LoadError {
    #[error("the file is empty")]
    Empty,
    #[error("not a text document (binary content)")]
    Binary,
    #[error("damaged PDF: {0}")]
    Pdf(String),
    #[error("the PDF has no text layer (a scan?); run OCR on it first, e.g. ocrmypdf")]
    PdfNoText,
    #[error("encrypted PDF; save an unprotected copy first")]
    PdfEncrypted,
    #[error("the PDF reader gave up after {0} s (a damaged or hostile file?)")]
    PdfTimeout(u64),
    #[error("damaged Word document: {0}")]
    Docx(String),
    #[error("invalid UTF-16 text")]
    BadUtf16,
}

/// A loaded document: its text and how to read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    pub format: Format,
    pub text: String,
    /// Things the user should know (lossy decoding), without the file name.
    pub warnings: Vec<String>,
}

/// File extensions `ingest` picks up when given a folder.
pub const EXTENSIONS: &[&str] = &[
    "txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx",
];

/// Load `bytes`; `ext` is the file extension, lower-case, if any.
pub fn load(bytes: &[u8], ext: Option<&str>) -> Result<Loaded, LoadError> {
    if is_pdf(bytes) {
        let text = pdf_text(bytes)?;
        return Ok(Loaded {
            format: Format::Text,
            text,
            warnings: vec![],
        });
    }
    if super::docx::sniff(bytes) {
        let html = super::docx::to_html(bytes).map_err(LoadError::Docx)?;
        return Ok(Loaded {
            format: Format::Html,
            text: html,
            warnings: vec![],
        });
    }
    let html_ext = matches!(ext, Some("html" | "htm" | "xhtml"));
    let (text, warnings) = match decode(bytes) {
        // A page in a legacy encoding says which one.
        Ok((_, w)) if !w.is_empty() && (html_ext || looks_html(bytes)) => {
            match html::declared_charset(bytes) {
                Some(enc) => (enc.decode(bytes).0.into_owned(), vec![]),
                None => decode(bytes)?,
            }
        }
        r => r?,
    };
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let format = if html::sniff(&text) || html_ext && text.trim_start().starts_with('<') {
        Format::Html
    } else {
        match ext {
            Some("md" | "markdown") => Format::Markdown,
            _ => Format::Text,
        }
    };
    Ok(Loaded {
        format,
        text,
        warnings,
    })
}

fn looks_html(bytes: &[u8]) -> bool {
    html::sniff(&String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]))
}

/// A PDF file: `%PDF-` within the first KiB (some writers put junk first).
fn is_pdf(bytes: &[u8]) -> bool {
    memchr::memmem::find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some()
}

/// The text layer of a PDF, page after page (pages end with a form feed).
fn pdf_text(bytes: &[u8]) -> Result<String, LoadError> {
    let owned = bytes.to_vec();
    let pages = with_deadline(PDF_TIME_LIMIT, move || {
        quietly(|| pdf_extract::extract_text_from_mem_by_pages(&owned))
    })
    .ok_or(LoadError::PdfTimeout(PDF_TIME_LIMIT.as_secs()))?
    .ok_or_else(|| LoadError::Pdf("the PDF reader failed on it".to_string()))?
    .map_err(|e| {
        let msg = e.to_string();
        let msg = msg.trim_start_matches("PDF error: ").to_string();
        if msg.to_ascii_lowercase().contains("encrypt") {
            LoadError::PdfEncrypted
        } else {
            LoadError::Pdf(msg)
        }
    })?;
    let text = pages.join("\n\u{c}\n");
    if text.chars().filter(|c| c.is_alphabetic()).count() < 20 {
        return Err(LoadError::PdfNoText);
    }
    Ok(text)
}

/// How long the PDF reader may take on one file before it is abandoned.
const PDF_TIME_LIMIT: std::time::Duration = std::time::Duration::from_secs(60);

/// Run `f` on its own thread and wait at most `limit` for it: a third-party
/// parser stuck in a loop on a hostile file must not hang a batch. A thread
/// that overruns is left behind (it ends with the process).
pub fn with_deadline<T: Send + 'static>(
    limit: std::time::Duration,
    f: impl FnOnce() -> T + Send + 'static,
) -> Option<T> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::Builder::new()
        .name("parser".into())
        .spawn(move || {
            let _ = tx.send(f());
        })
        .ok()?;
    rx.recv_timeout(limit).ok()
}

thread_local! {
    static QUIET: Cell<bool> = const { Cell::new(false) };
}

/// Run `f`, turning a panic into `None` without printing it: third-party
/// parsers of hostile formats may panic, and one bad file must not stop a
/// batch or spill a backtrace.
pub fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    static HOOK: Once = Once::new();
    HOOK.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            if !QUIET.with(Cell::get) {
                previous(info);
            }
        }));
    });
    QUIET.with(|q| q.set(true));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f));
    QUIET.with(|q| q.set(false));
    r.ok()
}

/// Bytes to a `String` (see the module docs for the rules).
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<String>), LoadError> {
    if bytes.is_empty() {
        return Err(LoadError::Empty);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8_or_legacy(rest);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return utf16(rest, u16::from_le_bytes).map(|s| (s, vec![]));
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return utf16(rest, u16::from_be_bytes).map(|s| (s, vec![]));
    }
    decode_utf8_or_legacy(bytes)
}

fn decode_utf8_or_legacy(bytes: &[u8]) -> Result<(String, Vec<String>), LoadError> {
    if looks_binary(bytes) {
        return Err(LoadError::Binary);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok((s.to_string(), vec![])),
        Err(_) => Ok((
            windows_1252(bytes),
            vec!["not valid UTF-8; read as Windows-1252".to_string()],
        )),
    }
}

fn utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, LoadError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(LoadError::BadUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    let s: String = char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| LoadError::BadUtf16)?;
    if s.contains('\0') {
        return Err(LoadError::Binary);
    }
    Ok(s)
}

/// NUL bytes, or many control characters in the first 8 KiB, mean binary.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(8192)];
    if head.contains(&0) {
        return true;
    }
    let controls = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0C))
        .count();
    controls * 20 > head.len()
}

/// Windows-1252 to `String` (Latin-1 plus the 0x80..0x9F punctuation block).
fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[(b - 0x80) as usize],
            _ => b as char,
        })
        .collect()
}

/// The lower-case extension of a path-like string.
pub fn extension(path: &str) -> Option<String> {
    let name = path.rsplit(['/', '\\']).next()?;
    let i = name.rfind('.')?;
    (i > 0).then(|| name[i + 1..].to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            load("Rusia dan Azerbaijan".as_bytes(), Some("txt"))
                .unwrap()
                .text,
            "Rusia dan Azerbaijan"
        );
        let mut b = vec![0xEF, 0xBB, 0xBF];
        b.extend_from_slice("Erdoğan".as_bytes());
        assert_eq!(load(&b, None).unwrap().text, "Erdoğan");
    }

    #[test]
    fn utf16_with_bom_is_decoded() {
        let text = "Türkiye dan “Armenia”\n";
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(load(&le, Some("txt")).unwrap().text, text);
        assert_eq!(load(&be, Some("txt")).unwrap().text, text);
        assert_eq!(
            load(&le[..le.len() - 1], None).unwrap_err(),
            LoadError::BadUtf16
        );
    }

    #[test]
    fn legacy_bytes_are_read_as_windows_1252_with_a_warning() {
        let bytes = b"Caf\xe9 \x93kutipan\x94 \x96 selesai";
        let l = load(bytes, Some("txt")).unwrap();
        assert_eq!(l.text, "Café “kutipan” – selesai");
        assert_eq!(l.warnings, ["not valid UTF-8; read as Windows-1252"]);
    }

    #[test]
    fn empty_binary_and_pdf_are_errors() {
        assert_eq!(load(b"", None).unwrap_err(), LoadError::Empty);
        assert_eq!(load(b"  \n\t\n", None).unwrap_err(), LoadError::Empty);
        assert_eq!(
            load(b"\x7fELF\x02\x01\x01\0\0\0", None).unwrap_err(),
            LoadError::Binary
        );
        assert_eq!(
            load(&[1, 2, 3, 4, 5, 6, 7, 8, 65, 66], None).unwrap_err(),
            LoadError::Binary
        );
        assert!(matches!(
            load(b"%PDF-1.7\n...", Some("pdf")).unwrap_err(),
            LoadError::Pdf(_)
        ));
    }

    #[test]
    fn a_parser_that_does_not_finish_is_abandoned() {
        use std::time::{Duration, Instant};
        let started = Instant::now();
        let stuck = with_deadline(Duration::from_millis(100), || {
            std::thread::sleep(Duration::from_secs(30));
            1
        });
        assert_eq!(stuck, None);
        assert!(started.elapsed() < Duration::from_secs(10));
        assert_eq!(with_deadline(Duration::from_secs(10), || 2), Some(2));
    }

    #[test]
    fn panics_in_third_party_parsers_are_contained() {
        assert_eq!(quietly(|| 7), Some(7));
        let r: Option<()> = quietly(|| panic!("a parser gave up"));
        assert_eq!(r, None);
        // The hook is quiet only inside `quietly`.
        assert!(!QUIET.with(Cell::get));
    }

    #[test]
    fn format_from_extension() {
        assert_eq!(
            load(b"# T\n\nx", Some("md")).unwrap().format,
            Format::Markdown
        );
        assert_eq!(load(b"# T\n\nx", Some("txt")).unwrap().format, Format::Text);
        assert_eq!(extension("dir.v2/File.MD").as_deref(), Some("md"));
        assert_eq!(extension(".bashrc"), None);
        assert_eq!(extension("README"), None);
    }
}
