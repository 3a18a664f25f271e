//! Stage 8, alliances: organisations and formal partnerships, with the
//! members the text states and their membership events.
//!
//! - Events: a state, an event phrase and an organisation in one clause
//!   ("Armenia menghentikan sementara partisipasinya dalam ... CSTO" is a
//!   suspension; "bertujuan memulai proses bergabung dengan Uni Eropa" is an
//!   application, not membership).
//! - Statements: "anggota seperti Polandia, Hongaria, dan Slovakia" (the
//!   organisation named in the sentence or just before), "X, anggota NATO",
//!   "CSTO yang dipimpin Kremlin" (the leader is a member), "the Pro-Tempore
//!   President of CELAC" (the chair is a member).
//! - Partnerships: a named treaty or a "kemitraan strategis" between two
//!   states is an alliance whose id is the two ids sorted and joined by `-`
//!   (`IRN-RUS`); when the clause names no two states, the pair comes from
//!   the sentence before or the document's main cooperative pair.
//!
//! "Ally" statements ("menyebut Taliban sebagai sekutu") are evidence of the
//! relation between the two, not an alliance: a membership needs an
//! organisation or a formal agreement.

use std::collections::BTreeMap;

use super::context::Sentence;
use super::tokens::Token;
use crate::brief::{
    ActorKind, Alliance, AllianceEvidence, AllianceKind, Member, MembershipEvent, Relation, Stance,
};
use crate::lexicon::{AliasKind, Lexicon, cat};

#[derive(Debug, Default)]
struct Acc {
    name: String,
    kind: Option<AllianceKind>,
    /// actor -> (status, date), in text order; later statements win.
    members: Vec<(String, String, Option<String>)>,
    events: Vec<MembershipEvent>,
    evidence: Vec<AllianceEvidence>,
}

impl Acc {
    fn member(&mut self, actor: &str, status: &str, date: Option<String>) {
        if let Some(m) = self.members.iter_mut().find(|m| m.0 == actor) {
            // A stated membership does not erase a more specific status.
            if !(status == "member" && m.1 != "member") {
                m.1 = status.to_string();
                if date.is_some() {
                    m.2 = date;
                }
            }
        } else {
            self.members
                .push((actor.to_string(), status.to_string(), date));
        }
    }

    fn evidence(&mut self, sent: &Sentence) {
        if !self
            .evidence
            .iter()
            .any(|e| e.paragraph == sent.paragraph && e.text == sent.text)
        {
            self.evidence.push(AllianceEvidence {
                text: sent.text.to_string(),
                date: sent.date().map(|d| d.to_string()),
                paragraph: sent.paragraph,
            });
        }
    }
}

/// A mention with its token span and kind.
#[derive(Debug, Clone)]
struct M {
    id: String,
    kind: ActorKind,
    /// Named by its name (not a capital, leader or adjective).
    by_name: bool,
    start: usize,
    end: usize,
    byte_end: usize,
}

/// States named together ("Mali, Burkina Faso dan Niger").
#[derive(Debug, Clone)]
struct StateList {
    ids: Vec<String>,
    start: usize,
    end: usize,
    /// Every state is named by its name ("Filipina", not "Manila").
    by_name: bool,
}

fn tok_at(toks: &[Token], b: usize) -> usize {
    toks.iter().position(|t| t.end > b).unwrap_or(toks.len())
}

fn tok_end(toks: &[Token], b: usize) -> usize {
    toks.iter().rposition(|t| t.start < b).map_or(0, |i| i + 1)
}

fn is_list_joint(w: &str) -> bool {
    matches!(
        w,
        "," | "dan" | "and" | "serta" | "the" | "&" | "maupun" | "atau" | "or"
    )
}

/// Extract alliances from the sentences; `relations` gives the document's
/// main cooperative pair for partnerships whose parties are not in the clause.
pub fn extract(sentences: &[Sentence], relations: &[Relation], lex: &Lexicon) -> Vec<Alliance> {
    let al = &lex.alliances;
    let gaz = &lex.gazetteer;
    let kind_of = |id: &str| {
        gaz.index(id)
            .map_or(ActorKind::State, |i| gaz.actor(i).kind)
    };
    let main_coop = relations
        .iter()
        .find(|r| r.stance == Stance::Cooperation)
        .map(|r| (r.a.clone(), r.b.clone()));
    let mut acc: BTreeMap<String, Acc> = BTreeMap::new();
    let mut recent_orgs: Vec<(String, usize)> = Vec::new();
    let mut last_list: Option<(Vec<String>, usize)> = None;
    let mut prev_pair: Option<(String, String)> = None;
    for sent in sentences {
        let text = sent.text;
        let found = &sent.scan.phrases;
        let pronoun_subject = found.get(cat::GROUP_PRONOUNS).iter().any(|p| p.start < 40);
        // Nothing to find in a sentence that names no actor and refers to none.
        if sent.mentions.iter().all(|m| m.locative) && !pronoun_subject {
            continue;
        }
        let toks = &sent.scan.tokens;
        let lower = sent.scan.lower_tokens();
        let ms: Vec<M> = sent
            .mentions
            .iter()
            .filter(|m| !m.locative)
            .map(|m| M {
                id: m.id.clone(),
                kind: kind_of(&m.id),
                by_name: matches!(m.kind, AliasKind::Name | AliasKind::Acronym),
                start: tok_at(toks, m.start),
                end: tok_end(toks, m.end),
                byte_end: m.end,
            })
            .collect();
        let date = sent.date().map(|d| d.to_string());
        let orgs: Vec<&M> = ms
            .iter()
            .filter(|m| m.kind == ActorKind::Organisation)
            .collect();
        let states: Vec<&M> = ms.iter().filter(|m| m.kind == ActorKind::State).collect();
        // Lists of states named together. A comma alone joins only inside a list
        // that has a conjunction ("A, B dan C"), not across clauses
        // ("setelah operasi Azerbaijan, Armenia meratifikasi ...").
        let mut lists: Vec<StateList> = Vec::new();
        let mut conj: Vec<bool> = Vec::new();
        for m in &states {
            match lists.last_mut() {
                Some(l)
                    if m.start >= l.end
                        && lower[l.end..m.start].iter().all(|w| is_list_joint(w))
                        && m.start - l.end <= 3 =>
                {
                    let between = &lower[l.end..m.start];
                    if let Some(c) = conj.last_mut() {
                        *c |= !between.contains(&",")
                            || between.iter().any(|w| !matches!(*w, "," | "the"));
                    }
                    if !l.ids.contains(&m.id) {
                        l.ids.push(m.id.clone());
                    }
                    l.end = m.end;
                    l.by_name &= m.by_name;
                }
                Some(l) if m.start < l.end => {}
                _ => {
                    lists.push(StateList {
                        ids: vec![m.id.clone()],
                        start: m.start,
                        end: m.end,
                        by_name: m.by_name,
                    });
                    conj.push(false);
                }
            }
        }
        let mut split_lists: Vec<StateList> = Vec::new();
        for (l, has_conj) in lists.into_iter().zip(conj) {
            if l.ids.len() < 2 || has_conj {
                split_lists.push(l);
                continue;
            }
            for m in states
                .iter()
                .filter(|m| m.start >= l.start && m.end <= l.end)
            {
                split_lists.push(StateList {
                    ids: vec![m.id.clone()],
                    start: m.start,
                    end: m.end,
                    by_name: m.by_name,
                });
            }
        }
        let lists = split_lists;
        let has_comma =
            |a: usize, b: usize| lower[a.min(b)..a.max(b).min(lower.len())].contains(&",");
        let negation_ends: Vec<usize> = found
            .get(cat::NEGATION)
            .iter()
            .map(|n| tok_end(toks, n.end))
            .collect();
        let modal_ends: Vec<usize> = found
            .get(cat::MODALITY)
            .iter()
            .map(|n| tok_end(toks, n.end))
            .collect();
        let negated_before = |s: usize| negation_ends.iter().any(|&e| e <= s && s - e <= 3);
        let modal_before = |s: usize| modal_ends.iter().any(|&e| e <= s && s - e <= 5);
        // The organisation the recent sentences are about: the one named most
        // in the last three, the latest on a tie ("the bloc" after "GCC ... GCC ... the EU").
        let context_org = {
            let recent: Vec<&(String, usize)> = recent_orgs
                .iter()
                .filter(|(_, i)| sent.index - i <= 3)
                .collect();
            let mut best: Option<(&str, usize, usize)> = None;
            for (o, i) in &recent {
                let n = recent.iter().filter(|(x, _)| x == o).count();
                if best.is_none_or(|(_, bn, bi)| n > bn || (n == bn && *i >= bi)) {
                    best = Some((o.as_str(), n, *i));
                }
            }
            best.map(|(o, _, _)| o.to_string())
        };
        let context_list = last_list
            .as_ref()
            .filter(|(_, i)| sent.index - i <= 3)
            .map(|(l, _)| l.clone());
        let event_spans: Vec<(usize, usize)> = found
            .get(cat::EVENTS)
            .iter()
            .map(|m| (m.start, m.end))
            .collect();
        let partnership_hits = found.get(cat::PARTNERSHIP);

        // Membership events: a state (or a list of them), an event phrase, an organisation.
        for &ev in found.get(cat::EVENTS) {
            let (s, e) = (tok_at(toks, ev.start), tok_end(toks, ev.end));
            if negated_before(s) {
                continue;
            }
            let kind = &al.event_kinds[ev.id as usize];
            if kind.action == "sign" && !partnership_hits.is_empty() {
                continue; // signing a partnership between states, handled below
            }
            let org_after = orgs
                .iter()
                .filter(|o| o.start >= e && o.start - e <= 8)
                .min_by_key(|o| o.start);
            let org_before = orgs
                .iter()
                .filter(|o| o.end <= s && s - o.end <= 6)
                .max_by_key(|o| o.end);
            let org = org_after.or(org_before).map(|o| o.id.clone()).or_else(|| {
                // "Sweden to join the following month": the organisation named just before.
                (kind.action != "sign")
                    .then(|| context_org.clone())
                    .flatten()
            });
            let Some(org) = org else { continue };
            // Who: the states named before the phrase; after it when the organisation
            // acts ("The African Union suspended Sudan"); for "mereka", the states
            // named together just before.
            let before = lists
                .iter()
                .filter(|l| l.end <= s && s - l.end <= 12)
                .max_by_key(|l| l.end);
            let after = lists
                .iter()
                .filter(|l| l.start >= e && l.start - e <= 3)
                .min_by_key(|l| l.start);
            let mut subject: Vec<String> = match (before, after, org_before) {
                (Some(l), _, None) => l.ids.clone(),
                (Some(l), _, Some(o)) if l.end <= o.start => l.ids.clone(),
                (_, Some(l), Some(_)) => l.ids.clone(),
                (Some(l), _, _) => l.ids.clone(),
                (None, None, _) if pronoun_subject => context_list.clone().unwrap_or_default(),
                _ => Vec::new(),
            };
            // "Niger ..., together with Mali and Burkina Faso, founded ...": the
            // sentence's subject acts too.
            if let Some(l) = before
                && l.start >= 2
                && matches!(
                    (lower[l.start - 2], lower[l.start - 1]),
                    ("together" | "along", "with")
                        | ("bersama", "dengan")
                        | ("bersama-sama", "dengan")
                )
                && let Some(first) = states.first()
                && !subject.contains(&first.id)
            {
                subject.insert(0, first.id.clone());
            }
            if subject.is_empty() {
                continue;
            }
            let mut action = kind.action.clone();
            let mut member = kind.member.clone();
            // "tetap menjadi anggota": a statement, not a change.
            let continuing = s > 0 && al.continuity.contains(lower[s - 1]);
            if action == "join" && modal_before(s) {
                action = "apply".into();
                member.clear();
            }
            // Signing something with an organisation is not joining it.
            if action == "sign" {
                member.clear();
            }
            let a = acc.entry(org).or_default();
            a.kind = Some(AllianceKind::Organisation);
            for id in &subject {
                if !continuing {
                    a.events.push(MembershipEvent {
                        actor: id.clone(),
                        action: action.clone(),
                        date: date.clone(),
                        paragraph: sent.paragraph,
                    });
                }
                if !member.is_empty() {
                    a.member(
                        id,
                        if continuing { "member" } else { &member },
                        if continuing { None } else { date.clone() },
                    );
                }
                if action == "leave" || action == "expel" {
                    a.members.retain(|m| &m.0 != id);
                }
            }
            a.evidence(sent);
        }

        // "anggota ASEAN ..., Filipina dan Vietnam", "anggota seperti X, Y, dan Z",
        // "NATO members X and Y", "Hungary, a member since 1999".
        for &mem in found.get(cat::MEMBERSHIP) {
            if event_spans
                .iter()
                .any(|&(a, b)| mem.start < b && a < mem.end)
            {
                continue;
            }
            let (s, e) = (tok_at(toks, mem.start), tok_end(toks, mem.end));
            let org_next = orgs.iter().find(|o| o.start >= e && o.start - e <= 2);
            let org_prev = orgs.iter().rev().find(|o| o.end <= s && s - o.end <= 1);
            let org = org_next
                .or(org_prev)
                .map(|o| o.id.clone())
                .or_else(|| orgs.first().map(|o| o.id.clone()))
                .or_else(|| context_org.clone());
            let Some(org) = org else { continue };
            let after_noun = org_next.map_or(e, |o| o.end);
            let listed = lists.iter().find(|l| {
                let gap = &lower[after_noun.min(l.start)..l.start];
                let introduced = found.get(cat::LIST_INTRO).iter().any(|li| {
                    let ti = tok_at(toks, li.start);
                    ti >= after_noun && ti < l.start
                });
                // "... anggota ASEAN yang paling terdampak, Filipina dan Vietnam, serta ...":
                // an appositive list after a comma, closed by a comma or the end.
                let closed = lower
                    .get(l.end)
                    .is_none_or(|w| matches!(*w, "," | "." | ";" | ")" | "serta" | "dan" | "and"));
                l.by_name
                    && l.start >= after_noun
                    && l.start - after_noun <= 6
                    && (gap.is_empty()
                        || introduced
                        || gap == [","]
                        || (gap.last() == Some(&",") && closed))
            });
            let named: Vec<String> = if let Some(l) = listed {
                l.ids.clone()
            } else {
                // "Hungary, a NATO member since 1999", "Estonia has been a NATO member",
                // "X adalah anggota NATO".
                let noun_start = org_prev.map_or(s, |o| o.start);
                lists
                    .iter()
                    .find(|l| {
                        l.end <= noun_start
                            && noun_start - l.end <= 4
                            && lower[l.end..noun_start].iter().all(|w| {
                                matches!(
                                    *w,
                                    "," | "a"
                                        | "an"
                                        | "the"
                                        | "adalah"
                                        | "merupakan"
                                        | "sebagai"
                                        | "is"
                                        | "was"
                                        | "has"
                                        | "have"
                                        | "had"
                                        | "been"
                                        | "salah"
                                        | "satu"
                                        | "one"
                                        | "of"
                                        | "as"
                                        | "sudah"
                                        | "telah"
                                        | "menjadi"
                                )
                            })
                    })
                    .map(|l| l.ids.clone())
                    .unwrap_or_default()
            };
            if named.is_empty() {
                continue;
            }
            let a = acc.entry(org).or_default();
            a.kind = Some(AllianceKind::Organisation);
            for id in &named {
                a.member(id, "member", None);
            }
            a.evidence(sent);
        }

        // "The six-member bloc, made up of Saudi Arabia, the UAE, ...".
        for &c in found.get(cat::COMPOSITION) {
            let e = tok_end(toks, c.end);
            let org = orgs
                .iter()
                .rev()
                .find(|o| o.end <= tok_at(toks, c.start))
                .map(|o| o.id.clone())
                .or_else(|| context_org.clone());
            let list = lists.iter().find(|l| l.start >= e && l.start - e <= 2);
            if let (Some(org), Some(list)) = (org, list) {
                let a = acc.entry(org).or_default();
                a.kind = Some(AllianceKind::Organisation);
                for id in &list.ids {
                    a.member(id, "member", None);
                }
                a.evidence(sent);
            }
        }

        // "CSTO yang dipimpin Kremlin", "the Kremlin-led CSTO".
        for &l in found.get(cat::LED_BY) {
            let (s, e) = (tok_at(toks, l.start), tok_end(toks, l.end));
            let org = orgs
                .iter()
                .filter(|o| o.end <= s && s - o.end <= 3)
                .max_by_key(|o| o.end);
            let leader = states
                .iter()
                .filter(|m| m.start >= e && m.start - e <= 2)
                .min_by_key(|m| m.start);
            if let (Some(org), Some(leader)) = (org, leader) {
                let a = acc.entry(org.id.clone()).or_default();
                a.kind = Some(AllianceKind::Organisation);
                a.member(&leader.id, "leader", None);
                a.evidence(sent);
            }
        }
        for st in &states {
            if text[st.byte_end..].starts_with("-led") {
                let after = tok_end(toks, st.byte_end + 4);
                if let Some(org) = orgs
                    .iter()
                    .filter(|o| o.start >= after && o.start - after <= 2)
                    .min_by_key(|o| o.start)
                {
                    let a = acc.entry(org.id.clone()).or_default();
                    a.kind = Some(AllianceKind::Organisation);
                    a.member(&st.id, "leader", None);
                    a.evidence(sent);
                }
            }
        }

        // "the Pro-Tempore President of CELAC", "memegang keketuaan ASEAN": the chairing state.
        for &ch in found.get(cat::CHAIR) {
            let (s, e) = (tok_at(toks, ch.start), tok_end(toks, ch.end));
            let org = orgs
                .iter()
                .filter(|o| o.start >= e && o.start - e <= 8)
                .min_by_key(|o| o.start)
                .or_else(|| orgs.first())
                .map(|o| o.id.clone())
                .or_else(|| context_org.clone());
            let state = states
                .iter()
                .filter(|m| m.end <= s && s - m.end <= 8)
                .max_by_key(|m| m.end);
            if let (Some(org), Some(state)) = (org, state) {
                let a = acc.entry(org).or_default();
                a.kind = Some(AllianceKind::Organisation);
                a.member(&state.id, "chair", None);
                a.evidence(sent);
            }
        }

        // Formal partnerships between two states.
        let sentence_states: Vec<String> = {
            let mut v: Vec<String> = Vec::new();
            for m in &states {
                if !v.contains(&m.id) {
                    v.push(m.id.clone());
                }
            }
            v
        };
        for ph in partnership_hits {
            let (s, e) = (tok_at(toks, ph.start), tok_end(toks, ph.end));
            if negated_before(s) {
                continue;
            }
            let mut parties: Vec<String> = Vec::new();
            for m in &states {
                let near = (m.end <= s && s - m.end <= 10 && !has_comma(m.end, s))
                    || (m.start >= e && m.start - e <= 6 && !has_comma(e, m.start));
                if near && !parties.contains(&m.id) {
                    parties.push(m.id.clone());
                }
            }
            if parties.len() == 1 {
                // "Tiongkok, mitra Pakistan dalam Kemitraan ...", "AS menegaskan bahwa
                // Perjanjian ... juga berlaku bagi ... Filipina": the other state nearby.
                if let Some(other) = states
                    .iter()
                    .filter(|m| {
                        m.id != parties[0]
                            && ((m.end <= s && s - m.end <= 12)
                                || (m.start >= e && m.start - e <= 12))
                    })
                    .min_by_key(|m| if m.end <= s { s - m.end } else { m.start - e })
                {
                    parties.push(other.id.clone());
                }
            }
            if parties.len() != 2 {
                let anaphor = !found.get(cat::ANAPHORA).is_empty() || pronoun_subject;
                if sentence_states.len() == 2 && orgs.is_empty() && anaphor {
                    // "Perjanjian Pertahanan Bersama yang ditandatangani kedua negara":
                    // the two states the sentence names.
                    parties = sentence_states.clone();
                } else if parties.is_empty() && orgs.is_empty() {
                    // Nobody named: the pair from the context.
                    match prev_pair.clone().or_else(|| main_coop.clone()) {
                        Some((a, b))
                            if kind_of(&a) == ActorKind::State
                                && kind_of(&b) == ActorKind::State =>
                        {
                            parties = vec![a, b];
                        }
                        _ => continue,
                    }
                } else {
                    continue;
                }
            }
            parties.sort();
            let id = parties.join("-");
            let signed = found.get(cat::EVENTS).iter().any(|ev| {
                let k = &al.event_kinds[ev.id as usize];
                matches!(k.action.as_str(), "sign" | "ratify")
            });
            let phrase = &text[ph.start..ph.end];
            let named_treaty = phrase.chars().next().is_some_and(char::is_uppercase)
                && phrase
                    .split_whitespace()
                    .all(|w| w.chars().next().is_some_and(char::is_uppercase));
            let a = acc.entry(id.clone()).or_default();
            a.kind = Some(AllianceKind::Partnership);
            if a.name.is_empty() || named_treaty {
                a.name = if named_treaty {
                    phrase.to_string()
                } else {
                    let names: Vec<String> = parties
                        .iter()
                        .map(|p| {
                            gaz.index(p)
                                .map_or(p.clone(), |i| gaz.actor(i).name.clone())
                        })
                        .collect();
                    format!("{} partnership", names.join("–"))
                };
            }
            for p in &parties {
                let status = if signed { "signatory" } else { "partner" };
                a.member(p, status, if signed { date.clone() } else { None });
                if signed {
                    a.events.push(MembershipEvent {
                        actor: p.clone(),
                        action: "sign".into(),
                        date: date.clone(),
                        paragraph: sent.paragraph,
                    });
                }
            }
            a.evidence(sent);
        }

        for o in &orgs {
            recent_orgs.push((o.id.clone(), sent.index));
        }
        if let Some(l) = lists.iter().rev().find(|l| l.ids.len() >= 2) {
            last_list = Some((l.ids.clone(), sent.index));
        }
        // The pair this sentence is about, for the next one.
        if sentence_states.len() == 2 {
            let mut p = [sentence_states[0].clone(), sentence_states[1].clone()];
            p.sort();
            prev_pair = Some((p[0].clone(), p[1].clone()));
        }
    }
    acc.into_iter()
        .filter(|(_, a)| !a.members.is_empty() || !a.events.is_empty())
        .map(|(id, a)| {
            let name = if a.name.is_empty() {
                gaz.index(&id)
                    .map_or(id.clone(), |i| gaz.actor(i).name.clone())
            } else {
                a.name
            };
            Alliance {
                id,
                name,
                kind: a.kind.unwrap_or(AllianceKind::Organisation),
                members: a
                    .members
                    .into_iter()
                    .map(|(actor, status, date)| Member {
                        actor,
                        status,
                        date,
                    })
                    .collect(),
                events: a.events,
                evidence: a.evidence,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, document, lang};
    use crate::lexicon::shared;

    fn alliances(text: &str) -> Vec<Alliance> {
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        crate::ingest::extract(&doc, &lang::detect(text), lex).alliances
    }

    fn members(a: &[Alliance], id: &str) -> Vec<String> {
        a.iter()
            .find(|x| x.id == id)
            .map(|x| {
                x.members
                    .iter()
                    .map(|m| format!("{} {}", m.actor, m.status))
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn suspension_and_leader_of_the_csto() {
        let a = alliances(
            "Pada 2024, dalam sebuah perkembangan yang belum pernah terjadi sebelumnya, Armenia menghentikan sementara partisipasinya dalam Organisasi Perjanjian Keamanan Kolektif (CSTO) yang dipimpin Kremlin—jawaban Moskow terhadap NATO.",
        );
        assert_eq!(members(&a, "CSTO"), ["ARM suspended", "RUS leader"]);
        let csto = a.iter().find(|x| x.id == "CSTO").unwrap();
        assert_eq!(csto.events[0].action, "suspend");
        assert_eq!(csto.events[0].date.as_deref(), Some("2024"));
        assert!(members(&a, "NATO").is_empty());
    }

    #[test]
    fn an_application_is_not_membership() {
        let a = alliances(
            "Dan satu tahun kemudian, awal 2025, parlemen Armenia mengesahkan sebuah rancangan undang-undang yang bertujuan memulai proses bergabung dengan Uni Eropa.",
        );
        let eu = a.iter().find(|x| x.id == "EU").expect("EU");
        assert!(eu.members.is_empty());
        assert_eq!(eu.events[0].actor, "ARM");
        assert_eq!(eu.events[0].action, "apply");
    }

    #[test]
    fn ratification_makes_a_member() {
        let a = alliances(
            "Beberapa minggu kemudian, Armenia meratifikasi statuta Mahkamah Pidana Internasional.",
        );
        assert_eq!(members(&a, "ICC"), ["ARM member"]);
    }

    #[test]
    fn a_treaty_between_two_states_is_a_partnership() {
        let a = alliances(
            "Pada Januari 2025, Rusia dan Iran menandatangani Perjanjian Kemitraan Strategis Komprehensif.",
        );
        assert_eq!(members(&a, "IRN-RUS"), ["IRN signatory", "RUS signatory"]);
        let p = a.iter().find(|x| x.id == "IRN-RUS").unwrap();
        assert_eq!(p.kind, AllianceKind::Partnership);
        assert_eq!(p.name, "Perjanjian Kemitraan Strategis Komprehensif");
        let a = alliances(
            "Vietnam and Indonesia upgraded their ties to a comprehensive strategic partnership in 2025.",
        );
        assert_eq!(members(&a, "IDN-VNM"), ["IDN partner", "VNM partner"]);
    }

    #[test]
    fn named_members_after_a_membership_noun() {
        let a = alliances(
            "Komisi Eropa mengakhiri larangan impor. Hal itu menuai pro dan kontra dari beberapa anggota negara seperti Polandia, Hongaria, dan Slovakia.",
        );
        assert_eq!(
            members(&a, "EU"),
            ["POL member", "HUN member", "SVK member"]
        );
        let a = alliances(
            "China recently agreed a non-aggression pact at a summit with ASEAN members.",
        );
        assert!(members(&a, "ASEAN").is_empty());
    }

    #[test]
    fn the_chair_is_a_member() {
        let a = alliances(
            "The declaration was read by St Vincent and the Grenadines Prime Minister and the Pro-Tempore President of the Community of Latin American and Caribbean States (CELAC), Dr Ralph Gonsalves.",
        );
        assert_eq!(members(&a, "CELAC"), ["VCT chair"]);
    }

    #[test]
    fn ally_statements_are_not_alliances() {
        let a = alliances(
            "Pada Juli 2024, Presiden Rusia Vladimir Putin menyebut Taliban sebagai sekutu dalam melawan terorisme.",
        );
        assert!(a.is_empty(), "{a:?}");
    }
}
