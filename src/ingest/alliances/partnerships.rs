//! Formal partnerships between two states: a named treaty or a "kemitraan
//! strategis" with two states in the clause is an alliance whose id is the
//! two ids sorted and joined by `-` (`IRN-RUS`); when the clause names no
//! two states, the pair comes from "kedua negara", the two states the
//! sentences before are most about, or the document's main cooperative
//! pair. "Pakta ini" / "this treaty" is the one named before, whoever else
//! the sentence names; "unlikely to become an alliance" is none.

use std::collections::BTreeMap;

use super::Acc;
use super::facts::{Facts, kind_of};
use crate::brief::{ActorKind, AllianceKind, MembershipEvent};
use crate::lexicon::{Lexicon, PhraseMatch, cat};

/// The two parties of a partnership phrase at tokens `s..e`.
fn parties(
    f: &Facts,
    s: usize,
    e: usize,
    main_coop: Option<&(String, String)>,
    lex: &Lexicon,
) -> Option<Vec<String>> {
    // "Pakta pertahanan ini", "this treaty": the one named before, between
    // the states the recent sentences are about, not whoever this sentence
    // names ("... ditandatangani di tengah persaingan India dan Tiongkok").
    let demonstrative = f
        .lower
        .get(e)
        .is_some_and(|w| lex.alliances.demonstratives.contains(*w))
        || (s > 0 && matches!(f.lower[s - 1], "this" | "that"));
    if demonstrative {
        return f
            .context_pair
            .clone()
            .filter(|p| p.iter().all(|id| kind_of(lex, id) == ActorKind::State));
    }
    let mut parties: Vec<String> = Vec::new();
    for m in &f.states {
        let near = (m.end <= s && s - m.end <= 10 && !f.has_comma(m.end, s))
            || (m.start >= e && m.start - e <= 6 && !f.has_comma(e, m.start));
        if near && !parties.contains(&m.id) {
            parties.push(m.id.clone());
        }
    }
    // "the alliance with Washington and ... ties with South Korea": after
    // "with", the other party is the one before the phrase.
    let with_after = f
        .lower
        .get(e)
        .is_some_and(|w| matches!(*w, "with" | "dengan"));
    if parties.len() == 1 {
        // "Tiongkok, mitra Pakistan dalam Kemitraan ...", "AS menegaskan bahwa
        // Perjanjian ... juga berlaku bagi ... Filipina": the other state nearby.
        if let Some(other) = f
            .states
            .iter()
            .filter(|m| {
                m.id != parties[0]
                    && ((m.end <= s && s - m.end <= 12)
                        || (!with_after && m.start >= e && m.start - e <= 12))
            })
            .min_by_key(|m| if m.end <= s { s - m.end } else { m.start - e })
        {
            parties.push(other.id.clone());
        }
    }
    if parties.len() == 2 {
        return Some(parties);
    }
    let anaphor = !f.found.get(cat::ANAPHORA).is_empty() || f.pronoun_subject;
    if f.sentence_states.len() == 2 && f.orgs.is_empty() && anaphor {
        // "Perjanjian Pertahanan Bersama yang ditandatangani kedua negara".
        return Some(f.sentence_states.clone());
    }
    if parties.is_empty() && f.orgs.is_empty() {
        // Nobody named: the pair from the context.
        let salient = f
            .context_pair
            .as_ref()
            .map(|p| (p[0].clone(), p[1].clone()));
        return match salient.or_else(|| main_coop.cloned()) {
            Some((a, b))
                if kind_of(lex, &a) == ActorKind::State && kind_of(lex, &b) == ActorKind::State =>
            {
                Some(vec![a, b])
            }
            _ => None,
        };
    }
    None
}

/// The partnership's name: the treaty's own when the phrase is one
/// ("Perjanjian Kemitraan Strategis Komprehensif"), else "A–B partnership".
fn name(phrase: &str, parties: &[String], lex: &Lexicon) -> (String, bool) {
    let named_treaty = phrase.chars().next().is_some_and(char::is_uppercase)
        && phrase
            .split_whitespace()
            .all(|w| w.chars().next().is_some_and(char::is_uppercase));
    if named_treaty {
        return (phrase.to_string(), true);
    }
    let gaz = &lex.gazetteer;
    let names: Vec<String> = parties
        .iter()
        .map(|p| {
            gaz.index(p)
                .map_or(p.clone(), |i| gaz.actor(i).name.clone())
        })
        .collect();
    (format!("{} partnership", names.join("–")), false)
}

/// Record the sentence's partnerships.
pub(super) fn record(
    f: &Facts,
    main_coop: Option<&(String, String)>,
    lex: &Lexicon,
    acc: &mut BTreeMap<String, Acc>,
) {
    let al = &lex.alliances;
    let signed = f.found.get(cat::EVENTS).iter().any(|ev| {
        let k = &al.event_kinds[ev.id as usize];
        matches!(k.action.as_str(), "sign" | "ratify")
    });
    for ph in f.found.get(cat::PARTNERSHIP) {
        record_one(f, ph, signed, main_coop, lex, acc);
    }
}

/// "unlikely to become an alliance", "tidak akan menjadi aliansi", "could
/// turn into a partnership": a partnership only imagined.
fn hypothetical(f: &Facts, s: usize) -> bool {
    let from = s.saturating_sub(4);
    let Some(b) = (from..s).find(|&i| {
        matches!(
            f.lower[i],
            "become" | "becoming" | "menjadi" | "turn" | "grow" | "form"
        )
    }) else {
        return false;
    };
    f.modal_before(b)
        || f.negated_before(b)
        || f.lower[b.saturating_sub(3)..b].iter().any(|w| {
            matches!(
                *w,
                "unlikely" | "never" | "not" | "tidak" | "bukan" | "belum"
            )
        })
}

/// The phrase at tokens `s..e` names no partnership between two states: it
/// is part of an organisation's name ("Organisasi Traktat Keamanan Kolektif"),
/// a trade deal ("Comprehensive Economic Partnership Agreement", "Perjanjian
/// Kemitraan Ekonomi Komprehensif"), or the alliance a bloc is ("two
/// countries ... inside the same alliance", "aliansi yang sama").
fn not_an_alliance(f: &Facts, s: usize, e: usize) -> bool {
    let in_name = f.orgs.iter().any(|o| o.start <= s && e <= o.end);
    let economic = |w: Option<&&str>| {
        w.is_some_and(|w| {
            matches!(
                *w,
                "economic" | "ekonomi" | "trade" | "perdagangan" | "investment" | "investasi"
            )
        })
    };
    let trade = economic(s.checked_sub(1).and_then(|i| f.lower.get(i)))
        || economic(f.lower.get(e))
        || f.lower[s..e].iter().any(|w| economic(Some(w)));
    let same = s
        .checked_sub(1)
        .is_some_and(|i| matches!(f.lower[i], "same"))
        || (f.lower.get(e) == Some(&"yang") && f.lower.get(e + 1) == Some(&"sama"));
    in_name || trade || same
}

fn record_one(
    f: &Facts,
    ph: &PhraseMatch,
    signed: bool,
    main_coop: Option<&(String, String)>,
    lex: &Lexicon,
    acc: &mut BTreeMap<String, Acc>,
) {
    let (s, e) = f.span(ph.start, ph.end);
    if f.negated_before(s) || hypothetical(f, s) || not_an_alliance(f, s, e) {
        return;
    }
    let Some(mut parties) = parties(f, s, e, main_coop, lex) else {
        return;
    };
    parties.sort();
    let id = parties.join("-");
    let (name, named_treaty) = name(&f.sent.text[ph.start..ph.end], &parties, lex);
    let a = acc.entry(id).or_default();
    a.kind = Some(AllianceKind::Partnership);
    if a.name.is_empty() || named_treaty {
        a.name = name;
    }
    for p in &parties {
        let status = if signed { "signatory" } else { "partner" };
        a.member(p, status, if signed { f.date.clone() } else { None });
        if signed {
            a.events.push(MembershipEvent {
                actor: p.clone(),
                action: "sign".into(),
                date: f.date.clone(),
                paragraph: f.sent.paragraph,
            });
        }
    }
    a.evidence(f.sent);
}
