//! The names of actors, for search: which actor a query names ("United
//! States", "AS", "csto", "azer") and every other name it goes by (for the
//! United States: Amerika Serikat, AS, US, Washington, White House, its
//! leaders...), all from the gazetteer (`lexicon/states.toml`,
//! `organisations.toml`, `groups.toml`, `leaders.toml`). Built once from the
//! shipped gazetteer when an index is built, and stored with the index.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use crate::lexicon::AliasKind;

/// One name of one actor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Name {
    /// As written in the gazetteer.
    pub text: String,
    /// ASCII-case-folded, as the index compares.
    pub folded: String,
    /// Index into [`Aliases::ids`].
    pub actor: u16,
    pub kind: AliasKind,
    /// Matches only in exactly this case (acronyms: `AS`, `EU`).
    pub exact_case: bool,
}

/// Every actor's names.
#[derive(Debug, Default, PartialEq)]
pub struct Aliases {
    /// Actor ids (`USA`, `CSTO`); an item's actor tags index this list.
    pub ids: Vec<String>,
    /// Sorted by folded text.
    names: Vec<Name>,
    by_actor: Vec<Vec<u32>>,
    by_id: HashMap<String, u16>,
}

/// At most this many actors may share a begun name ("ira": Iran and Iraq);
/// a beginning that fits more names no actor in particular ("uni").
pub const MAX_BEGUN: usize = 3;

/// Letters of a word that is typed, at least, before it is taken to begin
/// an actor's name.
pub const MIN_BEGUN: usize = 3;

impl Aliases {
    /// From actor ids and names (in any order).
    pub fn from_parts(ids: Vec<String>, mut names: Vec<Name>) -> Aliases {
        names.retain(|n| (n.actor as usize) < ids.len() && !n.folded.is_empty());
        names.sort_by(|a, b| a.folded.cmp(&b.folded).then_with(|| a.text.cmp(&b.text)));
        names.dedup();
        let mut by_actor = vec![Vec::new(); ids.len()];
        for (i, n) in names.iter().enumerate() {
            by_actor[n.actor as usize].push(i as u32);
        }
        let by_id = ids
            .iter()
            .enumerate()
            .map(|(i, id)| (id.clone(), i as u16))
            .collect();
        Aliases {
            ids,
            names,
            by_actor,
            by_id,
        }
    }

    /// The shipped gazetteer's names (built once; the lexicon is built for it).
    pub fn shared() -> Arc<Aliases> {
        static SHARED: OnceLock<Arc<Aliases>> = OnceLock::new();
        SHARED
            .get_or_init(|| {
                let g = &crate::lexicon::shared().gazetteer;
                let ids = g.actors.iter().map(|a| a.id.clone()).collect();
                let names = g
                    .aliases()
                    .into_iter()
                    .map(|(text, actor, kind, exact_case)| Name {
                        folded: super::query::fold(&text),
                        text,
                        actor: actor as u16,
                        kind,
                        exact_case,
                    })
                    .collect();
                Arc::new(Aliases::from_parts(ids, names))
            })
            .clone()
    }

    pub fn is_empty(&self) -> bool {
        self.ids.is_empty()
    }

    /// Every name, sorted by folded text.
    pub fn names(&self) -> &[Name] {
        &self.names
    }

    /// The tag of actor `id`.
    pub fn index(&self, id: &str) -> Option<u16> {
        self.by_id.get(id).copied()
    }

    /// The names of actor `actor`.
    pub fn of(&self, actor: u16) -> impl Iterator<Item = &Name> + '_ {
        self.by_actor
            .get(actor as usize)
            .into_iter()
            .flatten()
            .map(|&i| &self.names[i as usize])
    }

    /// Names whose folded text starts with `folded`.
    fn starting(&self, folded: &str) -> &[Name] {
        let lo = self.names.partition_point(|n| n.folded.as_str() < folded);
        let hi = lo + self.names[lo..].partition_point(|n| n.folded.starts_with(folded));
        &self.names[lo..hi]
    }

    /// Actors named by exactly these words (`["United", "States"]`, `["AS"]`,
    /// `["kremlin"]`). Case does not matter, except for a name the gazetteer
    /// matches only in its own case: that needs the same case when it is two
    /// letters (`AS`, `US`, `EU`: "as" and "us" are words), any case when
    /// it is longer (`csto`, `nato`).
    pub fn exact(&self, words: &[&str]) -> Vec<u16> {
        let typed = words.join(" ");
        let folded = super::query::fold(&typed);
        let mut out: Vec<u16> = self
            .starting(&folded)
            .iter()
            .filter(|n| n.folded == folded)
            .filter(|n| {
                !n.exact_case
                    || n.text == typed
                    || n.text.chars().filter(|c| c.is_alphabetic()).count() > 2
            })
            .map(|n| n.actor)
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Actors with a name of exactly as many words as typed, the earlier
    /// ones equal and the last one begun (`["azer"]` Azerbaijan, `["united",
    /// "sta"]` the United States): names proper (not acronyms, capitals,
    /// leaders or adjectives). At least
    /// [`MIN_BEGUN`] letters; none when more than [`MAX_BEGUN`] actors fit.
    pub fn begun(&self, words: &[&str]) -> Vec<u16> {
        let Some(last) = words.last() else {
            return Vec::new();
        };
        if last.chars().count() < MIN_BEGUN {
            return Vec::new();
        }
        let folded = super::query::fold(&words.join(" "));
        let mut out: Vec<u16> = self
            .starting(&folded)
            .iter()
            .filter(|n| n.kind == AliasKind::Name)
            .filter(|n| n.folded.split(' ').count() == words.len())
            .map(|n| n.actor)
            .collect();
        out.sort_unstable();
        out.dedup();
        if out.len() > MAX_BEGUN {
            out.clear();
        }
        out
    }

    /// Is `word` a name the gazetteer matches only in exactly this case?
    pub fn exact_case(&self, word: &str) -> bool {
        let folded = super::query::fold(word);
        self.starting(&folded)
            .iter()
            .any(|n| n.folded == folded && n.exact_case && n.text == word)
    }
}

/// Persisted form of a name's kind.
pub fn kind_code(k: AliasKind) -> u8 {
    match k {
        AliasKind::Name => 0,
        AliasKind::Acronym => 1,
        AliasKind::Capital => 2,
        AliasKind::Metonym => 3,
        AliasKind::Adjective => 4,
        AliasKind::Person => 5,
        AliasKind::Body => 6,
    }
}

pub fn kind_of(c: u8) -> Option<AliasKind> {
    Some(match c {
        0 => AliasKind::Name,
        1 => AliasKind::Acronym,
        2 => AliasKind::Capital,
        3 => AliasKind::Metonym,
        4 => AliasKind::Adjective,
        5 => AliasKind::Person,
        6 => AliasKind::Body,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(a: &Aliases, v: Vec<u16>) -> Vec<&str> {
        v.into_iter().map(|i| a.ids[i as usize].as_str()).collect()
    }

    #[test]
    fn queries_that_name_actors() {
        let a = Aliases::shared();
        assert_eq!(ids(&a, a.exact(&["United", "States"])), ["USA"]);
        assert_eq!(ids(&a, a.exact(&["united", "states"])), ["USA"]);
        assert_eq!(ids(&a, a.exact(&["AS"])), ["USA"]);
        assert!(a.exact(&["as"]).is_empty(), "the word, not the acronym");
        assert!(a.exact(&["us"]).is_empty());
        assert_eq!(ids(&a, a.exact(&["csto"])), ["CSTO"]);
        assert_eq!(ids(&a, a.exact(&["kremlin"])), ["RUS"]);
        assert_eq!(ids(&a, a.exact(&["Putin"])), ["RUS"]);
        assert_eq!(ids(&a, a.begun(&["azer"])), ["AZE"]);
        assert_eq!(ids(&a, a.begun(&["rus"])), ["RUS"]);
        assert_eq!(ids(&a, a.begun(&["united", "sta"])), ["USA"]);
        assert_eq!(ids(&a, a.begun(&["ira"])), ["IRN", "IRQ"]);
        assert!(a.begun(&["mal"]).is_empty(), "too many actors begin so");
        assert!(a.begun(&["ru"]).is_empty(), "too short");
        assert!(a.begun(&["was"]).is_empty(), "capitals are not begun");
        assert!(a.exact_case("AS") && !a.exact_case("as"));
        let usa = a.index("USA").unwrap();
        let names: Vec<&str> = a.of(usa).map(|n| n.text.as_str()).collect();
        for n in ["Amerika Serikat", "AS", "US", "Washington", "Trump"] {
            assert!(names.contains(&n), "{n} in {names:?}");
        }
    }
}
