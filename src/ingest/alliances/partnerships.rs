//! Formal partnerships between two states: a named treaty or a "kemitraan
//! strategis" with two states in the clause is an alliance whose id is the
//! two ids sorted and joined by `-` (`IRN-RUS`); when the clause names no
//! two states, the pair comes from "kedua negara", the sentence before or
//! the document's main cooperative pair.

use std::collections::BTreeMap;

use super::Acc;
use super::facts::{Context, Facts, kind_of};
use crate::brief::{ActorKind, AllianceKind, MembershipEvent};
use crate::lexicon::{Lexicon, PhraseMatch, cat};

/// The two parties of a partnership phrase at tokens `s..e`.
fn parties(
    f: &Facts,
    s: usize,
    e: usize,
    ctx: &Context,
    main_coop: Option<&(String, String)>,
    lex: &Lexicon,
) -> Option<Vec<String>> {
    let mut parties: Vec<String> = Vec::new();
    for m in &f.states {
        let near = (m.end <= s && s - m.end <= 10 && !f.has_comma(m.end, s))
            || (m.start >= e && m.start - e <= 6 && !f.has_comma(e, m.start));
        if near && !parties.contains(&m.id) {
            parties.push(m.id.clone());
        }
    }
    if parties.len() == 1 {
        // "Tiongkok, mitra Pakistan dalam Kemitraan ...", "AS menegaskan bahwa
        // Perjanjian ... juga berlaku bagi ... Filipina": the other state nearby.
        if let Some(other) = f
            .states
            .iter()
            .filter(|m| {
                m.id != parties[0]
                    && ((m.end <= s && s - m.end <= 12) || (m.start >= e && m.start - e <= 12))
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
        return match ctx.prev_pair.clone().or_else(|| main_coop.cloned()) {
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
    ctx: &Context,
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
        record_one(f, ph, signed, ctx, main_coop, lex, acc);
    }
}

fn record_one(
    f: &Facts,
    ph: &PhraseMatch,
    signed: bool,
    ctx: &Context,
    main_coop: Option<&(String, String)>,
    lex: &Lexicon,
    acc: &mut BTreeMap<String, Acc>,
) {
    let (s, e) = f.span(ph.start, ph.end);
    if f.negated_before(s) {
        return;
    }
    let Some(mut parties) = parties(f, s, e, ctx, main_coop, lex) else {
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
