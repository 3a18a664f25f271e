//! Relations that membership events imply: a state joining, applying to or
//! ratifying an organisation cooperates with it; one suspended from it,
//! leaving it or expelled from it is in conflict with it. Only for the pairs
//! a document is about — the event is in the headline or the lede, or both
//! sides are among the document's most named actors and the event is
//! reported more than once or the two are named most — since a member joining in a list of others is
//! an aside, not a relation. A pair the cue pass found keeps its relation.

use crate::brief::{Actor, Alliance, AllianceKind, Evidence, QuadClass, Relation, Stance, Trend};

/// The event's direction: +1 cooperation, -1 conflict, 0 neither.
fn polarity(action: &str) -> i32 {
    match action {
        // Founding is membership; co-founders' ties are `alliance_relations`.
        "join" | "apply" | "ratify" | "sign" | "reinstate" => 1,
        "suspend" | "leave" | "expel" => -1,
        _ => 0,
    }
}

/// How many of the most named actors count as the document's main ones.
const MAIN_ACTORS: usize = 5;

/// Relations implied by the organisations' membership events.
pub fn event_relations(
    alliances: &[Alliance],
    relations: &[Relation],
    actors: &[Actor],
) -> Vec<Relation> {
    let main: Vec<&str> = actors
        .iter()
        .take(MAIN_ACTORS)
        .map(|a| a.id.as_str())
        .collect();
    let mut out: Vec<Relation> = Vec::new();
    for al in alliances
        .iter()
        .filter(|a| a.kind == AllianceKind::Organisation)
    {
        let mut states: Vec<&str> = Vec::new();
        for e in &al.events {
            if !states.contains(&e.actor.as_str()) {
                states.push(&e.actor);
            }
        }
        for state in states {
            let events: Vec<_> = al
                .events
                .iter()
                .filter(|e| e.actor == state && polarity(&e.action) != 0)
                .collect();
            // The latest event says where the pair stands now: the one with
            // the latest date, an undated one in the headline or lede being
            // the news itself ("readmitted Guinea on Friday"); ties go to the
            // later in the text.
            let when = |e: &&crate::brief::MembershipEvent| match &e.date {
                Some(d) => d.clone(),
                None if e.paragraph <= 2 => "9999".to_string(),
                None => String::new(),
            };
            let Some(last) = events
                .iter()
                .enumerate()
                .max_by_key(|(i, e)| (when(e), *i))
                .map(|(_, e)| *e)
            else {
                continue;
            };
            // The headline is paragraph 1, the lede paragraph 2.
            let lede = events.iter().any(|e| e.paragraph <= 2);
            // Both among the main actors, and the event told twice or the
            // two among the three most named, each at least three times (the
            // document is about them).
            let top = |id: &str| actors.iter().take(3).any(|a| a.id == id && a.mentions >= 3);
            let central = main.contains(&state)
                && main.contains(&al.id.as_str())
                && (events.len() >= 2 || (top(state) && top(&al.id)));
            if !(lede || central) {
                continue;
            }
            let (a, b) = if state < al.id.as_str() {
                (state.to_string(), al.id.clone())
            } else {
                (al.id.clone(), state.to_string())
            };
            let known = |r: &Relation| r.a == a && r.b == b;
            if relations.iter().any(known) || out.iter().any(known) {
                continue;
            }
            let sign = polarity(&last.action);
            let evidence: Vec<Evidence> = events
                .iter()
                .filter_map(|e| {
                    al.evidence
                        .iter()
                        .find(|x| x.paragraph == e.paragraph)
                        .map(|x| Evidence {
                            text: x.text.clone(),
                            date: e.date.clone().or_else(|| x.date.clone()),
                            class: if polarity(&e.action) > 0 {
                                QuadClass::MaterialCooperation
                            } else {
                                QuadClass::MaterialConflict
                            },
                            paragraph: e.paragraph,
                        })
                })
                .fold(Vec::new(), |mut v, e| {
                    if !v.iter().any(|x: &Evidence| x.text == e.text) {
                        v.push(e);
                    }
                    v
                });
            if evidence.is_empty() {
                continue;
            }
            let mixed = events.iter().any(|e| polarity(&e.action) != sign);
            out.push(Relation {
                a,
                b,
                stance: if sign > 0 {
                    Stance::Cooperation
                } else {
                    Stance::Conflict
                },
                tone: if mixed {
                    2.0 * sign as f64
                } else {
                    4.0 * sign as f64
                },
                trend: if mixed {
                    if sign > 0 {
                        Trend::Improving
                    } else {
                        Trend::Worsening
                    }
                } else {
                    Trend::Unknown
                },
                evidence,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::ingest::{Format, document, extract, lang};
    use crate::lexicon::shared;

    fn rels(text: &str) -> Vec<String> {
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        extract(&doc, &lang::detect(text), lex)
            .relations
            .into_iter()
            .map(|r| format!("{}-{} {}", r.a, r.b, r.stance.as_str()))
            .collect()
    }

    // Written for these tests.

    #[test]
    fn a_lede_accession_is_a_relation() {
        let rs = rels(
            "Uzbekistan joins the Eurasian Economic Union\n\nUzbekistan joined the Eurasian Economic Union on Monday after years of talks.\n\nOfficials in Tashkent said trade would grow.\n",
        );
        assert!(rs.iter().any(|r| r == "EAEU-UZB cooperation"), "{rs:?}");
    }

    #[test]
    fn an_accession_of_the_two_main_actors_is_a_relation() {
        // The state and the organisation are the two most named actors and
        // the accession is told once, outside the lede.
        let rs = rels(
            "Kyrgyzstan's economy\n\nKyrgyzstan's economy grew by nine percent in 2025, the statistics office said.\n\nThe EAEU market now takes half of Kyrgyzstan's exports, according to the EAEU.\n\nKyrgyzstan became a member of the EAEU in August 2015.\n",
        );
        assert!(rs.iter().any(|r| r == "EAEU-KGZ cooperation"), "{rs:?}");
    }

    #[test]
    fn a_lede_suspension_is_a_conflict() {
        let rs = rels(
            "Guinea diskors dari ECOWAS\n\nECOWAS menangguhkan keanggotaan Guinea pada September 2021 setelah kudeta militer.\n\nPara pemimpin blok itu bertemu di Accra.\n",
        );
        assert!(rs.iter().any(|r| r == "ECOWAS-GIN conflict"), "{rs:?}");
    }

    #[test]
    fn a_member_joining_in_passing_is_not_a_relation() {
        let rs = rels(
            "Trade talks\n\nIndonesia and Brazil discussed nickel and soybean exports in Jakarta on Monday.\n\nThe two ministers also discussed climate finance and shipping.\n\nThe ministers said trade between the two countries grew in 2024.\n\nBrazil, which joined the BRICS as a founding member, hosts its summit next year.\n",
        );
        assert!(rs.iter().all(|r| !r.contains("BRICS")), "{rs:?}");
    }

    #[test]
    fn the_latest_dated_event_decides_and_an_undated_lede_event_is_now() {
        use super::event_relations;
        use crate::brief::{
            Actor, ActorKind, Alliance, AllianceEvidence, AllianceKind, MembershipEvent, Stance,
        };
        let ev = |action: &str, date: Option<&str>, paragraph: usize| MembershipEvent {
            actor: "NER".into(),
            action: action.into(),
            date: date.map(str::to_string),
            paragraph,
        };
        let said = |paragraph: usize| AllianceEvidence {
            text: format!("sentence of paragraph {paragraph}"),
            date: None,
            paragraph,
        };
        let actors = [
            ("NER", ActorKind::State),
            ("ECOWAS", ActorKind::Organisation),
        ]
        .map(|(id, kind)| Actor {
            id: id.into(),
            name: id.into(),
            kind,
            mentions: 4,
        });
        let stance = |events: Vec<MembershipEvent>| {
            let al = Alliance {
                id: "ECOWAS".into(),
                name: "ECOWAS".into(),
                kind: AllianceKind::Organisation,
                members: Vec::new(),
                evidence: events.iter().map(|e| said(e.paragraph)).collect(),
                events,
            };
            event_relations(&[al], &[], &actors)[0].stance
        };
        // Told news first, history after: the return (2026) is the state now.
        assert_eq!(
            stance(vec![
                ev("reinstate", Some("2026-03"), 2),
                ev("leave", Some("2025-01"), 3)
            ]),
            Stance::Cooperation
        );
        // "rejoined on Monday" in the lede, "withdrew in January 2025" later.
        assert_eq!(
            stance(vec![
                ev("reinstate", None, 2),
                ev("leave", Some("2025-01"), 3)
            ]),
            Stance::Cooperation
        );
        // Without dates the text's order decides.
        assert_eq!(
            stance(vec![ev("join", None, 3), ev("suspend", None, 4)]),
            Stance::Conflict
        );
    }
}
