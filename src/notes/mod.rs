//! Annotations: one TOML file per brief in the notes folder, each note
//! anchored to its passage the way Hypothesis anchors (the exact quote, a
//! little prefix and suffix, and a position hint), so it finds its passage
//! again after the brief is re-ingested or edited. A note whose passage is
//! gone is kept and shown as orphaned, never dropped.

pub mod anchor;
pub mod export;
pub mod store;

use serde::{Deserialize, Serialize};

pub use anchor::{Anchor, Reanchored, Selector, SourceText, Target, reanchor, resolve, select};
pub use store::{NotesError, Store};

/// What a note is attached to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// A paragraph of the source text.
    Paragraph,
    /// A sentence (or any passage) inside a paragraph.
    Sentence,
    /// A key judgment (the quote is its sentence).
    Judgment,
    /// A relation (the quote is the pair, `AZE-RUS`).
    Relation,
    /// An alliance (the quote is its id).
    Alliance,
    /// A timeline entry (the quote is `DATE TEXT`).
    Timeline,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Paragraph => "paragraph",
            Kind::Sentence => "sentence",
            Kind::Judgment => "judgment",
            Kind::Relation => "relation",
            Kind::Alliance => "alliance",
            Kind::Timeline => "timeline",
        }
    }

    /// Anchored in the source text (rather than in the structured fields).
    pub fn in_text(self) -> bool {
        matches!(self, Kind::Paragraph | Kind::Sentence)
    }
}

/// One note.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Note {
    pub id: String,
    pub kind: Kind,
    /// The exact text the note is about.
    pub quote: String,
    /// Up to [`CONTEXT`] characters before the quote in the source text.
    #[serde(default)]
    pub prefix: String,
    /// Up to [`CONTEXT`] characters after it.
    #[serde(default)]
    pub suffix: String,
    /// Character offset of the quote in the source text when the note was
    /// written (paragraphs joined by a blank line): a hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<usize>,
    /// 1-based paragraph when the note was written: a hint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paragraph: Option<usize>,
    pub text: String,
    pub created: String,
    pub updated: String,
}

/// Characters of context kept on each side of a quote.
pub const CONTEXT: usize = 32;

/// A fresh note id: time and process, hashed (no two saves share one).
pub fn new_id() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    let seed = format!(
        "{nanos}-{}-{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    );
    let hash = crate::frontmatter::sha256_hex(seed.as_bytes());
    format!("n{}", &hash[..10])
}

/// The current time as RFC 3339 UTC (`2026-11-21T10:04:05Z`).
pub fn now() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    rfc3339(secs)
}

/// Seconds since the epoch as RFC 3339 UTC.
pub fn rfc3339(secs: u64) -> String {
    let days = (secs / 86_400) as i64;
    let rem = secs % 86_400;
    // Howard Hinnant's civil-from-days.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    format!(
        "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
        rem / 3600,
        rem % 3600 / 60,
        rem % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timestamps() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert!(now().ends_with('Z'));
    }

    #[test]
    fn ids_are_distinct() {
        let a = new_id();
        let b = new_id();
        assert_ne!(a, b);
        assert!(a.starts_with('n') && a.len() == 11);
    }
}
