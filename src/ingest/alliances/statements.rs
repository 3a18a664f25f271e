//! Membership statements: who the text says is a member, leader or chair.
//!
//! - Members after a membership noun: "anggota ASEAN ..., Filipina dan
//!   Vietnam", "anggota seperti X, Y, dan Z", "NATO members X and Y".
//! - Members before it: "Hungary, a member since 1999", "Estonia has been a
//!   NATO member", "X adalah anggota NATO".
//! - Composition: "The six-member bloc, made up of Saudi Arabia, the UAE, ...".
//! - Leaders: "CSTO yang dipimpin Kremlin", "the Kremlin-led CSTO".
//! - Chairs: "the Pro-Tempore President of CELAC", "memegang keketuaan ASEAN".

use std::collections::BTreeMap;

use super::Acc;
use super::facts::{Facts, M, StateList, push_new, tok_at, tok_end};
use crate::brief::AllianceKind;
use crate::lexicon::{AllianceLexicon, Lexicon, cat};

fn organisation(acc: &mut BTreeMap<String, Acc>, id: String) -> &mut Acc {
    let a = acc.entry(id).or_default();
    a.kind = Some(AllianceKind::Organisation);
    a
}

/// A number or an ordinal ("six", "11th", "ke-11"), or a word of
/// `member_modifiers`.
fn modifier(w: &str, al: &AllianceLexicon) -> bool {
    let digits = w.trim_start_matches("ke-");
    al.member_modifiers.contains(w)
        || (digits.starts_with(|c: char| c.is_ascii_digit())
            && digits
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .chars()
                .all(|c| c.is_ascii_alphabetic()))
}

/// Words that may stand between a state and the membership noun that
/// describes it ("Hungary, a member", "Estonia has been a NATO member",
/// "Myanmar is still formally a member", "Hongaria, yang juga anggota Uni
/// Eropa", "Norway, which is a NATO member").
fn describes(w: &str, al: &AllianceLexicon) -> bool {
    modifier(w, al)
        || matches!(
            w,
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
                | "yang"
                | "which"
                | "who"
                | "are"
                | "were"
                | "both"
                | "remain"
                | "remains"
                | "remained"
                | "negara"
                | "countries"
                | "states"
                | "nations"
                | "that"
        )
}

/// The list of states a membership noun ending at token `e` names: after it
/// (introduced, or an appositive closed by a comma or the end), else before it.
fn named_members(
    f: &Facts,
    e: usize,
    org_next_end: Option<usize>,
    noun_start: usize,
    al: &AllianceLexicon,
) -> Vec<String> {
    // "Its four members today, A, B, C and D": a time word may follow.
    let mut after_noun = org_next_end.unwrap_or(e);
    while f.lower.get(after_noun).is_some_and(|w| {
        matches!(
            *w,
            "today" | "now" | "currently" | "kini" | "sekarang" | "saat ini"
        )
    }) {
        after_noun += 1;
    }
    let listed = f.lists.iter().find(|l| listed_after(f, l, after_noun));
    if let Some(l) = listed {
        return l.ids.clone();
    }
    let Some(l) = f.lists.iter().find(|l| {
        l.end <= noun_start
            && noun_start - l.end <= 6
            && f.lower[l.end..noun_start].iter().all(|w| describes(w, al))
    }) else {
        return Vec::new();
    };
    let mut ids = l.ids.clone();
    // "Malaysia bersama Indonesia dan Filipina tergabung dalam ...", "...,
    // dan bersama Australia, Inggris, serta Selandia Baru tergabung dalam
    // FPDA": the subject before "bersama" (a list, or "kedua negara") is in
    // it too.
    if let Some(intro) = super::events::together_with(f, l.start) {
        let before = f
            .lists
            .iter()
            .find(|k| k.end <= intro && intro - k.end <= 1)
            .map(|k| k.ids.clone());
        let pronoun = || {
            f.found
                .get(cat::GROUP_PRONOUNS)
                .iter()
                .any(|p| tok_end(f.toks, p.end) <= intro)
                .then(|| f.group_subject())
        };
        push_new(&mut ids, &before.or_else(pronoun).unwrap_or_default());
    }
    // "Slovakia, which like Hungary is a member of ...", "Slowakia, yang
    // seperti Hongaria merupakan anggota ...": the state compared with is
    // one, and so is the one the relative clause is about.
    let like = |k: usize| matches!(f.lower.get(k), Some(&("like" | "seperti" | "sebagaimana")));
    let which = |k: usize| matches!(f.lower.get(k), Some(&("which" | "yang")));
    if l.start >= 3
        && like(l.start - 1)
        && which(l.start - 2)
        && f.lower[l.start - 3] == ","
        && let Some(k) = f.lists.iter().find(|k| k.end == l.start - 3)
    {
        push_new(&mut ids, &k.ids);
    }
    ids
}

/// List `l` is named right after the membership noun ending at `after_noun`.
fn listed_after(f: &Facts, l: &StateList, after_noun: usize) -> bool {
    let gap = &f.lower[after_noun.min(l.start)..l.start];
    let introduced = f.found.get(cat::LIST_INTRO).iter().any(|li| {
        let ti = tok_at(f.toks, li.start);
        ti >= after_noun && ti < l.start
    });
    // "... anggota ASEAN yang paling terdampak, Filipina dan Vietnam, serta ...":
    // an appositive list after a comma, closed by a comma or the end.
    let closed = f
        .lower
        .get(l.end)
        .is_none_or(|w| matches!(*w, "," | "." | ";" | ")" | "serta" | "dan" | "and"));
    // "lima anggota ASEAN yang paling rentan terhadap asap, yakni Brunei, ...":
    // an introducing word right before the list reaches past a short clause.
    let introduced_here = f
        .found
        .get(cat::LIST_INTRO)
        .iter()
        .any(|li| tok_end(f.toks, li.end) == l.start && tok_at(f.toks, li.start) >= after_noun);
    let reach = l.start.saturating_sub(after_noun);
    let reach_ok = reach <= 6
        || (introduced_here && reach <= 12 && !gap.iter().any(|w| matches!(*w, "." | ";")));
    l.by_name
        && l.start >= after_noun
        && reach_ok
        && (gap.is_empty()
            || introduced
            || gap == [","]
            || gap == [":"]
            || (gap.last() == Some(&",") && closed))
}

/// The last organisation the sentence names before token `s`, else the one
/// the sentences before are about.
fn org_before_or_context(f: &Facts, s: usize) -> Option<String> {
    f.orgs
        .iter()
        .rev()
        .find(|o| o.end <= s)
        .map(|o| o.id.clone())
        .or_else(|| f.context_org.clone())
}

/// Members named around membership nouns.
pub(super) fn members(f: &Facts, lex: &Lexicon, acc: &mut BTreeMap<String, Acc>) {
    let al = &lex.alliances;
    let event_spans: Vec<(usize, usize)> = f
        .found
        .get(cat::EVENTS)
        .iter()
        .map(|m| (m.start, m.end))
        .collect();
    for &mem in f.found.get(cat::MEMBERSHIP) {
        if event_spans
            .iter()
            .any(|&(a, b)| mem.start < b && a < mem.end)
        {
            continue;
        }
        let (s, e) = f.span(mem.start, mem.end);
        // "members of the Russian-led CSTO": a leader may stand between.
        let org_next = f.orgs.iter().find(|o| {
            o.start >= e
                && o.start - e <= 3
                && f.lower[e..o.start].iter().all(|w| {
                    matches!(*w, "of" | "the" | "dari" | "both" | "kedua") || w.ends_with("-led")
                })
        });
        // "the CSTO's six members", "NATO members".
        let org_prev = f.orgs.iter().rev().find(|o| {
            o.end <= s && s - o.end <= 4 && f.lower[o.end..s].iter().all(|w| modifier(w, al))
        });
        // "Its four members", "their members", "anggotanya": the bloc named
        // before in the sentence ("joined the EAC, becoming its eighth
        // member"), else the one the sentence before was about, not one
        // named later in this one.
        let possessive = f.lower[s.saturating_sub(3)..s]
            .iter()
            .any(|w| matches!(*w, "its" | "their"))
            || f.lower[s..e].iter().any(|w| w.ends_with("nya"));
        let first_in_sentence = || f.orgs.first().map(|o| o.id.clone());
        let org = org_next.or(org_prev).map(|o| o.id.clone()).or_else(|| {
            if possessive {
                org_before_or_context(f, s).or_else(first_in_sentence)
            } else {
                first_in_sentence().or_else(|| f.context_org.clone())
            }
        });
        let relative = relative_org(f, s, al);
        let Some(org) = relative.map(|(o, _)| o.id.clone()).or(org) else {
            continue;
        };
        let noun_start = org_prev.map_or(s, |o| o.start);
        let mut named = named_members(f, e, org_next.map(|o| o.end), noun_start, al);
        if named.is_empty() {
            named = implied_members(f, noun_start, relative.map(|(_, p)| p), al);
        }
        if named.is_empty() {
            named = fellow_of(f, s);
        }
        if named.is_empty() {
            continue;
        }
        // "members of NATO and the European Union": both organisations.
        let mut orgs = vec![org];
        if relative.is_none()
            && let Some(first) = org_next
        {
            let mut end = first.end;
            while let Some(o) = f.orgs.iter().find(|o| {
                o.start >= end
                    && o.start - end <= 2
                    && !f.lower[end..o.start].is_empty()
                    && f.lower[end..o.start]
                        .iter()
                        .all(|w| matches!(*w, "and" | "dan" | "serta" | "," | "the" | "(" | ")"))
            }) {
                if !orgs.contains(&o.id) {
                    orgs.push(o.id.clone());
                }
                end = o.end;
            }
        }
        for org in orgs {
            let a = organisation(acc, org);
            for id in &named {
                a.member(id, "member", None);
            }
            a.evidence(f.sent);
        }
    }
}

/// "Mali, Burkina Faso and Niger say their Alliance of Sahel States is here
/// to stay", "Kenya and Uganda rely on their EAC partners": the states that
/// open the sentence call the organisation theirs; they are its members.
pub(super) fn possessed(f: &Facts, acc: &mut BTreeMap<String, Acc>) {
    let Some(subject) = f.lists.first().filter(|l| l.ids.len() >= 2 && l.by_name) else {
        return;
    };
    for o in &f.orgs {
        let theirs = o.start >= 1
            && f.lower[o.start - 1] == "their"
            && o.start > subject.end
            && o.start - 1 - subject.end <= 6
            && !f.lower[subject.end..o.start - 1]
                .iter()
                .any(|w| matches!(*w, "." | ";" | ":" | "," | "with" | "and" | "to" | "of"));
        if !theirs {
            continue;
        }
        let a = organisation(acc, o.id.clone());
        for id in &subject.ids {
            a.member(id, "member", None);
        }
        a.evidence(f.sent);
    }
}

/// "Japan joined the sanctions of its fellow members of the G7", "Malaysia
/// dan sesama anggota ASEAN": who has fellow members is one itself — the
/// sentence's first state, named before the membership noun at `s`.
fn fellow_of(f: &Facts, s: usize) -> Vec<String> {
    let fellow = f.lower[s.saturating_sub(2)..s]
        .iter()
        .any(|w| matches!(*w, "fellow" | "sesama"));
    match f.states.first() {
        Some(m) if fellow && m.end <= s => vec![m.id.clone()],
        _ => Vec::new(),
    }
}

/// "the Organization of American States, of which it is a founding member":
/// the organisation a relative clause before the membership noun at `s`
/// refers to, and the start of the clause's pronoun subject.
fn relative_org<'f>(f: &'f Facts, s: usize, al: &AllianceLexicon) -> Option<(&'f M, usize)> {
    // "the OAS, of which both Ecuador and Mexico are members": the states
    // may be named in the clause.
    let in_list = |i: usize| f.lists.iter().any(|l| l.start <= i && i < l.end);
    let k = (s.saturating_sub(12)..s).find(|&k| {
        f.lower[k..].starts_with(&[",", "of", "which"])
            && (k + 3..s).all(|i| {
                let w = f.lower[i];
                describes(w, al) || matches!(w, "it" | "they") || in_list(i)
            })
    })?;
    let org = f.orgs.iter().find(|o| o.end == k)?;
    Some((org, k + 3))
}

/// Members a membership noun at `noun_start` names through a pronoun
/// subject: "Both countries are members of NATO" (the states named together
/// just before), "..., of which it is a founding member" (`it`: the
/// sentence's first state; `relative` gives where the clause's subject starts).
fn implied_members(
    f: &Facts,
    noun_start: usize,
    relative: Option<usize>,
    al: &AllianceLexicon,
) -> Vec<String> {
    if let Some(p) = relative {
        return match f.lower.get(p) {
            Some(&"it") => f
                .states
                .first()
                .map(|m| vec![m.id.clone()])
                .unwrap_or_default(),
            Some(&"they") if f.sentence_states.len() >= 2 => f.sentence_states.clone(),
            Some(&"they") => f.context_list.clone().unwrap_or_default(),
            _ => Vec::new(),
        };
    }
    let pronoun = f.found.get(cat::GROUP_PRONOUNS).iter().any(|p| {
        let pe = tok_end(f.toks, p.end);
        pe <= noun_start
            && noun_start - pe <= 6
            && f.lower[pe..noun_start]
                .iter()
                .all(|w| describes(w, al) || matches!(*w, "all" | "semuanya"))
    });
    if !pronoun {
        // "In July 2024 it also became a full member of the SCO".
        return f
            .singular_subject
            .as_ref()
            .filter(|(p, _)| {
                *p < noun_start && f.lower[p + 1..noun_start].iter().all(|w| describes(w, al))
            })
            .map(|(_, id)| vec![id.clone()])
            .unwrap_or_default();
    }
    f.group_subject()
}

/// The payload id of `inclusion` forms in the composition phrase set
/// ("also includes"); `composition` forms are 0.
pub(crate) const INCLUSION: u32 = 1;

/// "The six-member bloc, made up of Saudi Arabia, the UAE, ...".
pub(super) fn composition(f: &Facts, lex: &Lexicon, acc: &mut BTreeMap<String, Acc>) {
    for &c in f.found.get(cat::COMPOSITION) {
        let (s, e) = f.span(c.start, c.end);
        let org = if c.id == INCLUSION {
            // Inclusion: the organisation is the subject right before.
            f.orgs
                .iter()
                .rev()
                .find(|o| {
                    o.end <= s
                        && s - o.end <= 2
                        && f.lower[o.end..s]
                            .iter()
                            .all(|w| modifier(w, &lex.alliances))
                })
                .map(|o| o.id.clone())
        } else {
            org_before_or_context(f, s)
        };
        // "beranggotakan sembilan negara: Bangladesh, ...": a count and a
        // noun for states may come between.
        let list = f.lists.iter().find(|l| {
            l.start >= e
                && l.start - e <= 5
                && f.lower[e..l.start].iter().all(|w| {
                    modifier(w, &lex.alliances)
                        || matches!(
                            *w,
                            ":" | ","
                                | "the"
                                | "negara"
                                | "countries"
                                | "states"
                                | "nations"
                                | "members"
                                | "anggota"
                                | "of"
                                | "yaitu"
                                | "yakni"
                                | "antara"
                                | "lain"
                                | "seperti"
                                | "termasuk"
                                | "including"
                                | "such"
                                | "as"
                                | "namely"
                        )
                })
        });
        if let (Some(org), Some(list)) = (org, list) {
            let a = organisation(acc, org);
            for id in &list.ids {
                a.member(id, "member", None);
            }
            a.evidence(f.sent);
        }
    }
}

/// "the Shanghai Cooperation Organisation (SCO), the Eurasian security bloc
/// led by China and Russia": an organisation
/// described by an appositive whose head is a reference noun ending right
/// before token `s`, with no other actor in between.
fn described_before<'f>(f: &'f Facts, s: usize, al: &AllianceLexicon) -> Option<&'f M> {
    let head = s.checked_sub(1)?;
    if !al.reference_nouns.contains(f.lower[head]) {
        return None;
    }
    let org = f
        .orgs
        .iter()
        .filter(|o| o.end < head && head - o.end <= 6)
        .max_by_key(|o| o.end)?;
    // "(SCO), the ... bloc": the acronym's bracket may close first.
    let mut between = &f.lower[org.end..head];
    if between.first() == Some(&")") {
        between = &between[1..];
    }
    let clean = between.first() == Some(&",")
        && !between[1..]
            .iter()
            .any(|w| matches!(*w, "," | "." | ";" | "and" | "dan"))
        && !f
            .states
            .iter()
            .any(|m| m.start >= org.end && m.start < head);
    clean.then_some(org)
}

/// "CSTO yang dipimpin Kremlin", "the Kremlin-led CSTO": the leader is a member.
pub(super) fn leaders(f: &Facts, lex: &Lexicon, acc: &mut BTreeMap<String, Acc>) {
    let al = &lex.alliances;
    for &l in f.found.get(cat::LED_BY) {
        let (s, e) = f.span(l.start, l.end);
        let org = f
            .orgs
            .iter()
            .filter(|o| o.end <= s && s - o.end <= 3)
            .max_by_key(|o| o.end)
            .or_else(|| described_before(f, s, al));
        // "led by China and Russia": every state of the list leads.
        let leaders: Vec<String> = match f.lists.iter().find(|l| l.start >= e && l.start - e <= 2) {
            Some(l) => l.ids.clone(),
            None => f
                .states
                .iter()
                .filter(|m| m.start >= e && m.start - e <= 2)
                .min_by_key(|m| m.start)
                .map(|m| vec![m.id.clone()])
                .unwrap_or_default(),
        };
        if let Some(org) = org
            && !leaders.is_empty()
        {
            let a = organisation(acc, org.id.clone());
            for id in &leaders {
                a.member(id, "leader", None);
            }
            a.evidence(f.sent);
        }
    }
    for st in &f.states {
        if f.sent.text[st.byte_end..].starts_with("-led") {
            let after = tok_end(f.toks, st.byte_end + 4);
            if let Some(org) = f
                .orgs
                .iter()
                .filter(|o| o.start >= after && o.start - after <= 2)
                .min_by_key(|o| o.start)
            {
                let a = organisation(acc, org.id.clone());
                a.member(&st.id, "leader", None);
                a.evidence(f.sent);
            }
        }
    }
}

/// "the Pro-Tempore President of CELAC", "memegang keketuaan ASEAN": the
/// chairing state is a member.
pub(super) fn chairs(f: &Facts, acc: &mut BTreeMap<String, Acc>) {
    for &ch in f.found.get(cat::CHAIR) {
        let (s, e) = f.span(ch.start, ch.end);
        let after = f
            .orgs
            .iter()
            .filter(|o| o.start >= e && o.start - e <= 8)
            .min_by_key(|o| o.start);
        // "ketua bersama konferensi ... di markas PBB": what is chaired is
        // held at the organisation, not the organisation.
        if after.is_some_and(|o| {
            f.lower[e..o.start]
                .iter()
                .any(|w| matches!(*w, "di" | "at" | "in" | "dalam" | "on"))
        }) {
            continue;
        }
        let org = after
            .or_else(|| f.orgs.first())
            .map(|o| o.id.clone())
            .or_else(|| f.context_org.clone());
        let state = f
            .states
            .iter()
            .filter(|m| m.end <= s && s - m.end <= 8)
            .max_by_key(|m| m.end);
        if let (Some(org), Some(state)) = (org, state) {
            let a = organisation(acc, org);
            a.member(&state.id, "chair", None);
            a.evidence(f.sent);
        }
    }
}
