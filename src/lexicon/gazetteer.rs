//! The gazetteer: states, organisations, non-state groups and the people
//! who speak for them, with every name that points to them, read from
//! `lexicon/states.toml`, `organisations.toml`, `groups.toml` and
//! `leaders.toml`.
//!
//! Case rules: an alias written in capitals in the lexicon (`AS`, `PBB`,
//! `NATO`) only matches in exactly that case; any other alias matches with
//! its first letter in the same case (so `Turkey` is a country and `turkey`
//! is not; `RUSIA` in a headline is Russia). Some acronyms hold in one
//! language only: `AS` is the United States in Indonesian text, `US` in
//! English text.

use std::collections::HashMap;

use serde::Deserialize;

use super::phrases::{PhraseMatch, PhraseSet};
use crate::brief::ActorKind;

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StateEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub acronyms_id: Vec<String>,
    #[serde(default)]
    pub acronyms_en: Vec<String>,
    #[serde(default)]
    pub capitals: Vec<String>,
    #[serde(default)]
    pub metonyms: Vec<String>,
    #[serde(default)]
    pub adjectives: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrganisationEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub acronyms_id: Vec<String>,
    #[serde(default)]
    pub acronyms_en: Vec<String>,
    #[serde(default)]
    pub bodies: Vec<String>,
    /// Cities that stand for the organisation as a capital stands for its
    /// state ("Brussels" for the EU): a place after a locative word.
    #[serde(default)]
    pub seats: Vec<String>,
    #[serde(default)]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupEntry {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub names: Vec<String>,
    #[serde(default)]
    pub acronyms: Vec<String>,
    #[serde(default)]
    pub acronyms_id: Vec<String>,
    #[serde(default)]
    pub acronyms_en: Vec<String>,
    /// The state the group governs de facto, from `governs_since` on.
    #[serde(default)]
    pub governs: String,
    #[serde(default)]
    pub governs_since: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonEntry {
    pub actor: String,
    pub names: Vec<String>,
    #[serde(default)]
    pub role: String,
}

/// The gazetteer files, as read.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GazetteerFiles {
    #[serde(default)]
    pub state: Vec<StateEntry>,
    #[serde(default)]
    pub organisation: Vec<OrganisationEntry>,
    #[serde(default)]
    pub group: Vec<GroupEntry>,
    #[serde(default)]
    pub person: Vec<PersonEntry>,
    /// Phrases that contain a name but name no actor ("Latin America").
    #[serde(default)]
    pub names: Vec<String>,
}

impl GazetteerFiles {
    pub fn merge(&mut self, other: GazetteerFiles) {
        self.state.extend(other.state);
        self.organisation.extend(other.organisation);
        self.group.extend(other.group);
        self.person.extend(other.person);
        self.names.extend(other.names);
    }
}

/// Actor index of stop phrases: matched, then dropped.
const NO_ACTOR: usize = usize::MAX;

/// How an alias names its actor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AliasKind {
    Name,
    Acronym,
    /// A capital city: as a place ("di Beijing") it is not the state acting.
    Capital,
    Metonym,
    Adjective,
    Person,
    Body,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LangOnly {
    Any,
    Id,
    En,
}

#[derive(Debug, Clone)]
struct Alias {
    actor: usize,
    kind: AliasKind,
    lang: LangOnly,
    exact_case: bool,
}

/// One actor the gazetteer knows.
#[derive(Debug, Clone)]
pub struct ActorInfo {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    /// For groups that became a government: the state and since when (`YYYY-MM`).
    pub governs: Option<(String, String)>,
}

/// A mention of an actor in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mention {
    /// Index into [`Gazetteer::actors`].
    pub actor: usize,
    pub start: usize,
    pub end: usize,
    pub kind: AliasKind,
}

#[derive(Debug, Clone)]
pub struct Gazetteer {
    pub actors: Vec<ActorInfo>,
    by_id: HashMap<String, usize>,
    aliases: Vec<Alias>,
    set: PhraseSet,
    /// Aliases that were listed for two actors (kept for the first).
    pub conflicts: Vec<(String, String, String)>,
}

fn is_acronym(s: &str) -> bool {
    let letters: Vec<char> = s.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.iter().all(|c| c.is_uppercase()) && s.chars().count() <= 8
}

impl Gazetteer {
    /// Build the gazetteer; `extra_aliases` maps more aliases to known ids.
    pub fn build(
        files: &GazetteerFiles,
        extra_aliases: &[(String, String)],
    ) -> Result<Gazetteer, String> {
        let mut g = Gazetteer {
            actors: Vec::new(),
            by_id: HashMap::new(),
            aliases: Vec::new(),
            set: PhraseSet::new(Vec::<(String, u32)>::new()),
            conflicts: Vec::new(),
        };
        let mut patterns: Vec<(String, u32)> = Vec::new();
        let mut owner: HashMap<String, usize> = HashMap::new();
        let mut add =
            |g: &mut Gazetteer, actor: usize, alias: &str, kind: AliasKind, lang: LangOnly| {
                let alias = alias.trim();
                if alias.is_empty() {
                    return;
                }
                let key = alias.to_lowercase();
                let exact_case = matches!(kind, AliasKind::Acronym) || is_acronym(alias);
                // Acronyms differ from words only by case ("AS" vs "as"): key them with case.
                let key = if exact_case { alias.to_string() } else { key };
                if let Some(&prev) = owner.get(&key) {
                    if prev != actor && prev != NO_ACTOR && actor != NO_ACTOR {
                        g.conflicts.push((
                            alias.to_string(),
                            g.actors[prev].id.clone(),
                            g.actors[actor].id.clone(),
                        ));
                    }
                    return;
                }
                owner.insert(key, actor);
                g.aliases.push(Alias {
                    actor,
                    kind,
                    lang,
                    exact_case,
                });
                patterns.push((alias.to_string(), (g.aliases.len() - 1) as u32));
            };
        let new_actor = |g: &mut Gazetteer, id: &str, name: &str, kind: ActorKind| -> usize {
            if let Some(&i) = g.by_id.get(id) {
                return i;
            }
            g.actors.push(ActorInfo {
                id: id.to_string(),
                name: name.to_string(),
                kind,
                governs: None,
            });
            g.by_id.insert(id.to_string(), g.actors.len() - 1);
            g.actors.len() - 1
        };
        for s in &files.state {
            let a = new_actor(&mut g, &s.id, &s.name, ActorKind::State);
            for n in &s.names {
                add(&mut g, a, n, AliasKind::Name, LangOnly::Any);
                // "Saint Lucia" is also written "St Lucia" and "St. Lucia".
                if let Some(rest) = n.strip_prefix("Saint ") {
                    add(
                        &mut g,
                        a,
                        &format!("St {rest}"),
                        AliasKind::Name,
                        LangOnly::Any,
                    );
                    add(
                        &mut g,
                        a,
                        &format!("St. {rest}"),
                        AliasKind::Name,
                        LangOnly::Any,
                    );
                }
            }
            for n in &s.acronyms {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::Any);
            }
            for n in &s.acronyms_id {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::Id);
            }
            for n in &s.acronyms_en {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::En);
            }
            for n in &s.capitals {
                add(&mut g, a, n, AliasKind::Capital, LangOnly::Any);
            }
            for n in &s.metonyms {
                add(&mut g, a, n, AliasKind::Metonym, LangOnly::Any);
            }
            for n in &s.adjectives {
                add(&mut g, a, n, AliasKind::Adjective, LangOnly::Any);
            }
        }
        for o in &files.organisation {
            let a = new_actor(&mut g, &o.id, &o.name, ActorKind::Organisation);
            for n in &o.names {
                add(&mut g, a, n, AliasKind::Name, LangOnly::Any);
            }
            for n in &o.acronyms {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::Any);
            }
            for n in &o.acronyms_id {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::Id);
            }
            for n in &o.acronyms_en {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::En);
            }
            for n in &o.bodies {
                add(&mut g, a, n, AliasKind::Body, LangOnly::Any);
            }
            for n in &o.seats {
                add(&mut g, a, n, AliasKind::Capital, LangOnly::Any);
            }
        }
        for gr in &files.group {
            let a = new_actor(&mut g, &gr.id, &gr.name, ActorKind::Group);
            if !gr.governs.is_empty() {
                g.actors[a].governs = Some((gr.governs.clone(), gr.governs_since.clone()));
            }
            for n in &gr.names {
                add(&mut g, a, n, AliasKind::Name, LangOnly::Any);
            }
            for n in &gr.acronyms {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::Any);
            }
            for n in &gr.acronyms_id {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::Id);
            }
            for n in &gr.acronyms_en {
                add(&mut g, a, n, AliasKind::Acronym, LangOnly::En);
            }
        }
        for p in &files.person {
            let Some(&a) = g.by_id.get(&p.actor) else {
                return Err(format!(
                    "leader {:?} belongs to unknown actor id {:?}",
                    p.names.first(),
                    p.actor
                ));
            };
            for n in &p.names {
                add(&mut g, a, n, AliasKind::Person, LangOnly::Any);
            }
        }
        for n in &files.names {
            add(&mut g, NO_ACTOR, n, AliasKind::Name, LangOnly::Any);
        }
        for (alias, id) in extra_aliases {
            let Some(&a) = g.by_id.get(id) else {
                return Err(format!("alias {alias:?} points to unknown actor id {id:?}"));
            };
            add(&mut g, a, alias, AliasKind::Name, LangOnly::Any);
        }
        g.set = PhraseSet::new(patterns);
        Ok(g)
    }

    pub fn index(&self, id: &str) -> Option<usize> {
        self.by_id.get(id).copied()
    }

    pub fn actor(&self, i: usize) -> &ActorInfo {
        &self.actors[i]
    }

    /// Every alias that names an actor: its text as written, the actor's
    /// index, its kind, and whether it matches only in exactly this case.
    /// (Search expands a query that names an actor to its other names.)
    pub fn aliases(&self) -> Vec<(String, usize, AliasKind, bool)> {
        self.set
            .items()
            .into_iter()
            .filter_map(|(text, id)| {
                let a = &self.aliases[id as usize];
                (a.actor != NO_ACTOR).then_some((text, a.actor, a.kind, a.exact_case))
            })
            .collect()
    }

    /// Every actor mention in `text` (`lang`: the document's language).
    pub fn find(&self, text: &str, lang: &str) -> Vec<Mention> {
        let accept = |m: &PhraseMatch, t: &str| -> Option<usize> {
            let alias = &self.aliases[m.id as usize];
            match alias.lang {
                LangOnly::Id if lang != "id" => return None,
                LangOnly::En if lang != "en" => return None,
                _ => {}
            }
            let found = &t[m.start..m.end];
            let pattern = self.set.phrase(m.phrase);
            if alias.exact_case {
                if found != pattern {
                    return None;
                }
                // "US$" is a currency, not the United States.
                if t[m.end..].starts_with('$') {
                    return None;
                }
            } else {
                let pf = pattern.chars().next()?;
                let ff = found.chars().next()?;
                if pf.is_uppercase() && !ff.is_uppercase() {
                    return None;
                }
            }
            // Indonesian clitics: "rekan Ukrainanya", "terhadap Rusianya".
            let rest = &t[m.end..];
            for suffix in ["nya", "lah", "kah", "pun"] {
                if let Some(after) = rest.strip_prefix(suffix)
                    && !after.chars().next().is_some_and(char::is_alphanumeric)
                    && !alias.exact_case
                {
                    return Some(suffix.len());
                }
            }
            Some(0)
        };
        self.set
            .find_with(text, accept)
            .into_iter()
            .filter(|m| self.aliases[m.id as usize].actor != NO_ACTOR)
            .map(|m| {
                let alias = &self.aliases[m.id as usize];
                Mention {
                    actor: alias.actor,
                    start: m.start,
                    end: m.end,
                    kind: alias.kind,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tiny() -> Gazetteer {
        let files: GazetteerFiles = toml::from_str(
            r#"
            [[state]]
            id = "USA"
            name = "United States"
            names = ["Amerika Serikat", "United States"]
            acronyms = ["USA"]
            acronyms_id = ["AS"]
            acronyms_en = ["US"]
            capitals = ["Washington"]
            metonyms = ["Gedung Putih"]
            adjectives = ["American"]
            [[state]]
            id = "TUR"
            name = "Türkiye"
            names = ["Turkey", "Turki"]
            [[state]]
            id = "UKR"
            name = "Ukraine"
            names = ["Ukraina", "Ukraine"]
            [[group]]
            id = "TALIBAN"
            name = "Taliban"
            names = ["Taliban"]
            governs = "AFG"
            governs_since = "2021-08"
            [[person]]
            actor = "TUR"
            names = ["Erdoğan", "Erdogan"]
            "#,
        )
        .unwrap();
        Gazetteer::build(&files, &[("Negeri Paman Sam".into(), "USA".into())]).unwrap()
    }

    fn ids(g: &Gazetteer, text: &str, lang: &str) -> Vec<String> {
        g.find(text, lang)
            .iter()
            .map(|m| g.actor(m.actor).id.clone())
            .collect()
    }

    #[test]
    fn case_and_language_rules() {
        let g = tiny();
        assert_eq!(
            ids(&g, "AS dan Turki bertemu; as well as turkey", "id"),
            ["USA", "TUR"]
        );
        assert_eq!(ids(&g, "AS dan Turki", "en"), ["TUR"]);
        assert_eq!(
            ids(&g, "The US and Turkey, as allies", "en"),
            ["USA", "TUR"]
        );
        assert_eq!(ids(&g, "The US and Turkey", "id"), ["TUR"]);
        assert_eq!(ids(&g, "senilai US$345 juta", "en"), Vec::<String>::new());
        assert_eq!(ids(&g, "RUSIA DAN TURKI", "id"), ["TUR"]);
        assert_eq!(
            ids(&g, "Gedung Putih dan Negeri Paman Sam", "id"),
            ["USA", "USA"]
        );
    }

    #[test]
    fn clitics_and_word_boundaries() {
        let g = tiny();
        let ms = g.find("rekan Ukrainanya, Ukrainian, Erdoğan.", "id");
        assert_eq!(ms.len(), 2);
        assert_eq!(g.actor(ms[0].actor).id, "UKR");
        assert_eq!(ms[0].end - ms[0].start, "Ukrainanya".len());
        assert_eq!(g.actor(ms[1].actor).id, "TUR");
        assert_eq!(ms[1].kind, AliasKind::Person);
    }

    #[test]
    fn unknown_ids_are_errors() {
        let files = GazetteerFiles::default();
        let err = Gazetteer::build(&files, &[("X".into(), "NOPE".into())]).unwrap_err();
        assert!(err.contains("unknown actor id \"NOPE\""));
    }

    #[test]
    fn groups_record_the_state_they_govern() {
        let g = tiny();
        let t = g.index("TALIBAN").unwrap();
        assert_eq!(g.actor(t).governs, Some(("AFG".into(), "2021-08".into())));
        assert_eq!(g.actor(t).kind, ActorKind::Group);
    }
}
