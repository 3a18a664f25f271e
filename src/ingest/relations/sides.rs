//! Sides: the actors of a sentence that take part in its relations, grouped
//! into sides that act together, with the implied ones filled in.
//!
//! - Parties: a capital named as a place, a forum ("di depan majelis PBB")
//!   or "the former Yugoslavia" is not a party.
//! - Coordination: actors joined by "dan", "and" or a list's commas form one
//!   side ("Polandia, Hongaria, dan Slovakia" act together; they are not a
//!   pair); a comma alone across clauses does not join.
//! - Reciprocal sides: a hyphen pair ("Arab Saudi-Iran"), "antara X dan Y",
//!   or reciprocal words after a side of two ("Riyadh dan Teheran ...
//!   hubungan diplomatik mereka") make the two a pair.
//! - Implied sides: "kedua negara" / "both countries" is the pair named
//!   before; "ketiga negara" the side of several named before.

use super::super::actors::ActorMention;
use super::super::context::Sentence;
use super::view::{View, is_conj, tok_span};
use super::{Pair, Previous};
use crate::brief::ActorKind;
use crate::lexicon::{Lexicon, cat};

/// Actors that act together in a sentence.
#[derive(Debug, Clone)]
pub(super) struct Side {
    pub actors: Vec<String>,
    /// Token range.
    pub start: usize,
    pub end: usize,
    /// The two actors relate to each other (hyphen pair, "antara X dan Y", anaphor).
    pub reciprocal: bool,
}

impl Side {
    fn one(id: &str, start: usize, end: usize) -> Side {
        Side {
            actors: vec![id.to_string()],
            start,
            end,
            reciprocal: false,
        }
    }

    /// A side of two said to relate to each other.
    pub(super) fn is_pair(&self) -> bool {
        self.reciprocal && self.actors.len() == 2
    }
}

/// The kind of a mention: an organisation the text defines, else the
/// gazetteer's kind.
fn kind_of(m: &ActorMention, lex: &Lexicon) -> Option<ActorKind> {
    if m.defined {
        Some(ActorKind::Organisation)
    } else {
        lex.gazetteer
            .index(&m.id)
            .map(|i| lex.gazetteer.actor(i).kind)
    }
}

/// The mentions that may take part in the sentence's relations.
pub(super) fn parties<'s>(sent: &'s Sentence, lex: &Lexicon) -> Vec<&'s ActorMention> {
    let dateline = dateline_end(sent.text);
    // Conflict told besides a war itself ("sanksi terhadap Rusia atas perang
    // di Ukraina"): then the war's place is the side defended, a party.
    let conflict_besides_war = sent.scan.phrases.get(cat::CUES).iter().any(|c| {
        let text = sent.text[c.start..c.end].to_lowercase();
        !lex.cues.info[c.id as usize].class.is_cooperation()
            && !matches!(text.as_str(), "war" | "perang")
    });
    sent.mentions
        .iter()
        .filter(|m| dateline.is_none_or(|d| m.start >= d))
        .filter(|m| is_party(sent.text, m, lex, conflict_besides_war))
        .collect()
}

/// The end of a dateline opening the sentence: "Djibouti (AFP) - ...",
/// "QUITO, Ecuador (AP) — ...", "JAKARTA, KOMPAS — ...". Where the story
/// was filed is no party to it. A dateline is a few words before a dash
/// that end with a bracketed agency or start with a word in capitals.
fn dateline_end(text: &str) -> Option<usize> {
    let cut = (0..=text.len().min(80))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(0);
    let head = &text[..cut];
    let (pos, dash) = [" — ", " – ", " - ", "—"]
        .iter()
        .filter_map(|d| head.find(d).map(|p| (p, d.len())))
        .min()?;
    let prefix = text[..pos].trim();
    let words: Vec<&str> = prefix.split_whitespace().collect();
    if words.is_empty() || words.len() > 6 {
        return None;
    }
    let agency = prefix.ends_with(')');
    let caps = words[0]
        .trim_end_matches(',')
        .chars()
        .all(|c| c.is_uppercase() || !c.is_alphabetic())
        && words[0].chars().filter(|c| c.is_alphabetic()).count() >= 3;
    (agency || caps).then_some(pos + dash)
}

/// Lower-case words before byte `at`, nearest first.
fn words_before(text: &str, at: usize, n: usize) -> Vec<String> {
    text[..at]
        .split(|c: char| !c.is_alphanumeric() && c != '-')
        .filter(|w| !w.is_empty())
        .rev()
        .take(n)
        .map(str::to_lowercase)
        .collect()
}

/// How a mention of an actor may take part in this sentence's relations.
fn is_party(text: &str, m: &ActorMention, lex: &Lexicon, conflict_besides_war: bool) -> bool {
    if m.locative {
        return false;
    }
    let r = &lex.relations;
    let before = words_before(text, m.start, 2);
    let prev = before.first().map(String::as_str).unwrap_or("");
    // "kawasan mantan Uni Soviet", "the former Yugoslavia": a past entity.
    if r.former.contains(prev) {
        return false;
    }
    let kind = kind_of(m, lex);
    // "Menurut laporan ILO", "according to a report by the IMF": an
    // organisation cited as a source is not a party to what it reports.
    let cited = || {
        let b = words_before(text, m.start, 7);
        b.iter().take(6).any(|w| w == "menurut")
            || b.windows(2).any(|w| w[0] == "to" && w[1] == "according")
    };
    match kind {
        // "melaporkan ke WTO", "di depan majelis PBB": a forum, not a party.
        Some(ActorKind::Organisation) => {
            !before.iter().any(|w| r.forum_prepositions.contains(w)) && !cited()
        }
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
            // "once the war in Ukraine ends", "setelah perang di Ukraina
            // berakhir": with no one's war named and no other conflict told,
            // the war is the setting, where it happens. "Russia's war in
            // Ukraine", "perang Rusia di Ukraina" name the party that wages it.
            let war = matches!(prev2, "war" | "perang");
            let wager = words_before(text, m.start, 3)
                .get(2)
                .is_some_and(|w| w == "s");
            if war && !wager && !conflict_besides_war && r.place_prepositions.contains(prev) {
                return false;
            }
            words_before(text, m.start, 5)
                .iter()
                .any(|w| r.presence_nouns.contains(w))
        }
    }
}

/// Group the parties into sides by coordination.
pub(super) fn coordinate(v: &View, mentions: &[&ActorMention], lex: &Lexicon) -> Vec<Side> {
    let r = &lex.relations;
    let mut sides: Vec<Side> = Vec::new();
    let mut links: Vec<Vec<bool>> = Vec::new(); // per side: link is a conjunction?
    for m in mentions {
        let (s, e) = tok_span(v.toks, m.start, m.end);
        let seen_before = sides.len() > 1
            && sides[..sides.len() - 1]
                .iter()
                .any(|g| g.actors.contains(&m.id));
        if let Some(g) = sides.last_mut() {
            let between = &v.lower[g.end.min(s)..s];
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
        sides.push(Side::one(&m.id, s, e));
        links.push(Vec::new());
    }
    split_comma_only(v, mentions, sides, links)
}

/// Undo comma-only joins in sides without any conjunction
/// ("... target-target Iran, Moskow tidak datang ...").
fn split_comma_only(
    v: &View,
    mentions: &[&ActorMention],
    sides: Vec<Side>,
    links: Vec<Vec<bool>>,
) -> Vec<Side> {
    let mut split: Vec<Side> = Vec::new();
    for (g, l) in sides.into_iter().zip(links) {
        if l.is_empty() || l.iter().any(|&c| c) {
            split.push(g);
            continue;
        }
        let members = mentions
            .iter()
            .map(|m| (m, tok_span(v.toks, m.start, m.end)))
            .filter(|(_, (s, e))| *s >= g.start && *e <= g.end);
        for (m, (s, e)) in members {
            match split.last_mut() {
                Some(last) if last.actors == [m.id.clone()] && last.end >= g.start => last.end = e,
                _ => split.push(Side::one(&m.id, s, e)),
            }
        }
    }
    split
}

/// Insert an implied side at token range `s..e` unless a side is there.
fn insert_implied(sides: &mut Vec<Side>, side: Side) {
    if sides
        .iter()
        .any(|g| side.start < g.end && g.start < side.end)
    {
        return;
    }
    let pos = sides
        .iter()
        .position(|g| g.start > side.start)
        .unwrap_or(sides.len());
    sides.insert(pos, side);
}

/// "ketiga negara", "the three countries": the side named together before.
pub(super) fn group_anaphora(v: &View, sides: &mut Vec<Side>, prev: &Previous) {
    let Some(side) = &prev.group else { return };
    for (s, e) in v.ranges(cat::GROUP_ANAPHORA) {
        insert_implied(
            sides,
            Side {
                actors: side.clone(),
                start: s,
                end: e,
                reciprocal: false,
            },
        );
    }
}

/// Sides of two that relate to each other: "antara X dan Y", "Hubungan X
/// dan Y", and reciprocal
/// words after a side that opens its clause ("Riyadh dan Teheran ...
/// hubungan diplomatik mereka"); a side that is the object of someone else's
/// act is not ("kerja sama dengan ... Korea Utara dan Iran").
pub(super) fn mark_reciprocal(v: &View, sides: &mut [Side], lex: &Lexicon) {
    // "antara X dan Y", and a relationship noun before the two ("Hubungan Peru
    // dan Chile memburuk", "relations of Kenya and Somalia") or a noun of what
    // they do with each other ("nilai perdagangan Indonesia dan Brasil").
    let r = &lex.relations;
    let t = &lex.time;
    for g in sides.iter_mut() {
        let w = |k: usize| (g.start >= k).then(|| v.lower[g.start - k]);
        let opens = w(1).is_some_and(|a| {
            r.between.contains(a) || t.relationship.contains(a) || r.mutual_nouns.contains(a)
        }) || (w(1).is_some_and(|a| matches!(a, "of" | "antara"))
            && w(2).is_some_and(|b| t.relationship.contains(b)));
        if opens && g.actors.len() == 2 {
            g.reciprocal = true;
        }
    }
    let recips = v.ranges(cat::RECIPROCAL);
    for i in 0..sides.len() {
        let g = &sides[i];
        let gc = v.clause(g.start);
        let opens_clause = !sides[..i].iter().any(|o| v.clause(o.start) == gc);
        // "UEA dan Bahrain menandatangani ... dengan Israel", "X and Y signed
        // a deal with Z": the two act together towards a third side.
        let towards_another = sides[i + 1..].iter().any(|o| {
            v.clause(o.start) == gc
                && o.start >= 1
                && (o.start.saturating_sub(2)..o.start).any(|k| {
                    matches!(
                        v.lower[k],
                        "with" | "dengan" | "against" | "melawan" | "terhadap" | "kepada"
                    )
                })
        });
        if g.actors.len() == 2
            && opens_clause
            && !towards_another
            && recips.iter().any(|&(s, _)| s >= g.end && v.clause(s) == gc)
        {
            sides[i].reciprocal = true;
        }
    }
}

/// Both of a pair are states.
pub(super) fn states((a, b): &Pair, lex: &Lexicon) -> bool {
    let state = |id: &str| {
        lex.gazetteer
            .index(id)
            .is_some_and(|i| lex.gazetteer.actor(i).kind == ActorKind::State)
    };
    state(a) && state(b)
}

/// Words of an anaphor that name two states ("kedua negara", "the two
/// neighbours"), not any two parties ("kedua pihak", "both sides").
const STATE_NOUNS: &[&str] = &[
    "negara",
    "tetangga",
    "countries",
    "nations",
    "neighbours",
    "neighbors",
    "states",
];

/// "kedua negara", "both countries": the pair named before (`context`); with
/// both named in the sentence, they are the pair. An anaphor that names two
/// states ("the two neighbours") skips a pair with an organisation in it for
/// the last pair of two states (`state_context`).
pub(super) fn pair_anaphora(
    v: &View,
    sides: &mut Vec<Side>,
    (context, state_context): (Option<&Pair>, Option<&Pair>),
    lex: &Lexicon,
) {
    let distinct = v.sent.actor_ids();
    for (s, e) in v.ranges(cat::ANAPHORA) {
        // "between the two neighbours" matches as "between the two".
        let of_states = v.lower[s..(e + 1).min(v.lower.len())]
            .iter()
            .any(|w| STATE_NOUNS.contains(w));
        let context = match context {
            Some(p) if of_states && !states(p, lex) => state_context,
            c => c,
        };
        if distinct.len() == 2 {
            // "between the two" with both named: they are the pair.
            for g in sides.iter_mut() {
                if g.actors.len() == 2 {
                    g.reciprocal = true;
                }
            }
            if sides.len() == 2 && sides.iter().all(|g| g.actors.len() == 1) {
                let b = sides[1].actors[0].clone();
                sides[0].actors.push(b);
                sides[0].end = sides[1].end;
                sides[0].reciprocal = true;
                sides.remove(1);
            }
            continue;
        }
        if let Some((a, b)) = context {
            insert_implied(
                sides,
                Side {
                    actors: vec![a.clone(), b.clone()],
                    start: s,
                    end: e,
                    reciprocal: true,
                },
            );
        }
    }
}

/// "The OAS, of which both Peru and Mexico are members, welcomed ...",
/// "ASEAN, yang anggotanya termasuk Laos, ...": states named in a relative
/// clause of membership after an organisation describe it; they are no
/// parties to what the organisation does. Drops their sides.
pub(super) fn drop_relative_members(v: &View, sides: &mut Vec<Side>, lex: &Lexicon) {
    let members_at: Vec<usize> = v.ranges(cat::MEMBERSHIP).iter().map(|r| r.0).collect();
    let mut drop: Vec<(usize, usize)> = Vec::new();
    for m in v.sent.mentions {
        if kind_of(m, lex) != Some(ActorKind::Organisation) {
            continue;
        }
        let (_, e) = tok_span(v.toks, m.start, m.end);
        // English names the members before the noun, Indonesian after it;
        // either way a comma closes the clause and the organisation acts
        // after it.
        let end = if v.lower[e..].starts_with(&[",", "of", "which"]) {
            members_at
                .iter()
                .copied()
                .find(|&ns| ns > e && ns - e <= 10)
        } else if v.lower[e..].starts_with(&[",", "yang", "anggotanya"]) {
            (e + 3..v.lower.len().min(e + 16)).find(|&k| v.lower[k] == ",")
        } else {
            None
        };
        if let Some(end) = end
            && (v.lower.get(end) == Some(&",")
                || v.lower.get(end + 1..).is_some_and(|r| r.contains(&",")))
        {
            drop.push((e, end));
        } else if let Some(end) = member_list_clause(v, e, sides) {
            drop.push((e, end));
        }
    }
    sides.retain(|g| !drop.iter().any(|&(e, ns)| g.start > e && g.end <= ns));
}

/// "IGAD, whose members are Djibouti, Eritrea and Kenya, welcomed ...",
/// "EAC, which groups Kenya, Uganda and Tanzania, ...", "ASEAN, yang
/// beranggotakan Laos, Kamboja dan Vietnam, menyambut ...": a relative
/// clause after the organisation ending at `e` that lists its members,
/// closed by a comma. Returns where the list ends.
fn member_list_clause(v: &View, e: usize, sides: &[Side]) -> Option<usize> {
    let w = |k: usize| v.lower.get(k).copied().unwrap_or("");
    if w(e) != "," {
        return None;
    }
    // "ECOWAS, now reduced to 12 members including Nigeria and Ghana, has
    // chosen ...", "ASEAN, dengan sepuluh anggota termasuk Laos, ...": an
    // appositive with a membership noun and a list word.
    let appositive = (e + 1..e + 8).find(|&k| {
        matches!(w(k), "members" | "anggota" | "member")
            && matches!(
                (w(k + 1), w(k + 2)),
                ("including" | "termasuk" | "seperti" | "like", _) | ("such", "as")
            )
    });
    if !matches!(w(e + 1), "whose" | "which" | "yang") && appositive.is_none() {
        return None;
    }
    let opener = appositive.or_else(|| {
        (e + 2..e + 5).find(|&k| {
            matches!(
                w(k),
                "members"
                    | "member"
                    | "anggotanya"
                    | "beranggotakan"
                    | "includes"
                    | "include"
                    | "comprises"
                    | "groups"
                    | "brings"
                    | "meliputi"
                    | "mencakup"
                    | "terdiri"
            )
        })
    })?;
    let mut list = sides
        .iter()
        .filter(|g| g.start > opener && g.start - opener <= 4);
    let first = list.next()?;
    let mut end = first.end;
    for g in sides.iter().filter(|g| g.start >= first.end) {
        if g.start < end {
            continue;
        }
        let joined = v.all_between(end, g.start, |x| {
            matches!(x, "," | "and" | "dan" | "serta" | "the")
        });
        if !joined || g.start == end {
            break;
        }
        end = g.end;
    }
    (w(end) == ",").then_some(end)
}

/// Members and their organisation as the sentence states them ("Papua
/// Nugini dan Fiji, dua anggota MSG", "NATO members Poland and Hungary",
/// "anggota ASEAN, yaitu Filipina dan Vietnam"): a member and its bloc are
/// not a pair that relates — bare membership is not a relation. Each entry
/// is (organisation, its members named next to the membership noun).
pub(super) fn memberships(v: &View, sides: &[Side], lex: &Lexicon) -> Vec<(String, Vec<String>)> {
    let mut out: Vec<(String, Vec<String>)> = Vec::new();
    for (ns, ne) in v.ranges(cat::MEMBERSHIP) {
        let org = v.sent.mentions.iter().find(|m| {
            let (s, e) = tok_span(v.toks, m.start, m.end);
            kind_of(m, lex) == Some(ActorKind::Organisation)
                && ((ne <= s
                    && s - ne <= 2
                    && v.all_between(ne, s, |w| matches!(w, "of" | "the" | "penuh" | "full")))
                    || (ns >= e && ns - e <= 1))
        });
        let Some(org) = org else { continue };
        let (os, oe) = tok_span(v.toks, org.start, org.end);
        let (from, to) = (ns.min(os), ne.max(oe));
        let clause = v.clause(ns);
        let members: Vec<String> = sides
            .iter()
            .filter(|g| v.clause(g.start) == clause)
            .filter(|g| {
                (g.end <= from && from - g.end <= 4) || (g.start >= to && g.start - to <= 4)
            })
            .flat_map(|g| g.actors.iter().filter(|a| **a != org.id).cloned())
            .collect();
        if !members.is_empty() {
            out.push((org.id.clone(), members));
        }
    }
    // "the Russian-led CSTO": the leader is a member, named as such.
    for m in v.sent.mentions {
        if !v.text[m.end..].starts_with("-led") {
            continue;
        }
        let (_, e) = tok_span(v.toks, m.start, m.end + 4);
        let org = v.sent.mentions.iter().find(|o| {
            let (os, _) = tok_span(v.toks, o.start, o.end);
            os >= e && os - e <= 2 && o.id != m.id
        });
        if let Some(o) = org {
            out.push((o.id.clone(), vec![m.id.clone()]));
        }
    }
    out
}

/// "Relations with another neighbour, Afghanistan, remain tense",
/// "Hubungan dengan Belarus juga memburuk": a relationship noun and "with"
/// opening a clause that names only the other side imply the subject of
/// the sentence before as the first side.
pub(super) fn implied_subject(v: &View, sides: &mut Vec<Side>, prev: &Previous, lex: &Lexicon) {
    let Some(subject) = &prev.subject else { return };
    for i in 0..v.lower.len().saturating_sub(1) {
        if !lex.time.relationship.contains(v.lower[i])
            || !matches!(v.lower[i + 1], "with" | "dengan")
        {
            continue;
        }
        let c = v.clause(i);
        let named_before = sides.iter().any(|g| g.end <= i && v.clause(g.start) == c)
            || (i > 0 && v.possessive_at(i - 1));
        let other = sides
            .iter()
            .find(|g| g.start > i + 1 && g.start - (i + 1) <= 6 && v.clause(g.start) == c);
        if named_before || other.is_none_or(|g| g.actors.contains(subject)) {
            continue;
        }
        insert_implied(
            sides,
            Side {
                actors: vec![subject.clone()],
                start: i,
                end: i + 1,
                reciprocal: false,
            },
        );
    }
}

/// "India has stepped up its trade diplomacy. It signed a free trade
/// agreement with Britain ...", "Ia menandatangani ... dengan Jepang": a
/// sentence that opens with a singular subject pronoun continues the
/// subject of the sentence before in its paragraph, which is the first
/// side. "It is", "it was", "it would" are mostly expletive and left alone.
pub(super) fn pronoun_subject(v: &View, sides: &mut Vec<Side>, prev: &Previous) {
    let Some(subject) = &prev.subject else { return };
    if prev.paragraph != v.sent.paragraph
        || !matches!(v.lower.first(), Some(&("it" | "ia" | "dia")))
        || sides
            .iter()
            .any(|g| g.start <= 1 || g.actors.contains(subject))
        || v.lower.get(1).is_some_and(|w| {
            matches!(
                *w,
                "is" | "was"
                    | "'s"
                    | "seems"
                    | "appears"
                    | "remains"
                    | "would"
                    | "could"
                    | "will"
                    | "may"
                    | "might"
                    | "adalah"
                    | "merupakan"
            )
        })
    {
        return;
    }
    insert_implied(
        sides,
        Side {
            actors: vec![subject.clone()],
            start: 0,
            end: 1,
            reciprocal: false,
        },
    );
}

/// Sides that act with the subject though named apart from it: "Australia
/// sent troops, followed by personnel from Papua New Guinea and Fiji",
/// "disusul personel dari Papua Nugini dan Fiji", "diikuti oleh ...",
/// and an opening "Together with France, Saudi Arabia ...", "Bersama
/// Prancis, Riyadh ...". They join the subject's side, so the companions
/// are no pair with it.
pub(super) fn joined_agents(v: &View, sides: &mut Vec<Side>) {
    let merge = |sides: &mut Vec<Side>, into: usize, from: usize| {
        let moved = sides[from].actors.clone();
        for a in moved {
            if !sides[into].actors.contains(&a) {
                sides[into].actors.push(a);
            }
        }
        sides.remove(from);
    };
    // The opening companion.
    if sides.len() >= 2 && !sides[0].reciprocal && !sides[1].reciprocal {
        let (g0, g1) = (&sides[0], &sides[1]);
        let opener = matches!(
            v.lower.get(..g0.start),
            Some(
                ["bersama"]
                    | ["bersama", "dengan"]
                    | ["together" | "along", "with"]
                    | ["alongside"]
            )
        );
        if opener
            && v.lower.get(g0.end) == Some(&",")
            && g1.start > g0.end
            && g1.start - g0.end <= 2
        {
            merge(sides, 1, 0);
        }
    }
    let mut k = 1;
    while k < sides.len() {
        let g = &sides[k];
        let trigger = (g.start.saturating_sub(5)..g.start).find(|&t| {
            let two = v.lower.get(t + 1).copied();
            matches!(v.lower[t], "disusul" | "diikuti")
                || (matches!(v.lower[t], "followed" | "joined") && two == Some("by"))
        });
        let subject = trigger.and_then(|t| {
            let clear = !v.lower[t..g.start]
                .iter()
                .any(|w| matches!(*w, "," | "." | ";" | ":"));
            let c = v.clause(t);
            sides[..k]
                .iter()
                .position(|h| v.clause(h.start) == c && !h.reciprocal)
                .filter(|_| clear && !g.reciprocal)
        });
        match subject {
            Some(into) => merge(sides, into, k),
            None => k += 1,
        }
    }
}

/// `a` and `b` act together somewhere in the sentence (one side, not a pair).
pub(super) fn co_agents(sides: &[Side], a: &str, b: &str) -> bool {
    sides.iter().any(|g| {
        !g.reciprocal
            && g.actors.len() > 1
            && g.actors.iter().any(|x| x == a)
            && g.actors.iter().any(|x| x == b)
    })
}

#[cfg(test)]
mod tests {
    use super::super::tests::rels;

    #[test]
    fn a_dialogue_partner_status_is_no_relation() {
        // Written for this test, both languages: like bare membership, a
        // status in a bloc does not make the states so described partners.
        let rs = rels("Tiongkok dan Jepang hanya berstatus mitra dialog Forum Kepulauan Pasifik.");
        assert!(rs.is_empty(), "{rs:?}");
        let rs = rels("China and Japan are dialogue partners of the Pacific Islands Forum.");
        assert!(rs.is_empty(), "{rs:?}");
        // A partnership between the two still is one.
        let rs = rels("Tiongkok dan Jepang kini menjadi mitra dagang utama.");
        assert!(rs.iter().any(|r| r == "CHN-JPN cooperation"), "{rs:?}");
    }

    #[test]
    fn a_list_of_members_in_a_relative_clause_is_no_party() {
        // Written for this test, both languages: "whose members are",
        // "yang beranggotakan" list the bloc's members; the bloc acts.
        for text in [
            "The East African Community, whose members are Kenya, Uganda, Rwanda and Tanzania, welcomed the peace agreement between Sudan and South Sudan.",
            "Komunitas Afrika Timur, yang beranggotakan Kenya, Uganda, Rwanda, dan Tanzania, menyambut baik perjanjian damai antara Sudan dan Sudan Selatan.",
        ] {
            let rs = rels(text);
            assert!(
                rs.iter()
                    .all(|r| ["KEN", "UGA", "RWA", "TZA"].iter().all(|m| !r.contains(m))),
                "{text}: {rs:?}"
            );
            assert!(
                rs.iter().any(|r| r == "SDN-SSD cooperation"),
                "{text}: {rs:?}"
            );
        }
    }

    #[test]
    fn members_in_a_relative_clause_describe_the_organisation() {
        // Written for this test, both languages: what the organisation does
        // is its own act, not its members'.
        let rs = rels("The OAS, of which Peru is a member, condemned the attack on Ecuador.");
        assert!(
            rs.iter().any(|r| r.starts_with("ECU-OAS conflict")),
            "{rs:?}"
        );
        assert!(rs.iter().all(|r| !r.contains("PER")), "{rs:?}");
        let rs = rels(
            "ASEAN, yang anggotanya termasuk Laos dan Kamboja, mengecam serangan terhadap Myanmar.",
        );
        assert!(
            rs.iter().all(|r| !r.contains("LAO") && !r.contains("KHM")),
            "{rs:?}"
        );
    }

    #[test]
    fn companions_named_apart_join_the_subject() {
        // Written for this test, both languages: "followed by", "disusul"
        // and an opening "together with" name states that act with the
        // subject; they are no pair with it, and the one acted on pairs
        // with all of them.
        let rs = rels(
            "Australia sent peacekeepers to help Solomon Islands, followed by police from Papua New Guinea and Fiji.",
        );
        assert!(rs.iter().any(|r| r.starts_with("FJI-SLB")), "{rs:?}");
        assert!(
            rs.iter()
                .all(|r| !r.starts_with("AUS-FJI") && !r.starts_with("AUS-PNG")),
            "{rs:?}"
        );
        let rs = rels(
            "Vanuatu mengirim bantuan ke Kepulauan Solomon, disusul personel dari Papua Nugini.",
        );
        assert!(rs.iter().any(|r| r.starts_with("PNG-SLB")), "{rs:?}");
        assert!(rs.iter().all(|r| !r.starts_with("PNG-VUT")), "{rs:?}");
        let rs =
            rels("Bersama Norwegia, Kanada menjadi ketua bersama konferensi donor untuk Sudan.");
        assert!(rs.iter().all(|r| !r.starts_with("CAN-NOR")), "{rs:?}");
        let rs = rels("Together with Norway, Canada pledged aid to Sudan.");
        assert!(rs.iter().all(|r| !r.starts_with("CAN-NOR")), "{rs:?}");
        assert!(rs.iter().any(|r| r.starts_with("CAN-SDN")), "{rs:?}");
    }

    #[test]
    fn a_list_with_a_conjunction_is_one_side() {
        // Written for this test: three states protesting together are one side.
        let rs = rels(
            "Estonia, Latvia, and Lithuania protested against Russia's violation of their airspace.",
        );
        assert!(
            rs.iter().all(|r| !r.starts_with("EST-LVA")
                && !r.starts_with("EST-LTU")
                && !r.starts_with("LTU-LVA")),
            "{rs:?}"
        );
        assert!(rs.iter().any(|r| r == "EST-RUS conflict"), "{rs:?}");
    }

    #[test]
    fn what_the_two_are_to_each_other_makes_them_a_pair() {
        // Written for this test, both languages.
        let rs = rels("Vietnam dan Laos, bekas musuh, kini menjadi mitra strategis komprehensif.");
        assert_eq!(rs, ["LAO-VNM cooperation"]);
        let rs = rels("Peru and Ecuador, once enemies, are now close partners in trade.");
        assert!(rs.iter().any(|r| r == "ECU-PER cooperation"), "{rs:?}");
    }

    #[test]
    fn bare_membership_is_not_a_relation() {
        // Written for this test: the members and their bloc do not relate
        // here, but an outsider's pact with the bloc's members does.
        let rs =
            rels("Fiji dan Vanuatu, dua anggota MSG, menyambut baik kerja sama perikanan itu.");
        assert!(rs.iter().all(|r| !r.contains("MSG")), "{rs:?}");
        let rs = rels("China signed a cooperation agreement with ASEAN members in 2024.");
        assert!(rs.iter().any(|r| r == "ASEAN-CHN cooperation"), "{rs:?}");
    }

    #[test]
    fn two_who_sign_with_a_third_act_together() {
        // Written for this test, both languages: the coordinated pair signs
        // with a third state; it does not sign with itself.
        for text in [
            "Ghana dan Togo menandatangani pakta keamanan dengan Burkina Faso pada Mei 2025.",
            "Ghana and Togo signed a security pact with Burkina Faso in May 2025.",
        ] {
            let rs = rels(text);
            assert!(
                rs.iter().all(|r| !r.starts_with("GHA-TGO")),
                "{text}: {rs:?}"
            );
            assert!(
                rs.iter().any(|r| r.starts_with("BFA-GHA")),
                "{text}: {rs:?}"
            );
            assert!(
                rs.iter().any(|r| r.starts_with("BFA-TGO")),
                "{text}: {rs:?}"
            );
        }
        // Without a third side they sign with each other.
        let rs = rels("Ghana dan Togo menandatangani pakta keamanan pada Mei 2025.");
        assert!(rs.iter().any(|r| r.starts_with("GHA-TGO")), "{rs:?}");
    }

    #[test]
    fn relations_with_another_member_imply_the_subject_before() {
        // Written for this test: the subject is Armenia, from the sentence
        // before; "another CSTO member" describes Belarus.
        let rs = rels(
            "Armenia froze its participation in the CSTO. Relations with another CSTO member, Belarus, have also soured.",
        );
        assert!(rs.iter().any(|r| r == "ARM-BLR conflict"), "{rs:?}");
        assert!(!rs.iter().any(|r| r.starts_with("BLR-CSTO")), "{rs:?}");
        let rs = rels(
            "Uzbekistan menolak bergabung dengan Uni Ekonomi Eurasia. Hubungan dengan Rusia juga memburuk.",
        );
        assert!(rs.iter().any(|r| r == "RUS-UZB conflict"), "{rs:?}");
    }

    #[test]
    fn a_comma_across_clauses_does_not_join() {
        let rs = rels(
            "Kenya mengecam serangan terhadap kapal Somalia, Ethiopia tetap diam tentang insiden itu.",
        );
        assert!(rs.iter().any(|r| r == "KEN-SOM conflict"), "{rs:?}");
        assert!(!rs.iter().any(|r| r.starts_with("ETH-KEN")), "{rs:?}");
    }

    #[test]
    fn a_sentence_opening_with_it_continues_the_subject_before() {
        // Written for this test, both languages.
        let rs = rels(
            "Chile has widened its trade diplomacy this year. It signed a free trade agreement with Vietnam in May, and its talks with Kenya are nearly done.",
        );
        assert!(rs.iter().any(|r| r == "CHL-VNM cooperation"), "{rs:?}");
        assert!(rs.iter().all(|r| !r.starts_with("KEN-VNM")), "{rs:?}");
        let rs = rels(
            "Peru memperluas diplomasi dagangnya tahun ini. Ia menandatangani perjanjian perdagangan bebas dengan Vietnam pada Mei.",
        );
        assert!(rs.iter().any(|r| r == "PER-VNM cooperation"), "{rs:?}");
        // "It was ..." is expletive: no subject carried over.
        let rs = rels(
            "Chile has widened its trade diplomacy. It was a surprise when Vietnam and Kenya signed a pact.",
        );
        assert!(rs.iter().all(|r| !r.contains("CHL")), "{rs:?}");
    }

    #[test]
    fn the_war_in_a_country_is_a_place_unless_someone_wages_it() {
        // Written for this test, both languages.
        let rs = rels("Chile and Peru agreed to resume joint patrols once the war in Sudan ends.");
        assert!(rs.iter().all(|r| !r.contains("SDN")), "{rs:?}");
        let rs = rels(
            "Kanada dan Meksiko sepakat memulai perundingan setelah perang di Sudan berakhir.",
        );
        assert!(rs.iter().all(|r| !r.contains("SDN")), "{rs:?}");
        // Other conflict aimed over the war: its place is the side defended.
        let rs = rels("Kanada menjatuhkan sanksi baru terhadap Rusia atas perang di Ukraina.");
        assert!(rs.iter().any(|r| r == "RUS-UKR conflict"), "{rs:?}");
        let rs = rels("Ethiopia's war in Eritrea has killed thousands of civilians this year.");
        assert!(rs.iter().any(|r| r.starts_with("ERI-ETH")), "{rs:?}");
    }

    #[test]
    fn a_dateline_place_is_no_party() {
        // Written for this test.
        let rs = rels(
            "Report\n\nNairobi (AFP) - Uganda and Tanzania on Monday signed an agreement on their oil pipeline.\n",
        );
        assert!(rs.iter().any(|r| r == "TZA-UGA cooperation"), "{rs:?}");
        assert!(rs.iter().all(|r| !r.contains("KEN")), "{rs:?}");
        let rs = rels(
            "Laporan\n\nHANOI, ANTARA — Indonesia dan Filipina menandatangani perjanjian patroli bersama pada Senin.\n",
        );
        assert!(rs.iter().all(|r| !r.contains("VNM")), "{rs:?}");
    }

    #[test]
    fn an_organisation_cited_as_a_source_is_no_party() {
        // Written for this test, both languages.
        let rs = rels(
            "Menurut laporan Organisasi Buruh Internasional (ILO), pekerja migran dari Nepal ditahan di Qatar.",
        );
        assert!(rs.iter().all(|r| !r.contains("ILO")), "{rs:?}");
        let rs = rels(
            "According to a report by the International Labour Organization, Qatar detained workers from Nepal.",
        );
        assert!(rs.iter().all(|r| !r.contains("ILO")), "{rs:?}");
    }
}
