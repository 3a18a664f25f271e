//! Notes for export: plain text, JSON Lines and Markdown, each note with the
//! brief it belongs to and where its passage is now.

use std::fmt::Write as _;

use super::anchor::{Anchor, SourceText, Target, resolve};
use super::{Kind, Note};
use crate::brief::Brief;

/// A note with its brief and its resolved anchor.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub brief_id: &'a str,
    /// `None` when the brief is no longer in the library.
    pub brief: Option<&'a Brief>,
    pub note: &'a Note,
    pub anchor: Anchor,
}

/// Resolve every note against its brief. `notes` is `(brief id, notes)`.
pub fn entries<'a>(briefs: &'a [Brief], notes: &'a [(String, Vec<Note>)]) -> Vec<Entry<'a>> {
    let mut out = Vec::new();
    for (id, list) in notes {
        let brief = briefs.iter().find(|b| &b.id == id);
        let src = brief.map(SourceText::from_brief).unwrap_or_default();
        for note in list {
            let anchor = match brief {
                Some(b) => resolve(note, b, &src),
                None => Anchor {
                    target: Target::Orphaned,
                    exact: false,
                },
            };
            out.push(Entry {
                brief_id: id,
                brief,
                note,
                anchor,
            });
        }
    }
    out
}

/// Where an entry points, for people: `paragraph 12`, `judgment 2`, ...
pub fn place(e: &Entry) -> String {
    if e.brief.is_none() {
        // Most likely another library's brief: not known to be orphaned.
        return "brief not in this library".into();
    }
    match &e.anchor.target {
        Target::Text { paragraph, .. } => {
            let moved = if e.anchor.exact { "" } else { ", re-anchored" };
            format!("paragraph {paragraph}{moved}")
        }
        Target::Judgment(i) => format!("judgment {}", i + 1),
        Target::Relation(i) => format!("relation {}", i + 1),
        Target::Alliance(i) => format!("alliance {}", i + 1),
        Target::Timeline(i) => format!("timeline entry {}", i + 1),
        Target::Orphaned => "orphaned (passage gone)".into(),
    }
}

/// One JSON object for an entry (a line of `briefing notes --json`).
pub fn json(e: &Entry) -> serde_json::Value {
    let paragraph = match &e.anchor.target {
        Target::Text { paragraph, .. } => Some(*paragraph),
        _ => None,
    };
    serde_json::json!({
        "brief": e.brief_id,
        "id": e.note.id,
        "kind": e.note.kind.as_str(),
        "quote": e.note.quote,
        "prefix": e.note.prefix,
        "suffix": e.note.suffix,
        "position": e.note.position,
        "text": e.note.text,
        "created": e.note.created,
        "updated": e.note.updated,
        "paragraph": paragraph,
        "orphaned": e.brief.is_some() && e.anchor.is_orphaned(),
        "in_library": e.brief.is_some(),
        "exact": e.anchor.exact,
    })
}

/// What the quote of a note reads as for people (relations by name).
pub fn quote_label(e: &Entry) -> String {
    match (e.note.kind, e.brief) {
        (Kind::Relation, Some(b)) => match e.note.quote.split_once('-') {
            Some((x, y)) => crate::summary::pair_name(b, x, y),
            None => e.note.quote.clone(),
        },
        (Kind::Timeline, _) if !e.note.prefix.is_empty() => {
            format!("{}: {}", e.note.prefix, e.note.quote)
        }
        _ => e.note.quote.clone(),
    }
}

/// Plain text, one block per note.
pub fn text(entries: &[Entry]) -> String {
    let mut out = String::new();
    for e in entries {
        let _ = writeln!(
            out,
            "{}  {}  {} ({})",
            e.brief_id,
            e.note.id,
            e.note.kind.as_str(),
            place(e)
        );
        let _ = writeln!(out, "  \"{}\"", shorten(&quote_label(e), 160));
        for line in e.note.text.lines() {
            let _ = writeln!(out, "  {line}");
        }
        out.push('\n');
    }
    out
}

/// A Markdown document: a section per brief, a quote and the note per note.
pub fn markdown(entries: &[Entry]) -> String {
    let mut out = String::from("# Notes\n");
    let mut current: Option<&str> = None;
    for e in entries {
        if current != Some(e.brief_id) {
            current = Some(e.brief_id);
            let title = e.brief.map_or("(brief not in the library)", |b| &b.title);
            let _ = write!(out, "\n## {title}\n\n`{}`\n", e.brief_id);
        }
        out.push('\n');
        for line in quote_label(e).lines() {
            let _ = writeln!(out, "> {line}");
        }
        out.push('\n');
        out.push_str(e.note.text.trim_end());
        let _ = writeln!(
            out,
            "\n\n*{} · {} · {} · note {}*",
            e.note.kind.as_str(),
            place(e),
            e.note.updated,
            e.note.id
        );
    }
    out
}

fn shorten(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut t: String = s.chars().take(max - 1).collect();
    t.push('…');
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body::Block;

    #[test]
    fn exports_name_brief_place_and_orphans() {
        let para =
            "Rusia dan Azerbaijan menandatangani deklarasi kemitraan sekutu pada Februari 2022.";
        let brief = Brief {
            id: "b1".into(),
            title: "Moskow dan Baku".into(),
            body: crate::body::render("Moskow dan Baku", "", &[Block::Paragraph(para.into())]),
            ..Brief::default()
        };
        let src = SourceText::from_brief(&brief);
        let sel = super::super::anchor::select(&src, 1, 0..para.len()).unwrap();
        let mk = |id: &str, quote: &str| Note {
            id: id.into(),
            kind: Kind::Paragraph,
            quote: quote.into(),
            prefix: sel.prefix.clone(),
            suffix: sel.suffix.clone(),
            position: Some(0),
            paragraph: Some(1),
            text: "Bandingkan dengan 2020.\nBaris kedua.".into(),
            created: "2026-11-21T08:00:00Z".into(),
            updated: "2026-11-21T08:00:00Z".into(),
        };
        let notes = vec![
            (
                "b1".to_string(),
                vec![
                    mk("n1", &sel.quote),
                    mk("n2", "Kalimat yang sudah dihapus dari brief ini."),
                ],
            ),
            ("gone".to_string(), vec![mk("n3", "x")]),
        ];
        let briefs = [brief];
        let es = entries(&briefs, &notes);
        assert_eq!(es.len(), 3);
        assert_eq!(place(&es[0]), "paragraph 1");
        assert_eq!(place(&es[1]), "orphaned (passage gone)");
        assert_eq!(place(&es[2]), "brief not in this library");
        assert_eq!(json(&es[2])["orphaned"], false);
        assert_eq!(json(&es[2])["in_library"], false);
        let j = json(&es[0]);
        assert_eq!(j["paragraph"], 1);
        assert_eq!(j["orphaned"], false);
        assert_eq!(json(&es[1])["orphaned"], true);
        let md = markdown(&es);
        assert!(md.contains("## Moskow dan Baku\n\n`b1`\n\n> Rusia dan Azerbaijan"));
        assert!(md.contains("Bandingkan dengan 2020.\nBaris kedua.\n\n*paragraph · paragraph 1 ·"));
        let t = text(&es);
        assert!(t.starts_with("b1  n1  paragraph (paragraph 1)\n  \"Rusia dan"));
    }
}
