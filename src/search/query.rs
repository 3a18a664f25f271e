//! What a query is and how an item scores against it: the one definition
//! that the fast path, the brute-force reference and the small filters of
//! the reader share.
//!
//! **Syntax** (fzf's, plus phrases): terms separated by spaces must all
//! match; `a | b` matches either; `'word` only literally (never as
//! scattered letters); `"a phrase"` literally, spaces included; `^word` at
//! the start of a word; `word$` at the end of a word (`^word$`: the whole
//! word); `!word` excludes items that contain it (`!^word`, `!word$` too).
//! A short word in capitals (`AS`, `US`, `EU`) matches that word only, in
//! exactly that case when the gazetteer says so (`AS` is not in "Astana").
//!
//! **Actors.** Words that name an actor in the gazetteer ("United States",
//! "AS", "csto", "kremlin", or the beginning of a name: "azer", "rus") also
//! match the items that name it another way (the index knows which actors
//! each item mentions, see [`super::aliases`]).
//!
//! **Ranking.** Text is compared ASCII-case-folded (so character positions do
//! not move). Each term scores by how it occurs: as a whole word
//! ([`EXACT`]), at a word start ([`PREFIX`]), through another name of the
//! actor it names ([`ALIAS`]), inside a word ([`INFIX`]); +[`AT_START`] when
//! it is the first thing in the text. Only when no item matches that way
//! are scattered letters accepted, and only within one word or two
//! adjacent words ([`FUZZY_MAX`] at most, scored by fuzzy-matcher's skim
//! algorithm): a subsequence spread over a sentence is noise.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;
use memchr::memmem::Finder;

use super::aliases::Aliases;

/// A term that is a whole word (or a phrase bounded on both sides).
pub const EXACT: i64 = 300;
/// A term at the start of a word (`term$`: at the end of one).
pub const PREFIX: i64 = 240;
/// The item names the actor the term names, another way.
pub const ALIAS: i64 = 200;
/// A term inside a word.
pub const INFIX: i64 = 100;
/// The best a scattered match can score (within one or two words).
pub const FUZZY_MAX: i64 = 90;
/// Extra for a term that starts the text.
pub const AT_START: i64 = 30;

/// Where a term must occur.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    /// Anywhere.
    Any,
    /// At the start of a word (`^term`).
    Start,
    /// At the end of a word (`term$`).
    End,
    /// As a whole word (`^term$`, or a short word in capitals).
    Word,
}

/// One term of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Term {
    /// ASCII-case-folded.
    pub text: String,
    /// As typed (for a term matched in exactly its case).
    pub raw: String,
    pub anchor: Anchor,
    /// Only literally: never as scattered letters (`'x`, `"x y"`, `^x`,
    /// `x$`, `!x`, acronyms).
    pub literal: bool,
    /// In exactly the case typed.
    pub case: bool,
    /// Matches the items that do not contain it.
    pub negated: bool,
}

impl Term {
    fn plain(raw: &str) -> Term {
        Term {
            text: fold(raw),
            raw: raw.to_string(),
            anchor: Anchor::Any,
            literal: false,
            case: false,
            negated: false,
        }
    }

    /// Typed without any operator.
    fn is_plain(&self) -> bool {
        self.anchor == Anchor::Any && !self.literal && !self.case && !self.negated
    }
}

/// Another name of an actor, to highlight: (a finder of it folded, as
/// written, only in exactly this case).
pub type Form = (Finder<'static>, String, bool);

/// Alternatives (`a | b`): one of them must match.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Group {
    pub terms: Vec<Term>,
    /// The actors the group names: an item that mentions one matches too.
    pub actors: Vec<u16>,
}

/// A parsed query: groups that must all match.
pub struct Query {
    pub groups: Vec<Group>,
    /// One finder per term, as `groups`.
    finders: Vec<Vec<Finder<'static>>>,
    matcher: SkimMatcherV2,
}

impl std::fmt::Debug for Query {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Query")
            .field("groups", &self.groups)
            .finish()
    }
}

/// ASCII case folding: the same length, the same character positions.
pub fn fold(s: &str) -> String {
    s.to_ascii_lowercase()
}

/// Does byte `pos` of `s` start a word?
pub fn word_start(s: &str, pos: usize) -> bool {
    pos == 0
        || s[..pos]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphanumeric())
}

/// Does byte `pos` of `s` end a word?
pub fn word_end(s: &str, pos: usize) -> bool {
    s[pos..].chars().next().is_none_or(|c| !c.is_alphanumeric())
}

/// A text to match: folded, with a way to tell its capitals.
pub struct Subject<'a> {
    pub folded: &'a str,
    case: Case<'a>,
    /// Masks of the characters in the text and of those that start a word,
    /// when known (they answer one-letter terms without a scan).
    pub masks: Option<(u64, u64)>,
}

enum Case<'a> {
    /// The text as written.
    Text(&'a [u8]),
    /// A bit per byte of an arena, the text at byte `at`.
    Bits { bits: &'a [u64], at: usize },
}

impl<'a> Subject<'a> {
    /// `folded` is `fold(text)`.
    pub fn text(folded: &'a str, text: &'a str) -> Subject<'a> {
        Subject {
            folded,
            case: Case::Text(text.as_bytes()),
            masks: None,
        }
    }

    /// Text in an arena whose capitals are bits (`bits[i / 64] >> (i % 64)`),
    /// with its masks ([`super::mask`], and of the characters starting words).
    pub fn arena(
        folded: &'a str,
        bits: &'a [u64],
        at: usize,
        mask: u64,
        initials: u64,
    ) -> Subject<'a> {
        Subject {
            folded,
            case: Case::Bits { bits, at },
            masks: Some((mask, initials)),
        }
    }

    fn upper(&self, i: usize) -> bool {
        match self.case {
            Case::Text(t) => t.get(i).is_some_and(u8::is_ascii_uppercase),
            Case::Bits { bits, at } => {
                let b = at + i;
                bits.get(b / 64).is_some_and(|w| w & (1 << (b % 64)) != 0)
            }
        }
    }

    /// Is the text at byte `pos` written as `raw` (same capitals)?
    fn same_case(&self, pos: usize, raw: &[u8]) -> bool {
        raw.iter()
            .enumerate()
            .all(|(k, b)| !b.is_ascii_alphabetic() || b.is_ascii_uppercase() == self.upper(pos + k))
    }
}

/// Split a query into tokens: words, `"quoted phrases"` (a quote left open
/// runs to the end, as while typing) and `|`.
fn tokens(query: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut quoted = false;
    for c in query.chars() {
        if c == '"' {
            quoted = !quoted;
            cur.push(c);
        } else if c.is_whitespace() && !quoted {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(c);
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// One token as a term; `None` when nothing is left of it (`!`, `^`).
fn term(token: &str) -> Option<Term> {
    if token.chars().all(|c| "!^'$".contains(c)) {
        return None;
    }
    let mut s = token;
    let negated = s.starts_with('!') && s.len() > 1;
    if negated {
        s = &s[1..];
    }
    let mut anchor = Anchor::Any;
    let mut literal = negated;
    let mut text;
    if let Some(rest) = s.strip_prefix('"') {
        let (inner, after) = match rest.find('"') {
            Some(end) => (&rest[..end], &rest[end + 1..]),
            None => (rest, ""),
        };
        text = inner.split_whitespace().collect::<Vec<_>>().join(" ");
        literal = true;
        if after == "$" {
            anchor = Anchor::End;
        }
    } else {
        let mut start = false;
        if let Some(rest) = s.strip_prefix('^') {
            start = true;
            s = rest;
        } else if let Some(rest) = s.strip_prefix('\'') {
            literal = true;
            s = rest;
        }
        let mut end = false;
        if s.len() > 1
            && let Some(rest) = s.strip_suffix('$')
        {
            end = true;
            s = rest;
        }
        text = s.to_string();
        anchor = match (start, end) {
            (true, true) => Anchor::Word,
            (true, false) => Anchor::Start,
            (false, true) => Anchor::End,
            (false, false) => Anchor::Any,
        };
        if start || end {
            literal = true;
        }
    }
    if text.is_empty() {
        return None;
    }
    // A short word in capitals is an acronym: that word only.
    let acronym =
        !literal && (2..=5).contains(&text.len()) && text.bytes().all(|b| b.is_ascii_uppercase());
    if acronym {
        anchor = Anchor::Word;
        literal = true;
    }
    let raw = std::mem::take(&mut text);
    Some(Term {
        text: fold(&raw),
        raw,
        anchor,
        literal,
        case: false,
        negated,
    })
}

/// The words a query names actors with, longest run first: how many of the
/// groups from `i` on (each a single plain term) form an actor's name, and
/// the actors.
fn named_run(groups: &[Group], i: usize, names: &Aliases) -> Option<(usize, Vec<u16>)> {
    let eligible = |g: &Group| {
        g.terms.len() == 1 && !g.terms[0].negated && (g.terms[0].is_plain() || is_acronym(g))
    };
    let mut run = 0;
    while i + run < groups.len() && run < 5 && eligible(&groups[i + run]) {
        run += 1;
    }
    for len in (1..=run).rev() {
        let words: Vec<&str> = groups[i..i + len]
            .iter()
            .map(|g| g.terms[0].raw.as_str())
            .collect();
        let exact = names.exact(&words);
        if !exact.is_empty() {
            return Some((len, exact));
        }
        let begun = names.begun(&words);
        if !begun.is_empty() {
            return Some((len, begun));
        }
    }
    None
}

fn is_acronym(g: &Group) -> bool {
    let t = &g.terms[0];
    t.anchor == Anchor::Word && t.raw.bytes().all(|b| b.is_ascii_uppercase())
}

impl Query {
    /// A query without actor names (plain text filters).
    pub fn new(query: &str) -> Query {
        Query::parse(query, None)
    }

    /// Parse `query`; with `names`, words that name an actor match its other
    /// names too, and acronyms take the gazetteer's case.
    pub fn parse(query: &str, names: Option<&Aliases>) -> Query {
        let mut groups: Vec<Group> = Vec::new();
        let mut or = false;
        for tok in tokens(query) {
            if tok == "|" {
                or = !groups.is_empty();
                continue;
            }
            let Some(t) = term(&tok) else {
                continue;
            };
            match groups.last_mut() {
                Some(g) if or => g.terms.push(t),
                _ => groups.push(Group {
                    terms: vec![t],
                    actors: Vec::new(),
                }),
            }
            or = false;
        }
        if let Some(names) = names.filter(|n| !n.is_empty()) {
            for g in &mut groups {
                for t in &mut g.terms {
                    if t.anchor == Anchor::Word && t.raw.bytes().all(|b| b.is_ascii_uppercase()) {
                        t.case = names.exact_case(&t.raw);
                    }
                }
            }
            let mut out: Vec<Group> = Vec::with_capacity(groups.len());
            let mut i = 0;
            while i < groups.len() {
                match named_run(&groups, i, names) {
                    Some((1, actors)) => {
                        let mut g = groups[i].clone();
                        g.actors = actors;
                        out.push(g);
                        i += 1;
                    }
                    Some((len, actors)) => {
                        // "United States": one phrase that also matches the actor's other names.
                        let raw: Vec<&str> = groups[i..i + len]
                            .iter()
                            .map(|g| g.terms[0].raw.as_str())
                            .collect();
                        let mut t = Term::plain(&raw.join(" "));
                        t.literal = true;
                        out.push(Group {
                            terms: vec![t],
                            actors,
                        });
                        i += len;
                    }
                    None => {
                        out.push(groups[i].clone());
                        i += 1;
                    }
                }
            }
            groups = out;
        }
        let finders = groups
            .iter()
            .map(|g| {
                g.terms
                    .iter()
                    .map(|t| Finder::new(t.text.as_bytes()).into_owned())
                    .collect()
            })
            .collect();
        Query {
            groups,
            finders,
            matcher: SkimMatcherV2::default().ignore_case(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Only exclusions (`!x`): matches nearly everything, ranks nothing.
    pub fn only_negated(&self) -> bool {
        self.groups
            .iter()
            .all(|g| g.actors.is_empty() && g.terms.iter().all(|t| t.negated))
    }

    /// The best literal occurrence of term `t`: `(score, byte position)`
    /// (the position of a one-letter term only `want_pos`).
    fn literal(&self, t: &Term, f: &Finder, s: &Subject, want_pos: bool) -> Option<(i64, usize)> {
        let text = s.folded;
        let n = t.text.len();
        // One letter anywhere: a word start if some word starts with it.
        if n == 1
            && t.anchor == Anchor::Any
            && !t.case
            && t.text.as_bytes()[0].is_ascii_alphanumeric()
        {
            let c = t.text.as_bytes()[0];
            let starts = match s.masks {
                Some((mask, initials)) => {
                    if mask & super::bit(c) == 0 {
                        return None;
                    }
                    initials & super::bit(c) != 0
                }
                None => {
                    memchr::memchr(c, text.as_bytes())?;
                    memchr::memchr_iter(c, text.as_bytes()).any(|p| word_start(text, p))
                }
            };
            let tier = if starts { PREFIX } else { INFIX };
            let first = text.as_bytes()[0] == c;
            // Where, only for highlighting: scoring needs none.
            let pos = if first || !want_pos {
                0
            } else {
                memchr::memchr(c, text.as_bytes()).unwrap_or(0)
            };
            return Some((tier + if first { AT_START } else { 0 }, pos));
        }
        let mut best: Option<(i64, usize)> = None;
        for pos in f.find_iter(text.as_bytes()) {
            if t.case && !s.same_case(pos, t.raw.as_bytes()) {
                continue;
            }
            let ws = word_start(text, pos);
            let we = word_end(text, pos + n);
            let tier = match t.anchor {
                Anchor::Any if ws && we => EXACT,
                Anchor::Any if ws => PREFIX,
                Anchor::Any => INFIX,
                Anchor::Start if ws => {
                    if we {
                        EXACT
                    } else {
                        PREFIX
                    }
                }
                Anchor::End if we => {
                    if ws {
                        EXACT
                    } else {
                        PREFIX
                    }
                }
                Anchor::Word if ws && we => EXACT,
                _ => continue,
            };
            let score = tier + if pos == 0 { AT_START } else { 0 };
            if best.is_none_or(|(b, _)| score > b) {
                best = Some((score, pos));
            }
            if tier == EXACT {
                break;
            }
        }
        best
    }

    /// Term `t` as scattered letters within one word or two adjacent words:
    /// `(score, the window's byte range)`.
    fn scattered(&self, t: &Term, s: &Subject) -> Option<(i64, usize, usize)> {
        let text = s.folded;
        let words = words(text);
        let first = t.text.chars().next()?;
        let mut best: Option<(i64, usize, usize)> = None;
        for (k, &(a, z)) in words.iter().enumerate() {
            let end = words.get(k + 1).map_or(z, |&(_, z2)| z2);
            let window = &text[a..end];
            if !window.contains(first) || !subsequence(window, &t.text) {
                continue;
            }
            // The tightest window: one word when it is enough.
            let (a, end) = if subsequence(&text[a..z], &t.text) {
                (a, z)
            } else {
                (a, end)
            };
            let skim = self
                .matcher
                .fuzzy_match(&text[a..end], &t.text)
                .unwrap_or(0);
            let score = 10 + skim.clamp(0, 2 * (FUZZY_MAX - 10)) / 2;
            if best.is_none_or(|(b, _, _)| score > b) {
                best = Some((score, a, end));
            }
        }
        best
    }

    /// How group `gi` matches: its score, or `None`. `tags`: the actors the
    /// item mentions; `fuzzy`: scattered letters are allowed.
    fn group(&self, gi: usize, s: &Subject, tags: &[u16], fuzzy: bool) -> Option<i64> {
        let g = &self.groups[gi];
        let mut best: Option<i64> = None;
        let mut keep = |v: i64| best = Some(best.map_or(v, |b| b.max(v)));
        for (t, f) in g.terms.iter().zip(&self.finders[gi]) {
            let found = self.literal(t, f, s, false);
            if t.negated {
                if found.is_none() {
                    keep(0);
                }
                continue;
            }
            match found {
                Some((score, _)) => keep(score),
                None if fuzzy && !t.literal => {
                    if let Some((score, _, _)) = self.scattered(t, s) {
                        keep(score);
                    }
                }
                None => {}
            }
        }
        if !g.actors.is_empty() && tags.iter().any(|a| g.actors.contains(a)) {
            keep(ALIAS);
        }
        best
    }

    /// The score of a text (without the kind bonus); `None` unless every
    /// group matches.
    pub fn score_subject(&self, s: &Subject, tags: &[u16], fuzzy: bool) -> Option<i64> {
        let mut total = 0;
        for gi in 0..self.groups.len() {
            total += self.group(gi, s, tags, fuzzy)?;
        }
        Some(total)
    }

    /// Matched character positions, sorted: each term where it occurs (the
    /// best occurrence), scattered letters where they were accepted, and for
    /// a group matched only through its actor, where `names` (folded, and
    /// whether in exact case) occur.
    pub fn positions_subject(&self, s: &Subject, fuzzy: bool, forms: &[Vec<Form>]) -> Vec<usize> {
        let text = s.folded;
        let chars = |byte: usize| text[..byte].chars().count();
        let mut out = Vec::new();
        for (gi, g) in self.groups.iter().enumerate() {
            let mut done = false;
            for (t, f) in g.terms.iter().zip(&self.finders[gi]) {
                if t.negated {
                    continue;
                }
                if let Some((_, pos)) = self.literal(t, f, s, true) {
                    let c = chars(pos);
                    out.extend(c..c + t.text.chars().count());
                    done = true;
                } else if fuzzy
                    && !t.literal
                    && let Some((_, a, z)) = self.scattered(t, s)
                    && let Some((_, idx)) = self.matcher.fuzzy_indices(&text[a..z], &t.text)
                {
                    let c = chars(a);
                    out.extend(idx.into_iter().map(|i| c + i));
                    done = true;
                }
            }
            if done || g.actors.is_empty() {
                continue;
            }
            // The earliest other name of the actor.
            let mut first: Option<(usize, usize)> = None;
            for (f, raw, exact) in forms.get(gi).into_iter().flatten() {
                let folded = f.needle();
                for pos in f.find_iter(text.as_bytes()) {
                    if word_start(text, pos)
                        && (!exact || s.same_case(pos, raw.as_bytes()))
                        && (!exact || word_end(text, pos + folded.len()))
                    {
                        if first.is_none_or(|(p, l)| pos < p || (pos == p && folded.len() > l)) {
                            first = Some((pos, folded.len()));
                        }
                        break;
                    }
                }
            }
            if let Some((pos, len)) = first {
                let c = chars(pos);
                out.extend(c..c + text[pos..pos + len].chars().count());
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Score and matched character positions of `text` (any case), as the
    /// engine would with no actor tags, scattered letters allowed.
    pub fn score(&self, item: usize, text: &str) -> Option<super::Hit> {
        let folded = fold(text);
        let s = Subject::text(&folded, text);
        let score = self.score_subject(&s, &[], true)?;
        Some(super::Hit {
            item,
            score,
            positions: self.positions_subject(&s, true, &[]),
        })
    }
}

/// Byte ranges of the words (runs of letters and digits) of `s`.
fn words(s: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in s.char_indices() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(a)) => {
                out.push((a, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(a) = start {
        out.push((a, s.len()));
    }
    out
}

/// Is `term` a subsequence of `text` (by characters)?
pub fn subsequence(text: &str, term: &str) -> bool {
    let mut it = text.chars();
    term.chars().all(|c| it.any(|x| x == c))
}

/// Can every item that matches `new` also match `old`? (Then the engine
/// looks for `new` among what matched `old` only.) True when `new` keeps
/// `old`'s groups, lengthens the last one's terms at most, and adds groups.
pub fn narrows(new: &[Group], old: &[Group]) -> bool {
    widens_by(new, old).is_some_and(|a| a.is_empty())
}

/// As [`narrows`], except that the last group may name actors `old` did not
/// (`kremli` -> `kremlin`, which names Russia): those actors, when every
/// item that matches `new` matched `old` or mentions one of them.
pub fn widens_by(new: &[Group], old: &[Group]) -> Option<Vec<u16>> {
    let (last, rest) = old.split_last()?;
    if new.len() < old.len() || new[..rest.len()] != *rest {
        return None;
    }
    let g = &new[rest.len()];
    let same = g.terms.len() == last.terms.len()
        && g.terms.iter().zip(&last.terms).all(|(n, o)| {
            n.negated == o.negated
                && n.literal == o.literal
                && n.case == o.case
                && n.anchor == o.anchor
                && if o.negated || matches!(o.anchor, Anchor::End | Anchor::Word) {
                    n.text == o.text
                } else {
                    n.text.starts_with(&o.text)
                }
        });
    same.then(|| {
        g.actors
            .iter()
            .copied()
            .filter(|a| !last.actors.contains(a))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn score(q: &Query, text: &str) -> Option<i64> {
        let folded = fold(text);
        q.score_subject(&Subject::text(&folded, text), &[], false)
    }

    fn fuzzy(q: &Query, text: &str) -> Option<i64> {
        let folded = fold(text);
        q.score_subject(&Subject::text(&folded, text), &[], true)
    }

    #[test]
    fn parses_fzf_syntax() {
        let q = Query::new(r#"'exact "a  phrase" ^pre suf$ ^word$ !not !^x azer | rus"#);
        let t: Vec<(&str, Anchor, bool, bool)> = q
            .groups
            .iter()
            .flat_map(|g| &g.terms)
            .map(|t| (t.text.as_str(), t.anchor, t.literal, t.negated))
            .collect();
        assert_eq!(
            t,
            [
                ("exact", Anchor::Any, true, false),
                ("a phrase", Anchor::Any, true, false),
                ("pre", Anchor::Start, true, false),
                ("suf", Anchor::End, true, false),
                ("word", Anchor::Word, true, false),
                ("not", Anchor::Any, true, true),
                ("x", Anchor::Start, true, true),
                ("azer", Anchor::Any, false, false),
                ("rus", Anchor::Any, false, false),
            ]
        );
        // `a | b` is one group of two alternatives.
        assert_eq!(q.groups.len(), 8);
        assert_eq!(q.groups[7].terms.len(), 2);
        // Operators alone, and an unclosed quote while typing.
        assert!(Query::new("! ^ ' $ |").is_empty());
        let open = Query::new("\"amerika ser");
        assert_eq!(open.groups[0].terms[0].text, "amerika ser");
        // A short word in capitals is that word.
        let q = Query::new("AS");
        assert_eq!(q.groups[0].terms[0].anchor, Anchor::Word);
        assert_eq!(Query::new("azer  RUS").groups.len(), 2);
    }

    #[test]
    fn whole_words_then_word_starts_then_inside_words() {
        let q = Query::new("rusia");
        let word = score(&q, "Hubungan Rusia dan Azerbaijan memburuk.").unwrap();
        let start = score(&q, "Hubungan Rusianya memburuk.").unwrap();
        let inside = score(&q, "Para ahli prusia lama.").unwrap();
        assert_eq!(word, EXACT);
        assert_eq!(start, PREFIX);
        assert_eq!(inside, INFIX);
        assert_eq!(
            score(&q, "Rusia menjadi negara pertama").unwrap(),
            EXACT + AT_START
        );
        // Case does not matter for plain terms.
        assert_eq!(score(&q, "RUSIA"), score(&q, "rusia"));
    }

    #[test]
    fn scattered_letters_only_within_two_words_and_only_as_a_fallback() {
        let q = Query::new("csto");
        // c-s-t-o spread over a sentence: noise, never a match.
        let scattered = "Ketegangan meningkat dengan cepat dalam seminggu terakhir, ketika polisi Rusia menggerebek";
        assert!(score(&q, scattered).is_none());
        assert!(fuzzy(&q, scattered).is_none());
        // A typo inside one word is accepted as a fallback, below any literal match.
        let q = Query::new("azrbaijan");
        let typo = fuzzy(&q, "Otoritas Azerbaijan mengatakan").unwrap();
        assert!(typo > 0 && typo <= FUZZY_MAX, "{typo}");
        assert!(score(&q, "Otoritas Azerbaijan mengatakan").is_none());
        // Two adjacent words, but not three.
        let q = Query::new("korut");
        assert!(fuzzy(&q, "pasukan Korea Utara").is_some());
        assert!(fuzzy(&q, "Korea Selatan dan Utara").is_none());
    }

    #[test]
    fn exact_phrase_prefix_suffix_and_negation() {
        let text = "Amerika Serikat maupun Uni Eropa belum secara resmi mengakui kelompok tersebut";
        assert!(score(&Query::new("'serikat"), text).is_some());
        assert!(score(&Query::new("'srikat"), text).is_none());
        assert!(score(&Query::new("\"amerika serikat\""), text).is_some());
        assert!(score(&Query::new("\"serikat amerika\""), text).is_none());
        assert!(score(&Query::new("^eropa"), text).is_some());
        assert!(score(&Query::new("^ropa"), text).is_none());
        assert!(score(&Query::new("kui$"), text).is_some(), "mengakui");
        assert!(score(&Query::new("meng$"), text).is_none());
        assert!(score(&Query::new("^uni$"), text).is_some());
        assert!(score(&Query::new("^un$"), text).is_none());
        assert!(score(&Query::new("amerika !eropa"), text).is_none());
        assert!(score(&Query::new("amerika !rusia"), text).is_some());
        assert!(score(&Query::new("rusia | eropa"), text).is_some());
        assert!(score(&Query::new("rusia | china"), text).is_none());
    }

    #[test]
    fn acronyms_match_the_word_in_its_case() {
        let names = super::super::aliases::Aliases::shared();
        let q = Query::parse("AS", Some(&names));
        assert!(q.groups[0].terms[0].case);
        assert!(score(&q, "serangan udara AS terhadap fasilitas nuklir Iran").is_some());
        assert!(score(&q, "Kazakhstan (KAZ) · Astana · Nur-Sultan").is_none());
        assert!(score(&q, "Suriah · Damascus · Damaskus").is_none());
        assert!(score(&q, "as well as").is_none(), "exact case");
        // Without the gazetteer: the word, any case.
        assert!(score(&Query::new("AS"), "as well").is_some());
        assert!(score(&Query::new("AS"), "Astana").is_none());
    }

    #[test]
    fn words_that_name_actors() {
        let names = super::super::aliases::Aliases::shared();
        let id = |q: &Query, g: usize| -> Vec<String> {
            q.groups[g]
                .actors
                .iter()
                .map(|&a| names.ids[a as usize].clone())
                .collect()
        };
        let q = Query::parse("United States", Some(&names));
        assert_eq!(q.groups.len(), 1, "one name, one group");
        assert_eq!(q.groups[0].terms[0].text, "united states");
        assert_eq!(id(&q, 0), ["USA"]);
        let q = Query::parse("azer rus", Some(&names));
        assert_eq!(
            (id(&q, 0), id(&q, 1)),
            (vec!["AZE".into()], vec!["RUS".into()])
        );
        let q = Query::parse("perjanjian damai", Some(&names));
        assert!(q.groups.iter().all(|g| g.actors.is_empty()));
        // Operators keep a term literal: no actor.
        let q = Query::parse("'kremlin", Some(&names));
        assert!(q.groups[0].actors.is_empty());
    }

    #[test]
    fn narrowing_while_typing() {
        let p = |s: &str| Query::new(s).groups;
        assert!(narrows(&p("azer r"), &p("azer")));
        assert!(narrows(&p("azer ru"), &p("azer r")));
        assert!(narrows(&p("^kre"), &p("^kr")));
        assert!(!narrows(&p("abc$"), &p("ab$")));
        assert!(
            !narrows(&p("!da"), &p("!d")),
            "a longer exclusion keeps more"
        );
        assert!(!narrows(&p("azer"), &p("azer rus")));
        assert!(!narrows(&p("bzer"), &p("azer")));
        let names = super::super::aliases::Aliases::shared();
        let n = |s: &str| Query::parse(s, Some(&names)).groups;
        assert!(
            !narrows(&n("rus"), &n("ru")),
            "rus names Russia: more items"
        );
        assert!(narrows(&n("russ"), &n("rus")));
        // ... but only by the items that mention Russia.
        let rus = names.index("RUS").unwrap();
        assert_eq!(widens_by(&n("rus"), &n("ru")), Some(vec![rus]));
        assert_eq!(
            widens_by(&n("sekutu moskow"), &n("sekutu mosko")),
            Some(vec![rus])
        );
        assert_eq!(widens_by(&n("bzer"), &n("azer")), None);
    }
}
