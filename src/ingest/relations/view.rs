//! One sentence as the relation steps read it: tokens, their lower-case
//! forms, the lexicon phrases found in it, and the clause of each token.

use super::super::context::Sentence;
use super::super::tokens::Token;
use crate::lexicon::{Found, PhraseMatch, RelationLexicon};

/// Token index of the token that contains byte `b` (or the next one).
pub(super) fn tok_at(toks: &[Token], b: usize) -> usize {
    toks.iter().position(|t| t.end > b).unwrap_or(toks.len())
}

/// Token range `[start, end)` covering the bytes `start..end`.
pub(super) fn tok_span(toks: &[Token], start: usize, end: usize) -> (usize, usize) {
    let s = tok_at(toks, start);
    let e = toks
        .iter()
        .rposition(|t| t.start < end)
        .map_or(s + 1, |i| i + 1);
    (s, e.max(s + 1))
}

/// A coordinating conjunction ("dan", "and", "atau", ...).
pub(super) fn is_conj(w: &str) -> bool {
    matches!(
        w,
        "dan" | "and" | "serta" | "maupun" | "atau" | "or" | "nor" | "&" | "/"
    )
}

/// Clause of every token. A break word ("tetapi", "but", ";") starts a
/// clause; a subordinator ("meskipun", "although", "sebelum") starts one that
/// the next comma ends ("Meskipun ada kekhawatiran dari AS, invasi ...",
/// "..., sebelum invasi Rusia ke Ukraina, kini ...").
#[derive(Debug, Clone)]
pub(super) struct Clauses {
    of: Vec<usize>,
    last: usize,
    /// Clauses a subordinator opens, by clause index.
    sub: Vec<bool>,
}

impl Clauses {
    pub(super) fn new(lower: &[&str], r: &RelationLexicon) -> Clauses {
        let mut of = Vec::with_capacity(lower.len());
        let mut c = 0;
        let mut in_sub = false;
        let mut sub = vec![false];
        for (i, &w) in lower.iter().enumerate() {
            // "they all but broke off relations", "anything but friendly":
            // "but" there means "except", not a new clause.
            let idiom = w == "but"
                && i > 0
                && matches!(lower[i - 1], "all" | "anything" | "nothing" | "everything");
            if !idiom && (r.clause_breaks.contains(w) || r.subordinators.contains(w)) {
                c += 1;
                in_sub = r.subordinators.contains(w);
                sub.push(in_sub);
            } else if w == "," && in_sub {
                c += 1;
                in_sub = false;
                sub.push(false);
            }
            of.push(c);
        }
        Clauses { of, last: c, sub }
    }

    /// Clause `c` is a subordinate clause.
    pub(super) fn is_sub(&self, c: usize) -> bool {
        self.sub.get(c).copied().unwrap_or(false)
    }

    /// The clause of token `i` (past the end: the last clause).
    pub(super) fn of(&self, i: usize) -> usize {
        self.of.get(i).copied().unwrap_or(self.last)
    }
}

/// A sentence ready for the relation steps.
pub(super) struct View<'a> {
    pub sent: &'a Sentence<'a>,
    pub text: &'a str,
    pub toks: &'a [Token<'a>],
    pub lower: Vec<&'a str>,
    pub found: &'a Found,
    pub clauses: Clauses,
}

impl<'a> View<'a> {
    pub(super) fn new(sent: &'a Sentence<'a>, r: &RelationLexicon) -> View<'a> {
        let lower = sent.scan.lower_tokens();
        let clauses = Clauses::new(&lower, r);
        View {
            sent,
            text: sent.text,
            toks: &sent.scan.tokens,
            lower,
            found: &sent.scan.phrases,
            clauses,
        }
    }

    pub(super) fn clause(&self, i: usize) -> usize {
        self.clauses.of(i)
    }

    /// Commas between tokens `a` and `b` (either order).
    pub(super) fn commas(&self, a: usize, b: usize) -> usize {
        self.lower[a.min(b)..a.max(b).min(self.lower.len())]
            .iter()
            .filter(|w| **w == ",")
            .count()
    }

    /// Token ranges of the phrases of one lexicon category.
    pub(super) fn ranges(&self, category: usize) -> Vec<(usize, usize)> {
        self.found
            .get(category)
            .iter()
            .map(|m| tok_span(self.toks, m.start, m.end))
            .collect()
    }

    pub(super) fn phrases(&self, category: usize) -> &'a [PhraseMatch] {
        self.found.get(category)
    }

    /// The first phrase of `category` starts the sentence (within its first
    /// two tokens: "Mereka ...", "But they ...").
    pub(super) fn opens_with(&self, category: usize) -> bool {
        self.found
            .get(category)
            .first()
            .is_some_and(|p| tok_at(self.toks, p.start) <= 1)
    }

    /// Every token in `from..to` is in `set` (or satisfies it).
    pub(super) fn all_between(&self, from: usize, to: usize, ok: impl Fn(&str) -> bool) -> bool {
        self.lower[from.min(to)..to].iter().all(|w| ok(w))
    }

    /// The token at `i` ends in a possessive "'s".
    pub(super) fn possessive_at(&self, i: usize) -> bool {
        let t = self.toks[i].text;
        t.ends_with("'s") || t.ends_with("’s")
    }
}

#[cfg(test)]
mod tests {
    use super::Clauses;
    use crate::lexicon::shared;

    fn clauses(text: &str) -> Vec<usize> {
        let toks = crate::ingest::tokens::tokenize(text);
        let lower = text.to_ascii_lowercase();
        let words = crate::ingest::tokens::lowered(&toks, &lower);
        let c = Clauses::new(&words, &shared().relations);
        (0..words.len()).map(|i| c.of(i)).collect()
    }

    #[test]
    fn a_break_word_starts_a_clause_and_a_subordinate_runs_to_the_comma() {
        // Written for this test. "but" opens clause 1.
        // "all but" is "almost": no new clause.
        assert_eq!(
            clauses("A decade after they all but broke off ties , Chile and Peru are partners"),
            vec![0, 0, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2]
        );
        let c = clauses("Chile protested but Peru refused");
        assert_eq!(c, [0, 0, 1, 1, 1]);
        // "Meskipun ..." runs to the comma; the main clause follows.
        let c = clauses("Meskipun Peru protes , Chile menolak");
        assert_eq!(c, [1, 1, 1, 2, 2, 2]);
    }
}
