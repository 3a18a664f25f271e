//! What the alliance steps read in one sentence: its actor mentions as token
//! spans, the lists of states named together, the modifiers, and the context
//! the sentences before it leave (the organisation they are about, the last
//! list of states, the states they are most about).

use super::super::context::Sentence;
use super::super::tokens::Token;
use crate::brief::ActorKind;
use crate::lexicon::{AliasKind, Found, Lexicon, cat};

/// A mention with its token span and kind.
#[derive(Debug, Clone)]
pub(super) struct M {
    pub id: String,
    pub kind: ActorKind,
    /// Named by its name (not a capital, leader or adjective).
    pub by_name: bool,
    /// Named by one of the organisation's bodies ("AU Commission", a mission).
    pub body: bool,
    pub start: usize,
    pub end: usize,
    pub byte_end: usize,
}

/// States named together ("Mali, Burkina Faso dan Niger").
#[derive(Debug, Clone)]
pub(super) struct StateList {
    pub ids: Vec<String>,
    pub start: usize,
    pub end: usize,
    /// Every state is named by its name ("Filipina", not "Manila").
    pub by_name: bool,
}

/// Append the ids of `more` that `ids` does not have yet, in order.
pub(super) fn push_new(ids: &mut Vec<String>, more: &[String]) {
    for id in more {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    }
}

pub(super) fn tok_at(toks: &[Token], b: usize) -> usize {
    toks.iter().position(|t| t.end > b).unwrap_or(toks.len())
}

pub(super) fn tok_end(toks: &[Token], b: usize) -> usize {
    toks.iter().rposition(|t| t.start < b).map_or(0, |i| i + 1)
}

/// "Argentina, Brazil, Uruguay and, since 2024, Bolivia": a date aside
/// between commas inside a list's last joint.
fn dated_joint(between: &[&str]) -> bool {
    match between {
        [c, ",", since, year, ","] => {
            matches!(*c, "and" | "dan" | "serta")
                && matches!(*since, "since" | "sejak" | "from" | "in" | "pada")
                && year.len() == 4
                && year.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

fn is_list_joint(w: &str) -> bool {
    matches!(
        w,
        "," | "dan" | "and" | "serta" | "the" | "&" | "maupun" | "atau" | "or"
    )
}

/// How much a mention of an organisation counts one sentence later.
const DECAY: f64 = 0.8;

/// What the sentences before leave for the next one.
#[derive(Debug, Default)]
pub(super) struct Context {
    /// Organisations named: (id, decayed mention score as of the sentence
    /// index, that index). One entry per organisation, so the lookup stays
    /// cheap however long the document is.
    pub recent_orgs: Vec<(String, f64, usize)>,
    /// The last list of two or more states, with the sentence index.
    pub last_list: Option<(Vec<String>, usize)>,
    /// States mentioned: (id, decayed mention count as of the sentence
    /// index, that index, mentions in all, token of the first mention in
    /// that sentence), as for organisations.
    pub recent_states: Vec<(String, f64, usize, usize, usize)>,
    /// The organisation that opened the sentence before as its subject
    /// ("The Economic Community of Central African States (ECCAS), which
    /// ..."), with the sentence index: "the bloc" in the next sentence is it.
    pub subject_org: Option<(String, usize)>,
    /// The state that opened the sentence before as its subject, with the
    /// sentence's paragraph; a pronoun subject carries it on.
    pub subject_state: Option<(String, usize)>,
}

impl Context {
    /// The organisation the recent sentences are about ("the bloc", "the
    /// alliance", "blok itu"): each mention counts less the further back it
    /// is, so a bloc named twice a few sentences ago outweighs another named
    /// once in passing since; none beyond about seven sentences.
    fn org(&self, index: usize) -> Option<String> {
        if let Some((o, at)) = &self.subject_org
            && at + 1 == index
        {
            return Some(o.clone());
        }
        let mut best: Option<(&str, f64)> = None;
        for (o, score, at) in &self.recent_orgs {
            let w = score * DECAY.powi((index - at).min(64) as i32);
            if w >= 0.2 && best.is_none_or(|(_, bw)| w >= bw) {
                best = Some((o, w));
            }
        }
        best.map(|(o, _)| o.to_string())
    }

    /// The two states the recent sentences are most about ("both countries",
    /// "kedua negara"): mention counts decaying by half a sentence, each at
    /// least half a mention as of sentence `index`; ties go to the later,
    /// then to the one named first in its sentence (the subject: "Indonesia
    /// dan Turki bersama Meksiko ... membentuk MIKTA. Keduanya ...").
    fn salient_pair(&self, index: usize) -> Option<Vec<String>> {
        // How many sentences back two states named together still are "both".
        const LIST_REACH: usize = 3;
        let mut ranked: Vec<(&str, f64, usize, usize)> = self
            .recent_states
            .iter()
            .map(|(id, score, at, _, pos)| {
                (
                    id.as_str(),
                    score * 0.5f64.powi((index - at).min(64) as i32),
                    *at,
                    *pos,
                )
            })
            .filter(|(_, w, _, _)| *w >= 0.5)
            .collect();
        ranked.sort_by(|a, b| {
            b.1.total_cmp(&a.1)
                .then(b.2.cmp(&a.2))
                .then(a.3.cmp(&b.3))
                .then(a.0.cmp(b.0))
        });
        if ranked.len() >= 2 {
            let mut pair = vec![ranked[0].0.to_string(), ranked[1].0.to_string()];
            pair.sort();
            return Some(pair);
        }
        // Nothing recent: the last two states named together a few
        // sentences back, else the two the document names most.
        if let Some((l, at)) = &self.last_list
            && l.len() == 2
            && index - at <= LIST_REACH
        {
            return Some(l.clone());
        }
        let mut total: Vec<&(String, f64, usize, usize, usize)> =
            self.recent_states.iter().collect();
        total.sort_by(|a, b| b.3.cmp(&a.3).then(b.2.cmp(&a.2)).then(a.0.cmp(&b.0)));
        (total.len() >= 2).then(|| vec![total[0].0.clone(), total[1].0.clone()])
    }

    /// The organisation the recent sentences mentioned last whose name holds
    /// the head noun `head` ("forum" for the Pacific Islands Forum).
    fn named_with(&self, head: &str, lex: &Lexicon) -> Option<String> {
        let gaz = &lex.gazetteer;
        self.recent_orgs
            .iter()
            .filter(|(id, _, _)| {
                gaz.index(id).is_some_and(|i| {
                    gaz.actor(i)
                        .name
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(head))
                })
            })
            .max_by_key(|(_, _, at)| *at)
            .map(|(id, _, _)| id.clone())
    }

    /// Remember what this sentence names.
    pub(super) fn update(&mut self, f: &Facts) {
        let index = f.sent.index;
        self.subject_org = f
            .orgs
            .first()
            .filter(|o| o.start <= 1 && !o.body && f.states.iter().all(|m| m.start > o.start))
            .map(|o| (o.id.clone(), index));
        // The subject: a state named by name at the start of the sentence
        // ("Belarus is bound to ...", "In 2024 Belarus ..."), or the one a
        // pronoun carries on.
        let opening = f
            .states
            .first()
            .filter(|m| m.by_name && m.start <= 4 && f.orgs.iter().all(|o| o.start > m.start))
            .filter(|m| {
                f.lower[..m.start]
                    .iter()
                    .all(|w| !matches!(*w, "," | "with" | "dengan"))
            })
            .map(|m| m.id.clone());
        self.subject_state = opening
            .or_else(|| f.singular_subject.as_ref().map(|(_, id)| id.clone()))
            .map(|id| (id, f.sent.paragraph));
        for o in &f.orgs {
            match self.recent_orgs.iter_mut().find(|e| e.0 == o.id) {
                Some(e) => {
                    e.1 = e.1 * DECAY.powi((index - e.2).min(64) as i32) + 1.0;
                    e.2 = index;
                }
                None => self.recent_orgs.push((o.id.clone(), 1.0, index)),
            }
        }
        for m in &f.states {
            match self.recent_states.iter_mut().find(|e| e.0 == m.id) {
                Some(e) => {
                    if e.2 != index {
                        e.4 = m.start;
                    }
                    e.1 = e.1 * 0.5f64.powi((index - e.2).min(64) as i32) + 1.0;
                    e.2 = index;
                    e.3 += 1;
                }
                None => self
                    .recent_states
                    .push((m.id.clone(), 1.0, index, 1, m.start)),
            }
        }
        if let Some(l) = f.lists.iter().rev().find(|l| l.ids.len() >= 2) {
            self.last_list = Some((l.ids.clone(), f.sent.index));
        }
    }
}

/// One sentence, read for alliances.
pub(super) struct Facts<'a> {
    pub sent: &'a Sentence<'a>,
    pub toks: &'a [Token<'a>],
    pub lower: Vec<&'a str>,
    pub found: &'a Found,
    pub orgs: Vec<M>,
    pub states: Vec<M>,
    pub lists: Vec<StateList>,
    /// Distinct states in order.
    pub sentence_states: Vec<String>,
    pub date: Option<String>,
    /// "mereka", "the three countries" near the start.
    pub pronoun_subject: bool,
    negation_ends: Vec<usize>,
    modal_ends: Vec<usize>,
    /// The organisation and the list of states of the sentences just before.
    pub context_org: Option<String>,
    pub context_list: Option<Vec<String>>,
    /// The two states the sentences just before are most about.
    pub context_pair: Option<Vec<String>>,
    /// "In July 2024 it became a full member of the SCO": the token of a
    /// singular subject pronoun opening the sentence, and the state it
    /// stands for (the subject of the sentence before, same paragraph).
    pub singular_subject: Option<(usize, String)>,
}

/// The token of a singular subject pronoun ("it", "ia", "dia") that opens
/// the sentence, alone or after a short time adverbial ("In July 2024 it",
/// "Pada 2024 ia"), before any actor is named.
fn singular_pronoun(lower: &[&str], first_mention: usize) -> Option<usize> {
    let p = lower
        .iter()
        .take(6)
        .position(|w| matches!(*w, "it" | "ia" | "dia"))?;
    let adverbial = lower[..p].first().is_none_or(|w| {
        matches!(
            *w,
            "in" | "on"
                | "by"
                | "since"
                | "later"
                | "then"
                | "pada"
                | "sejak"
                | "kemudian"
                | "lalu"
        )
    });
    (p < first_mention && adverbial).then_some(p)
}

/// The kind of an actor id (states by default).
pub(super) fn kind_of(lex: &Lexicon, id: &str) -> ActorKind {
    let gaz = &lex.gazetteer;
    gaz.index(id)
        .map_or(ActorKind::State, |i| gaz.actor(i).kind)
}

impl<'a> Facts<'a> {
    /// The sentence's facts, or `None` when it names no actor and refers to none.
    pub(super) fn new(sent: &'a Sentence<'a>, ctx: &Context, lex: &Lexicon) -> Option<Facts<'a>> {
        let found = &sent.scan.phrases;
        let pronoun_subject = found.get(cat::GROUP_PRONOUNS).iter().any(|p| p.start < 40);
        if sent.mentions.iter().all(|m| m.locative) && !pronoun_subject {
            return None;
        }
        let toks: &[Token] = &sent.scan.tokens;
        let lower = sent.scan.lower_tokens();
        let ms: Vec<M> = sent
            .mentions
            .iter()
            .filter(|m| !m.locative)
            .map(|m| M {
                id: m.id.clone(),
                kind: if m.defined {
                    ActorKind::Organisation
                } else {
                    kind_of(lex, &m.id)
                },
                by_name: matches!(m.kind, AliasKind::Name | AliasKind::Acronym),
                body: m.kind == AliasKind::Body,
                start: tok_at(toks, m.start),
                end: tok_end(toks, m.end),
                byte_end: m.end,
            })
            .collect();
        let mut orgs: Vec<M> = ms
            .iter()
            .filter(|m| m.kind == ActorKind::Organisation)
            .cloned()
            .collect();
        let refs = references(toks, &lower, &ms, ctx, sent.index, lex);
        if !refs.is_empty() {
            orgs.extend(refs);
            orgs.sort_by_key(|o| o.start);
        }
        let states: Vec<M> = ms
            .into_iter()
            .filter(|m| m.kind == ActorKind::State)
            .collect();
        let lists = state_lists(&states, &lower);
        let mut sentence_states: Vec<String> = Vec::new();
        for m in &states {
            if !sentence_states.contains(&m.id) {
                sentence_states.push(m.id.clone());
            }
        }
        let ends = |category: usize| -> Vec<usize> {
            found
                .get(category)
                .iter()
                .map(|n| tok_end(toks, n.end))
                .collect()
        };
        Some(Facts {
            sent,
            toks,
            lower,
            found,
            orgs,
            states,
            lists,
            sentence_states,
            date: sent.date().map(|d| d.to_string()),
            pronoun_subject,
            negation_ends: ends(cat::NEGATION),
            modal_ends: ends(cat::MODALITY),
            context_org: ctx.org(sent.index),
            context_list: ctx
                .last_list
                .as_ref()
                .filter(|(_, i)| sent.index - i <= 3)
                .map(|(l, _)| l.clone()),
            context_pair: ctx.salient_pair(sent.index),
            singular_subject: None,
        })
        .map(|mut f| {
            let first = f.states.first().map_or(usize::MAX, |m| m.start);
            let first = f.orgs.first().map_or(first, |o| first.min(o.start));
            f.singular_subject = singular_pronoun(&f.lower, first).and_then(|p| {
                ctx.subject_state
                    .as_ref()
                    .filter(|(_, para)| *para == sent.paragraph)
                    .map(|(id, _)| (p, id.clone()))
            });
            f
        })
    }

    /// The states a group pronoun stands for: for "both countries", "kedua
    /// negara", the two states the recent sentences are most about; for
    /// "mereka", "the three countries", the states named together just before.
    pub(super) fn group_subject(&self) -> Vec<String> {
        let dual = self.found.get(cat::GROUP_PRONOUNS).iter().any(|p| {
            let w = &self.sent.text[p.start..p.end].to_lowercase();
            w.contains("both") || w.contains("kedua") || w.contains("two")
        });
        if dual {
            self.context_pair
                .clone()
                .or_else(|| self.context_list.clone().filter(|l| l.len() == 2))
                .unwrap_or_default()
        } else {
            self.context_list.clone().unwrap_or_default()
        }
    }

    pub(super) fn has_comma(&self, a: usize, b: usize) -> bool {
        self.lower[a.min(b)..a.max(b).min(self.lower.len())].contains(&",")
    }

    /// A negation ends within three tokens before token `s`.
    pub(super) fn negated_before(&self, s: usize) -> bool {
        self.negation_ends.iter().any(|&e| e <= s && s - e <= 3)
    }

    /// A modal ("akan", "will", "plans to") ends within five tokens before `s`.
    pub(super) fn modal_before(&self, s: usize) -> bool {
        self.modal_ends.iter().any(|&e| e <= s && s - e <= 5)
    }

    /// Token span of a phrase match.
    pub(super) fn span(&self, start: usize, end: usize) -> (usize, usize) {
        (tok_at(self.toks, start), tok_end(self.toks, end))
    }
}

/// Definite references to an organisation named before, as mentions of it:
/// "the bloc", "the alliance", "organisasi tersebut" stand for the one the
/// recent sentences are about; the head noun of an organisation's name
/// stands for that organisation ("the Forum" after "the Pacific Islands
/// Forum", "Uni itu" after "Uni Eropa"). English needs "the" before the noun
/// (a name's head capitalised, so "the union" of workers is not the EU),
/// Indonesian a demonstrative after it. "The Union of South American
/// Nations" is a name, not a reference: a noun followed by "of" is skipped.
fn references(
    toks: &[Token],
    lower: &[&str],
    mentions: &[M],
    ctx: &Context,
    index: usize,
    lex: &Lexicon,
) -> Vec<M> {
    let al = &lex.alliances;
    let heads = &lex.relations.organisation_heads;
    let mut out = Vec::new();
    for i in 0..lower.len() {
        // "the Forum's members": the possessive stays inside the token.
        let w = lower[i].trim_end_matches("'s").trim_end_matches("’s");
        let generic = al.reference_nouns.contains(w);
        if !generic && !heads.contains(w) {
            continue;
        }
        // "the 11-member bloc", "the six-nation alliance": a size may stand between.
        let sized = |w: &str| {
            w.rsplit_once('-').is_some_and(|(n, unit)| {
                matches!(unit, "member" | "nation" | "country" | "state" | "strong")
                    && (n.chars().all(|c| c.is_ascii_digit()) || al.member_modifiers.contains(n))
            })
        };
        let the_at = if i > 1 && sized(lower[i - 1]) {
            i - 2
        } else {
            i.wrapping_sub(1)
        };
        let english =
            i > 0 && the_at < i && lower[the_at] == "the" && lower.get(i + 1) != Some(&"of");
        let indonesian = lower
            .get(i + 1)
            .is_some_and(|d| al.demonstratives.contains(*d));
        if !(english || indonesian) || mentions.iter().any(|m| m.start <= i && i < m.end) {
            continue;
        }
        let capitalised = toks[i].text.starts_with(|c: char| c.is_uppercase());
        let id = if generic {
            ctx.org(index)
        } else if indonesian || capitalised {
            ctx.named_with(w, lex)
        } else {
            None
        };
        if let Some(id) = id {
            let start = if english { the_at } else { i };
            let end = if english { i + 1 } else { i + 2 };
            out.push(M {
                id,
                kind: ActorKind::Organisation,
                by_name: false,
                body: false,
                start,
                end,
                byte_end: toks[end - 1].end,
            });
        }
    }
    out
}

/// Lists of states named together. A comma alone joins only inside a list
/// that has a conjunction ("A, B dan C"), not across clauses ("setelah
/// operasi Azerbaijan, Armenia meratifikasi ...").
fn state_lists(states: &[M], lower: &[&str]) -> Vec<StateList> {
    let mut lists: Vec<StateList> = Vec::new();
    let mut conj: Vec<bool> = Vec::new();
    for m in states {
        match lists.last_mut() {
            Some(l)
                if m.start >= l.end
                    && (lower[l.end..m.start].iter().all(|w| is_list_joint(w))
                        && m.start - l.end <= 3
                        || dated_joint(&lower[l.end..m.start])) =>
            {
                let between = &lower[l.end..m.start];
                if let Some(c) = conj.last_mut() {
                    *c |= !between.contains(&",")
                        || between.iter().any(|w| !matches!(*w, "," | "the"));
                }
                if !l.ids.contains(&m.id) {
                    l.ids.push(m.id.clone());
                }
                l.end = m.end;
                l.by_name &= m.by_name;
            }
            Some(l) if m.start < l.end => {}
            _ => {
                lists.push(StateList {
                    ids: vec![m.id.clone()],
                    start: m.start,
                    end: m.end,
                    by_name: m.by_name,
                });
                conj.push(false);
            }
        }
    }
    let mut split: Vec<StateList> = Vec::new();
    for (l, has_conj) in lists.into_iter().zip(conj) {
        // "The bloc's five members: A, B, C, D, E." — a colon announces a list.
        let announced = l.start > 0 && lower[l.start - 1] == ":";
        if l.ids.len() < 2 || has_conj || announced {
            split.push(l);
            continue;
        }
        for m in states
            .iter()
            .filter(|m| m.start >= l.start && m.end <= l.end)
        {
            split.push(StateList {
                ids: vec![m.id.clone()],
                start: m.start,
                end: m.end,
                by_name: m.by_name,
            });
        }
    }
    split
}
