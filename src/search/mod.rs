//! Search across a library: titles, topics (relation pairs, alliances,
//! headings), actors with every name the gazetteer knows for them (typing
//! "amerika" finds the United States) and every sentence of every brief
//! (key judgments are sentences labelled as such). One engine serves the
//! reader (through [`worker`], off the UI thread) and `briefing search`.
//!
//! How a query scores is defined once, in [`query`]. How the engine finds
//! the best items fast (500,000 sentences, a keystroke at a time):
//!
//! 1. **Index.** Every item's text lives in one arena, ASCII-case-folded,
//!    with a 64-bit mask of the characters it contains.
//! 2. **Narrow.** Candidates are the items whose mask holds every
//!    character of the query and in which every term occurs literally
//!    (memchr's SIMD substring search); scanned in parallel. Only when
//!    fewer than `limit` items match literally are fuzzy-only candidates
//!    (every term a subsequence) added, as the ranking puts them below.
//! 3. **Reuse.** When the query only grew (`azer` -> `azer r`), the new
//!    candidates are a subset of the old ones: only those are scanned.
//! 4. **Pre-rank.** Each candidate gets a cheap pre-score from the scan
//!    (terms at a word start, kind) and only the best [`SCORED`] by
//!    pre-score are scored with fuzzy-matcher.
//! 5. **Rank.** Score, then kind (titles and topics before sentences), then
//!    library order; capped at `limit`; match positions for the hits.
//!
//! `Engine::brute_force` scores every item with the same definition; a test
//! checks the fast path agrees with it.

pub mod persist;
pub mod query;
pub mod worker;

use std::ops::Range;

use rayon::prelude::*;
use serde::Serialize;

pub use query::Query;

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
    Sentence,
}

impl ItemKind {
    /// Added to a match's score: names of things (titles, pairs, alliances,
    /// actors) come before a sentence that matches as well.
    pub fn bonus(self) -> i64 {
        match self {
            ItemKind::Title | ItemKind::Relation | ItemKind::Alliance | ItemKind::Actor => 16,
            ItemKind::Topic | ItemKind::Heading => 8,
            ItemKind::Judgment | ItemKind::Sentence => 0,
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
    /// Index into the engine's items.
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

/// An item without its text (the text lives in the arena).
#[derive(Debug, Clone, Copy)]
struct Meta {
    brief: u32,
    kind: ItemKind,
    section: Section,
    /// Byte range of the text in the arena.
    start: u32,
    len: u32,
    index: u32,
    /// Sentence range in the paragraph (end 0: none).
    range_start: u32,
    range_end: u32,
}

/// How many candidates, best pre-score first, are scored with fuzzy-matcher.
pub const SCORED: usize = 1000;

/// The search engine over a set of briefs.
#[derive(Debug, Default)]
pub struct Engine {
    briefs: Vec<BriefRef>,
    /// Items of each brief: `metas[ranges[b].0 .. ranges[b].1]`.
    ranges: Vec<(u32, u32)>,
    metas: Vec<Meta>,
    masks: Vec<u64>,
    /// Characters that start a word in each item (same bits as `masks`).
    initials: Vec<u64>,
    /// Every item's text, ASCII-folded, one after another.
    folded: String,
    /// Bit per arena byte: the byte was an ASCII upper-case letter.
    upper: Vec<u64>,
    /// Actor texts (every name of an actor) already in the arena: the same
    /// actor in many briefs shares one copy.
    shared: std::collections::HashMap<String, (u32, u32)>,
}

/// What the engine remembers between keystrokes (the worker keeps one).
#[derive(Debug, Default, Clone)]
pub struct Session {
    query: String,
    /// Every item matching the query literally, in library order.
    literal: Vec<u32>,
    /// Fuzzy-only candidates, when they were needed.
    fuzzy: Option<Vec<u32>>,
}

/// The 64-bit character mask of bytes: a bit per ASCII letter and digit,
/// a few for other ASCII, one for anything non-ASCII.
pub fn mask(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0u64, |m, &b| m | bit(b))
}

/// The mask bit of one byte.
fn bit(b: u8) -> u64 {
    let i = match b {
        b'a'..=b'z' => b - b'a',
        b'A'..=b'Z' => b - b'A',
        b'0'..=b'9' => 26 + (b - b'0'),
        0x80..=0xff => 63,
        other => 36 + (other % 27),
    };
    1 << i
}

/// The mask of the characters that start a word (as [`query::word_start`]
/// decides): their first byte.
fn initials(text: &str) -> u64 {
    let mut m = 0u64;
    let mut prev_alnum = false;
    for (i, c) in text.char_indices() {
        if !prev_alnum {
            m |= bit(text.as_bytes()[i]);
        }
        prev_alnum = c.is_alphanumeric();
    }
    m
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
        let mut items = Vec::new();
        items_of(b, bi, &mut items);
        let first = self.metas.len() as u32;
        for it in items {
            self.push(it);
        }
        self.ranges.push((first, self.metas.len() as u32));
    }

    /// Copy brief `b` of `other` (its items as they are) to the end of this
    /// engine: how a cache reuses what it already indexed.
    pub fn append_from(&mut self, other: &Engine, b: usize) {
        let bi = self.briefs.len() as u32;
        self.briefs.push(other.briefs[b].clone());
        let (from, to) = other.ranges[b];
        let first = self.metas.len() as u32;
        for i in from as usize..to as usize {
            let mut item = other.item(i);
            item.brief = bi;
            self.push(item);
        }
        self.ranges.push((first, self.metas.len() as u32));
    }

    fn push(&mut self, it: Item) {
        let shared = (it.kind == ItemKind::Actor)
            .then(|| self.shared.get(&it.text).copied())
            .flatten();
        let start = match shared {
            Some((start, _)) => start as usize,
            None => self.append_text(&it.text),
        };
        if it.kind == ItemKind::Actor && shared.is_none() {
            self.shared
                .insert(it.text.clone(), (start as u32, it.text.len() as u32));
        }
        let (range_start, range_end) = it
            .jump
            .range
            .map_or((0, 0), |r| (r.start as u32, r.end as u32));
        self.masks.push(mask(it.text.as_bytes()));
        self.initials.push(initials(&it.text));
        self.metas.push(Meta {
            brief: it.brief,
            kind: it.kind,
            section: it.jump.section,
            start: start as u32,
            len: it.text.len() as u32,
            index: it.jump.index as u32,
            range_start,
            range_end,
        });
    }

    /// Put `text` in the arena (folded, its capitals remembered); its start.
    fn append_text(&mut self, text: &str) -> usize {
        let start = self.folded.len();
        for (i, byte) in text.bytes().enumerate() {
            if byte.is_ascii_uppercase() {
                let bit = start + i;
                let word = bit / 64;
                if self.upper.len() <= word {
                    self.upper.resize(word + 1, 0);
                }
                self.upper[word] |= 1 << (bit % 64);
            }
        }
        self.folded.push_str(&query::fold(text));
        start
    }

    pub fn briefs(&self) -> &[BriefRef] {
        &self.briefs
    }

    pub fn len(&self) -> usize {
        self.metas.len()
    }

    pub fn is_empty(&self) -> bool {
        self.metas.is_empty()
    }

    /// Item `i`'s folded text.
    fn folded_text(&self, i: usize) -> &str {
        let m = &self.metas[i];
        &self.folded[m.start as usize..(m.start + m.len) as usize]
    }

    /// Item `i`, with its text as written.
    pub fn item(&self, i: usize) -> Item {
        let m = &self.metas[i];
        let start = m.start as usize;
        let mut bytes = self.folded_text(i).as_bytes().to_vec();
        for (k, b) in bytes.iter_mut().enumerate() {
            let bit = start + k;
            if self
                .upper
                .get(bit / 64)
                .is_some_and(|w| w & (1 << (bit % 64)) != 0)
            {
                b.make_ascii_uppercase();
            }
        }
        Item {
            brief: m.brief,
            kind: m.kind,
            text: String::from_utf8(bytes).unwrap_or_default(),
            jump: Jump {
                section: m.section,
                index: m.index as usize,
                range: (m.range_end > 0).then_some(m.range_start as usize..m.range_end as usize),
            },
        }
    }

    pub fn brief_of(&self, hit: &Hit) -> &BriefRef {
        &self.briefs[self.metas[hit.item].brief as usize]
    }

    /// The best `limit` items for `query`, best first (no memory between calls).
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_with(&mut Session::default(), query, limit)
    }

    /// The same, reusing what `session` found for the previous query when
    /// this one only grew.
    pub fn search_with(&self, session: &mut Session, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::new(query);
        let normal = q.terms.join(" ")
            + if query.ends_with(char::is_whitespace) {
                " "
            } else {
                ""
            };
        if q.is_empty() || limit == 0 {
            *session = Session::default();
            return Vec::new();
        }
        let grew = !session.query.is_empty() && normal.starts_with(&session.query);
        let found = if grew {
            self.literal_candidates(&q, Some(&session.literal))
        } else {
            self.literal_candidates(&q, None)
        };
        let literal: Vec<u32> = found.iter().map(|&(i, _)| i).collect();
        let fuzzy = if literal.len() < limit {
            let previous = if grew { session.fuzzy.as_deref() } else { None };
            Some(self.fuzzy_candidates(&q, previous))
        } else {
            None
        };
        // Pre-rank: literal candidates by their cheap pre-score, then fuzzy ones.
        let mut chosen: Vec<u32> = Self::best_by_prescore(&found, SCORED.max(limit));
        if let Some(f) = &fuzzy {
            chosen.extend(
                f.iter()
                    .copied()
                    .filter(|i| literal.binary_search(i).is_err()),
            );
        }
        let hits = self.rank(&q, &chosen, limit);
        *session = Session {
            query: normal,
            literal,
            fuzzy,
        };
        hits
    }

    /// Items in which every term occurs literally (from `within` if given),
    /// each with its pre-score: kind, and per term +64 at the start of the
    /// text or +32 at a word start.
    fn literal_candidates(&self, q: &Query, within: Option<&[u32]>) -> Vec<(u32, i64)> {
        let need = q.terms.iter().fold(0u64, |m, t| m | mask(t.as_bytes()));
        let finders: Vec<memchr::memmem::Finder> = q
            .terms
            .iter()
            .map(|t| memchr::memmem::Finder::new(t.as_bytes()))
            .collect();
        let test = |i: u32| -> Option<(u32, i64)> {
            let k = i as usize;
            if self.masks[k] & need != need {
                return None;
            }
            let text = self.folded_text(k);
            let bytes = text.as_bytes();
            let mut pre = self.metas[k].kind.bonus();
            for (t, f) in q.terms.iter().zip(&finders) {
                let tb = t.as_bytes();
                let could_start_word = self.initials[k] & bit(tb[0]) != 0;
                if tb.len() == 1 && tb[0].is_ascii_alphanumeric() {
                    // The mask already says it occurs.
                    pre += if bytes.first() == Some(&tb[0]) {
                        64
                    } else if could_start_word {
                        32
                    } else {
                        0
                    };
                    continue;
                }
                let mut found = false;
                let mut best = 0;
                for pos in f.find_iter(bytes) {
                    found = true;
                    if pos == 0 {
                        best = 64;
                        break;
                    }
                    if !could_start_word {
                        break;
                    }
                    if text.is_char_boundary(pos) && query::word_start(text, pos) {
                        best = 32;
                        break;
                    }
                }
                if !found {
                    return None;
                }
                pre += best;
            }
            Some((i, pre))
        };
        match within {
            Some(prev) => prev.par_iter().filter_map(|&i| test(i)).collect(),
            None => (0..self.metas.len() as u32)
                .into_par_iter()
                .filter_map(test)
                .collect(),
        }
    }

    /// Items in which every term matches as a subsequence (fuzzy).
    fn fuzzy_candidates(&self, q: &Query, within: Option<&[u32]>) -> Vec<u32> {
        // Characters a term shares with the text under case folding only:
        // the mask of the folded term.
        let need = q.terms.iter().fold(0u64, |m, t| m | mask(t.as_bytes()));
        let test = |i: u32| {
            let i = i as usize;
            self.masks[i] & need == need
                && q.terms.iter().all(|t| subsequence(self.folded_text(i), t))
        };
        match within {
            Some(prev) => prev.par_iter().copied().filter(|&i| test(i)).collect(),
            None => (0..self.metas.len() as u32)
                .into_par_iter()
                .filter(|&i| test(i))
                .collect(),
        }
    }

    /// The `n` candidates with the best pre-score (ties: library order).
    fn best_by_prescore(candidates: &[(u32, i64)], n: usize) -> Vec<u32> {
        let mut keyed: Vec<(i64, u32)> = candidates.iter().map(|&(i, p)| (-p, i)).collect();
        if keyed.len() > n {
            keyed.select_nth_unstable(n - 1);
            keyed.truncate(n);
        }
        keyed.into_iter().map(|(_, i)| i).collect()
    }

    /// Score `candidates` and keep the best `limit`, with match positions.
    fn rank(&self, q: &Query, candidates: &[u32], limit: usize) -> Vec<Hit> {
        let mut scored: Vec<(i64, u32)> = candidates
            .par_iter()
            .filter_map(|&i| {
                let i = i as usize;
                q.score_folded(self.folded_text(i))
                    .map(|s| (s + self.metas[i].kind.bonus(), i as u32))
            })
            .collect();
        self.order(&mut scored);
        scored.truncate(limit);
        scored
            .into_iter()
            .map(|(score, i)| Hit {
                item: i as usize,
                score,
                positions: q.positions(self.folded_text(i as usize)),
            })
            .collect()
    }

    /// Best first: score, then kind (titles and topics before sentences),
    /// then library order.
    fn order(&self, scored: &mut [(i64, u32)]) {
        scored.sort_unstable_by(|x, y| {
            y.0.cmp(&x.0)
                .then_with(|| {
                    self.metas[x.1 as usize]
                        .kind
                        .cmp(&self.metas[y.1 as usize].kind)
                })
                .then_with(|| x.1.cmp(&y.1))
        });
    }

    /// The reference: score every item, no index, no reuse, no pre-rank.
    pub fn brute_force(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::new(query);
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        let all: Vec<u32> = (0..self.metas.len() as u32).collect();
        self.rank(&q, &all, limit)
    }
}

/// Is `term` a subsequence of `text` (by characters)?
fn subsequence(text: &str, term: &str) -> bool {
    let mut it = text.chars();
    term.chars().all(|c| it.any(|x| x == c))
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
                    // Key judgments are sentences of the text: labelled so.
                    let judgment = b.conclusions.iter().any(|c| c.text == text[r.clone()]);
                    out.push(item(
                        if judgment {
                            ItemKind::Judgment
                        } else {
                            ItemKind::Sentence
                        },
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
        let top: Vec<Item> = hits.iter().take(3).map(|h| e.item(h.item)).collect();
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
        // This sentence is a key judgment: labelled so, pointing at its paragraph.
        let item = e.item(hits[0].item);
        assert_eq!(item.kind, ItemKind::Judgment);
        let brief = &briefs[item.brief as usize];
        let parsed = body::parse(&brief.body);
        let para = parsed.paragraphs().nth(item.jump.index - 1).unwrap();
        let range = item.jump.range.clone().unwrap();
        assert_eq!(&para[range], item.text);
        assert!(
            item.text
                .starts_with("Kampanye kilat Azerbaijan di Karabakh")
        );
        let plain = e.search("taliban kelompok militan", 1);
        assert_eq!(e.item(plain[0].item).kind, ItemKind::Sentence);
    }

    #[test]
    fn item_text_comes_back_as_written() {
        let briefs = library();
        let e = Engine::new(&briefs);
        for i in 0..e.len() {
            let item = e.item(i);
            assert_eq!(query::fold(&item.text), e.folded_text(i));
        }
        assert_eq!(e.item(0).text, briefs[0].title);
        assert!(
            e.search("csto", 5)
                .iter()
                .any(|h| e.item(h.item).text.contains("CSTO"))
        );
    }

    /// The fast path (index, pre-rank, reuse while typing) ranks like
    /// scoring every item, for queries typed a key at a time.
    #[test]
    fn fast_path_agrees_with_brute_force() {
        let e = Engine::new(&library());
        for q in [
            "azer rus",
            "csto",
            "amerika",
            "kremlin iran",
            "taliban",
            "sekutu",
            "karabakh",
            "perjanjian damai",
            "turki",
            "armenia eu",
            "azrebaijan",
            "moskow baku",
        ] {
            let mut session = Session::default();
            for end in 1..=q.len() {
                let typed = &q[..end];
                let fast = e.search_with(&mut session, typed, 10);
                let brute = e.brute_force(typed, 10);
                let ids = |h: &[Hit]| h.iter().map(|x| (x.item, x.score)).collect::<Vec<_>>();
                assert_eq!(ids(&fast), ids(&brute), "query {typed:?}");
            }
        }
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
