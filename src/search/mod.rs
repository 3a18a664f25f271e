//! Search across a library: titles, topics (relation pairs, alliances,
//! headings), actors with every name the gazetteer knows for them (typing
//! "amerika" finds the United States) and every sentence of every brief
//! (key judgments are sentences labelled as such). One engine serves the
//! reader (through [`worker`], off the UI thread) and `briefing search`.
//!
//! What a query means and how an item scores is defined once, in [`query`]
//! (fzf's syntax; exact and word-start matches first; a query that names an
//! actor also finds its other names; scattered letters only within a word
//! or two, and only when nothing matches better). How the engine finds the
//! best items fast (500,000 sentences, a keystroke at a time):
//!
//! 1. **Index.** Every item's text lives in one arena, ASCII-case-folded,
//!    with a 64-bit mask of the characters it contains and of those that
//!    start a word, a bitmap of its capitals, and the actors it mentions
//!    (found with the gazetteer when the index is built: `AS` only in
//!    Indonesian text, in capitals, as ingest finds actors).
//! 2. **Narrow.** An item whose mask lacks a term's characters is skipped;
//!    every other item is scored ([`Query::score_subject`]: memchr's SIMD
//!    substring search, a look at the characters around each occurrence),
//!    in parallel.
//! 3. **Reuse.** When the query only narrowed (`azer` -> `azer r`, see
//!    [`query::narrows`]), only the items that matched before are scored.
//! 4. **Fall back.** When no item matches literally (or through an actor's
//!    names), terms may match as scattered letters within a word or two.
//! 5. **Rank.** Score plus a bonus by kind (titles, pairs, alliances and
//!    actors before sentences), then kind, then library order; the best
//!    `limit`, with match positions.
//!
//! `Engine::brute_force` scores every item as written, with no index; a test
//! checks the fast path agrees with it.

pub mod aliases;
pub mod filter;
pub mod persist;
pub mod query;
pub mod worker;

use std::ops::Range;
use std::sync::Arc;

use rayon::prelude::*;
use serde::Serialize;

pub use aliases::Aliases;
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
    /// The actors each item mentions: item `i`'s are
    /// `tags[tag_end[i - 1]..tag_end[i]]`, indices into `aliases.ids`.
    tag_end: Vec<u32>,
    tags: Vec<u16>,
    /// The actors' names (from the gazetteer the tags were found with).
    aliases: Arc<Aliases>,
    /// Per actor, the items that mention it, in order (made from the tags
    /// when first needed: `briefing search` never needs them).
    postings: std::sync::OnceLock<Vec<Vec<u32>>>,
}

/// What the engine remembers between keystrokes (the worker keeps one).
#[derive(Debug, Default, Clone)]
pub struct Session {
    /// The previous query, parsed (empty: none).
    groups: Vec<query::Group>,
    /// Every item that matched it, in library order.
    matched: Vec<u32>,
    /// It matched only as scattered letters (nothing matched literally).
    fuzzy: bool,
}

/// A brief's items with the actors each mentions, ready to add to an engine
/// (made in parallel, added in order). Compact: a first search holds one
/// for every brief of the library until the index is built.
#[derive(Debug)]
pub struct Prepared {
    brief: BriefRef,
    /// Every item's text, one after another.
    text: String,
    /// Per item: kind, jump, and where its text and tags end.
    items: Vec<(ItemKind, Jump, u32, u32)>,
    tags: Vec<u16>,
}

/// The actors the gazetteer finds in `text` (a document in `lang`).
fn mentions(text: &str, lang: &str) -> Vec<u16> {
    let g = &crate::lexicon::shared().gazetteer;
    let mut v: Vec<u16> = g.find(text, lang).iter().map(|m| m.actor as u16).collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// Brief `b`'s items and the actors each mentions (`aliases`: the names the
/// tags index).
pub fn prepare(b: &Brief, aliases: &Aliases) -> Prepared {
    let mut items = Vec::new();
    items_of(b, 0, &mut items);
    let mut p = Prepared {
        brief: BriefRef {
            id: b.id.clone(),
            title: b.title.clone(),
        },
        text: String::with_capacity(items.iter().map(|(i, _)| i.text.len()).sum()),
        items: Vec::with_capacity(items.len()),
        tags: Vec::new(),
    };
    for (item, ids) in items {
        let from = p.tags.len();
        if let Some(ids) = &ids {
            p.tags.extend(ids.iter().filter_map(|id| aliases.index(id)));
        }
        if ids.is_none() || item.kind == ItemKind::Alliance {
            p.tags.extend(mentions(&item.text, &b.language));
        }
        p.tags[from..].sort_unstable();
        let mut mine: Vec<u16> = p.tags.split_off(from);
        mine.dedup();
        p.tags.extend(mine);
        p.text.push_str(&item.text);
        p.items.push((
            item.kind,
            item.jump,
            p.text.len() as u32,
            p.tags.len() as u32,
        ));
    }
    p
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
        let aliases = e.ensure_aliases();
        for chunk in briefs.chunks(256) {
            let prepared: Vec<Prepared> = chunk.par_iter().map(|b| prepare(b, &aliases)).collect();
            for p in prepared {
                e.add_prepared(p);
            }
        }
        e
    }

    /// The actors' names the tags index (the shipped gazetteer's for a new engine).
    pub fn ensure_aliases(&mut self) -> Arc<Aliases> {
        if self.aliases.is_empty() {
            self.aliases = Aliases::shared();
        }
        self.aliases.clone()
    }

    pub fn aliases(&self) -> &Aliases {
        &self.aliases
    }

    /// Use `other`'s actor names (before appending its briefs).
    pub fn share_aliases(&mut self, other: &Engine) {
        if self.aliases.is_empty() {
            self.aliases = other.aliases.clone();
        }
    }

    /// Add one brief's items.
    pub fn add(&mut self, b: &Brief) {
        let aliases = self.ensure_aliases();
        self.add_prepared(prepare(b, &aliases));
    }

    /// Add a brief's items made by [`prepare`] (with this engine's aliases).
    pub fn add_prepared(&mut self, p: Prepared) {
        let bi = self.briefs.len() as u32;
        self.briefs.push(p.brief);
        let first = self.metas.len() as u32;
        let (mut text_at, mut tags_at) = (0, 0);
        for (kind, jump, text_end, tags_end) in p.items {
            let text = &p.text[text_at..text_end as usize];
            let tags = &p.tags[tags_at..tags_end as usize];
            self.push(bi, kind, text, &jump, tags);
            text_at = text_end as usize;
            tags_at = tags_end as usize;
        }
        self.ranges.push((first, self.metas.len() as u32));
    }

    /// Copy brief `b` of `other` (its items as they are) to the end of this
    /// engine: how a cache reuses what it already indexed. Both engines' tags
    /// come from the same gazetteer (an index file from another is not read).
    pub fn append_from(&mut self, other: &Engine, b: usize) {
        if self.aliases.is_empty() {
            self.aliases = other.aliases.clone();
        }
        let bi = self.briefs.len() as u32;
        self.briefs.push(other.briefs[b].clone());
        let (from, to) = other.ranges[b];
        let first = self.metas.len() as u32;
        for i in from as usize..to as usize {
            let item = other.item(i);
            self.push(bi, item.kind, &item.text, &item.jump, other.tags_of(i));
        }
        self.ranges.push((first, self.metas.len() as u32));
    }

    /// The items that mention actor `a`, in order.
    fn postings(&self, a: u16) -> &[u32] {
        let all = self.postings.get_or_init(|| {
            let mut postings: Vec<Vec<u32>> = Vec::new();
            for i in 0..self.tag_end.len() {
                for &t in self.tags_of(i) {
                    if postings.len() <= t as usize {
                        postings.resize(t as usize + 1, Vec::new());
                    }
                    postings[t as usize].push(i as u32);
                }
            }
            postings
        });
        all.get(a as usize).map_or(&[], Vec::as_slice)
    }

    /// The actors item `i` mentions.
    pub fn tags_of(&self, i: usize) -> &[u16] {
        let start = if i == 0 { 0 } else { self.tag_end[i - 1] };
        &self.tags[start as usize..self.tag_end[i] as usize]
    }

    fn push(&mut self, brief: u32, kind: ItemKind, text: &str, jump: &Jump, tags: &[u16]) {
        let shared = (kind == ItemKind::Actor)
            .then(|| self.shared.get(text).copied())
            .flatten();
        let start = match shared {
            Some((start, _)) => start as usize,
            None => self.append_text(text),
        };
        if kind == ItemKind::Actor && shared.is_none() {
            self.shared
                .insert(text.to_string(), (start as u32, text.len() as u32));
        }
        let (range_start, range_end) = jump
            .range
            .as_ref()
            .map_or((0, 0), |r| (r.start as u32, r.end as u32));
        self.masks.push(mask(text.as_bytes()));
        self.initials.push(initials(text));
        self.postings = Default::default();
        self.tags.extend_from_slice(tags);
        self.tag_end.push(self.tags.len() as u32);
        self.metas.push(Meta {
            brief,
            kind,
            section: jump.section,
            start: start as u32,
            len: text.len() as u32,
            index: jump.index as u32,
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
        self.folded.push_str(text);
        self.folded[start..].make_ascii_lowercase();
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
    /// this one only narrowed it.
    pub fn search_with(&self, session: &mut Session, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query, Some(&self.aliases));
        if q.is_empty() || limit == 0 {
            *session = Session::default();
            return Vec::new();
        }
        let widened = query::widens_by(&q.groups, &session.groups);
        let reuse = widened.as_ref().is_some_and(Vec::is_empty);
        // What matched before, and the items of the actors the query now names.
        let within: Option<Vec<u32>> = match &widened {
            Some(extra) if !extra.is_empty() && !session.fuzzy => {
                let mut v = session.matched.clone();
                for &a in extra {
                    v.extend_from_slice(self.postings(a));
                }
                v.sort_unstable();
                v.dedup();
                Some(v)
            }
            _ => None,
        };
        // A query that narrowed one that matched nothing literally matches nothing literally.
        let strict = if reuse && session.fuzzy {
            Vec::new()
        } else if reuse {
            self.matching(&q, Some(&session.matched), false)
        } else {
            self.matching(&q, within.as_deref(), false)
        };
        let (found, fuzzy) = if strict.is_empty() {
            let within = (reuse && session.fuzzy).then_some(&session.matched[..]);
            (self.matching(&q, within, true), true)
        } else {
            (strict, false)
        };
        let hits = self.top(&q, &found, limit, fuzzy);
        *session = Session {
            matched: found.into_iter().map(|(_, i)| i).collect(),
            groups: q.groups,
            fuzzy,
        };
        hits
    }

    /// The items (of `within`, else all) that match `q`, with their scores
    /// (kind bonus included), in library order.
    fn matching(&self, q: &Query, within: Option<&[u32]>, fuzzy: bool) -> Vec<(i64, u32)> {
        // What an item must have, per group (unless the group matches by
        // exclusion): the characters of one of its terms, or a tag of one of
        // its actors.
        let needs: Vec<(Vec<u64>, &[u16])> = q
            .groups
            .iter()
            .filter(|g| g.terms.iter().all(|t| !t.negated))
            .map(|g| {
                (
                    g.terms.iter().map(|t| mask(t.text.as_bytes())).collect(),
                    g.actors.as_slice(),
                )
            })
            .collect();
        let test = |i: u32| -> Option<(i64, u32)> {
            let k = i as usize;
            let m = self.masks[k];
            let tags = self.tags_of(k);
            let possible = needs.iter().all(|(masks, actors)| {
                masks.iter().any(|n| m & n == *n) || tags.iter().any(|t| actors.contains(t))
            });
            if !possible {
                return None;
            }
            let meta = &self.metas[k];
            let s = query::Subject::arena(
                self.folded_text(k),
                &self.upper,
                meta.start as usize,
                m,
                self.initials[k],
            );
            q.score_subject(&s, tags, fuzzy)
                .map(|score| (score + meta.kind.bonus(), i))
        };
        match within {
            Some(prev) => prev.par_iter().filter_map(|&i| test(i)).collect(),
            None => (0..self.metas.len() as u32)
                .into_par_iter()
                .filter_map(test)
                .collect(),
        }
    }

    /// The best `limit` of `scored` (best first: score, then kind, then
    /// library order), with match positions.
    fn top(&self, q: &Query, scored: &[(i64, u32)], limit: usize, fuzzy: bool) -> Vec<Hit> {
        // One sortable key per item: score (descending), kind, item.
        let mut keys: Vec<(i64, u32)> = scored
            .iter()
            .map(|&(score, i)| (-score, ((self.metas[i as usize].kind as u32) << 28) | i))
            .collect();
        if keys.len() > limit {
            keys.select_nth_unstable(limit - 1);
            keys.truncate(limit);
        }
        keys.sort_unstable();
        // The other names of the actors each group names, for highlighting.
        let forms: Vec<Vec<query::Form>> = q
            .groups
            .iter()
            .map(|g| {
                g.actors
                    .iter()
                    .flat_map(|&a| self.aliases.of(a))
                    .map(|n| {
                        (
                            memchr::memmem::Finder::new(n.folded.as_bytes()).into_owned(),
                            n.text.clone(),
                            n.exact_case,
                        )
                    })
                    .collect()
            })
            .collect();
        keys.into_iter()
            .map(|(neg, key)| {
                let k = (key & ((1 << 28) - 1)) as usize;
                let s = query::Subject::arena(
                    self.folded_text(k),
                    &self.upper,
                    self.metas[k].start as usize,
                    self.masks[k],
                    self.initials[k],
                );
                Hit {
                    item: k,
                    score: -neg,
                    positions: q.positions_subject(&s, fuzzy, &forms),
                }
            })
            .collect()
    }

    /// The reference: every item scored as written (no index, no reuse).
    pub fn brute_force(&self, query: &str, limit: usize) -> Vec<Hit> {
        let q = Query::parse(query, Some(&self.aliases));
        if q.is_empty() || limit == 0 {
            return Vec::new();
        }
        for fuzzy in [false, true] {
            let scored: Vec<(i64, u32)> = (0..self.metas.len())
                .into_par_iter()
                .filter_map(|i| {
                    let item = self.item(i);
                    let folded = query::fold(&item.text);
                    let s = query::Subject::text(&folded, &item.text);
                    q.score_subject(&s, self.tags_of(i), fuzzy)
                        .map(|score| (score + item.kind.bonus(), i as u32))
                })
                .collect();
            if !scored.is_empty() || fuzzy {
                return self.top(&q, &scored, limit, fuzzy);
            }
        }
        Vec::new()
    }
}

/// The items of one brief, each with the actors it stands for when it is
/// about them (an actor, a pair, an alliance); `None`: found in its text.
fn items_of(b: &Brief, bi: u32, out: &mut Vec<(Item, Option<Vec<String>>)>) {
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
        out.push((
            item(
                ItemKind::Title,
                b.title.clone(),
                Section::Judgments,
                0,
                None,
            ),
            None,
        ));
    }
    let mut covered: Vec<String> = Vec::new();
    for (i, r) in b.relations.iter().enumerate() {
        let name = crate::summary::pair_name(b, &r.a, &r.b);
        covered.push(name.clone());
        covered.push(format!("{}-{}", r.a, r.b));
        out.push((
            item(
                ItemKind::Relation,
                format!("{name} ({}-{}, {})", r.a, r.b, r.stance.as_str()),
                Section::Relations,
                i,
                None,
            ),
            Some(vec![r.a.clone(), r.b.clone()]),
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
        out.push((
            item(ItemKind::Alliance, text, Section::Alliances, i, None),
            Some(vec![a.id.clone()]),
        ));
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
        out.push((
            item(ItemKind::Actor, text, jump_to.0, jump_to.1, None),
            Some(vec![a.id.clone()]),
        ));
    }
    let parsed = body::parse(&b.body);
    let abbr = crate::lexicon::abbreviations();
    let mut paragraph = 0;
    for block in &parsed.blocks {
        match block {
            Block::Heading { text, .. } => {
                covered.push(text.clone());
                out.push((
                    item(
                        ItemKind::Heading,
                        text.clone(),
                        Section::Source,
                        paragraph + 1,
                        None,
                    ),
                    None,
                ));
            }
            Block::Paragraph(text) => {
                paragraph += 1;
                for r in crate::ingest::segment::sentences(text, abbr) {
                    // Key judgments are sentences of the text: labelled so.
                    let judgment = b.conclusions.iter().any(|c| c.text == text[r.clone()]);
                    let kind = if judgment {
                        ItemKind::Judgment
                    } else {
                        ItemKind::Sentence
                    };
                    out.push((
                        item(
                            kind,
                            text[r.clone()].to_string(),
                            Section::Source,
                            paragraph,
                            Some(r),
                        ),
                        None,
                    ));
                }
            }
        }
    }
    for t in &b.topics {
        if !covered.iter().any(|c| c == t) {
            out.push((
                item(ItemKind::Topic, t.clone(), Section::Judgments, 0, None),
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
