//! Membership events: a state (or a list of them), an event phrase and an
//! organisation in one clause. "Armenia menghentikan sementara
//! partisipasinya dalam ... CSTO" is a suspension; "akan bergabung" is an
//! application, not membership; "tetap menjadi anggota" is a statement, not
//! a change; signing something with an organisation is not joining it.

use std::collections::BTreeMap;

use super::Acc;
use super::facts::{Facts, M, StateList, push_new, tok_at, tok_end};
use crate::brief::{AllianceKind, MembershipEvent};
use crate::lexicon::{Lexicon, cat};

/// The organisation an event phrase at tokens `s..e` is about: the nearest
/// after it, else before it, else (except for signing) the one the recent
/// sentences are about ("Sweden to join the following month"). Signing and
/// founding take no organisation from the context: what is signed or founded
/// is named in the clause, and when it is no organisation ("the format that
/// Poland, Germany and France set up") it is not the bloc named before.
fn organisation<'f>(
    f: &'f Facts,
    s: usize,
    e: usize,
    fresh: bool,
    organ_acts: bool,
) -> (Option<String>, Option<&'f M>) {
    // States join an organisation, not its commission or its missions
    // ("troops to join the AU mission in Somalia").
    let org_after = f
        .orgs
        .iter()
        .filter(|o| !o.body && o.start >= e && o.start - e <= 8)
        .min_by_key(|o| o.start);
    // An organisation suspends or reinstates through its organs ("the AU's
    // Peace and Security Council lifted the suspension").
    let org_before = f
        .orgs
        .iter()
        .filter(|o| (organ_acts || !o.body) && o.end <= s && s - o.end <= 6)
        .max_by_key(|o| o.end);
    let body_after = f
        .orgs
        .iter()
        .any(|o| o.body && o.start >= e && o.start - e <= 3);
    if org_after.is_none_or(|o| o.start - e > 3) && body_after {
        return (None, None);
    }
    // "... Mercosur, whose members are ...; Venezuela has been suspended
    // since 2016": the one organisation the sentence named before.
    let named_before = || {
        let mut before = f.orgs.iter().filter(|o| !o.body && o.end <= s);
        match (before.next(), before.next()) {
            (Some(o), None) => Some(o.id.clone()),
            _ => None,
        }
    };
    let org = org_after
        .or(org_before)
        .map(|o| o.id.clone())
        .or_else(|| (!fresh).then(named_before).flatten())
        .or_else(|| (!fresh).then(|| f.context_org.clone()).flatten());
    (org, org_before)
}

/// Who takes part in the event: the states named before the phrase; after it
/// when the organisation acts ("The African Union suspended Sudan"); for
/// "mereka", the states named together just before; with "together with",
/// the sentence's subject too.
fn subject(f: &Facts, s: usize, e: usize, org_before: Option<&M>) -> Vec<String> {
    let before = f
        .lists
        .iter()
        .filter(|l| l.end <= s && s - l.end <= 12)
        .max_by_key(|l| l.end);
    let after = f
        .lists
        .iter()
        .filter(|l| l.start >= e && l.start - e <= 3)
        .min_by_key(|l| l.start);
    // "ASEAN was founded in Bangkok in 1967 by Indonesia, ...", "didirikan
    // ... oleh Aljazair, Libya, ...": the organisation is the subject of a
    // passive and the states after "by" act.
    if org_before.is_some()
        && let Some(l) = agent(f, e)
    {
        return with_companions(f, l);
    }
    let mut subject: Vec<String> = match (before, after, org_before) {
        (Some(l), _, None) => l.ids.clone(),
        (Some(l), _, Some(o)) if l.end <= o.start => l.ids.clone(),
        (_, Some(l), Some(_)) => with_companions(f, l),
        (Some(l), _, _) => l.ids.clone(),
        (None, None, _) if f.pronoun_subject => f.group_subject(),
        (None, None, _) => f
            .singular_subject
            .as_ref()
            .filter(|(p, _)| *p < s)
            .map(|(_, id)| vec![id.clone()])
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    // "Niger ..., together with Mali and Burkina Faso, founded ...",
    // "Kenya dan Tanzania bersama Uganda dan Rwanda membentuk ...": the
    // states named right before "bersama" act too, else the sentence's first.
    if let Some(l) = before
        && let Some(intro) = together_with(f, l.start)
    {
        let named = f
            .lists
            .iter()
            .find(|k| k.end <= intro && intro - k.end <= 1)
            .map(|k| k.ids.clone())
            .or_else(|| f.states.first().map(|m| vec![m.id.clone()]))
            .unwrap_or_default();
        for id in named.into_iter().rev() {
            if !subject.contains(&id) {
                subject.insert(0, id);
            }
        }
    }
    subject
}

/// The states of `l` and those named right after it with "together with"
/// ("founded by Indonesia together with Malaysia, ...", "didirikan Rusia
/// bersama Brasil, India, dan China").
fn with_companions(f: &Facts, l: &StateList) -> Vec<String> {
    let mut ids = l.ids.clone();
    if let Some(next) = f
        .lists
        .iter()
        .find(|m| m.start > l.end && together_with(f, m.start).is_some_and(|intro| intro == l.end))
    {
        push_new(&mut ids, &next.ids);
    }
    ids
}

/// Where a "together with" ("bersama", "along with", "alongside") right
/// before token `start` begins.
pub(super) fn together_with(f: &Facts, start: usize) -> Option<usize> {
    let w = |k: usize| start.checked_sub(k).map(|i| f.lower[i]);
    if matches!(
        (w(2), w(1)),
        (
            Some("together" | "along" | "bersama" | "bersama-sama"),
            Some("with" | "dengan")
        )
    ) {
        return Some(start - 2);
    }
    matches!(w(1), Some("bersama" | "beserta" | "alongside")).then(|| start - 1)
}

/// The states named after "by"/"oleh" in the clause after token `e`.
fn agent<'f>(f: &'f Facts, e: usize) -> Option<&'f StateList> {
    f.lists.iter().find(|l| {
        let at = if l.start >= 2 && f.lower[l.start - 1] == "the" {
            l.start - 2
        } else {
            l.start.saturating_sub(1)
        };
        l.start > e
            && at >= e
            && l.start - e <= 12
            && matches!(f.lower[at], "by" | "oleh")
            && !f.lower[e..at]
                .iter()
                .any(|w| matches!(*w, "." | ";" | ":" | "," | "and" | "dan"))
    })
}

/// "joining Brazil, Russia, India, China and South Africa", "bergabung
/// dengan Brasil, Rusia, ...": when the organisation was named before the
/// join phrase, states named right after it are the members joined.
fn fellow_members<'f>(f: &'f Facts, e: usize, subject: &[String]) -> Option<&'f StateList> {
    let org_after = f
        .orgs
        .iter()
        .any(|o| !o.body && o.start >= e && o.start - e <= 8);
    if org_after {
        return None;
    }
    f.lists.iter().find(|l| {
        l.by_name
            && l.start >= e
            && l.start - e <= 1
            && f.lower[e..l.start].iter().all(|w| *w == "the")
            && !l.ids.iter().any(|id| subject.contains(id))
    })
}

/// Further states and dates that share the event phrase ending at token `e`
/// ("Burundi dan Rwanda bergabung pada 2007, Sudan Selatan pada 2016, dan
/// Somalia pada 2024"; "joined in 2007, South Sudan in 2016 and ..."): each
/// is a list of states, a date word and a date, after the date of the one
/// before, joined only by commas and conjunctions. A state that "followed"
/// ("Vietnam joined in 1995 and Cambodia followed in 1999", "dan Kamboja
/// menyusul pada 1999") shares the event too, with its own date if it has one.
fn gapped(f: &Facts, e: usize) -> Vec<(Vec<String>, Option<String>)> {
    let toks = f.toks;
    let date_at = |from: usize, within: usize| {
        f.sent.dates.iter().find_map(|(d, r)| {
            let t = tok_at(toks, r.start);
            (t >= from && t - from <= within).then(|| (d.to_string(), tok_end(toks, r.end)))
        })
    };
    // The event's own date, after the organisation when it follows
    // ("joined the European Union in 1995").
    let from = f
        .orgs
        .iter()
        .filter(|o| o.start >= e && o.start - e <= 3)
        .map(|o| o.end)
        .min()
        .unwrap_or(e);
    let Some((_, mut pos)) = date_at(from, 3) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    while let Some(l) = f.lists.iter().find(|l| {
        l.start > pos
            && l.start - pos <= 2
            && f.lower[pos..l.start]
                .iter()
                .all(|w| matches!(*w, "," | "dan" | "and" | "serta"))
    }) {
        let Some(w) = f.lower.get(l.end) else { break };
        let followed = matches!(*w, "followed" | "follows" | "menyusul");
        if followed {
            let mut at = l.end + 1;
            if f.lower.get(at) == Some(&"suit") {
                at += 1;
            }
            let dated = f
                .lower
                .get(at)
                .is_some_and(|w| matches!(*w, "pada" | "in" | "on" | "tahun"))
                .then(|| date_at(at + 1, 2))
                .flatten();
            out.push((l.ids.clone(), dated.as_ref().map(|(d, _)| d.clone())));
            match dated {
                Some((_, end)) => pos = end,
                None => break,
            }
            continue;
        }
        if !matches!(*w, "pada" | "in" | "on" | "tahun") {
            break;
        }
        let Some((date, end)) = date_at(l.end + 1, 2) else {
            break;
        };
        out.push((l.ids.clone(), Some(date)));
        pos = end;
    }
    out
}

/// States that take part alongside the subject, named after the event
/// phrase ending at `e` in the same clause: "joined ASEAN in 1997 together
/// with Myanmar", "bergabung dengan ASEAN pada 1997 bersama Myanmar", "was
/// among the founding members of the Forum in 1971, alongside New Zealand".
fn companions(f: &Facts, e: usize, subject: &[String]) -> Vec<String> {
    f.lists
        .iter()
        .filter(|l| {
            l.start > e
                && l.start - e <= 12
                && together_with(f, l.start).is_some()
                && !f.lower[e..l.start]
                    .iter()
                    .any(|w| matches!(*w, "." | ";" | ":"))
        })
        .flat_map(|l| l.ids.iter())
        .filter(|id| !subject.contains(id))
        .cloned()
        .collect()
}

/// A word of `observer` ("pengamat", "observer", "dialogue partner")
/// follows "as"/"sebagai" in the clause after token `e`.
fn observer_after(f: &Facts, e: usize, observer: &rustc_hash::FxHashSet<String>) -> bool {
    let stop = (e..f.lower.len())
        .find(|&k| matches!(f.lower[k], "." | ";" | ","))
        .unwrap_or(f.lower.len())
        .min(e + 10);
    (e..stop).any(|k| {
        matches!(f.lower[k], "as" | "sebagai")
            && (1..=3).any(|n| {
                k + 1 + n <= stop && observer.contains(&f.lower[k + 1..k + 1 + n].join(" "))
            })
    })
}

/// Record the sentence's membership events.
pub(super) fn record(f: &Facts, lex: &Lexicon, acc: &mut BTreeMap<String, Acc>) {
    let al = &lex.alliances;
    let partnership = !f.found.get(cat::PARTNERSHIP).is_empty();
    let events = f.found.get(cat::EVENTS);
    for &ev in events {
        // "mengajukan permohonan bergabung dengan": the phrase that starts
        // first (or is longer) says what happened; "bergabung" inside it is
        // no second event.
        if events.iter().any(|o| {
            o.start < ev.end
                && ev.start < o.end
                && (o.start < ev.start || (o.start == ev.start && o.end > ev.end))
        }) {
            continue;
        }
        let (s, e) = f.span(ev.start, ev.end);
        if f.negated_before(s) {
            continue;
        }
        let kind = &al.event_kinds[ev.id as usize];
        // "mengajukan permohonan | bergabung dengan": joining is what the
        // application asks for, no event of its own.
        let applied_before = events.iter().any(|o| {
            let (_, oe) = f.span(o.start, o.end);
            al.event_kinds[o.id as usize].action == "apply" && oe <= s && s - oe <= 2
        });
        if kind.action == "join" && applied_before {
            continue;
        }
        // "Uganda mendukung proses aksesi", "France backed Ukraine's bid to
        // join": who supports an accession is not the one acceding; a state
        // named between the verb and the phrase is.
        let supported = matches!(kind.action.as_str(), "join" | "apply")
            .then(|| (s.saturating_sub(4)..s).find(|&k| al.supporting.contains(f.lower[k])))
            .flatten()
            .map(|k| {
                f.states
                    .iter()
                    .filter(|m| m.start > k && m.end <= s)
                    .map(|m| m.id.clone())
                    .collect::<Vec<String>>()
            });
        if supported.as_ref().is_some_and(|v| v.is_empty()) {
            continue;
        }
        if kind.action == "sign" && partnership {
            continue; // signing a partnership between states: see partnerships
        }
        let (org, org_before) = organisation(
            f,
            s,
            e,
            matches!(kind.action.as_str(), "sign" | "found"),
            matches!(kind.action.as_str(), "suspend" | "reinstate" | "expel"),
        );
        let Some(org) = org else { continue };
        let is_supported = supported.is_some();
        let mut subject = supported.unwrap_or_else(|| subject(f, s, e, org_before));
        if subject.is_empty() {
            continue;
        }
        if org_before.is_none() {
            subject.extend(companions(f, e, &subject));
        }
        let mut action = kind.action.clone();
        let mut member = kind.member.clone();
        // "joined the initiative as observers", "bergabung sebagai
        // pengamat": a status short of membership.
        if action == "join" && observer_after(f, e, &al.observer) {
            continue;
        }
        let continuing = s > 0 && al.continuity.contains(f.lower[s - 1]);
        // Supporting someone's joining: it has not happened yet.
        if action == "join" && (f.modal_before(s) || is_supported) {
            action = "apply".into();
            member.clear();
        }
        if action == "sign" {
            member.clear();
        }
        let fellows = (action == "join")
            .then(|| fellow_members(f, e, &subject))
            .flatten();
        let mut parts = vec![(subject, f.date.clone())];
        if !continuing {
            parts.extend(gapped(f, e));
        }
        let a = acc.entry(org).or_default();
        a.kind = Some(AllianceKind::Organisation);
        for (subject, date) in parts {
            for id in &subject {
                let event = MembershipEvent {
                    actor: id.clone(),
                    action: action.clone(),
                    date: date.clone(),
                    paragraph: f.sent.paragraph,
                };
                if !continuing && !a.events.contains(&event) {
                    a.events.push(event);
                }
                if action == "reinstate" && !continuing {
                    a.restore(id, date.clone());
                } else if !member.is_empty() {
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
        }
        for id in fellows.iter().flat_map(|l| &l.ids) {
            a.member(id, "member", None);
        }
        a.evidence(f.sent);
    }
}
