//! `briefing show`: a brief as plain text, key judgments first, then
//! relations, alliances, timeline, then the source text. Paragraphs are
//! wrapped to `width` columns, or left on one line each when `width` is
//! `None` (output piped to another program).

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::body::{self, Block};
use crate::brief::{Brief, language_name};
use crate::summary::pair_name;

/// Render `brief` as text.
pub fn render(brief: &Brief, width: Option<usize>) -> String {
    let mut out = String::new();
    let w = width.map(|w| w.clamp(20, 100));
    let title = if brief.title.is_empty() {
        "(untitled)"
    } else {
        &brief.title
    };
    push_wrapped(&mut out, title, w, "");
    let rule_len = title.width().min(w.unwrap_or(80));
    out.push_str(&"═".repeat(rule_len.max(3)));
    out.push('\n');
    let mut meta = vec![
        format!("id {}", brief.id),
        language_name(&brief.language).to_string(),
    ];
    if let Some(d) = &brief.date {
        meta.push(d.clone());
    }
    meta.push(brief.source.clone());
    push_wrapped(&mut out, &meta.join(" · "), w, "");

    if !brief.conclusions.is_empty() {
        section(&mut out, "KEY JUDGMENTS");
        for (i, c) in brief.conclusions.iter().take(5).enumerate() {
            let conf = c
                .confidence
                .map(|c| format!(" [{}]", c.as_str()))
                .unwrap_or_default();
            let head = format!("{}. ", i + 1);
            let text = format!("{}{} (¶{})", c.text, conf, c.paragraph);
            push_item(&mut out, &head, &text, w);
        }
    }
    if !brief.relations.is_empty() {
        section(&mut out, "RELATIONS");
        for r in &brief.relations {
            let _ = writeln!(
                out,
                "{} ({}–{}): {}, tone {:+.1}, {}",
                pair_name(brief, &r.a, &r.b),
                r.a,
                r.b,
                r.stance.as_str(),
                r.tone,
                r.trend.as_str()
            );
            for e in &r.evidence {
                let date = e.date.as_deref().unwrap_or("undated");
                let text = format!(
                    "{date} · {} · {} (¶{})",
                    e.class.as_str(),
                    e.text,
                    e.paragraph
                );
                push_item(&mut out, "  - ", &text, w);
            }
        }
    }
    if !brief.group_relations.is_empty() {
        section(&mut out, "NON-STATE GROUPS");
        for r in &brief.group_relations {
            let _ = writeln!(
                out,
                "{} ({}–{}): {}, tone {:+.1}, {}",
                pair_name(brief, &r.a, &r.b),
                r.a,
                r.b,
                r.stance.as_str(),
                r.tone,
                r.trend.as_str()
            );
            for e in r.evidence.iter().take(3) {
                let date = e.date.as_deref().unwrap_or("undated");
                let text = format!("{date} · {} (¶{})", e.text, e.paragraph);
                push_item(&mut out, "  - ", &text, w);
            }
        }
    }
    if !brief.alliances.is_empty() {
        section(&mut out, "ALLIANCES");
        for a in &brief.alliances {
            let _ = writeln!(out, "{} ({}, {})", a.id, a.name, a.kind.as_str());
            if a.members.is_empty() {
                let _ = writeln!(out, "  members: none named");
            }
            for m in &a.members {
                let date = m
                    .date
                    .as_deref()
                    .map(|d| format!(" {d}"))
                    .unwrap_or_default();
                let _ = writeln!(out, "  member: {} {}{}", m.actor, m.status, date);
            }
            for e in &a.events {
                let date = e.date.as_deref().unwrap_or("undated");
                let _ = writeln!(
                    out,
                    "  event: {date} {} {} (¶{})",
                    e.actor, e.action, e.paragraph
                );
            }
            for e in &a.evidence {
                let date = e.date.as_deref().unwrap_or("undated");
                push_item(
                    &mut out,
                    "    > ",
                    &format!("{date} · {} (¶{})", e.text, e.paragraph),
                    w,
                );
            }
        }
    }
    if !brief.timeline.is_empty() {
        section(&mut out, "TIMELINE");
        for t in &brief.timeline {
            let actors = if t.actors.is_empty() {
                String::new()
            } else {
                format!(" [{}]", t.actors.join(", "))
            };
            push_item(
                &mut out,
                &format!("{:<10}  ", t.date),
                &format!("{}{} (¶{})", t.text, actors, t.paragraph),
                w,
            );
        }
    }

    section(&mut out, "SOURCE TEXT");
    let parsed = body::parse(&brief.body);
    for b in &parsed.blocks {
        match b {
            Block::Heading { text, .. } => {
                out.push('\n');
                push_wrapped(&mut out, text, w, "");
                out.push_str(&"─".repeat(text.width().min(w.unwrap_or(80)).max(3)));
                out.push('\n');
            }
            Block::Paragraph(text) => {
                out.push('\n');
                push_wrapped(&mut out, text, w, "");
            }
        }
    }
    out
}

fn section(out: &mut String, name: &str) {
    out.push('\n');
    out.push_str(name);
    out.push('\n');
}

fn push_item(out: &mut String, head: &str, text: &str, width: Option<usize>) {
    let indent = " ".repeat(head.width());
    let lines = wrap(text, width.map(|w| w.saturating_sub(head.width()).max(10)));
    for (i, l) in lines.iter().enumerate() {
        out.push_str(if i == 0 { head } else { &indent });
        out.push_str(l);
        out.push('\n');
    }
}

fn push_wrapped(out: &mut String, text: &str, width: Option<usize>, indent: &str) {
    for l in wrap(text, width) {
        out.push_str(indent);
        out.push_str(&l);
        out.push('\n');
    }
}

/// Greedy word wrap by display width; `None` keeps the text on one line.
pub fn wrap(text: &str, width: Option<usize>) -> Vec<String> {
    let Some(width) = width else {
        return vec![text.to_string()];
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut lw = 0;
    for word in text.split_whitespace() {
        let ww = word.width();
        if lw > 0 && lw + 1 + ww > width {
            lines.push(std::mem::take(&mut line));
            lw = 0;
        }
        if lw > 0 {
            line.push(' ');
            lw += 1;
        }
        line.push_str(word);
        lw += ww;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wraps_by_width_and_keeps_words() {
        assert_eq!(
            wrap("satu dua tiga empat", Some(9)),
            ["satu dua", "tiga", "empat"]
        );
        assert_eq!(wrap("pasca-Soviet", Some(4)), ["pasca-Soviet"]);
        assert_eq!(wrap("a b", None), ["a b"]);
        assert_eq!(wrap("", Some(10)), [""]);
    }

    #[test]
    fn shows_header_and_source_text() {
        let b = Brief {
            id: "x".into(),
            title: "Judul".into(),
            language: "id".into(),
            source: "sources/x.txt".into(),
            body: "# Judul\n\n## Bagian\n\nParagraf satu yang cukup panjang.\n\nParagraf dua.\n"
                .into(),
            ..Brief::default()
        };
        let text = render(&b, None);
        assert_eq!(
            text,
            "Judul\n═════\nid x · Indonesian · sources/x.txt\n\nSOURCE TEXT\n\nBagian\n──────\n\nParagraf satu yang cukup panjang.\n\nParagraf dua.\n"
        );
        let narrow = render(&b, Some(20));
        assert!(
            narrow.contains("Paragraf satu yang\ncukup panjang."),
            "{narrow}"
        );
    }
}
