//! The library view's filter: by the words of each brief's title, id and
//! topics and of its actors' names (every name the gazetteer gives them:
//! "korea" keeps the briefs about North or South Korea, "moskow" those about
//! Russia). Every term must begin a word of the brief (`korea`, `^korea`);
//! `korea$` must be a whole word, `'kor` may be inside one, and `!korea`
//! excludes. No scattered letters: "korea" does not keep a title with a
//! k, an o, an r, an e and an a somewhere.
//!
//! Built once per library; a keystroke is one substring search (memchr)
//! over a few hundred bytes per brief, and one over each actor's names.

use std::collections::HashMap;

use memchr::memmem::Finder;

/// One brief, as the filter sees it.
#[derive(Debug, Clone, Copy)]
pub struct Doc<'a> {
    pub title: &'a str,
    pub id: &'a str,
    pub topics: &'a [String],
    /// Actor ids (`RUS`, `CSTO`).
    pub actors: &'a [String],
}

/// The filter over a library.
#[derive(Debug, Default)]
pub struct LibraryFilter {
    /// Per brief: its own words, normalised (` word word `).
    words: Vec<String>,
    /// Per brief: its actors, indices into `actors`.
    brief_actors: Vec<Vec<u32>>,
    /// Per actor: every name's words, normalised.
    actors: Vec<String>,
}

/// Words in lower case, separated and surrounded by single spaces: a term
/// begins a word where `" term"` occurs.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push(' ');
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if !out.ends_with(' ') {
        out.push(' ');
    }
    out
}

impl LibraryFilter {
    /// The filter over `docs`, in library order; actors' names from the
    /// shipped gazetteer.
    pub fn new<'a>(docs: impl IntoIterator<Item = Doc<'a>>) -> LibraryFilter {
        let names = crate::lexicon::actor_names();
        let mut index: HashMap<&str, u32> = HashMap::new();
        let mut f = LibraryFilter::default();
        for d in docs {
            let mut own = String::with_capacity(d.title.len() + d.id.len() + 16 * d.topics.len());
            own.push_str(d.title);
            own.push(' ');
            own.push_str(d.id);
            for t in d.topics {
                own.push(' ');
                own.push_str(t);
            }
            f.words.push(normalize(&own));
            let mut mine = Vec::with_capacity(d.actors.len());
            for id in d.actors {
                let i = *index.entry(id.as_str()).or_insert_with(|| {
                    let mut all = id.clone();
                    for n in names.get(id.as_str()).into_iter().flatten() {
                        all.push(' ');
                        all.push_str(n);
                    }
                    f.actors.push(normalize(&all));
                    (f.actors.len() - 1) as u32
                });
                mine.push(i);
            }
            f.brief_actors.push(mine);
        }
        f
    }

    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The briefs (indices, in library order) that pass `query`; all of them
    /// for an empty query.
    pub fn keep(&self, query: &str) -> Vec<usize> {
        let terms = terms(query);
        if terms.is_empty() {
            return (0..self.words.len()).collect();
        }
        // Per term: which actors' names have it.
        let by_actor: Vec<Vec<bool>> = terms
            .iter()
            .map(|t| {
                let f = Finder::new(t.needle.as_bytes());
                self.actors
                    .iter()
                    .map(|a| f.find(a.as_bytes()).is_some())
                    .collect()
            })
            .collect();
        let finders: Vec<Finder> = terms
            .iter()
            .map(|t| Finder::new(t.needle.as_bytes()))
            .collect();
        (0..self.words.len())
            .filter(|&b| {
                terms
                    .iter()
                    .zip(&finders)
                    .zip(&by_actor)
                    .all(|((t, f), actors)| {
                        let has = f.find(self.words[b].as_bytes()).is_some()
                            || self.brief_actors[b].iter().any(|&a| actors[a as usize]);
                        has != t.negated
                    })
            })
            .collect()
    }
}

/// A filter term: what to look for in the normalised words.
struct Term {
    needle: String,
    negated: bool,
}

fn terms(query: &str) -> Vec<Term> {
    let mut out = Vec::new();
    for token in query.split_whitespace() {
        let (negated, rest) = match token.strip_prefix('!') {
            Some(r) => (true, r),
            None => (false, token),
        };
        let (inside, rest) = match rest.strip_prefix('\'') {
            Some(r) => (true, r),
            None => (false, rest.strip_prefix('^').unwrap_or(rest)),
        };
        let (whole, rest) = match rest.strip_suffix('$') {
            Some(r) => (true, r),
            None => (false, rest),
        };
        // "azerbaijan–russia" is two words, each to begin a word.
        let words: Vec<String> = normalize(rest)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let n = words.len();
        for (k, w) in words.into_iter().enumerate() {
            let mut needle = if inside { w } else { format!(" {w}") };
            if whole && k + 1 == n {
                needle.push(' ');
            }
            out.push(Term { needle, negated });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn s(v: &[&str]) -> Vec<String> {
        v.iter().map(|x| x.to_string()).collect()
    }

    #[test]
    fn word_prefixes_of_titles_topics_and_actor_names() {
        let topics = [
            s(&["Azerbaijan–Russia", "CSTO"]),
            s(&["Armenia–Türkiye"]),
            s(&[]),
        ];
        let actors = [s(&["RUS", "AZE", "PRK"]), s(&["ARM", "TUR"]), s(&["KOR"])];
        let titles = [
            "Dalam langkah yang memicu reaksi keras, Rusia menjadi negara pertama",
            "BAB VI PENUTUP",
            "Kerja sama pertahanan dan ekonomi",
        ];
        let docs = (0..3).map(|i| Doc {
            title: titles[i],
            id: ["002_fea9", "000_f584", "003_abcd"][i],
            topics: &topics[i],
            actors: &actors[i],
        });
        let f = LibraryFilter::new(docs);
        // North Korea (an actor of 0), South Korea (of 2): by their names.
        assert_eq!(f.keep("korea"), [0, 2]);
        assert_eq!(f.keep("korea utara"), [0]);
        // Russia under its other names.
        assert_eq!(f.keep("moskow"), [0]);
        assert_eq!(
            f.keep("kremlin"),
            Vec::<usize>::new(),
            "metonyms are not names here"
        );
        // A word start, not letters scattered or inside a word.
        assert_eq!(f.keep("penutup"), [1]);
        assert_eq!(f.keep("nutup"), Vec::<usize>::new());
        assert_eq!(f.keep("'nutup"), [1]);
        // Every term; exclusion; whole word; ids; case.
        assert_eq!(f.keep("azer rus"), [0]);
        assert_eq!(f.keep("azer turk"), Vec::<usize>::new());
        assert_eq!(f.keep("!rus"), [1, 2]);
        assert_eq!(f.keep("kerja$"), [2]);
        assert_eq!(f.keep("ker$"), Vec::<usize>::new());
        assert_eq!(f.keep("000"), [1]);
        assert_eq!(f.keep("TÜRKIYE"), [1]);
        assert_eq!(f.keep("  "), [0, 1, 2]);
    }
}
