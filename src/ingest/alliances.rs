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
use crate::lexicon::{Lexicon, cat};

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
    start: usize,
    end: usize,
    byte_end: usize,
}

fn tok_at(toks: &[Token], b: usize) -> usize {
    toks.iter().position(|t| t.end > b).unwrap_or(toks.len())
}

fn tok_end(toks: &[Token], b: usize) -> usize {
    toks.iter().rposition(|t| t.start < b).map_or(0, |i| i + 1)
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
    let mut last_org: Option<(String, usize)> = None;
    let mut prev_pair: Option<(String, String)> = None;
    for sent in sentences {
        let text = sent.text;
        // Nothing to find in a sentence that names no actor.
        if sent.mentions.iter().all(|m| m.locative) {
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
        let states: Vec<&M> = ms
            .iter()
            .filter(|m| m.kind != ActorKind::Organisation)
            .collect();
        let has_comma =
            |a: usize, b: usize| lower[a.min(b)..a.max(b).min(lower.len())].contains(&",");
        let found = &sent.scan.phrases;
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
        let negated_before = |s: usize| negation_ends.iter().any(|&e| e <= s && s - e <= 2);
        let modal_before = |s: usize| modal_ends.iter().any(|&e| e <= s && s - e <= 5);

        // Membership events.
        let partnership_hits = found.get(cat::PARTNERSHIP);
        for &ev in found.get(cat::EVENTS) {
            let (s, e) = (tok_at(toks, ev.start), tok_end(toks, ev.end));
            if negated_before(s) {
                continue;
            }
            let kind = &al.event_kinds[ev.id as usize];
            let org = orgs
                .iter()
                .filter(|o| o.start >= e && o.start - e <= 8)
                .min_by_key(|o| o.start)
                .or_else(|| {
                    orgs.iter()
                        .filter(|o| o.end <= s && s - o.end <= 6)
                        .max_by_key(|o| o.end)
                });
            let subject = states
                .iter()
                .filter(|m| m.end <= s && s - m.end <= 12)
                .max_by_key(|m| m.end);
            let (Some(org), Some(subject)) = (org, subject) else {
                continue;
            };
            if kind.action == "sign" && !partnership_hits.is_empty() {
                continue; // signing a partnership with a state, handled below
            }
            let mut action = kind.action.clone();
            let mut member = kind.member.clone();
            if action == "join" && modal_before(s) {
                action = "apply".into();
                member.clear();
            }
            // Signing something with an organisation is not joining it.
            if action == "sign" {
                member.clear();
            }
            let a = acc.entry(org.id.clone()).or_default();
            a.kind = Some(AllianceKind::Organisation);
            a.events.push(MembershipEvent {
                actor: subject.id.clone(),
                action,
                date: date.clone(),
                paragraph: sent.paragraph,
            });
            if !member.is_empty() {
                a.member(&subject.id, &member, date.clone());
            }
            a.evidence(sent);
        }

        // "anggota seperti X, Y, dan Z" / "NATO members X and Y".
        for &mem in found.get(cat::MEMBERSHIP) {
            let (s, e) = (tok_at(toks, mem.start), tok_end(toks, mem.end));
            let intro = found
                .get(cat::LIST_INTRO)
                .iter()
                .find(|m| m.start >= mem.end)
                .map(|m| m.end)
                .filter(|&b| {
                    let ti = tok_end(toks, b);
                    ti >= e && ti - e <= 3
                });
            let list_start = intro.map(|b| tok_end(toks, b)).unwrap_or(e);
            // The named members: states right after the noun (or its list word).
            let mut named: Vec<&M> = Vec::new();
            let mut cursor = list_start;
            for m in states.iter().filter(|m| m.start >= list_start) {
                let gap = &lower[cursor.min(m.start)..m.start];
                let allowed = gap.len() <= 2
                    && gap
                        .iter()
                        .all(|w| matches!(*w, "," | "dan" | "and" | "serta" | "the" | "&"));
                if !allowed || (named.is_empty() && intro.is_none() && m.start - e > 1) {
                    break;
                }
                named.push(m);
                cursor = m.end;
            }
            let org = orgs
                .iter()
                .filter(|o| (o.start >= e && o.start - e <= 2) || (o.end <= s && s - o.end <= 2))
                .map(|o| o.id.clone())
                .next()
                .or_else(|| orgs.first().map(|o| o.id.clone()))
                .or_else(|| {
                    last_org
                        .as_ref()
                        .filter(|(_, i)| sent.index - i <= 3)
                        .map(|(o, _)| o.clone())
                });
            if let Some(org) = org.clone()
                && !named.is_empty()
            {
                let a = acc.entry(org).or_default();
                a.kind = Some(AllianceKind::Organisation);
                for m in &named {
                    a.member(&m.id, "member", None);
                }
                a.evidence(sent);
            }
            // "Hungary, a NATO member" / "X adalah anggota NATO".
            if let Some(org) = org
                && named.is_empty()
                && let Some(st) = states
                    .iter()
                    .filter(|m| m.end <= s && s - m.end <= 4)
                    .max_by_key(|m| m.end)
                && orgs.iter().any(|o| {
                    o.id == org
                        && ((o.start >= e && o.start - e <= 2) || (o.end <= s && s - o.end <= 1))
                })
            {
                let a = acc.entry(org).or_default();
                a.kind = Some(AllianceKind::Organisation);
                a.member(&st.id, "member", None);
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

        // "the Pro-Tempore President of CELAC": the chairing state.
        for &ch in found.get(cat::CHAIR) {
            let (s, e) = (tok_at(toks, ch.start), tok_end(toks, ch.end));
            let org = orgs
                .iter()
                .filter(|o| o.start >= e && o.start - e <= 8)
                .min_by_key(|o| o.start);
            let state = states
                .iter()
                .filter(|m| m.end <= s && s - m.end <= 8)
                .max_by_key(|m| m.end);
            if let (Some(org), Some(state)) = (org, state) {
                let a = acc.entry(org.id.clone()).or_default();
                a.kind = Some(AllianceKind::Organisation);
                a.member(&state.id, "chair", None);
                a.evidence(sent);
            }
        }

        // Formal partnerships between two states.
        for ph in partnership_hits {
            let (s, e) = (tok_at(toks, ph.start), tok_end(toks, ph.end));
            if negated_before(s) {
                continue;
            }
            let mut parties: Vec<String> = Vec::new();
            for m in states.iter().filter(|m| m.kind == ActorKind::State) {
                let near = (m.end <= s && s - m.end <= 10 && !has_comma(m.end, s))
                    || (m.start >= e && m.start - e <= 6 && !has_comma(e, m.start));
                if near && !parties.contains(&m.id) {
                    parties.push(m.id.clone());
                }
            }
            if parties.len() != 2 {
                // Borrow the pair from the context only when nobody else is named:
                // with an organisation in the sentence, the agreement is with it.
                if parties.is_empty() && orgs.is_empty() {
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

        if let Some(o) = orgs.last() {
            last_org = Some((o.id.clone(), sent.index));
        }
        // The pair this sentence is about, for the next one.
        let ids = sent.actor_ids();
        let st: Vec<&str> = ids
            .iter()
            .copied()
            .filter(|i| kind_of(i) == ActorKind::State)
            .collect();
        if st.len() == 2 {
            let mut p = [st[0].to_string(), st[1].to_string()];
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
