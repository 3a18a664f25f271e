//! Stage 7, relations: how pairs of actors relate, with the sentences that
//! show it.
//!
//! In each sentence, actors joined by "dan", "and" or commas form one side
//! ("Polandia, Hongaria, dan Slovakia" act together; they are not a pair).
//! Pairs are formed across sides, and within a side of two when the sentence
//! says they relate to each other ("Riyadh dan Teheran ... hubungan
//! diplomatik mereka", "antara X dan Y", "Arab Saudi-Iran"). "Kedua negara"
//! and "both countries" stand for the pair named just before, and a section
//! headed by a pair ("Azerbaijan dan Rusia") lends it to sentences that name
//! only one side of it or none.
//!
//! Cues from `lexicon/cues.toml` give each sentence a quad class and a
//! weight; a negation before a cue reverses it ("tidak datang mendukung" is
//! not support), modality and conditionals weaken it. A cue followed by an
//! actor ("serangan udara terhadap target-target Iran") points at that actor
//! and only counts for pairs with it. Per pair: tone is the mean signed
//! weight (-10 war .. +10 alliance), stance is mixed when neither side
//! dominates, and trend comes from explicit cues ("semakin memburuk") or,
//! failing those, from early versus late dated evidence.

use std::collections::HashMap;

use super::context::Sentence;
use super::dates::Date;
use super::tokens::Token;
use crate::brief::{ActorKind, Confidence, Evidence, QuadClass, Relation, Stance, Trend};
use crate::lexicon::{Lexicon, PhraseMatch, cat};

/// Actors that act together in a sentence.
#[derive(Debug, Clone)]
struct Group {
    actors: Vec<String>,
    /// Token range.
    start: usize,
    end: usize,
    /// The two actors relate to each other (hyphen pair, "antara X dan Y", anaphor).
    reciprocal: bool,
}

/// A cue found in a sentence, with its effect after modifiers.
#[derive(Debug, Clone)]
struct Hit {
    cue: String,
    start: usize,
    end: usize,
    /// Signed value: + cooperation, - conflict, scaled by modifiers.
    value: f64,
    class: QuadClass,
    trend: Option<Trend>,
    /// Group the cue points at.
    target: Option<usize>,
}

/// One sentence's contribution to one pair.
#[derive(Debug, Clone)]
struct Contribution {
    value: f64,
    weight: f64,
    class: QuadClass,
    trend: Option<Trend>,
    /// The cue's words, for `explain`.
    cue: String,
}

#[derive(Debug, Default)]
struct PairAcc {
    evidence: Vec<(usize, Evidence, f64)>,
    positive: f64,
    negative: f64,
    signed: f64,
    weight: f64,
    improving: f64,
    worsening: f64,
}

type Pair = (String, String);

fn pair(a: &str, b: &str) -> Option<Pair> {
    match a.cmp(b) {
        std::cmp::Ordering::Less => Some((a.to_string(), b.to_string())),
        std::cmp::Ordering::Greater => Some((b.to_string(), a.to_string())),
        std::cmp::Ordering::Equal => None,
    }
}

/// Token index of the token that contains byte `b` (or the next one).
fn tok_at(toks: &[Token], b: usize) -> usize {
    toks.iter().position(|t| t.end > b).unwrap_or(toks.len())
}

fn tok_span(toks: &[Token], start: usize, end: usize) -> (usize, usize) {
    let s = tok_at(toks, start);
    let e = toks
        .iter()
        .rposition(|t| t.start < end)
        .map_or(s + 1, |i| i + 1);
    (s, e.max(s + 1))
}

/// The actor pair a heading or title names, if it names exactly two.
pub fn named_pair(mentions: &[crate::ingest::actors::ActorMention]) -> Option<Pair> {
    let mut ids: Vec<&str> = Vec::new();
    for m in mentions.iter().filter(|m| !m.locative) {
        if !ids.contains(&m.id.as_str()) {
            ids.push(&m.id);
        }
    }
    if ids.len() == 2 {
        pair(ids[0], ids[1])
    } else {
        None
    }
}

/// Walk the sentences in order, carrying the context each needs (the pair
/// named before, the previous sentence's subject and pairs), and hand each
/// sentence's contributions to `f`.
fn walk(
    sentences: &[Sentence],
    section_pairs: &[Option<Pair>],
    doc_pair: Option<Pair>,
    lex: &Lexicon,
    mut f: impl FnMut(&Sentence, &HashMap<Pair, Vec<Contribution>>),
) {
    let mut context: Option<Pair> = None;
    let mut last_section = usize::MAX;
    let mut prev = Previous::default();
    for sent in sentences {
        if sent.section != last_section {
            last_section = sent.section;
            context = section_pairs
                .get(sent.section)
                .cloned()
                .flatten()
                .or_else(|| doc_pair.clone())
                .or(context);
            prev = Previous::default();
        }
        let section_pair = section_pairs.get(sent.section).cloned().flatten();
        let (contributions, said) =
            analyse(sent, context.as_ref(), section_pair.as_ref(), &prev, lex);
        let mut best: Option<(&Pair, f64)> = None;
        let mut pairs = Vec::new();
        for (p, cs) in &contributions {
            let weight: f64 = cs.iter().map(|c| c.value.abs()).sum();
            if weight < 0.5 {
                continue;
            }
            pairs.push(p.clone());
            if best.is_none_or(|(_, w)| weight > w) {
                best = Some((p, weight));
            }
        }
        f(sent, &contributions);
        // "keduanya" in the next sentence means the pair said to relate, else the strongest.
        if let Some(p) = said.reciprocal.filter(|p| contributions.contains_key(p)) {
            context = Some(p);
        } else if let Some((p, _)) = best {
            context = Some(p.clone());
        }
        let group = said.group.or_else(|| prev.group.take());
        prev = Previous {
            subject: said.subject,
            pairs,
            paragraph: sent.paragraph,
            group,
        };
    }
}

/// What the sentence before left for this one.
#[derive(Debug, Default)]
struct Previous {
    subject: Option<String>,
    pairs: Vec<Pair>,
    paragraph: usize,
    /// The last side of several actors acting together, for "ketiga negara".
    group: Option<Vec<String>>,
}

/// Most evidence sentences kept per pair (the stance, tone and trend are
/// computed over all of them first); a longer list is thinned evenly, so
/// it still spans the document's dates.
pub const MAX_EVIDENCE: usize = 60;

/// Extract relations from the sentences. `section_pairs[i]` is the pair
/// named by section `i`'s heading; `doc_pair` the pair the title names.
pub fn extract(
    sentences: &[Sentence],
    section_pairs: &[Option<Pair>],
    doc_pair: Option<Pair>,
    lex: &Lexicon,
) -> Vec<Relation> {
    let mut acc: HashMap<Pair, PairAcc> = HashMap::new();
    walk(
        sentences,
        section_pairs,
        doc_pair,
        lex,
        |sent, contributions| {
            for (p, cs) in contributions {
                let weight: f64 = cs.iter().map(|c| c.value.abs()).sum();
                if weight < 0.5 {
                    continue;
                }
                let strongest = cs
                    .iter()
                    .max_by(|a, b| a.value.abs().total_cmp(&b.value.abs()))
                    .map_or(QuadClass::VerbalCooperation, |c| c.class);
                let a = acc.entry(p.clone()).or_default();
                for c in cs {
                    a.signed += c.value;
                    a.weight += c.weight;
                    if c.value > 0.0 {
                        a.positive += c.value;
                    } else {
                        a.negative -= c.value;
                    }
                    match c.trend {
                        Some(Trend::Improving) => a.improving += c.weight,
                        Some(Trend::Worsening) => a.worsening += c.weight,
                        _ => {}
                    }
                }
                let signed: f64 = cs.iter().map(|c| c.value).sum();
                a.evidence.push((
                    sent.index,
                    Evidence {
                        text: sent.text.to_string(),
                        date: sent.date().map(|d| d.to_string()),
                        class: strongest,
                        paragraph: sent.paragraph,
                    },
                    signed,
                ));
            }
        },
    );
    let r = &lex.relations;
    let mut out: Vec<(f64, Relation)> = acc
        .into_iter()
        .filter(|(_, a)| a.positive + a.negative >= r.min_weight)
        .map(|((x, y), a)| {
            let total = a.positive + a.negative;
            let (hi, lo) = if a.positive >= a.negative {
                (a.positive, a.negative)
            } else {
                (a.negative, a.positive)
            };
            let stance = if lo >= r.mixed_ratio * hi {
                Stance::Mixed
            } else if a.positive > a.negative {
                Stance::Cooperation
            } else {
                Stance::Conflict
            };
            let tone = if a.weight > 0.0 {
                (a.signed / a.weight).clamp(-10.0, 10.0)
            } else {
                0.0
            };
            let trend = trend(&a);
            let mut evidence = a.evidence;
            // List what carries the relation: the clear sentences, at least the strongest.
            let strongest = evidence.iter().map(|e| e.2.abs()).fold(0.0, f64::max);
            evidence.retain(|e| e.2.abs() >= 1.0_f64.min(strongest));
            // Dated evidence first, in date order; then the rest in reading order.
            evidence.sort_by(|p, q| {
                let dp = p.1.date.as_deref().and_then(Date::parse);
                let dq = q.1.date.as_deref().and_then(Date::parse);
                match (dp, dq) {
                    (Some(a), Some(b)) => a.cmp(&b).then(p.0.cmp(&q.0)),
                    (Some(_), None) => std::cmp::Ordering::Less,
                    (None, Some(_)) => std::cmp::Ordering::Greater,
                    (None, None) => p.0.cmp(&q.0),
                }
            });
            (
                total,
                Relation {
                    a: x,
                    b: y,
                    stance,
                    tone: (tone * 10.0).round() / 10.0,
                    trend,
                    evidence: super::thin(evidence, MAX_EVIDENCE)
                        .into_iter()
                        .map(|e| e.1)
                        .collect(),
                },
            )
        })
        .collect();
    out.sort_by(|a, b| {
        b.0.total_cmp(&a.0)
            .then_with(|| (&a.1.a, &a.1.b).cmp(&(&b.1.a, &b.1.b)))
    });
    out.into_iter().map(|x| x.1).collect()
}

/// Why each pair got its evidence: one line per sentence and pair, with
/// the cues and their signed values. For `examples/explain.rs` and tuning.
pub fn explain(
    sentences: &[Sentence],
    section_pairs: &[Option<Pair>],
    doc_pair: Option<Pair>,
    lex: &Lexicon,
) -> Vec<String> {
    let mut lines = Vec::new();
    walk(
        sentences,
        section_pairs,
        doc_pair,
        lex,
        |sent, contributions| {
            let mut keys: Vec<&Pair> = contributions.keys().collect();
            keys.sort();
            for p in keys {
                let cs = &contributions[p];
                let weight: f64 = cs.iter().map(|c| c.value.abs()).sum();
                let cues: Vec<String> = cs
                    .iter()
                    .map(|c| format!("{}={:+.1}", c.cue, c.value))
                    .collect();
                lines.push(format!(
                    "¶{} s{} {}-{} [{:.1}] {}",
                    sent.paragraph,
                    sent.s,
                    p.0,
                    p.1,
                    weight,
                    cues.join(" ")
                ));
            }
        },
    );
    lines
}

/// Explicit trend words decide; else compare early and late dated evidence.
fn trend(a: &PairAcc) -> Trend {
    if a.improving > 0.0 || a.worsening > 0.0 {
        if a.worsening > a.improving {
            return Trend::Worsening;
        }
        if a.improving > a.worsening {
            return Trend::Improving;
        }
    }
    let mut dated: Vec<(Date, f64)> = a
        .evidence
        .iter()
        .filter_map(|(_, e, v)| e.date.as_deref().and_then(Date::parse).map(|d| (d, *v)))
        .collect();
    dated.sort_by_key(|x| x.0);
    let distinct = {
        let mut ds: Vec<Date> = dated.iter().map(|d| d.0).collect();
        ds.dedup();
        ds.len()
    };
    if distinct < 2 {
        return Trend::Unknown;
    }
    // How strongly each sentence is attributed to the pair varies, so compare
    // the direction of the early and the late evidence, not its size: a move
    // from conflict to cooperation is improving, the reverse worsening.
    let half = (dated.len() / 2).max(1);
    let polarity = |xs: &[(Date, f64)]| {
        let sum: f64 = xs.iter().map(|x| x.1).sum();
        if sum > 0.5 {
            1
        } else if sum < -0.5 {
            -1
        } else {
            0
        }
    };
    match (polarity(&dated[..half]), polarity(&dated[half..])) {
        (a, b) if b > a => Trend::Improving,
        (a, b) if b < a => Trend::Worsening,
        _ => Trend::Stable,
    }
}

/// Token ranges of phrase matches.
fn tok_ranges(toks: &[Token], ms: &[PhraseMatch]) -> Vec<(usize, usize)> {
    ms.iter().map(|m| tok_span(toks, m.start, m.end)).collect()
}

/// How a mention of an actor may take part in this sentence's relations.
fn is_party(text: &str, m: &crate::ingest::actors::ActorMention, lex: &Lexicon) -> bool {
    if m.locative {
        return false;
    }
    let r = &lex.relations;
    let before: Vec<String> = text[..m.start]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let prev = before.first().map(String::as_str).unwrap_or("");
    // "kawasan mantan Uni Soviet", "the former Yugoslavia": a past entity.
    if r.former.contains(prev) {
        return false;
    }
    let kind = lex
        .gazetteer
        .index(&m.id)
        .map(|i| lex.gazetteer.actor(i).kind);
    match kind {
        // "melaporkan ke WTO", "di depan majelis PBB": a forum, not a party.
        Some(ActorKind::Organisation) => !before.iter().any(|w| r.forum_prepositions.contains(w)),
        // "mendarat di Kazakhstan barat", "talks in Doha": a place, unless the
        // sentence speaks of a presence there ("pasukan Rusia di Azerbaijan").
        _ => {
            // "in northeast Syria": a direction word between.
            let prev2 = before.get(1).map(String::as_str).unwrap_or("");
            let placed = r.place_prepositions.contains(prev)
                || (r.compass.contains(prev) && r.place_prepositions.contains(prev2));
            if !placed {
                return true;
            }
            let window: Vec<String> = text[..m.start]
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| !w.is_empty())
                .rev()
                .take(5)
                .map(str::to_lowercase)
                .collect();
            window.iter().any(|w| r.presence_nouns.contains(w))
        }
    }
}

/// What one sentence says about which pairs.
fn analyse(
    sent: &Sentence,
    context: Option<&Pair>,
    section_pair: Option<&Pair>,
    prev: &Previous,
    lex: &Lexicon,
) -> (HashMap<Pair, Vec<Contribution>>, Said) {
    let r = &lex.relations;
    let text = sent.text;
    let toks = &sent.scan.tokens;
    let lower = sent.scan.lower_tokens();
    let found = &sent.scan.phrases;
    // Clause of each token: a break word starts one; a subordinator starts one
    // that the next comma ends ("Meskipun ada kekhawatiran dari AS, invasi ...",
    // "..., sebelum invasi Rusia ke Ukraina, kini ...").
    let mut clause = Vec::with_capacity(toks.len());
    let mut c = 0;
    let mut in_sub = false;
    for &w in &lower {
        if r.clause_breaks.contains(w) || r.subordinators.contains(w) {
            c += 1;
            in_sub = r.subordinators.contains(w);
        } else if w == "," && in_sub {
            c += 1;
            in_sub = false;
        }
        clause.push(c);
    }
    let clause_of = |i: usize| clause.get(i).copied().unwrap_or(c);
    let commas = |a: usize, b: usize| {
        lower[a.min(b)..a.max(b).min(lower.len())]
            .iter()
            .filter(|w| **w == ",")
            .count()
    };
    let is_conj = |w: &str| {
        matches!(
            w,
            "dan" | "and" | "serta" | "maupun" | "atau" | "or" | "nor" | "&" | "/"
        )
    };

    let mentions: Vec<_> = sent
        .mentions
        .iter()
        .filter(|m| is_party(text, m, lex))
        .collect();
    // Most sentences name nobody: they matter only through a section's pair,
    // "kedua negara", or a pronoun continuing the sentence before.
    if mentions.is_empty() && section_pair.is_none() {
        let anaphor = context.is_some() && !found.get(cat::ANAPHORA).is_empty();
        let pronoun = !prev.pairs.is_empty()
            && found
                .get(cat::PRONOUNS)
                .first()
                .is_some_and(|p| tok_at(toks, p.start) <= 1);
        if !anaphor && !pronoun {
            return (HashMap::new(), Said::default());
        }
    }
    // Sides: actors joined by coordination. A comma alone joins only inside a
    // list that ends with a conjunction ("A, B, dan C"), not across clauses
    // ("... target-target Iran, Moskow tidak datang ...").
    let mut groups: Vec<Group> = Vec::new();
    let mut links: Vec<Vec<bool>> = Vec::new(); // per group: link is a conjunction?
    for m in &mentions {
        let (s, e) = tok_span(toks, m.start, m.end);
        let seen_before = groups.len() > 1
            && groups[..groups.len() - 1]
                .iter()
                .any(|g| g.actors.contains(&m.id));
        if let Some(g) = groups.last_mut() {
            let between = &lower[g.end.min(s)..s];
            // ", and" joins a list of three or more ("A, B, and C"); otherwise it
            // opens a new clause ("... Kosovo, and Belgrade refuses ...").
            let comma_conj =
                between.first().is_some_and(|w| *w == ",") && between.iter().any(|w| is_conj(w));
            let joined = s <= g.end
                || (between.iter().all(|w| r.coordination.contains(*w))
                    && !(comma_conj && (g.actors.len() < 2 || seen_before)));
            if joined {
                let hyphen = s <= g.end && g.actors.len() == 1 && g.actors[0] != m.id;
                let conj = hyphen || between.iter().any(|w| is_conj(w)) || !between.contains(&",");
                if !g.actors.contains(&m.id) {
                    g.actors.push(m.id.clone());
                    if let Some(l) = links.last_mut() {
                        l.push(conj);
                    }
                }
                g.end = g.end.max(e);
                g.reciprocal |= hyphen;
                continue;
            }
        }
        groups.push(Group {
            actors: vec![m.id.clone()],
            start: s,
            end: e,
            reciprocal: false,
        });
        links.push(Vec::new());
    }
    // Undo comma-only joins in groups without any conjunction.
    let mut split: Vec<Group> = Vec::new();
    for (g, l) in groups.into_iter().zip(links) {
        if l.is_empty() || l.iter().any(|&c| c) {
            split.push(g);
            continue;
        }
        let members: Vec<_> = mentions
            .iter()
            .map(|m| (m, tok_span(toks, m.start, m.end)))
            .filter(|(_, (s, e))| *s >= g.start && *e <= g.end)
            .collect();
        for (m, (s, e)) in members {
            match split.last_mut() {
                Some(last) if last.actors == [m.id.clone()] && last.end >= g.start => last.end = e,
                _ => split.push(Group {
                    actors: vec![m.id.clone()],
                    start: s,
                    end: e,
                    reciprocal: false,
                }),
            }
        }
    }
    let mut groups = split;
    // Hosts, mediators and brokers are not parties ("China hosted a meeting of
    // the Afghan and Pakistani foreign ministers", "brokered by Qatar").
    for &(ms, me) in &tok_ranges(toks, found.get(cat::MEDIATION)) {
        let before = groups
            .iter()
            .rposition(|g| g.end <= ms && ms - g.end <= 6 && clause_of(g.start) == clause_of(ms));
        let after = groups.iter().position(|g| {
            g.start >= me
                && g.start - me <= 2
                && lower[me..g.start]
                    .iter()
                    .all(|w| matches!(*w, "by" | "oleh" | "of" | "dari"))
        });
        let by = lower.get(me).is_some_and(|w| matches!(*w, "by" | "oleh"));
        if let Some(i) = if by {
            after.or(before)
        } else {
            before.or(after)
        } {
            groups.remove(i);
        }
    }
    // "ketiga negara": the side named together before.
    if let Some(side) = &prev.group {
        for (s, e) in tok_ranges(toks, found.get(cat::GROUP_ANAPHORA)) {
            if !groups.iter().any(|g| s < g.end && g.start < e) {
                let pos = groups
                    .iter()
                    .position(|g| g.start > s)
                    .unwrap_or(groups.len());
                groups.insert(
                    pos,
                    Group {
                        actors: side.clone(),
                        start: s,
                        end: e,
                        reciprocal: false,
                    },
                );
            }
        }
    }
    // "antara X dan Y": the two are a pair.
    for g in &mut groups {
        if g.start > 0 && r.between.contains(lower[g.start - 1]) && g.actors.len() == 2 {
            g.reciprocal = true;
        }
    }
    // Reciprocal words after a side of two that opens its clause make it a pair
    // ("Riyadh dan Teheran ... hubungan diplomatik mereka"); a side that is the
    // object of someone else's act is not ("kerja sama dengan ... Korea Utara dan Iran").
    let recips = tok_ranges(toks, found.get(cat::RECIPROCAL));
    for i in 0..groups.len() {
        let g = &groups[i];
        let gc = clause_of(g.start);
        let opens_clause = !groups[..i].iter().any(|o| clause_of(o.start) == gc);
        if g.actors.len() == 2
            && opens_clause
            && recips
                .iter()
                .any(|&(s, _)| s >= g.end && clause_of(s) == gc)
        {
            groups[i].reciprocal = true;
        }
    }
    // "kedua negara", "both countries": the pair named before.
    let distinct: Vec<&str> = sent.actor_ids();
    for (s, e) in tok_ranges(toks, found.get(cat::ANAPHORA)) {
        if distinct.len() == 2 {
            // "between the two" with both named: they are the pair.
            for g in &mut groups {
                if g.actors.len() == 2 {
                    g.reciprocal = true;
                }
            }
            if groups.len() == 2 && groups.iter().all(|g| g.actors.len() == 1) {
                let b = groups[1].actors[0].clone();
                groups[0].actors.push(b);
                groups[0].end = groups[1].end;
                groups[0].reciprocal = true;
                groups.remove(1);
            }
            continue;
        }
        if let Some((a, b)) = context.or(section_pair)
            && !groups.iter().any(|g| s < g.end && g.start < e)
        {
            let pos = groups
                .iter()
                .position(|g| g.start > s)
                .unwrap_or(groups.len());
            groups.insert(
                pos,
                Group {
                    actors: vec![a.clone(), b.clone()],
                    start: s,
                    end: e,
                    reciprocal: true,
                },
            );
        }
    }
    // Actors acting together anywhere in the sentence are not paired with each other.
    let co_agents = |a: &str, b: &str| {
        groups.iter().any(|g| {
            !g.reciprocal
                && g.actors.len() > 1
                && g.actors.iter().any(|x| x == a)
                && g.actors.iter().any(|x| x == b)
        })
    };

    // Cues and their modifiers.
    let m = &lex.modifiers;
    let neg = tok_ranges(toks, found.get(cat::NEGATION));
    let not_neg = tok_ranges(toks, found.get(cat::NOT_NEGATION));
    let modal = tok_ranges(toks, found.get(cat::MODALITY));
    let reversals = tok_ranges(toks, found.get(cat::REVERSAL));
    let hypothetical = found
        .get(cat::HYPOTHETICAL)
        .first()
        .is_some_and(|h| tok_at(toks, h.start) <= 2);
    let collective = !found.get(cat::COLLECTIVE).is_empty();
    let in_mention = |s: usize, e: usize| sent.mentions.iter().any(|mm| s < mm.end && mm.start < e);
    let mut hits: Vec<Hit> = Vec::new();
    // Estimative words weaken what they qualify ("invasi ... tidak mungkin terjadi").
    // Estimative words weaken what they qualify, clause by clause ("a prolonged
    // closure was likely, but a full-scale war ... was unlikely").
    let estimates: Vec<(usize, f64)> = found
        .get(cat::ESTIMATIVE)
        .iter()
        .filter(|m| {
            // "May 2024" is a month, "may" is estimative.
            let found_text = &text[m.start..m.end];
            let lower_pattern = lex
                .phrases
                .phrase(m.phrase)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            !(lower_pattern
                && m.start > 0
                && found_text.chars().next().is_some_and(char::is_uppercase))
        })
        .map(|m| {
            let factor = match Confidence::ALL[m.id as usize] {
                Confidence::AlmostNoChance | Confidence::VeryUnlikely | Confidence::Unlikely => 0.3,
                Confidence::RoughlyEvenChance => 0.7,
                _ => 1.0,
            };
            (clause_of(tok_at(toks, m.start)), factor)
        })
        .collect();
    let non_state: Vec<usize> = found
        .get(cat::NON_STATE_OBJECTS)
        .iter()
        .map(|m| tok_at(toks, m.start))
        .collect();
    for &cm in found.get(cat::CUES) {
        let info = lex.cues.info[cm.id as usize];
        // Weight 0 marks a named past event that only blocks shorter cues.
        if in_mention(cm.start, cm.end) || info.weight <= 0.0 {
            continue;
        }
        let (s, e) = tok_span(toks, cm.start, cm.end);
        // "memerangi pemberontak": aimed at a non-state adversary.
        if non_state.iter().any(|&n| n >= e && n - e <= 1) {
            continue;
        }
        let form = text[cm.start..cm.end].to_lowercase();
        let negated = !m
            .negation_immune
            .iter()
            .any(|w| form.split_whitespace().any(|f| f == w) || form == *w)
            && neg.iter().any(|&(ns, ne)| {
                ne <= s
                    && s - ne <= m.negation_window
                    && clause_of(ns) == clause_of(s)
                    && lower[ne..s]
                        .iter()
                        .all(|w| m.negation_passthrough.contains(*w))
                    && !not_neg.iter().any(|&(xs, xe)| xs <= ns && ne <= xe)
            });
        let modal_hit = modal
            .iter()
            .any(|&(_, me)| me <= s && s - me <= m.modality_window);
        // "mengakhiri larangan impor", "overcome the history of enmity".
        let reversed = !info.class.is_cooperation()
            && !negated
            && reversals
                .iter()
                .any(|&(rs, re)| re <= s && s - re <= 3 && clause_of(rs) == clause_of(s));
        let sign = if info.class.is_cooperation() {
            1.0
        } else {
            -1.0
        };
        let mut value = sign * info.weight;
        let mut class = info.class;
        let mut trend = info.trend;
        if negated {
            value *= -0.5;
            class = if info.class.is_cooperation() {
                QuadClass::VerbalConflict
            } else {
                QuadClass::VerbalCooperation
            };
            trend = match trend {
                Some(Trend::Improving) => Some(Trend::Worsening),
                Some(Trend::Worsening) => Some(Trend::Improving),
                t => t,
            };
        }
        if reversed {
            value *= -0.6;
            class = if info.class == QuadClass::MaterialConflict {
                QuadClass::MaterialCooperation
            } else {
                QuadClass::VerbalCooperation
            };
            if trend == Some(Trend::Worsening) || trend.is_none() {
                trend = Some(Trend::Improving);
            }
        }
        if modal_hit {
            value *= m.modality_factor;
        }
        if hypothetical {
            value *= m.hypothetical_factor;
        }
        value *= estimates
            .iter()
            .filter(|(c, _)| *c == clause_of(s))
            .map(|(_, f)| *f)
            .fold(1.0, f64::min);
        // "an attack on one is an attack on both": a hypothetical third party.
        if collective && !info.class.is_cooperation() {
            value *= m.collective_factor;
        }
        // Does the cue point at the side that follows it?
        let target = groups.iter().position(|g| {
            g.start >= e
                && g.start - e <= 3
                && clause_of(g.start) == clause_of(s)
                && lower[e..g.start]
                    .iter()
                    .all(|w| r.target_prepositions.contains(*w) || r.target_nouns.contains(*w))
        });
        let cue = format!(
            "{}{}",
            if negated {
                "NOT "
            } else if reversed {
                "END "
            } else {
                ""
            },
            &text[cm.start..cm.end]
        );
        let cue = match target {
            Some(t) if std::env::var_os("BRIEFING_EXPLAIN_TARGETS").is_some() => {
                format!("{cue}->{}", groups[t].actors.join("+"))
            }
            _ => cue,
        };
        hits.push(Hit {
            cue,
            start: s,
            end: e,
            value,
            class,
            trend,
            target,
        });
    }
    // "will not threaten or use force": a negation carries over a coordinated cue.
    for i in 1..hits.len() {
        let (prev_neg, prev_end) = (hits[i - 1].cue.starts_with("NOT "), hits[i - 1].end);
        let h = &hits[i];
        if prev_neg
            && !h.cue.starts_with("NOT ")
            && h.start >= prev_end
            && h.start - prev_end <= 1
            && lower[prev_end..h.start].iter().all(|w| is_conj(w))
        {
            let h = &mut hits[i];
            h.value *= -0.5;
            h.class = if h.class.is_cooperation() {
                QuadClass::VerbalConflict
            } else {
                QuadClass::VerbalCooperation
            };
            h.cue = format!("NOT {}", h.cue);
        }
    }
    // Sides that are the object of a cue before them.
    let objects: Vec<(usize, usize)> = hits
        .iter()
        .filter_map(|h| h.target.map(|t| (h.start, t)))
        .collect();

    let mut out: HashMap<Pair, Vec<Contribution>> = HashMap::new();
    // Tokens between a cue and a span (0 when they overlap).
    let distance = |h: &Hit, s: usize, e: usize| -> usize {
        s.saturating_sub(h.end).max(h.start.saturating_sub(e))
    };
    let possessive = |h: &Hit| -> Option<(usize, usize)> {
        let a = groups.iter().position(|g| {
            g.end == h.start
                && (toks[g.end - 1].text.ends_with("'s") || toks[g.end - 1].text.ends_with("’s"))
        })?;
        let b = groups.iter().position(|g| {
            g.start > h.end
                && g.start - h.end <= 3
                && lower[h.end..g.start]
                    .iter()
                    .all(|w| r.target_prepositions.contains(*w) || r.target_nouns.contains(*w))
        })?;
        Some((a, b))
    };
    let prox_of =
        |d: usize, commas: usize| (1.0 / (1.0 + d as f64 / 5.0)) * 0.7f64.powi(commas as i32);
    for h in &hits {
        let hc = clause_of(h.start);
        // Candidate side pairs for this cue, with how plausibly the cue is about each.
        let mut cands: Vec<(usize, usize, f64)> = Vec::new();
        if let Some(t) = h.target {
            let tg = &groups[t];
            let nominal = groups.get(t + 1).filter(|t2| {
                // "serangan udara AS terhadap Iran": the agent follows the noun.
                tg.start == h.end
                    && t2.start > tg.end
                    && t2.start - tg.end <= 4
                    && r.target_prepositions.contains(lower[tg.end])
                    && lower[tg.end..t2.start]
                        .iter()
                        .all(|w| r.target_prepositions.contains(*w) || r.target_nouns.contains(*w))
            });
            if tg.reciprocal && tg.actors.len() == 2 && tg.start == h.end {
                // "Perang Rusia-Ukraina": the cue names the pair's own relation.
                cands.push((t, t, 1.0));
            } else if nominal.is_some() {
                cands.push((t, t + 1, 1.0));
            } else {
                // The subject: the nearest side before the cue that is not itself an object;
                // across a comma ("Turki, sekutu dekat Azerbaijan, menutup ..."), the clause's first.
                let before: Vec<usize> = (0..t)
                    .filter(|&i| {
                        groups[i].end <= h.start
                            && clause_of(groups[i].end.saturating_sub(1)) == hc
                            && !objects.iter().any(|&(hs, ot)| ot == i && hs < h.start)
                    })
                    .collect();
                // "Mahkamah Pidana Internasional, yang ... mengeluarkan surat penangkapan":
                // the side before a relative pronoun is the subject of what follows.
                let relative = (0..t).rev().find(|&i| {
                    let g = &groups[i];
                    g.end + 1 < h.start
                        && lower[g.end] == ","
                        && matches!(lower[g.end + 1], "yang" | "which" | "who" | "whose")
                });
                // "Russia's invasion of Ukraine": the possessor is the agent.
                let owner = (0..t).find(|&i| {
                    let g = &groups[i];
                    g.end == h.start
                        && (toks[g.end - 1].text.ends_with("'s")
                            || toks[g.end - 1].text.ends_with("’s"))
                });
                let source = owner.or(relative).or_else(|| {
                    before.last().map(|&i| {
                        if commas(groups[i].end, h.start) > 0 {
                            before[0]
                        } else {
                            i
                        }
                    })
                });
                // In a subordinate clause without its own subject, the sentence's subject acts.
                let source = source
                    .or_else(|| (t > 0 && clause_of(groups[0].start) == 0 && hc > 0).then_some(0));
                if let Some(si) = source {
                    cands.push((si, t, 1.0));
                } else {
                    for (i, g) in groups.iter().enumerate() {
                        if i != t && clause_of(g.start) == hc {
                            let d = distance(h, g.start, g.end);
                            cands.push((i.min(t), i.max(t), prox_of(d, commas(h.start, g.start))));
                        }
                    }
                }
            }
        } else if let Some((a, b)) = possessive(h) {
            // "Russia's invasion of Ukraine": the possessor acts on what follows.
            cands.push((a.min(b), a.max(b), 1.0));
        } else {
            for i in 0..groups.len() {
                for j in i + 1..groups.len() {
                    let (g1, g2) = (&groups[i], &groups[j]);
                    if clause_of(g1.start) != hc || clause_of(g2.start) != hc {
                        continue;
                    }
                    let prox = if g1.end <= h.start && h.end <= g2.start {
                        // Between the two: as close as the farther side.
                        let d = (h.start - g1.end).max(g2.start - h.end);
                        let others = groups[i + 1..j].len();
                        prox_of(d, commas(g1.end, g2.start).min(1)) * 0.5f64.powi(others as i32)
                    } else {
                        let d = distance(h, g1.start, g2.end);
                        let near = if h.start >= g2.end { g2.end } else { g1.start };
                        // Another side between the cue and this pair takes it first.
                        let others = groups
                            .iter()
                            .filter(|g| {
                                (g.start >= near && g.end <= h.start)
                                    || (g.start >= h.end && g.end <= near)
                            })
                            .count();
                        prox_of(d, commas(near, h.start)) * 0.5 * 0.5f64.powi(others as i32)
                    };
                    cands.push((i, j, prox));
                }
            }
            for (i, g) in groups.iter().enumerate() {
                if g.reciprocal && g.actors.len() == 2 && clause_of(g.start) == hc {
                    let d = distance(h, g.start, g.end);
                    // A pair said to relate to each other takes the undirected cues first.
                    cands.push((
                        i,
                        i,
                        3.0 * prox_of(d, commas(g.end.min(h.start), h.start.max(g.end))),
                    ));
                }
            }
        }
        // A pair said to relate to each other takes the undirected cues nearest to it.
        if h.target.is_none() {
            let nearest = groups
                .iter()
                .enumerate()
                .filter(|(_, g)| clause_of(g.start) == hc)
                .min_by_key(|(_, g)| distance(h, g.start, g.end))
                .map(|(i, _)| i);
            if let Some(n) = nearest
                && cands.iter().any(|c| c.0 == n && c.1 == n)
            {
                cands.retain(|c| c.0 == c.1);
            }
        }
        let total: f64 = cands.iter().map(|c| c.2).sum();
        if total <= 0.0 {
            continue;
        }
        // The cue's weight is spread over its candidates; each actor pair takes its best share.
        let mut shares: HashMap<Pair, f64> = HashMap::new();
        for &(i, j, prox) in &cands {
            let share = prox / total * (0.5 + 0.5 * prox.min(1.0));
            let mut put = |a: &str, b: &str, reciprocal: bool| {
                if !reciprocal && co_agents(a, b) {
                    return;
                }
                if let Some(p) = pair(a, b) {
                    let e = shares.entry(p).or_default();
                    *e = e.max(share);
                }
            };
            if i == j {
                put(&groups[i].actors[0], &groups[i].actors[1], true);
            } else {
                for a in &groups[i].actors {
                    for b in &groups[j].actors {
                        put(a, b, false);
                    }
                }
            }
        }
        for (p, share) in shares {
            out.entry(p).or_default().push(Contribution {
                value: h.value * share,
                weight: share,
                class: h.class,
                trend: h.trend,
                cue: h.cue.clone(),
            });
        }
    }
    let subject = groups.first().and_then(|g| g.actors.first().cloned());
    let side = groups
        .iter()
        .find(|g| !g.reciprocal && g.actors.len() >= 2)
        .map(|g| g.actors.clone());
    let reciprocal = groups
        .iter()
        .find(|g| g.reciprocal && g.actors.len() == 2)
        .and_then(|g| pair(&g.actors[0], &g.actors[1]));
    // A sentence that names nobody lends only its clear cues (not "dikirim", sent).
    let lend = |out: &mut HashMap<Pair, Vec<Contribution>>, p: Pair, why: &str| {
        for h in hits.iter().filter(|h| h.value.abs() >= 2.5) {
            out.entry(p.clone()).or_default().push(Contribution {
                value: h.value * 0.6,
                weight: 0.6,
                class: h.class,
                trend: h.trend,
                cue: format!("{why}:{}", h.cue),
            });
        }
    };
    if out.is_empty() && !hits.is_empty() {
        let parties: Vec<&String> = groups.iter().flat_map(|g| g.actors.iter()).collect();
        let opens_with_pronoun = found
            .get(cat::PRONOUNS)
            .first()
            .is_some_and(|p| tok_at(toks, p.start) <= 1);
        if let Some((a, b)) = section_pair
            && distinct.iter().all(|id| *id == a || *id == b)
        {
            // A section about a pair lends it to sentences that name no other pair.
            lend(&mut out, (a.clone(), b.clone()), "section");
        } else if groups.len() == 1
            && let Some(x) = prev.subject.as_ref().filter(|x| !parties.contains(x))
            && (opens_with_pronoun || !found.get(cat::RESPONSE).is_empty() || {
                // "dukungan dari Turki": the side is where the cue comes from.
                let g = &groups[0];
                g.start >= 2
                    && matches!(lower[g.start - 1], "dari" | "from" | "oleh" | "by")
                    && hits.iter().any(|h| h.end == g.start - 1)
            })
        {
            // One side and a cue: the other side is the sentence before's subject
            // ("Hal itu menuai pro dan kontra dari ... Polandia, Hongaria, dan Slovakia").
            for y in &groups[0].actors {
                if let Some(p) = pair(x, y) {
                    lend(&mut out, p, "previous");
                }
            }
        } else if parties.is_empty() && opens_with_pronoun && prev.paragraph == sent.paragraph {
            // "Mereka ...": the sentence before goes on.
            for p in &prev.pairs {
                lend(&mut out, p.clone(), "pronoun");
            }
        }
    }
    (
        out,
        Said {
            subject,
            reciprocal,
            group: side,
        },
    )
}

/// What a sentence leaves for the next one besides its pairs.
#[derive(Debug, Default)]
struct Said {
    /// The first party named (usually the subject).
    subject: Option<String>,
    /// A pair said to relate to each other.
    reciprocal: Option<Pair>,
    /// Several actors named as one side.
    group: Option<Vec<String>>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, document, lang};
    use crate::lexicon::shared;

    /// Relations of a text, as "A-B stance".
    fn rels(text: &str) -> Vec<String> {
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        crate::ingest::extract(&doc, &lang::detect(text), lex)
            .relations
            .into_iter()
            .map(|r| format!("{}-{} {}", r.a, r.b, r.stance.as_str()))
            .collect()
    }

    fn has(rs: &[String], want: &str) -> bool {
        rs.iter().any(|r| r == want)
    }

    #[test]
    fn negation_reverses_a_cue() {
        let rs = rels(
            "Amerika Serikat belum secara resmi mengakui Taliban sebagai pemerintah, dan Washington menetapkan Taliban sebagai organisasi teroris pada 2024.",
        );
        assert!(has(&rs, "AFG-USA conflict"), "{rs:?}");
        let rs = rels(
            "Rusia menjadi negara pertama yang mengakui Taliban sebagai pemerintah Afghanistan pada Juli 2025.",
        );
        assert!(has(&rs, "AFG-RUS cooperation"), "{rs:?}");
    }

    #[test]
    fn coordinated_actors_are_one_side_not_a_pair() {
        let rs = rels(
            "Kyiv akan menanggapi peringatan dari Polandia, Hongaria, dan Slovakia dengan membuat pernyataan keras dan mengecam larangan impor itu.",
        );
        assert!(
            !rs.iter().any(|r| r.starts_with("HUN-POL")
                || r.starts_with("HUN-SVK")
                || r.starts_with("POL-SVK")),
            "{rs:?}"
        );
        assert!(has(&rs, "POL-UKR conflict"), "{rs:?}");
    }

    #[test]
    fn a_pair_that_relates_to_each_other() {
        let rs = rels(
            "Riyadh dan Teheran mengumumkan bahwa keduanya telah memulihkan hubungan diplomatik mereka dan sepakat membuka kedutaan.",
        );
        assert_eq!(rs, ["IRN-SAU cooperation"]);
        let rs = rels("Israel and the United States launched air strikes against Iran.");
        assert!(
            has(&rs, "IRN-ISR conflict") && has(&rs, "IRN-USA conflict"),
            "{rs:?}"
        );
        assert!(!rs.iter().any(|r| r.starts_with("ISR-USA")), "{rs:?}");
    }

    #[test]
    fn both_countries_refers_to_the_pair_before() {
        let rs = rels(
            "Perdana Menteri Jepang bertemu Presiden Korea Selatan di Tokyo. Kedua negara sepakat melanjutkan kerja sama pertahanan dan membuka dialog keamanan.",
        );
        assert!(has(&rs, "JPN-KOR cooperation"), "{rs:?}");
    }

    #[test]
    fn a_section_lends_its_pair() {
        let text = "Laporan\n\nPendahuluan singkat tentang kawasan.\n\nAzerbaijan dan Rusia\n\nPada Desember 2024, sistem pertahanan udara Rusia menembak jatuh sebuah pesawat.\n\nTetapi hubungan antara mantan sekutu itu justru semakin memburuk sejak saat itu.\n";
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        let rs = crate::ingest::extract(&doc, "id", lex).relations;
        let r = rs
            .iter()
            .find(|r| r.a == "AZE" && r.b == "RUS")
            .expect("AZE-RUS");
        assert_eq!(r.stance, Stance::Conflict);
        assert_eq!(r.trend, Trend::Worsening);
        assert!(
            r.evidence
                .iter()
                .any(|e| e.date.as_deref() == Some("2024-12"))
        );
    }

    #[test]
    fn english_cooperation_and_conflict() {
        let rs = rels(
            "Japanese Prime Minister Fumio Kishida thanked South Korean President Yoon Suk Yeol and pledged to work with him toward better relations.",
        );
        assert!(has(&rs, "JPN-KOR cooperation"), "{rs:?}");
        let rs = rels(
            "Serbia wants to destabilise Kosovo, and Belgrade refuses to recognise it as independent.",
        );
        assert!(has(&rs, "SRB-XKX conflict"), "{rs:?}");
        let rs = rels(
            "Vietnam and the Philippines signed a maritime cooperation agreement and agreed to hold joint coast guard exercises.",
        );
        assert!(has(&rs, "PHL-VNM cooperation"), "{rs:?}");
        let rs = rels(
            "India accused Pakistan of sheltering militants and suspended the water treaty, while Islamabad condemned the move.",
        );
        assert!(has(&rs, "IND-PAK conflict"), "{rs:?}");
    }

    #[test]
    fn hosts_and_mediators_are_not_parties() {
        let rs = rels(
            "Qatar and Egypt mediated talks between Israel and Iran on a prisoner exchange in 2025.",
        );
        assert!(has(&rs, "IRN-ISR cooperation"), "{rs:?}");
        assert!(
            !rs.iter().any(|r| r.contains("QAT") || r.contains("EGY")),
            "{rs:?}"
        );
        let rs = rels(
            "Tiongkok menjadi tuan rumah pertemuan menteri luar negeri Afghanistan dan Pakistan untuk meredakan ketegangan.",
        );
        assert!(!rs.iter().any(|r| r.contains("CHN")), "{rs:?}");
    }

    #[test]
    fn the_three_countries_refers_to_the_side_named_before() {
        let rs = rels(
            "Mali, Burkina Faso, dan Niger resmi keluar dari ECOWAS pada Januari 2025. Ketiga negara menuduh ECOWAS menjatuhkan sanksi yang tidak manusiawi.",
        );
        for p in ["BFA-ECOWAS", "ECOWAS-MLI", "ECOWAS-NER"] {
            assert!(has(&rs, &format!("{p} conflict")), "{p}: {rs:?}");
        }
        assert!(
            !rs.iter()
                .any(|r| r.starts_with("BFA-MLI") || r.starts_with("MLI-NER")),
            "{rs:?}"
        );
    }

    #[test]
    fn a_fight_against_rebels_is_not_against_the_partner() {
        let rs = rels(
            "Mali kini mengandalkan unit militer Rusia untuk memerangi pemberontak di wilayah utara.",
        );
        assert_eq!(rs, ["MLI-RUS cooperation"]);
    }

    #[test]
    fn estimative_words_weaken_their_own_clause() {
        // The war is unlikely; the likely closure does not make it likely.
        let text = "Pakistan and Afghanistan clashed at the border in 2025. Analysts said a prolonged closure was likely, but a full-scale war between the two neighbours was unlikely.";
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        let r = crate::ingest::extract(&doc, "en", lex).relations;
        let r = r
            .iter()
            .find(|r| r.a == "AFG" && r.b == "PAK")
            .expect("AFG-PAK");
        assert!(
            r.tone > -8.0,
            "the unlikely war counts weakly: tone {}",
            r.tone
        );
    }

    #[test]
    fn mere_co_mention_is_not_a_relation() {
        let rs = rels("Delegasi dari Malaysia, Thailand, dan Vietnam hadir dalam acara itu.");
        assert!(rs.is_empty(), "{rs:?}");
    }
}
