//! Search across a library: titles, topics (relation pairs, alliances,
//! headings), actors with every name the gazetteer knows for them (typing
//! "amerika" finds the United States), key judgments, timeline entries and
//! every sentence of every brief. One engine serves the reader (through
//! [`worker`], off the UI thread) and `briefing search`.
//!
//! A query is whitespace-separated terms; an item matches when every term
//! matches it (fuzzy-matcher's skim algorithm, case-insensitive). Its score
//! is the sum of the terms' scores; ties go to titles and topics before
//! sentences. Each hit carries the matched character positions and where to
//! jump: brief, section, item or paragraph, and the sentence's byte range.

pub mod worker;

use std::ops::Range;

use fuzzy_matcher::skim::SkimMatcherV2;
use serde::Serialize;

use crate::body::{self, Block};
use crate::brief::Brief;

/// What kind of thing an item is; earlier kinds rank first on equal scores.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum ItemKind {
    Title,
    Relation,
    Alliance,
    Actor,
    Topic,
    Heading,
    Judgment,
    Timeline,
    Sentence,
}

impl ItemKind {
    /// Added to a match's score: names of things (titles, pairs, alliances,
    /// actors) come before a sentence that matches as well.
    pub fn bonus(self) -> i64 {
        match self {
            ItemKind::Title | ItemKind::Relation | ItemKind::Alliance | ItemKind::Actor => 16,
            ItemKind::Topic | ItemKind::Heading => 8,
            ItemKind::Judgment | ItemKind::Timeline | ItemKind::Sentence => 0,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ItemKind::Title => "title",
            ItemKind::Relation => "relation",
            ItemKind::Alliance => "alliance",
            ItemKind::Actor => "actor",
            ItemKind::Topic => "topic",
            ItemKind::Heading => "heading",
            ItemKind::Judgment => "judgment",
            ItemKind::Timeline => "timeline",
            ItemKind::Sentence => "sentence",
        }
    }
}

/// The sections of a brief in the reader, in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Section {
    Judgments,
    Relations,
    Alliances,
    Timeline,
    Source,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Judgments,
        Section::Relations,
        Section::Alliances,
        Section::Timeline,
        Section::Source,
    ];

    pub fn title(self) -> &'static str {
        match self {
            Section::Judgments => "Key judgments",
            Section::Relations => "Relations",
            Section::Alliances => "Alliances",
            Section::Timeline => "Timeline",
            Section::Source => "Source text",
        }
    }

    pub fn number(self) -> usize {
        self as usize + 1
    }

    pub fn from_number(n: usize) -> Option<Section> {
        Section::ALL.get(n.checked_sub(1)?).copied()
    }

    pub fn name(self) -> &'static str {
        match self {
            Section::Judgments => "judgments",
            Section::Relations => "relations",
            Section::Alliances => "alliances",
            Section::Timeline => "timeline",
            Section::Source => "source",
        }
    }

    pub fn parse(s: &str) -> Option<Section> {
        Section::ALL.into_iter().find(|x| x.name() == s)
    }
}

/// Where a hit leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Jump {
    pub section: Section,
    /// The item in the section: judgment, relation, alliance or timeline
    /// index (0-based), or the paragraph (1-based) in the source text.
    pub index: usize,
    /// For a sentence: its byte range in the paragraph.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<Range<usize>>,
}

/// One searchable thing.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index of the brief in the engine's list.
    pub brief: u32,
    pub kind: ItemKind,
    /// What is matched and shown.
    pub text: String,
    pub jump: Jump,
}

/// A match.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`Engine::items`].
    pub item: usize,
    pub score: i64,
    /// Matched character positions in the item's text, sorted.
    pub positions: Vec<usize>,
}

/// A brief as the engine knows it.
#[derive(Debug, Clone)]
pub struct BriefRef {
    pub id: String,
    pub title: String,
}

/// The search engine over a set of briefs.
#[derive(Debug, Default)]
pub struct Engine {
    briefs: Vec<BriefRef>,
    items: Vec<Item>,
}

impl Engine {
    pub fn new(briefs: &[Brief]) -> Engine {
        let mut e = Engine::default();
        for b in briefs {
            e.add(b);
        }
        e
    }

    /// Add one brief's items.
    pub fn add(&mut self, b: &Brief) {
        let bi = self.briefs.len() as u32;
        self.briefs.push(BriefRef {
            id: b.id.clone(),
            title: b.title.clone(),
        });
        items_of(b, bi, &mut self.items);
    }

    pub fn briefs(&self) -> &[BriefRef] {
        &self.briefs
    }

    pub fn items(&self) -> &[Item] {
        &self.items
    }

    pub fn item(&self, i: usize) -> &Item {
        &self.items[i]
    }

    pub fn brief_of(&self, hit: &Hit) -> &BriefRef {
        &self.briefs[self.items[hit.item].brief as usize]
    }

    /// The best `limit` items for `query`, best first. An empty query finds
    /// nothing.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::new(query);
        if q.terms.is_empty() || limit == 0 {
            return Vec::new();
        }
        let mut hits: Vec<Hit> = self
            .items
            .iter()
            .enumerate()
            .filter_map(|(i, item)| {
                q.score(i, &item.text).map(|mut h| {
                    h.score += item.kind.bonus();
                    h
                })
            })
            .collect();
        self.rank(&mut hits);
        hits.truncate(limit);
        hits
    }

    /// Best first: score, then kind (titles and topics before sentences),
    /// then library order.
    fn rank(&self, hits: &mut [Hit]) {
        hits.sort_by(|x, y| {
            y.score
                .cmp(&x.score)
                .then_with(|| self.items[x.item].kind.cmp(&self.items[y.item].kind))
                .then_with(|| x.item.cmp(&y.item))
        });
    }
}

/// A parsed query.
pub struct Query {
    terms: Vec<String>,
    matcher: SkimMatcherV2,
}

impl Query {
    pub fn new(query: &str) -> Query {
        Query {
            terms: query.split_whitespace().map(str::to_lowercase).collect(),
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    /// Every term must match; scores add up, positions merge. A term found
    /// literally (case-insensitive) scores well above a scattered fuzzy
    /// match, more so at the start of a word, and is highlighted there.
    pub fn score(&self, item: usize, text: &str) -> Option<Hit> {
        use fuzzy_matcher::FuzzyMatcher;
        let mut total = 0;
        let mut positions = Vec::new();
        for t in &self.terms {
            let (s, pos) = self.matcher.fuzzy_indices(text, t)?;
            match literal(text, t) {
                Some((start, word_start)) => {
                    let n = t.chars().count();
                    total += s + LITERAL_BONUS * n as i64 + if word_start { WORD_BONUS } else { 0 };
                    positions.extend(start..start + n);
                }
                None => {
                    total += s;
                    positions.extend(pos);
                }
            }
        }
        positions.sort_unstable();
        positions.dedup();
        Some(Hit {
            item,
            score: total,
            positions,
        })
    }
}

/// Extra score per character of a term found literally, and for one found
/// at the start of a word.
const LITERAL_BONUS: i64 = 24;
const WORD_BONUS: i64 = 32;

/// Where `term` (lower-case) occurs in `text` ignoring case, in characters,
/// preferring an occurrence at the start of a word; and whether it is one.
fn literal(text: &str, term: &str) -> Option<(usize, bool)> {
    let needle: Vec<char> = term.chars().collect();
    let chars: Vec<char> = text.chars().collect();
    let n = needle.len();
    if n == 0 || n > chars.len() {
        return None;
    }
    let mut first = None;
    for i in 0..=chars.len() - n {
        let hit = (0..n).all(|k| {
            let c = chars[i + k];
            c == needle[k] || c.to_lowercase().eq(std::iter::once(needle[k]))
        });
        if hit {
            let word_start = i == 0 || !chars[i - 1].is_alphanumeric();
            if word_start {
                return Some((i, true));
            }
            first.get_or_insert((i, false));
        }
    }
    first
}

/// The items of one brief.
fn items_of(b: &Brief, bi: u32, out: &mut Vec<Item>) {
    let item = |kind, text: String, section, index, range| Item {
        brief: bi,
        kind,
        text,
        jump: Jump {
            section,
            index,
            range,
        },
    };
    if !b.title.is_empty() {
        out.push(item(
            ItemKind::Title,
            b.title.clone(),
            Section::Judgments,
            0,
            None,
        ));
    }
    let mut covered: Vec<String> = Vec::new();
    for (i, r) in b.relations.iter().enumerate() {
        let name = crate::summary::pair_name(b, &r.a, &r.b);
        covered.push(name.clone());
        covered.push(format!("{}-{}", r.a, r.b));
        out.push(item(
            ItemKind::Relation,
            format!("{name} ({}-{}, {})", r.a, r.b, r.stance.as_str()),
            Section::Relations,
            i,
            None,
        ));
    }
    for (i, a) in b.alliances.iter().enumerate() {
        covered.push(a.id.clone());
        covered.push(a.name.clone());
        let text = if a.name == a.id || a.name.is_empty() {
            a.id.clone()
        } else {
            format!("{} ({})", a.name, a.id)
        };
        out.push(item(ItemKind::Alliance, text, Section::Alliances, i, None));
    }
    let names = crate::lexicon::actor_names();
    for a in &b.actors {
        let mut text = if a.name == a.id {
            a.name.clone()
        } else {
            format!("{} ({})", a.name, a.id)
        };
        let mut seen = vec![a.name.clone(), a.id.clone()];
        for n in names.get(&a.id).into_iter().flatten() {
            if !seen.contains(n) {
                text.push_str(" · ");
                text.push_str(n);
                seen.push(n.clone());
            }
        }
        let jump_to = b
            .relations
            .iter()
            .position(|r| r.a == a.id || r.b == a.id)
            .map_or((Section::Source, 1), |i| (Section::Relations, i));
        out.push(item(ItemKind::Actor, text, jump_to.0, jump_to.1, None));
    }
    for (i, c) in b.conclusions.iter().enumerate() {
        out.push(item(
            ItemKind::Judgment,
            c.text.clone(),
            Section::Judgments,
            i,
            None,
        ));
    }
    for (i, t) in b.timeline.iter().enumerate() {
        out.push(item(
            ItemKind::Timeline,
            format!("{}  {}", t.date, t.text),
            Section::Timeline,
            i,
            None,
        ));
    }
    let parsed = body::parse(&b.body);
    let abbr = crate::lexicon::abbreviations();
    let mut paragraph = 0;
    for block in &parsed.blocks {
        match block {
            Block::Heading { text, .. } => {
                covered.push(text.clone());
                out.push(item(
                    ItemKind::Heading,
                    text.clone(),
                    Section::Source,
                    paragraph + 1,
                    None,
                ));
            }
            Block::Paragraph(text) => {
                paragraph += 1;
                for r in crate::ingest::segment::sentences(text, abbr) {
                    out.push(item(
                        ItemKind::Sentence,
                        text[r.clone()].to_string(),
                        Section::Source,
                        paragraph,
                        Some(r),
                    ));
                }
            }
        }
    }
    for t in &b.topics {
        if !covered.iter().any(|c| c == t) {
            out.push(item(
                ItemKind::Topic,
                t.clone(),
                Section::Judgments,
                0,
                None,
            ));
        }
    }
}

/// A hit as `briefing search --json` prints it.
pub fn hit_json(engine: &Engine, hit: &Hit) -> serde_json::Value {
    let item = engine.item(hit.item);
    let brief = engine.brief_of(hit);
    let paragraph = match item.jump.section {
        Section::Source => Some(item.jump.index),
        _ => None,
    };
    serde_json::json!({
        "brief": brief.id,
        "title": brief.title,
        "kind": item.kind,
        "section": item.jump.section.name(),
        "index": item.jump.index,
        "paragraph": paragraph,
        "text": item.text,
        "score": hit.score,
        "positions": hit.positions,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn library() -> Vec<Brief> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("briefs");
        crate::library::Library::open(&dir)
            .unwrap()
            .briefs()
            .to_vec()
    }

    #[test]
    fn multi_term_query_finds_the_pair_first() {
        let e = Engine::new(&library());
        let hits = e.search("azer rus", 10);
        assert!(!hits.is_empty());
        // The pair and the section heading about it come first.
        let top: Vec<&Item> = hits.iter().take(3).map(|h| e.item(h.item)).collect();
        let pair = top
            .iter()
            .find(|i| i.kind == ItemKind::Relation)
            .expect("the relation in the top three");
        assert!(pair.text.starts_with("Azerbaijan–Russia"), "{}", pair.text);
        assert_eq!(pair.jump.section, Section::Relations);
        assert!(top.iter().any(|i| i.text == "Azerbaijan dan Rusia"));
        // Every hit matched both terms: positions inside "Azer..." and "Rus...".
        for h in &hits {
            let text = e.item(h.item).text.to_lowercase();
            let matched: String = text
                .chars()
                .enumerate()
                .filter(|(i, _)| h.positions.contains(i))
                .map(|(_, c)| c)
                .collect();
            assert!(matched.len() >= 7, "{matched} in {text}");
        }
    }

    #[test]
    fn aliases_find_actors() {
        let e = Engine::new(&library());
        let hits = e.search("amerika", 5);
        let actor = hits
            .iter()
            .map(|h| e.item(h.item))
            .find(|i| i.kind == ItemKind::Actor)
            .expect("an actor hit");
        assert!(actor.text.starts_with("United States"), "{}", actor.text);
    }

    #[test]
    fn sentences_point_at_their_paragraph_and_range() {
        let briefs = library();
        let e = Engine::new(&briefs);
        let hits = e.search("kampanye kilat karabakh", 3);
        // The same sentence is a key judgment, which ranks first.
        assert_eq!(e.item(hits[0].item).kind, ItemKind::Judgment);
        let item = e.item(hits[1].item);
        assert_eq!(item.kind, ItemKind::Sentence);
        let brief = &briefs[item.brief as usize];
        let parsed = body::parse(&brief.body);
        let para = parsed.paragraphs().nth(item.jump.index - 1).unwrap();
        let range = item.jump.range.clone().unwrap();
        assert_eq!(&para[range], item.text);
        assert!(
            item.text
                .starts_with("Kampanye kilat Azerbaijan di Karabakh")
        );
    }

    #[test]
    fn literal_matches_beat_scattered_ones() {
        assert_eq!(literal("Amerika Serikat", "amerika"), Some((0, true)));
        assert_eq!(literal("Pan-Amerika", "amerika"), Some((4, true)));
        assert_eq!(literal("diamerikakan", "amerika"), Some((2, false)));
        assert_eq!(literal("pemerintah", "amerika"), None);
        let q = Query::new("amerika");
        let literal_hit = q
            .score(0, "Amerika Serikat belum mengakui Taliban.")
            .unwrap();
        let scattered = q
            .score(
                1,
                "Kami percaya bahwa pemerintah dari Emirat Islam Afghanistan akan",
            )
            .unwrap();
        assert!(literal_hit.score > scattered.score + 100);
        assert_eq!(literal_hit.positions, (0..7).collect::<Vec<_>>());
    }

    #[test]
    fn empty_and_unmatched_queries_find_nothing() {
        let e = Engine::new(&library());
        assert!(e.search("   ", 10).is_empty());
        assert!(e.search("qqqzzzxxx", 10).is_empty());
        assert!(e.search("azer", 0).is_empty());
    }

    #[test]
    fn titles_outrank_sentences_on_equal_scores() {
        let mut b = Brief {
            id: "x".into(),
            title: "Diplomasi energi".into(),
            ..Brief::default()
        };
        b.body = body::render(
            "Diplomasi energi",
            "",
            &[Block::Paragraph("Diplomasi energi.".into())],
        );
        let e = Engine::new(&[b]);
        let hits = e.search("diplomasi", 10);
        assert_eq!(e.item(hits[0].item).kind, ItemKind::Title);
    }
}
