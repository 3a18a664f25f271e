//! The readable summary at the head of a brief's body: key judgments,
//! relations, alliances and timeline, rendered as Markdown from the
//! structured fields (the front matter stays the source of truth).

use std::fmt::Write;

use crate::body::escape_paragraph;
use crate::brief::Brief;

/// Display name of an actor id, from the brief's own actor list.
pub fn actor_name<'a>(brief: &'a Brief, id: &'a str) -> &'a str {
    brief
        .actors
        .iter()
        .chain(&brief.groups)
        .find(|a| a.id == id)
        .map_or(id, |a| a.name.as_str())
}

/// "Azerbaijan–Russia" for a relation pair.
pub fn pair_name(brief: &Brief, a: &str, b: &str) -> String {
    format!("{}–{}", actor_name(brief, a), actor_name(brief, b))
}

fn inline(text: &str) -> String {
    // Escaped as a paragraph, so list markers and emphasis stay literal.
    escape_paragraph(text)
}

/// The summary sections as Markdown (empty when there is nothing to say).
pub fn markdown(brief: &Brief) -> String {
    let mut out = String::new();
    if !brief.conclusions.is_empty() {
        out.push_str("## Key judgments\n\n");
        for (i, c) in brief.conclusions.iter().enumerate() {
            let conf = c
                .confidence
                .map(|c| format!(" *({})*", c.as_str()))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "{}. {}{} (¶{})",
                i + 1,
                inline(&c.text),
                conf,
                c.paragraph
            );
        }
        out.push('\n');
    }
    if !brief.relations.is_empty() {
        out.push_str("## Relations\n\n");
        for r in &brief.relations {
            let _ = writeln!(
                out,
                "- **{}** ({}–{}): {}, tone {:+.1}, {}",
                inline(&pair_name(brief, &r.a, &r.b)),
                r.a,
                r.b,
                r.stance.as_str(),
                r.tone,
                r.trend.as_str()
            );
            for e in &r.evidence {
                let _ = writeln!(
                    out,
                    "  - {} · {} · {} (¶{})",
                    e.date.as_deref().unwrap_or("undated"),
                    e.class.as_str(),
                    inline(&e.text),
                    e.paragraph
                );
            }
        }
        out.push('\n');
    }
    if !brief.group_relations.is_empty() {
        out.push_str("## Non-state groups\n\n");
        for r in &brief.group_relations {
            let _ = writeln!(
                out,
                "- **{}** ({}–{}): {}, tone {:+.1}",
                inline(&pair_name(brief, &r.a, &r.b)),
                r.a,
                r.b,
                r.stance.as_str(),
                r.tone
            );
        }
        out.push('\n');
    }
    if !brief.alliances.is_empty() {
        out.push_str("## Alliances\n\n");
        for a in &brief.alliances {
            let members: Vec<String> = a
                .members
                .iter()
                .map(|m| {
                    let date = m
                        .date
                        .as_deref()
                        .map(|d| format!(" {d}"))
                        .unwrap_or_default();
                    format!("{} {}{}", m.actor, m.status, date)
                })
                .collect();
            let members = if members.is_empty() {
                "no members named".to_string()
            } else {
                members.join("; ")
            };
            let _ = writeln!(
                out,
                "- **{}** ({}, {}): {}",
                a.id,
                inline(&a.name),
                a.kind.as_str(),
                members
            );
            for e in &a.events {
                let date = e.date.as_deref().unwrap_or("undated");
                let _ = writeln!(
                    out,
                    "  - {date}: {} {} (¶{})",
                    e.actor, e.action, e.paragraph
                );
            }
        }
        out.push('\n');
    }
    if !brief.timeline.is_empty() {
        out.push_str("## Timeline\n\n");
        for t in &brief.timeline {
            let actors = if t.actors.is_empty() {
                String::new()
            } else {
                format!(" \\[{}\\]", t.actors.join(", "))
            };
            let _ = writeln!(
                out,
                "- **{}** {}{} (¶{})",
                t.date,
                inline(&t.text),
                actors,
                t.paragraph
            );
        }
        out.push('\n');
    }
    out
}
