//! Stage 5, actors: every mention of a state, organisation or group in the
//! title, the headings and each sentence, resolved to its actor id through
//! the gazetteer (Aho–Corasick on word boundaries, longest match).
//!
//! A capital after a locative word ("di Beijing", "from Baku") is a place,
//! not its government acting: such mentions are kept but marked, and an
//! actor named only that way is not listed. A group that became a
//! government (the Taliban in Afghanistan from August 2021) is read as that
//! state in documents about events after that date.

use std::collections::HashMap;

use super::acronyms::{self, Defined};
use super::dates::{Date, DocDates};
use super::segment::Document;
use crate::brief::{Actor, ActorKind};
use crate::lexicon::{AliasKind, Gazetteer, Lexicon};

/// A resolved actor mention in one piece of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActorMention {
    pub id: String,
    pub start: usize,
    pub end: usize,
    pub kind: AliasKind,
    /// A capital named as a place.
    pub locative: bool,
    /// An organisation the document itself defines (not in the gazetteer).
    pub defined: bool,
}

/// Mentions in every part of a document.
#[derive(Debug, Clone, Default)]
pub struct DocActors {
    pub title: Vec<ActorMention>,
    /// Per section: the mentions in its heading.
    pub headings: Vec<Vec<ActorMention>>,
    /// Per paragraph, per sentence.
    pub sentences: Vec<Vec<Vec<ActorMention>>>,
    /// Organisations the document defines by an acronym in brackets.
    pub defined: Vec<Defined>,
}

impl DocActors {
    pub fn of(&self, p: usize, s: usize) -> &[ActorMention] {
        self.sentences
            .get(p)
            .and_then(|v| v.get(s))
            .map_or(&[], Vec::as_slice)
    }
}

/// Find and resolve the mentions in `doc`.
pub fn find(doc: &Document, dates: &DocDates, lang: &str, lex: &Lexicon) -> DocActors {
    let gaz = &lex.gazetteer;
    let latest = dates
        .sentences
        .iter()
        .flatten()
        .flatten()
        .map(|d| d.0)
        .max();
    let texts = std::iter::once(doc.title.as_str())
        .chain(doc.sections.iter().filter_map(|s| s.heading.as_deref()))
        .chain(doc.paragraphs.iter().flat_map(|p| p.sentence_texts()));
    let defined = acronyms::definitions(texts, lang, gaz, &lex.relations);
    let resolve = |text: &str| {
        let mut ms = mentions_in(text, lang, gaz, latest, &lex.relations);
        add_defined(text, &defined, &mut ms);
        ms
    };
    DocActors {
        title: resolve(&doc.title),
        headings: doc
            .sections
            .iter()
            .map(|s| s.heading.as_deref().map(&resolve).unwrap_or_default())
            .collect(),
        sentences: doc
            .paragraphs
            .iter()
            .map(|p| p.sentence_texts().map(&resolve).collect())
            .collect(),
        defined,
    }
}

/// Mentions of the organisations the document defines: their acronyms, and
/// a new organisation's full name (which hides the gazetteer's mentions
/// inside it: "Colombo" in "Colombo Security Conclave" is not Sri Lanka).
fn add_defined(text: &str, defined: &[Defined], ms: &mut Vec<ActorMention>) {
    if defined.is_empty() {
        return;
    }
    let mut added: Vec<ActorMention> = Vec::new();
    for d in defined {
        let mut spans: Vec<(usize, usize)> = acronyms::whole_words(text, &d.acronym).collect();
        if let Some(name) = &d.name {
            let names: Vec<(usize, usize)> = acronyms::whole_words(text, name).collect();
            ms.retain(|m| !names.iter().any(|&(s, e)| m.start < e && s < m.end));
            spans.extend(names);
        }
        for (start, end) in spans {
            let overlaps = |m: &ActorMention| m.start < end && start < m.end;
            if !ms.iter().any(overlaps) && !added.iter().any(overlaps) {
                added.push(ActorMention {
                    id: d.id.clone(),
                    start,
                    end,
                    kind: if d.name.is_some() && end - start > d.acronym.len() {
                        AliasKind::Name
                    } else {
                        AliasKind::Acronym
                    },
                    locative: false,
                    defined: d.name.is_some(),
                });
            }
        }
    }
    ms.extend(added);
    ms.sort_by_key(|m| (m.start, m.end));
}

fn mentions_in(
    text: &str,
    lang: &str,
    gaz: &Gazetteer,
    latest: Option<Date>,
    words: &crate::lexicon::RelationLexicon,
) -> Vec<ActorMention> {
    gaz.find(text, lang)
        .into_iter()
        .map(|m| {
            let info = gaz.actor(m.actor);
            let id = match &info.governs {
                Some((state, since)) if governs_by(latest, since) => state.clone(),
                _ => info.id.clone(),
            };
            let currency = is_currency(text, m.start, m.end, words);
            let is_loc = currency
                || matches!(m.kind, AliasKind::Capital | AliasKind::Metonym) && {
                    let before = text[..m.start].trim_end();
                    let prev = before
                        .rsplit(|c: char| !c.is_alphanumeric())
                        .next()
                        .unwrap_or("");
                    words.locative.contains(&prev.to_lowercase())
                        || names_a_document(text, m.start, m.end, words)
                };
            ActorMention {
                id,
                start: m.start,
                end: m.end,
                kind: m.kind,
                locative: is_loc,
                defined: false,
            }
        })
        .collect::<Vec<_>>()
        .into_iter()
        .scan(None::<(String, usize)>, |place, mut m| {
            // "di Nuku'alofa, Tonga", "in Cotonou, Benin": the state named
            // after a comma to locate its capital is the same place.
            if let Some((id, end)) = place.as_ref()
                && *id == m.id
                && text[*end..m.start].trim() == ","
            {
                m.locative = true;
            }
            *place =
                (m.locative && matches!(m.kind, AliasKind::Capital)).then(|| (m.id.clone(), m.end));
            Some(m)
        })
        .collect()
}

/// A state in a currency's name: "dolar AS", "US dollars", "dolar Singapura".
fn is_currency(
    text: &str,
    start: usize,
    end: usize,
    words: &crate::lexicon::RelationLexicon,
) -> bool {
    let before = text[..start].split_whitespace().next_back().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let after = text[end..].split_whitespace().next().map(|w| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
    });
    let glued = text[end..].starts_with('$');
    before.is_some_and(|w| words.currency_before.contains(&w))
        || (text[end..].starts_with(' ')
            && after.is_some_and(|w| words.currency_after.contains(&w)))
        || glued
}

/// A city in the name of a document: "the Algiers Agreement", "the Minsk
/// agreements", "Perjanjian Pretoria", "the Treaty of Lisbon".
fn names_a_document(
    text: &str,
    start: usize,
    end: usize,
    words: &crate::lexicon::RelationLexicon,
) -> bool {
    let word = |s: &str| s.chars().all(|c| c.is_alphanumeric() || c == '-') && !s.is_empty();
    let next = text[end..]
        .split(|c: char| !c.is_alphanumeric() && c != 'é')
        .find(|w| !w.is_empty())
        .map(str::to_lowercase);
    if next.is_some_and(|w| words.document_after.contains(&w)) && text[end..].starts_with(' ') {
        return true;
    }
    let before: Vec<String> = text[..start]
        .split(|c: char| c.is_whitespace())
        .filter(|w| word(w))
        .rev()
        .take(2)
        .map(str::to_lowercase)
        .collect();
    let one = before.first().cloned().unwrap_or_default();
    let two = match before.get(1) {
        Some(w) => format!("{w} {one}"),
        None => String::new(),
    };
    text[..start].ends_with(' ')
        && (words.document_before.contains(&one) || words.document_before.contains(&two))
}

/// Does a text whose latest date is `latest` speak of a time after `since` (`YYYY-MM`)?
fn governs_by(latest: Option<Date>, since: &str) -> bool {
    match (latest, Date::parse(since)) {
        (Some(l), Some(s)) => l >= s,
        _ => false,
    }
}

/// The actors of a document with their mention counts, most mentioned first.
/// Actors named only as a place are left out.
pub fn summarize(found: &DocActors, lex: &Lexicon) -> Vec<Actor> {
    let mut counts: HashMap<&str, (u32, u32)> = HashMap::new();
    let all = found
        .title
        .iter()
        .chain(found.headings.iter().flatten())
        .chain(found.sentences.iter().flatten().flatten());
    for m in all {
        let e = counts.entry(m.id.as_str()).or_default();
        e.0 += 1;
        if !m.locative {
            e.1 += 1;
        }
    }
    let gaz = &lex.gazetteer;
    let mut out: Vec<Actor> = counts
        .into_iter()
        .filter(|(_, (_, acting))| *acting > 0)
        .map(|(id, (n, _))| {
            let defined = found
                .defined
                .iter()
                .find(|d| d.id == id && d.name.is_some());
            let (name, kind) = match (gaz.index(id), defined) {
                (Some(i), _) => (gaz.actor(i).name.clone(), gaz.actor(i).kind),
                (None, Some(d)) => (d.name.clone().unwrap_or_default(), ActorKind::Organisation),
                (None, None) => (id.to_string(), ActorKind::State),
            };
            Actor {
                id: id.to_string(),
                name,
                kind,
                mentions: n,
            }
        })
        .collect();
    out.sort_by(|a, b| b.mentions.cmp(&a.mentions).then_with(|| a.id.cmp(&b.id)));
    out
}

#[cfg(test)]
mod tests {
    use crate::ingest::{Format, document, extract, lang};
    use crate::lexicon::shared;

    fn actor_ids(text: &str) -> Vec<String> {
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        let mut ids: Vec<String> = extract(&doc, &lang::detect(text), lex)
            .actors
            .into_iter()
            .map(|a| a.id)
            .collect();
        ids.sort();
        ids
    }

    #[test]
    fn actors_of_the_sample_sources() {
        assert_eq!(
            actor_ids(include_str!("../../sources/000_f5840cd7195cf325.txt")),
            ["ARM", "AZE", "RUS", "SUN", "TUR"]
        );
        assert_eq!(
            actor_ids(include_str!("../../sources/002_fea91339883cd94f.txt")),
            [
                "AFG", "ARM", "AZE", "CSTO", "EU", "ICC", "IRN", "ISR", "KAZ", "NATO", "PRK",
                "RUS", "SUN", "SYR", "TUR", "UKR", "USA"
            ]
        );
    }

    #[test]
    fn names_capitals_leaders_and_acronyms_in_both_languages() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Menteri Luar Negeri Retno Marsudi bertemu mitranya dari Malaysia di Kuala Lumpur.",
                &["IDN", "MYS"],
            ),
            (
                "Hanoi dan Manila menandatangani nota kesepahaman penjaga pantai.",
                &["PHL", "VNM"],
            ),
            (
                "PBB dan Uni Eropa mengecam serangan Houthi di Laut Merah.",
                &["EU", "UN"],
            ),
            (
                "Prime Minister Shehbaz Sharif said Islamabad would respond to New Delhi.",
                &["IND", "PAK"],
            ),
            (
                "The Kremlin and the White House traded accusations as NATO allies met in Vilnius.",
                &["NATO", "RUS", "USA"],
            ),
            ("Hamas dan Hizbullah memuji Teheran.", &["IRN"]),
            ("Negara-negara Amerika Latin dan Samudra Hindia.", &[]),
            // An outlet named after a country is a source, not the state.
            (
                "Kenya resmi bergabung dengan forum itu, lapor CNN Indonesia dan Bangkok Post.",
                &["KEN"],
            ),
            (
                "Pejabat AS dan RRT bertemu di Jenewa, as planned.",
                &["CHN", "USA"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(actor_ids(text), *want, "{text}");
        }
    }

    #[test]
    fn a_state_that_locates_its_capital_is_a_place() {
        // Written for this test, both languages: "di Nuku'alofa, Tonga" and
        // "in Cotonou, Benin" say where; Tonga and Benin are no parties.
        let lex = shared();
        for (text, place, parties) in [
            (
                "Para menteri Fiji dan Samoa bertemu di Nuku'alofa, Tonga, dan menyepakati patroli bersama.",
                "TON",
                ["FJI", "WSM"],
            ),
            (
                "The ministers of Nigeria and Niger met in Cotonou, Benin, and agreed to reopen the border.",
                "BEN",
                ["NER", "NGA"],
            ),
        ] {
            let doc = document(text, Format::Text, lex).unwrap();
            let x = extract(&doc, &crate::ingest::lang::detect(text), lex);
            let pairs: Vec<String> = x
                .relations
                .iter()
                .map(|r| format!("{}-{}", r.a, r.b))
                .collect();
            assert!(
                pairs.iter().all(|p| !p.contains(place)),
                "{text}: {pairs:?}"
            );
            assert!(pairs.contains(&parties.join("-")), "{text}: {pairs:?}");
        }
    }

    #[test]
    fn non_state_groups_are_kept_apart_from_states_and_organisations() {
        // Written for this test: the group is listed, and its relation is a
        // group relation, not one of the brief's relations between states.
        let text = "Houthi menyerang kapal-kapal Amerika Serikat di Laut Merah pada Januari 2024.";
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        let x = extract(&doc, "id", lex);
        assert!(x.groups.iter().any(|g| g.id == "HOUTHI"), "{:?}", x.groups);
        assert!(x.actors.iter().all(|a| a.id != "HOUTHI"));
        assert!(
            x.relations
                .iter()
                .all(|r| r.a != "HOUTHI" && r.b != "HOUTHI")
        );
        assert!(
            x.group_relations
                .iter()
                .any(|r| r.a == "HOUTHI" && r.b == "USA"),
            "{:?}",
            x.group_relations
        );
    }

    #[test]
    fn a_city_in_the_name_of_a_document_is_not_its_state() {
        // Written for this test, both languages.
        assert_eq!(
            actor_ids("Ethiopia and Eritrea ended the war under the Algiers Agreement."),
            ["ERI", "ETH"]
        );
        assert_eq!(
            actor_ids(
                "Etiopia dan Eritrea menandatangani Perjanjian Pretoria tentang gencatan senjata."
            ),
            ["ERI", "ETH"]
        );
        assert_eq!(
            actor_ids("The Treaty of Lisbon changed how the European Union works."),
            ["EU"]
        );
        // The capital acting is still its state.
        assert_eq!(
            actor_ids("Pretoria condemned the attack on its embassy."),
            ["ZAF"]
        );
    }

    #[test]
    fn a_city_in_the_name_of_a_meeting_is_a_venue() {
        // Written for this test, both languages: a summit or conference
        // named after a capital is held there; the capital is not acting.
        assert_eq!(
            actor_ids("Hungary blocked Sweden's bid at the alliance's Lisbon summit."),
            ["HUN", "SWE"]
        );
        assert_eq!(
            actor_ids("Mesir dan Sudan membahas bendungan itu dalam KTT Nairobi pekan lalu."),
            ["EGY", "SDN"]
        );
        assert_eq!(
            actor_ids("Chile and Peru agreed at the Canberra conference to share fishing data."),
            ["CHL", "PER"]
        );
        // A capital that acts before a meeting word is still its state.
        assert_eq!(
            actor_ids("Canberra hosted a summit of Pacific leaders."),
            ["AUS"]
        );
    }

    #[test]
    fn a_currency_is_not_its_state() {
        // Written for this test, both languages.
        assert_eq!(
            actor_ids("Sri Lanka menerima pinjaman 2 miliar dolar AS dari India."),
            ["IND", "LKA"]
        );
        assert_eq!(
            actor_ids("Kenya borrowed 500 million US dollars from China, and US$ 80 million more."),
            ["CHN", "KEN"]
        );
        // The state acting is still an actor.
        assert_eq!(
            actor_ids("The United States lent Kenya 500 million dollars for the railway."),
            ["KEN", "USA"]
        );
    }

    #[test]
    fn a_capital_named_as_a_place_is_not_an_actor() {
        assert_eq!(
            actor_ids("Arab Saudi dan Iran memulihkan hubungan di Beijing."),
            ["IRN", "SAU"]
        );
        assert_eq!(actor_ids("Beijing menentang kunjungan itu."), ["CHN"]);
    }

    #[test]
    fn taliban_is_afghanistan_after_august_2021() {
        assert_eq!(
            actor_ids("Pada Juli 2024, Putin menyebut Taliban sebagai sekutu."),
            ["AFG", "RUS"]
        );
        // Before: a non-state group, listed apart from the states.
        let text = "Pada 2010, pasukan AS memerangi Taliban.";
        assert_eq!(actor_ids(text), ["USA"]);
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        let groups: Vec<String> = extract(&doc, "id", lex)
            .groups
            .into_iter()
            .map(|g| g.id)
            .collect();
        assert_eq!(groups, ["TALIBAN"]);
    }
}
