//! The ingest pipeline: bytes -> load -> clean -> segment -> language ->
//! (extraction stages) -> [`Brief`]. Each stage is a pure function in its own
//! module; this file only chains them.

pub mod acronyms;
pub mod actors;
pub mod alliances;
pub mod byline;
pub mod clean;
pub mod conclusions;
pub mod context;
pub mod dates;
pub mod docx;
pub mod html;
pub mod lang;
pub mod load;
pub mod memberships;
pub mod relations;
pub mod scan;
pub mod segment;
pub mod tokens;

use thiserror::Error;

use crate::body::{self, Block};
use crate::brief::Brief;
use crate::frontmatter::sha256_hex;
use crate::ids;
use crate::lexicon::Lexicon;

pub use load::{EXTENSIONS, Format};
pub use segment::Document;

/// The generator string recorded in every brief.
pub const GENERATOR: &str = concat!("briefing ", env!("CARGO_PKG_VERSION"));

#[derive(Debug, Error, PartialEq, Eq)]
pub enum IngestError {
    #[error(transparent)]
    Load(#[from] load::LoadError),
    #[error("no text left after cleaning")]
    NoText,
}

/// A brief and what the user should be told about making it.
#[derive(Debug, Clone)]
pub struct Ingested {
    pub brief: Brief,
    pub warnings: Vec<String>,
}

/// Turn one source document into a brief. `source` is the path as the user
/// gave it (recorded in the brief and used for the id).
pub fn ingest(source: &str, bytes: &[u8], lex: &Lexicon) -> Result<Ingested, IngestError> {
    let ext = load::extension(source);
    let loaded = load::load(bytes, ext.as_deref())?;
    let doc = document(&loaded.text, loaded.format, lex)?;
    let language = lang::detect(&doc_text(&doc));
    let extracted = extract(&doc, &language, lex);
    let brief = Brief {
        id: ids::from_source(source),
        title: doc.title.clone(),
        language,
        source: source.to_string(),
        source_sha256: sha256_hex(bytes),
        generator: GENERATOR.to_string(),
        date: extracted.date,
        content_sha256: String::new(),
        topics: topics(&doc, &extracted.relations, &extracted.alliances, lex),
        actors: extracted.actors,
        groups: extracted.groups,
        conclusions: extracted.conclusions,
        relations: extracted.relations,
        group_relations: extracted.group_relations,
        alliances: extracted.alliances,
        timeline: extracted.timeline,
        body: String::new(),
    };
    let brief = Brief {
        body: body::render_marked(
            &doc.title,
            &crate::summary::markdown(&brief),
            &doc.blocks,
            &doc.markup,
        ),
        ..brief
    };
    Ok(Ingested {
        brief,
        warnings: loaded.warnings,
    })
}

/// What stages 5–9 find in a document.
#[derive(Debug, Clone)]
pub struct Extracted {
    pub date: Option<String>,
    pub actors: Vec<crate::brief::Actor>,
    pub groups: Vec<crate::brief::Actor>,
    pub conclusions: Vec<crate::brief::Conclusion>,
    pub relations: Vec<crate::brief::Relation>,
    pub group_relations: Vec<crate::brief::Relation>,
    pub alliances: Vec<crate::brief::Alliance>,
    pub timeline: Vec<crate::brief::TimelineEntry>,
}

/// Stages 5–7 (scan, dates, actors, sentences), handed to `then` with
/// what they found and the pairs the headings and the title name.
fn with_sentences<R>(
    doc: &Document,
    language: &str,
    lex: &Lexicon,
    then: impl FnOnce(&[context::Sentence], &actors::DocActors, &dates::DocDates, Hints) -> R,
) -> R {
    let scanned = scan::document(doc, lex);
    let dd = dates::resolve_dated(&scanned, &lex.dates, stated_date(doc, lex));
    let found = actors::find(doc, &dd, language, lex);
    let sents = context::sentences(doc, &scanned, &found, &dd);
    let hints = Hints {
        sections: found
            .headings
            .iter()
            .map(|h| relations::named_pair(h))
            .collect(),
        title: relations::named_pair(&found.title),
    };
    then(&sents, &found, &dd, hints)
}

/// The pairs each section heading and the title name.
struct Hints {
    sections: Vec<Option<relations::Pair>>,
    title: Option<relations::Pair>,
}

/// The relation stage's reasoning for a document, one line per sentence and pair.
pub fn explain_relations(
    text: &str,
    format: Format,
    lex: &Lexicon,
) -> Result<Vec<String>, IngestError> {
    let doc = document(text, format, lex)?;
    let language = lang::detect(&doc_text(&doc));
    Ok(with_sentences(&doc, &language, lex, |sents, _, _, h| {
        relations::explain(sents, &h.sections, h.title, lex)
    }))
}

/// Every sentence's key-judgment score and its parts (for `examples/explain`),
/// from the same relations the ranking sees.
pub fn explain_conclusions(
    text: &str,
    format: Format,
    lex: &Lexicon,
) -> Result<Vec<String>, IngestError> {
    let doc = document(text, format, lex)?;
    let language = lang::detect(&doc_text(&doc));
    Ok(with_sentences(&doc, &language, lex, |sents, _, _, h| {
        let relations = relations::extract(sents, &h.sections, h.title, lex);
        conclusions::explain(&doc, sents, &relations, lex)
    }))
}

/// Stages 5–9: actors, dates, relations, alliances, conclusions.
pub fn extract(doc: &Document, language: &str, lex: &Lexicon) -> Extracted {
    with_sentences(doc, language, lex, |sents, found, dd, h| {
        let relations = relations::extract(sents, &h.sections, h.title, lex);
        assemble(doc, sents, found, dd, relations, lex)
    })
}

/// Stages 8–9 and the brief's parts, from the sentences and their relations.
fn assemble(
    doc: &Document,
    sents: &[context::Sentence],
    found: &actors::DocActors,
    dd: &dates::DocDates,
    relations: Vec<crate::brief::Relation>,
    lex: &Lexicon,
) -> Extracted {
    let alliances = alliances::extract(sents, &relations, lex);
    let conclusions = conclusions::rank(doc, sents, &relations, lex);
    let mut relations = relations;
    relations.extend(alliance_relations(&alliances, &relations));
    let is_group = |id: &str| {
        lex.gazetteer
            .index(id)
            .is_some_and(|i| lex.gazetteer.actor(i).kind == crate::brief::ActorKind::Group)
    };
    let (group_relations, relations) = relations
        .into_iter()
        .partition(|r| is_group(&r.a) || is_group(&r.b));
    let (groups, actors): (Vec<_>, Vec<_>) = actors::summarize(found, lex)
        .into_iter()
        .partition(|a| a.kind == crate::brief::ActorKind::Group);
    let mut relations: Vec<crate::brief::Relation> = relations;
    relations.extend(memberships::event_relations(
        &alliances, &relations, &actors,
    ));
    Extracted {
        date: dd.document.map(|d| d.to_string()),
        actors,
        groups,
        timeline: dates::timeline(sents),
        conclusions,
        relations,
        group_relations,
        alliances,
    }
}

/// The largest founding group whose members count as acting together.
const MAX_COFOUNDERS: usize = 3;

/// Relations that memberships imply and the cue pass may miss: states that
/// found an organisation together (in one sentence) cooperate with each
/// other. Only pairs with no relation yet; the founding sentence is the
/// evidence. (A state joining an existing organisation is not enough: that
/// is often an aside, not a relation the document is about.)
/// Groups of more than [`MAX_COFOUNDERS`] founders are left alone.
fn alliance_relations(
    alliances: &[crate::brief::Alliance],
    relations: &[crate::brief::Relation],
) -> Vec<crate::brief::Relation> {
    use crate::brief::{AllianceKind, Evidence, QuadClass, Relation, Stance, Trend};
    let mut out: Vec<Relation> = Vec::new();
    let known = |a: &str, b: &str, out: &[Relation]| {
        relations
            .iter()
            .chain(out.iter())
            .any(|r| r.a == a && r.b == b)
    };
    for al in alliances {
        if al.kind != AllianceKind::Organisation {
            continue;
        }
        let evidence = |paragraph: usize, date: &Option<String>| {
            al.evidence
                .iter()
                .find(|e| e.paragraph == paragraph)
                .map(|e| Evidence {
                    text: e.text.clone(),
                    date: date.clone().or_else(|| e.date.clone()),
                    class: QuadClass::MaterialCooperation,
                    paragraph,
                })
        };
        let founders: Vec<&crate::brief::MembershipEvent> =
            al.events.iter().filter(|e| e.action == "found").collect();
        let mut pairs: Vec<(String, String, usize, Option<String>)> = Vec::new();
        // A small founding group (two or three states forming a bloc) acts
        // together; a list of five founders is the organisation's history,
        // not ten relations.
        let group = |paragraph: usize| {
            let mut ids: Vec<&str> = founders
                .iter()
                .filter(|e| e.paragraph == paragraph)
                .map(|e| e.actor.as_str())
                .collect();
            ids.sort_unstable();
            ids.dedup();
            ids.len()
        };
        for (i, x) in founders.iter().enumerate() {
            for y in &founders[i + 1..] {
                if x.actor != y.actor
                    && x.paragraph == y.paragraph
                    && group(x.paragraph) <= MAX_COFOUNDERS
                {
                    pairs.push((
                        x.actor.clone(),
                        y.actor.clone(),
                        x.paragraph,
                        x.date.clone(),
                    ));
                }
            }
        }
        for (x, y, paragraph, date) in pairs {
            let (a, b) = if x < y { (x, y) } else { (y, x) };
            if known(&a, &b, &out) {
                continue;
            }
            let Some(ev) = evidence(paragraph, &date) else {
                continue;
            };
            out.push(Relation {
                a,
                b,
                stance: Stance::Cooperation,
                tone: 5.0,
                trend: Trend::Unknown,
                evidence: vec![ev],
            });
        }
    }
    out
}

/// The date the document's bylines state, if one does: its own date, given
/// to [`dates::resolve_dated`].
pub fn stated_date(doc: &Document, lex: &Lexicon) -> Option<dates::Found> {
    doc.bylines.iter().find_map(|b| byline::date(b, &lex.dates))
}

/// Stages 2 and 3: text to a segmented document. Bylines and datelines near
/// the top are taken out of the blocks (kept in [`Document::bylines`]).
pub fn document(text: &str, format: Format, lex: &Lexicon) -> Result<Document, IngestError> {
    let (title, mut blocks, mut markup) = match format {
        Format::Text => (None, clean::clean(text, &lex.clean), Vec::new()),
        Format::Markdown => {
            let norm = clean::normalize(text, &lex.clean);
            let (parsed, markup) = body::parse_source(&norm);
            (parsed.title, parsed.blocks, markup)
        }
        Format::Html => {
            let page = html::extract(text);
            let norm = |t: &str| body::normalize_ws(&clean::normalize(t, &lex.clean));
            let blocks: Vec<Block> = page
                .blocks
                .into_iter()
                .map(|b| match b {
                    Block::Paragraph(t) => Block::Paragraph(norm(&t)),
                    Block::Heading { level, text } => Block::Heading {
                        level,
                        text: norm(&text),
                    },
                })
                .filter(|b| match b {
                    Block::Paragraph(t) | Block::Heading { text: t, .. } => !t.is_empty(),
                })
                .collect();
            (page.title.map(|t| norm(&t)), blocks, Vec::new())
        }
    };
    let bylines = byline::take(&mut blocks, &mut markup, &lex.dates);
    let (title, blocks) = match title {
        Some(t) => (t, blocks),
        None => {
            let before = blocks.len();
            let (t, rest) = segment::split_title(blocks, &lex.abbreviations);
            // The title is taken off the front: the markup follows.
            markup.drain(..(before - rest.len()).min(markup.len()));
            (t, rest)
        }
    };
    if !blocks.iter().any(|b| matches!(b, Block::Paragraph(_))) && title.is_empty() {
        return Err(IngestError::NoText);
    }
    Ok(Document {
        markup,
        bylines,
        ..segment::segment(title, blocks, &lex.abbreviations)
    })
}

/// At most `max` items of `v`, evenly spaced, first and last kept, order kept.
pub fn thin<T>(v: Vec<T>, max: usize) -> Vec<T> {
    let n = v.len();
    if n <= max || max < 2 {
        return v.into_iter().take(max).collect();
    }
    // Item k of the result is item round(k * (n-1) / (max-1)) of `v`.
    let mut want = (0..max)
        .map(|k| (k * (n - 1) + (max - 1) / 2) / (max - 1))
        .peekable();
    v.into_iter()
        .enumerate()
        .filter_map(|(i, x)| {
            (want.peek() == Some(&i)).then(|| {
                want.next();
                x
            })
        })
        .collect()
}

fn doc_text(doc: &Document) -> String {
    let mut s = String::new();
    for p in &doc.paragraphs {
        s.push_str(&p.text);
        s.push('\n');
        if s.len() > 20_000 {
            break;
        }
    }
    if s.trim().is_empty() {
        s.push_str(&doc.title);
    }
    s
}

/// Topics fuzzy search offers: relation pairs by name, alliances, and the
/// section headings.
fn topics(
    doc: &Document,
    relations: &[crate::brief::Relation],
    alliances: &[crate::brief::Alliance],
    lex: &Lexicon,
) -> Vec<String> {
    let name = |id: &str| {
        lex.gazetteer
            .index(id)
            .map_or_else(|| id.to_string(), |i| lex.gazetteer.actor(i).name.clone())
    };
    let mut out: Vec<String> = Vec::new();
    let mut push = |t: String| {
        if !t.is_empty() && !out.contains(&t) {
            out.push(t);
        }
    };
    for r in relations {
        push(format!("{}–{}", name(&r.a), name(&r.b)));
    }
    for a in alliances {
        push(a.id.clone());
    }
    for s in &doc.sections {
        if let Some(h) = &s.heading {
            push(h.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::shared;

    #[test]
    fn thesis_source_to_brief() {
        let bytes = include_bytes!("../../sources/000_f5840cd7195cf325.txt");
        let out = ingest("sources/000_f5840cd7195cf325.txt", bytes, shared()).unwrap();
        let b = out.brief;
        assert_eq!(b.id, "000_f5840cd7195cf325");
        assert_eq!(b.title, "BAB VI PENUTUP");
        assert_eq!(b.language, "id");
        assert_eq!(b.source_sha256.len(), 64);
        assert!(
            b.body
                .starts_with("# BAB VI PENUTUP\n\n## Key judgments\n\n")
        );
        assert!(
            b.body
                .contains("\n\n## Source text\n\n### 6.1. Kesimpulan\n\nAnalisis yang dilakukan")
        );
        assert!(b.body.contains("ruang pasca-Soviet secara historis"));
        assert!(!b.body.contains("pasca- Soviet"));
        assert!(b.topics.contains(&"6.1. Kesimpulan".to_string()));
        // The body reads back as the same paragraphs.
        let parsed = body::parse(&b.body);
        assert_eq!(parsed.title.as_deref(), Some("BAB VI PENUTUP"));
    }

    #[test]
    fn markdown_sources_keep_their_structure() {
        let md = "# Kemitraan Indonesia–Vietnam\n\nKedua negara sepakat memperkuat kerja sama maritim.\n\n## Latar belakang\n\nSengketa zona ekonomi eksklusif selesai pada 2022.\n";
        let b = ingest("notes/kemitraan.md", md.as_bytes(), shared())
            .unwrap()
            .brief;
        assert_eq!(b.id, "kemitraan");
        assert_eq!(b.title, "Kemitraan Indonesia–Vietnam");
        assert_eq!(b.topics.last().map(String::as_str), Some("Latar belakang"));
        assert!(b.body.ends_with(
            "## Source text\n\nKedua negara sepakat memperkuat kerja sama maritim.\n\n### Latar belakang\n\nSengketa zona ekonomi eksklusif selesai pada 2022.\n\n"
        ));
        let parsed = body::parse(&b.body);
        assert_eq!(parsed.paragraphs().count(), 2);
    }

    #[test]
    fn markdown_lists_quotes_and_emphasis_stay_markdown_in_the_body() {
        let md = "# Latihan Bersama di Baturaja\n\nIndonesia dan Amerika Serikat menggelar latihan *Garuda Shield* di Baturaja.\n\n- Australia dan Jepang mengirim **pasukan khusus**.\n- Singapura mengirim pengamat.\n\n> Kerja sama ini *bukan* aliansi militer, kata juru bicara TNI.\n";
        let b = ingest("notes/garuda.md", md.as_bytes(), shared())
            .unwrap()
            .brief;
        for kept in [
            "\n\nIndonesia dan Amerika Serikat menggelar latihan *Garuda Shield* di Baturaja.\n\n",
            "\n- Australia dan Jepang mengirim **pasukan khusus**.\n",
            "\n- Singapura mengirim pengamat.\n",
            "\n> Kerja sama ini *bukan* aliansi militer, kata juru bicara TNI.\n",
        ] {
            assert!(b.body.contains(kept), "{kept:?} in\n{}", b.body);
        }
        // The pipeline, the reader and notes see the same plain paragraphs.
        let parsed = body::parse(&b.body);
        assert_eq!(
            parsed.paragraphs().collect::<Vec<_>>(),
            [
                "Indonesia dan Amerika Serikat menggelar latihan Garuda Shield di Baturaja.",
                "Australia dan Jepang mengirim pasukan khusus.",
                "Singapura mengirim pengamat.",
                "Kerja sama ini bukan aliansi militer, kata juru bicara TNI.",
            ]
        );
        let evidence = b
            .relations
            .iter()
            .flat_map(|r| r.evidence.iter().map(|e| &e.text));
        let texts: Vec<&String> = b
            .conclusions
            .iter()
            .map(|c| &c.text)
            .chain(evidence)
            .chain(b.timeline.iter().map(|e| &e.text))
            .collect();
        assert!(texts.len() >= 4, "{texts:?}");
        for t in texts {
            assert!(!t.contains(['*', '`', '>']), "markup in {t:?}");
        }
        assert!(
            b.conclusions
                .iter()
                .any(|c| c.text == "Australia dan Jepang mengirim pasukan khusus.")
        );
    }

    #[test]
    fn bad_input_is_an_error_not_a_panic() {
        assert_eq!(
            ingest("x.txt", b"", shared()).unwrap_err(),
            IngestError::Load(load::LoadError::Empty)
        );
        assert_eq!(
            ingest("x.txt", b"\0\x01\x02", shared()).unwrap_err(),
            IngestError::Load(load::LoadError::Binary)
        );
        assert_eq!(
            ingest("x.txt", b"12\n\n13\n", shared()).unwrap_err(),
            IngestError::NoText
        );
    }

    #[test]
    fn founders_of_an_organisation_cooperate_pairwise() {
        use crate::brief::{
            Alliance, AllianceEvidence, AllianceKind, MembershipEvent, Relation, Stance, Trend,
        };
        let found = |actor: &str, paragraph: usize| MembershipEvent {
            actor: actor.into(),
            action: "found".into(),
            date: Some("2023-09-16".into()),
            paragraph,
        };
        let sentence = "Sebagai gantinya, mereka membentuk Aliansi Negara-Negara Sahel (AES) pada 16 September 2023.";
        let aes = Alliance {
            id: "AES".into(),
            name: "Alliance of Sahel States".into(),
            kind: AllianceKind::Organisation,
            members: vec![],
            events: vec![
                found("MLI", 2),
                found("BFA", 2),
                found("NER", 2),
                found("TCD", 5),
            ],
            evidence: vec![AllianceEvidence {
                text: sentence.into(),
                date: None,
                paragraph: 2,
            }],
        };
        // A pair the cue pass already found keeps its own relation.
        let known = Relation {
            a: "BFA".into(),
            b: "MLI".into(),
            stance: Stance::Mixed,
            tone: 0.0,
            trend: Trend::Unknown,
            evidence: vec![],
        };
        let added = alliance_relations(std::slice::from_ref(&aes), &[known]);
        let pairs: Vec<(&str, &str)> = added.iter().map(|r| (r.a.as_str(), r.b.as_str())).collect();
        // Chad "founds" in another paragraph: not a co-founder of this sentence.
        assert_eq!(pairs, [("MLI", "NER"), ("BFA", "NER")]);
        for r in &added {
            assert_eq!(r.stance, Stance::Cooperation);
            assert_eq!(r.evidence[0].text, sentence);
            assert_eq!(r.evidence[0].date.as_deref(), Some("2023-09-16"));
        }
        // Five founders in one sentence are the organisation's history.
        let five = Alliance {
            events: ["DZA", "LBY", "MAR", "MRT", "TUN"]
                .iter()
                .map(|a| found(a, 2))
                .collect(),
            ..aes.clone()
        };
        assert!(alliance_relations(&[five], &[]).is_empty());
        // A partnership's signatories are not founders of an organisation.
        let pact = Alliance {
            kind: AllianceKind::Partnership,
            ..aes
        };
        assert!(alliance_relations(&[pact], &[]).is_empty());
    }

    #[test]
    fn thin_keeps_ends_and_spacing() {
        assert_eq!(thin((0..10).collect(), 20), (0..10).collect::<Vec<_>>());
        assert_eq!(thin((0..10).collect(), 10), (0..10).collect::<Vec<_>>());
        assert_eq!(thin((0..10).collect(), 4), [0, 3, 6, 9]);
        assert_eq!(thin((0..101).collect(), 3), [0, 50, 100]);
        assert_eq!(thin((0..5).collect(), 0), Vec::<i32>::new());
    }

    #[test]
    fn same_source_same_brief() {
        let bytes = include_bytes!("../../sources/002_fea91339883cd94f.txt");
        let a = ingest("sources/002_fea91339883cd94f.txt", bytes, shared())
            .unwrap()
            .brief;
        let b = ingest("sources/002_fea91339883cd94f.txt", bytes, shared())
            .unwrap()
            .brief;
        assert_eq!(a, b);
    }
}
