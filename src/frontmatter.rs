//! Split and render the `+++` TOML front matter + Markdown body of a brief
//! file (the layout Zola and Hugo use).
//!
//! Rendering is lossless: `parse(render(b)) == b`. A TOML string may span
//! lines (and so contain a `+++` line), so the closing delimiter is the first
//! `+++` line after which the front matter parses; only malformed files fall
//! through to an error, which names the file and the line.

use std::path::{Path, PathBuf};

use sha2::{Digest, Sha256};
use thiserror::Error;

use crate::brief::Brief;

const DELIM: &str = "+++";
const HASH_KEY: &str = "content_sha256 = ";

#[derive(Debug, Error, PartialEq)]
pub enum FrontMatterError {
    #[error("{}:1: not a brief: the file must start with a `+++` line", .path.display())]
    NoOpening { path: PathBuf },
    #[error("{}:1: front matter is not closed: no `+++` line after the first", .path.display())]
    Unclosed { path: PathBuf },
    #[error("{}:{line}: invalid front matter: {message}", .path.display())]
    Invalid {
        path: PathBuf,
        line: usize,
        message: String,
    },
}

/// The raw parts of a brief file.
#[derive(Debug, PartialEq, Eq)]
pub struct Parts<'a> {
    /// The TOML between the delimiters (with its final newline).
    pub front: &'a str,
    /// Everything after the closing delimiter line.
    pub body: &'a str,
}

/// Every way to split `text` into front matter and body, in file order: one
/// candidate per `+++` line after the opening one. Returns `None` when the
/// text does not start with a `+++` line.
fn candidates(text: &str) -> Option<Vec<Parts<'_>>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_end = text.find('\n')?;
    if text[..first_end].trim_end_matches('\r') != DELIM {
        return None;
    }
    let rest_start = first_end + 1;
    let mut out = Vec::new();
    let mut pos = rest_start;
    while pos <= text.len() {
        let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i);
        let line = text[pos..line_end].trim_end_matches('\r');
        if line == DELIM {
            let body_start = (line_end + 1).min(text.len());
            out.push(Parts {
                front: &text[rest_start..pos],
                body: &text[body_start..],
            });
        }
        if line_end == text.len() {
            break;
        }
        pos = line_end + 1;
    }
    Some(out)
}

/// Parse a brief file. `path` is only used to name the file in errors.
pub fn parse(path: &Path, text: &str) -> Result<Brief, FrontMatterError> {
    let cands = candidates(text).ok_or_else(|| FrontMatterError::NoOpening {
        path: path.to_path_buf(),
    })?;
    let mut first_err = None;
    for parts in cands {
        match toml::from_str::<Brief>(parts.front) {
            Ok(mut brief) => {
                brief.body = parts.body.to_string();
                return Ok(brief);
            }
            Err(e) => {
                if first_err.is_none() {
                    // The front matter starts on line 2 of the file.
                    let line = e.span().map_or(1, |s| {
                        parts.front[..s.start.min(parts.front.len())]
                            .matches('\n')
                            .count()
                            + 1
                    }) + 1;
                    first_err = Some(FrontMatterError::Invalid {
                        path: path.to_path_buf(),
                        line,
                        message: one_line(e.message()),
                    });
                }
            }
        }
    }
    Err(first_err.unwrap_or(FrontMatterError::Unclosed {
        path: path.to_path_buf(),
    }))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Render a brief file: front matter, then the body. The `content_sha256`
/// field is set to the hash of the rendered file with that field blank, so a
/// later hand edit can be told from a generated file.
pub fn render(brief: &Brief) -> String {
    let mut b = brief.clone();
    b.content_sha256 = String::new();
    let blank = render_raw(&b);
    let hash = sha256_hex(blank.as_bytes());
    blank.replacen(
        &format!("{HASH_KEY}\"\"\n"),
        &format!("{HASH_KEY}\"{hash}\"\n"),
        1,
    )
}

fn render_raw(brief: &Brief) -> String {
    // Brief contains only strings, numbers, enums, options and vectors:
    // serialising it to TOML cannot fail.
    let front = toml::to_string(brief).unwrap_or_default();
    let mut out = String::with_capacity(front.len() + brief.body.len() + 16);
    out.push_str(DELIM);
    out.push('\n');
    out.push_str(&front);
    if !front.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(DELIM);
    out.push('\n');
    out.push_str(&brief.body);
    out
}

/// True when `text` (a brief file whose parsed form is `brief`) is not what
/// `briefing` generated: its recorded hash is missing or no longer matches.
pub fn is_hand_edited(text: &str, brief: &Brief) -> bool {
    if brief.content_sha256.is_empty() {
        return true;
    }
    let recorded = format!("{HASH_KEY}\"{}\"\n", brief.content_sha256);
    if !text.contains(&recorded) {
        return true;
    }
    let blank = text.replacen(&recorded, &format!("{HASH_KEY}\"\"\n"), 1);
    sha256_hex(blank.as_bytes()) != brief.content_sha256
}

/// Lower-case hex SHA-256 of `bytes`.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::brief::*;

    fn sample() -> Brief {
        Brief {
            id: "rusia-kehilangan-sekutu".into(),
            title: "Rusia kehilangan sekutu".into(),
            language: "id".into(),
            source: "sources/news.txt".into(),
            source_sha256: "ab".repeat(32),
            generator: "briefing 0.1.0".into(),
            date: Some("2025-07".into()),
            content_sha256: String::new(),
            topics: vec!["Azerbaijan–Russia".into(), "CSTO".into()],
            actors: vec![Actor {
                id: "RUS".into(),
                name: "Russia".into(),
                kind: ActorKind::State,
                mentions: 12,
            }],
            groups: vec![Actor {
                id: "HOUTHI".into(),
                name: "Houthis".into(),
                kind: ActorKind::Group,
                mentions: 2,
            }],
            group_relations: vec![Relation {
                a: "HOUTHI".into(),
                b: "USA".into(),
                stance: Stance::Conflict,
                tone: -7.0,
                trend: Trend::Unknown,
                evidence: vec![],
            }],
            conclusions: vec![Conclusion {
                text: "Hubungan Moskow dengan Baku dan Yerevan belum pernah seburuk sekarang."
                    .into(),
                confidence: None,
                score: 0.75,
                paragraph: 21,
            }],
            relations: vec![Relation {
                a: "AZE".into(),
                b: "RUS".into(),
                stance: Stance::Conflict,
                tone: -4.5,
                trend: Trend::Worsening,
                evidence: vec![Evidence {
                    text: "Pada Desember 2024, sebuah pesawat ...".into(),
                    date: Some("2024-12".into()),
                    class: QuadClass::MaterialConflict,
                    paragraph: 23,
                }],
            }],
            alliances: vec![Alliance {
                id: "CSTO".into(),
                name: "Collective Security Treaty Organization".into(),
                kind: AllianceKind::Organisation,
                members: vec![Member {
                    actor: "ARM".into(),
                    status: "suspended".into(),
                    date: Some("2024".into()),
                }],
                events: vec![MembershipEvent {
                    actor: "ARM".into(),
                    action: "suspend".into(),
                    date: Some("2024".into()),
                    paragraph: 40,
                }],
                evidence: vec![],
            }],
            timeline: vec![TimelineEntry {
                date: "2024".into(),
                text: "Pada 2024, ... Armenia menghentikan sementara partisipasinya ...".into(),
                actors: vec!["ARM".into(), "CSTO".into()],
                paragraph: 40,
            }],
            body: "# Rusia kehilangan sekutu\n\nParagraf pertama.\n".into(),
        }
    }

    fn round_trip(b: &Brief) -> Brief {
        let text = render(b);
        parse(Path::new("x.md"), &text).expect("rendered brief parses")
    }

    #[test]
    fn round_trip_is_lossless_for_a_full_brief() {
        let b = sample();
        let back = round_trip(&b);
        assert_eq!(back.content_sha256.len(), 64);
        assert_eq!(
            Brief {
                content_sha256: back.content_sha256.clone(),
                ..b
            },
            back
        );
    }

    #[test]
    fn round_trip_table() {
        let cases: Vec<(&str, Brief)> = vec![
            (
                "empty lists",
                Brief {
                    id: "a".into(),
                    title: "A".into(),
                    language: "en".into(),
                    source: "a.txt".into(),
                    ..Brief::default()
                },
            ),
            (
                "body with delimiter lines",
                Brief {
                    id: "b".into(),
                    body: "+++\nnot front matter\n+++\n".into(),
                    ..Brief::default()
                },
            ),
            (
                "multi-line title containing a delimiter",
                Brief {
                    id: "c".into(),
                    title: "one\n+++\ntwo \"quoted\" 'single' '''".into(),
                    body: "text".into(),
                    ..Brief::default()
                },
            ),
            (
                "no trailing newline, CR in body",
                Brief {
                    id: "d".into(),
                    body: "line\r\nlast".into(),
                    ..Brief::default()
                },
            ),
            (
                "unicode",
                Brief {
                    id: "e".into(),
                    title: "Türkiye–Armenia: “normalisasi” …".into(),
                    body: "Erdoğan dan Pashinyan.\n".into(),
                    ..Brief::default()
                },
            ),
        ];
        for (name, b) in cases {
            let back = round_trip(&b);
            assert_eq!(
                Brief {
                    content_sha256: back.content_sha256.clone(),
                    ..b
                },
                back,
                "{name}"
            );
        }
    }

    #[test]
    fn malformed_files_name_the_file_and_line() {
        let p = Path::new("briefs/x.md");
        let cases: &[(&str, &str)] = &[
            ("no front matter at all\n", "briefs/x.md:1: not a brief"),
            (
                "+++\nid = \"x\"\n",
                "briefs/x.md:1: front matter is not closed",
            ),
            (
                "+++\nid = \"x\"\ntitle = 3\nlanguage = \"en\"\nsource = \"s\"\n+++\nbody",
                "briefs/x.md:3: invalid front matter: invalid type: integer `3`, expected a string",
            ),
            (
                "+++\nid = \"x\"\ntitle = \"t\"\nlanguage = \"en\"\nsource = \"s\"\ncolour = 1\n+++\n",
                "briefs/x.md:6: invalid front matter: unknown field `colour`",
            ),
            (
                "+++\nid = \"x\"\ntitle = \"unterminated\nlanguage = \"en\"\n+++\n",
                "briefs/x.md:3: invalid front matter:",
            ),
            (
                "+++\nid = \"x\"\ntitle = \"t\"\nlanguage = \"en\"\nsource = \"s\"\n[[relations]]\na = \"AZE\"\nb = \"RUS\"\nstance = \"friendly\"\ntone = 1.0\ntrend = \"stable\"\n+++\n",
                "briefs/x.md:9: invalid front matter: unknown variant `friendly`",
            ),
        ];
        for (text, want) in cases {
            let err = parse(p, text).unwrap_err().to_string();
            assert!(err.starts_with(want), "got {err:?}, want prefix {want:?}");
            assert!(!err.contains('\n'), "one line: {err:?}");
        }
    }

    #[test]
    fn accepts_crlf_and_bom() {
        let text = "\u{feff}+++\r\nid = \"x\"\r\ntitle = \"T\"\r\nlanguage = \"en\"\r\nsource = \"s\"\r\n+++\r\nBody\r\n";
        let b = parse(Path::new("x.md"), text).unwrap();
        assert_eq!(b.title, "T");
        assert_eq!(b.body, "Body\r\n");
    }

    #[test]
    fn hand_edits_are_detected() {
        let text = render(&sample());
        let b = parse(Path::new("x.md"), &text).unwrap();
        assert!(!is_hand_edited(&text, &b));
        let edited = text.replace("Paragraf pertama.", "Paragraf pertama, disunting.");
        let eb = parse(Path::new("x.md"), &edited).unwrap();
        assert!(is_hand_edited(&edited, &eb));
        let retitled = text.replace(
            "title = \"Rusia kehilangan sekutu\"",
            "title = \"Judul baru\"",
        );
        assert!(is_hand_edited(
            &retitled,
            &parse(Path::new("x.md"), &retitled).unwrap()
        ));
        let mut handmade = sample();
        handmade.content_sha256.clear();
        let raw = render_raw(&handmade);
        assert!(is_hand_edited(&raw, &handmade));
    }

    mod prop {
        use super::*;
        use proptest::prelude::*;

        fn text() -> impl Strategy<Value = String> {
            prop_oneof![
                "[a-zA-Z0-9 .,“”'\"\\\\+=#\\[\\]\n\t-]{0,40}",
                any::<String>(),
            ]
        }

        fn opt_text() -> impl Strategy<Value = Option<String>> {
            proptest::option::of(text())
        }

        fn tone() -> impl Strategy<Value = f64> {
            -10.0f64..10.0
        }

        prop_compose! {
            fn evidence()(t in text(), d in opt_text(), c in 0usize..4, p in 0usize..500) -> Evidence {
                Evidence { text: t, date: d, class: QuadClass::ALL[c], paragraph: p }
            }
        }

        prop_compose! {
            fn relation()(a in text(), b in text(), s in 0usize..3, tone in tone(), t in 0usize..4,
                          evidence in proptest::collection::vec(evidence(), 0..3)) -> Relation {
                Relation {
                    a, b,
                    stance: [Stance::Cooperation, Stance::Conflict, Stance::Mixed][s],
                    tone,
                    trend: [Trend::Improving, Trend::Worsening, Trend::Stable, Trend::Unknown][t],
                    evidence,
                }
            }
        }

        prop_compose! {
            fn brief()(id in text(), title in text(), language in text(), source in text(),
                       date in opt_text(), topics in proptest::collection::vec(text(), 0..4),
                       actors in proptest::collection::vec((text(), text(), 0usize..3, any::<u32>()), 0..4),
                       conclusions in proptest::collection::vec((text(), proptest::option::of(0usize..7), -5.0f64..5.0, 0usize..99), 0..3),
                       relations in proptest::collection::vec(relation(), 0..3),
                       members in proptest::collection::vec((text(), text(), opt_text()), 0..3),
                       timeline in proptest::collection::vec((text(), text(), proptest::collection::vec(text(), 0..3), 0usize..99), 0..3),
                       body in text()) -> Brief {
                Brief {
                    id, title, language, source,
                    source_sha256: String::new(),
                    generator: "briefing test".into(),
                    date,
                    content_sha256: String::new(),
                    topics,
                    actors: actors.into_iter().map(|(id, name, k, mentions)| Actor {
                        id, name, kind: [ActorKind::State, ActorKind::Organisation, ActorKind::Group][k], mentions,
                    }).collect(),
                    conclusions: conclusions.into_iter().map(|(text, c, score, paragraph)| Conclusion {
                        text, confidence: c.map(|i| Confidence::ALL[i]), score, paragraph,
                    }).collect(),
                    groups: vec![],
                    group_relations: relations.iter().take(1).cloned().collect(),
                    relations,
                    alliances: vec![Alliance {
                        id: "CSTO".into(), name: "CSTO".into(), kind: AllianceKind::Organisation,
                        members: members.into_iter().map(|(actor, status, date)| Member { actor, status, date }).collect(),
                        events: vec![],
                        evidence: vec![],
                    }],
                    timeline: timeline.into_iter().map(|(date, text, actors, paragraph)| TimelineEntry {
                        date, text, actors, paragraph,
                    }).collect(),
                    body,
                }
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(300))]
            #[test]
            fn render_then_parse_is_identity(b in brief()) {
                let text = render(&b);
                let back = parse(Path::new("p.md"), &text).expect("parses");
                prop_assert!(!is_hand_edited(&text, &back));
                prop_assert_eq!(Brief { content_sha256: back.content_sha256.clone(), ..b }, back);
            }
        }
    }
}
