//! Cues and their targets: the relation words of a sentence (from
//! `lexicon/cues.toml`), each with a signed value after its modifiers, and
//! the side it points at.
//!
//! - Negation before a cue in its clause reverses and halves it ("tidak
//!   datang mendukung" is not support); it carries over a coordinated cue
//!   ("will not threaten or use force").
//! - A reversal word ends a conflict ("mengakhiri larangan impor",
//!   "overcome the history of enmity"): it counts as cooperation.
//! - Modality, a hypothetical opening ("Jika ...", "If ...") and estimative
//!   words ("unlikely", "tidak mungkin") weaken what they qualify, clause by
//!   clause; a collective-defence clause ("an attack on one is an attack on
//!   both") names a hypothetical third party.
//! - A cue aimed at a non-state adversary ("memerangi pemberontak") is not a
//!   relation between the states around it.
//! - A side right after the cue, through prepositions and target nouns
//!   ("serangan udara terhadap target-target Iran"), is its target.

use super::sides::Side;
use super::view::{View, is_conj, tok_at, tok_span};
use crate::brief::{Confidence, QuadClass, Trend};
use crate::lexicon::{CueInfo, Lexicon, Ties, cat};

/// A cue found in a sentence, with its effect after modifiers.
#[derive(Debug, Clone)]
pub(super) struct Hit {
    pub cue: String,
    pub start: usize,
    pub end: usize,
    /// Signed value: + cooperation, - conflict, scaled by modifiers.
    pub value: f64,
    pub class: QuadClass,
    pub trend: Option<Trend>,
    /// Side the cue points at.
    pub target: Option<usize>,
    /// Factor on its weight in the stance now (see `frame`).
    pub now: f64,
    /// Ties cut or restored, as stated (not negated, not undone).
    pub ties: Option<Ties>,
}

impl Hit {
    pub(super) fn negated(&self) -> bool {
        self.cue.starts_with("NOT ")
    }
}

/// The modifier phrases of a sentence, as token ranges.
struct Modifiers {
    negation: Vec<(usize, usize)>,
    not_negation: Vec<(usize, usize)>,
    modal: Vec<(usize, usize)>,
    reversals: Vec<(usize, usize)>,
    breaches: Vec<(usize, usize)>,
    hypothetical: bool,
    /// Clauses a hypothetical word opens ("..., jika diserang", "..., if attacked").
    conditional: Vec<usize>,
    collective: bool,
    /// (clause, factor) of each estimative word.
    estimates: Vec<(usize, f64)>,
    /// Token index of each non-state object ("pemberontak", "militants").
    non_state: Vec<usize>,
}

impl Modifiers {
    fn new(v: &View, lex: &Lexicon) -> Modifiers {
        Modifiers {
            negation: v.ranges(cat::NEGATION),
            not_negation: v.ranges(cat::NOT_NEGATION),
            modal: v.ranges(cat::MODALITY),
            reversals: v.ranges(cat::REVERSAL),
            breaches: {
                // "ended its defence cooperation agreement with Paris": a
                // transitive "ended" undoes what it ends; "the talks ended
                // with an agreement" (intransitive) breaks nothing.
                let mut b = v.ranges(cat::BREACH);
                b.extend((0..v.lower.len().saturating_sub(1)).filter_map(|i| {
                    (matches!(v.lower[i], "ended" | "ends")
                        && matches!(
                            v.lower[i + 1],
                            "its" | "their" | "the" | "all" | "his" | "her"
                        ))
                    .then_some((i, i + 1))
                }));
                b
            },
            hypothetical: v
                .phrases(cat::HYPOTHETICAL)
                .first()
                .is_some_and(|h| tok_at(v.toks, h.start) <= 2),
            conditional: v
                .ranges(cat::HYPOTHETICAL)
                .iter()
                .map(|&(s, _)| v.clause(s))
                .collect(),
            collective: !v.phrases(cat::COLLECTIVE).is_empty(),
            estimates: estimates(v, lex),
            non_state: v
                .phrases(cat::NON_STATE_OBJECTS)
                .iter()
                .map(|m| tok_at(v.toks, m.start))
                .collect(),
        }
    }

    /// A negation governs the cue at tokens `s..`: before it, within the
    /// window, in its clause, with only pass-through words between.
    fn negates(&self, v: &View, lex: &Lexicon, form: &str, s: usize) -> bool {
        let m = &lex.modifiers;
        let immune = m
            .negation_immune
            .iter()
            .any(|w| form.split_whitespace().any(|f| f == w) || form == *w);
        !immune
            && self.negation.iter().any(|&(ns, ne)| {
                ne <= s
                    && s - ne <= m.negation_window
                    && v.clause(ns) == v.clause(s)
                    && v.all_between(ne, s, |w| m.negation_passthrough.contains(w))
                    && !self
                        .not_negation
                        .iter()
                        .any(|&(xs, xe)| xs <= ns && ne <= xe)
                    // "tidak lagi", "no longer": a stop, read as a reversal
                    // or a breach, not as a negation.
                    && !self
                        .reversals
                        .iter()
                        .any(|&(rs, re)| rs <= ns && ne <= re)
            })
    }

    /// A pledge word shortly before the negation that governs the cue at `s`.
    fn pledged(&self, v: &View, lex: &Lexicon, s: usize) -> bool {
        let m = &lex.modifiers;
        self.negation.iter().any(|&(ns, ne)| {
            ne <= s
                && s - ne <= m.negation_window
                && (ns.saturating_sub(4)..ns).any(|i| m.pledges.contains(v.lower[i]))
        })
    }

    fn reverses(&self, v: &View, s: usize) -> bool {
        self.reversals
            .iter()
            .any(|&(rs, re)| re <= s && s - re <= 3 && v.clause(rs) == v.clause(s))
    }

    /// A breach word shortly before the cooperation cue at `s`
    /// ("pelanggaran paling serius terhadap kesepakatan").
    fn breaches(&self, v: &View, s: usize) -> bool {
        self.breaches
            .iter()
            .any(|&(bs, be)| be <= s && s - be <= 4 && v.clause(bs) == v.clause(s))
    }

    /// `value` weakened by modality, a hypothetical, estimative words in the
    /// cue's clause and a collective-defence clause, in that order.
    fn weaken(&self, value: f64, lex: &Lexicon, info: &CueInfo, v: &View, s: usize) -> f64 {
        let m = &lex.modifiers;
        let mut value = value;
        if self
            .modal
            .iter()
            .any(|&(_, me)| me <= s && s - me <= m.modality_window)
        {
            value *= m.modality_factor;
        }
        if self.hypothetical || self.conditional.contains(&v.clause(s)) {
            value *= m.hypothetical_factor;
        }
        value *= self
            .estimates
            .iter()
            .filter(|(c, _)| *c == v.clause(s))
            .map(|(_, f)| *f)
            .fold(1.0, f64::min);
        if self.collective && !info.class.is_cooperation() {
            value *= m.collective_factor;
        }
        value
    }
}

/// Estimative words and how much they weaken their clause ("invasi ... tidak
/// mungkin terjadi"; "a prolonged closure was likely, but a full-scale war
/// ... was unlikely").
fn estimates(v: &View, lex: &Lexicon) -> Vec<(usize, f64)> {
    v.phrases(cat::ESTIMATIVE)
        .iter()
        .filter(|m| {
            // "May 2024" is a month, "may" is estimative.
            let lower_pattern = lex
                .phrases
                .phrase(m.phrase)
                .chars()
                .next()
                .is_some_and(char::is_lowercase);
            !(lower_pattern
                && m.start > 0
                && v.text[m.start..m.end]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase))
        })
        .map(|m| {
            let factor = match Confidence::ALL[m.id as usize] {
                Confidence::AlmostNoChance | Confidence::VeryUnlikely | Confidence::Unlikely => 0.3,
                Confidence::RoughlyEvenChance => 0.7,
                _ => 1.0,
            };
            (v.clause(tok_at(v.toks, m.start)), factor)
        })
        .collect()
}

/// What a negation leaves of a cue: not cooperating ("tidak mendukung",
/// "refused to recognise") says half as much the other way; not fighting
/// ("tidak ada perang", "did not attack") is only a little cooperation —
/// the absence of war is not peace — unless it is promised ("agreed not to
/// use force").
fn negation_factor(class: QuadClass, pledged: bool) -> f64 {
    if class.is_cooperation() || pledged {
        -0.5
    } else {
        -0.25
    }
}

/// The opposite quad class after a negation: what is not cooperation is
/// verbal conflict, and the reverse.
fn negated_class(class: QuadClass) -> QuadClass {
    if class.is_cooperation() {
        QuadClass::VerbalConflict
    } else {
        QuadClass::VerbalCooperation
    }
}

/// The class of the opposite direction and the same kind.
fn mirrored_class(class: QuadClass) -> QuadClass {
    match class {
        QuadClass::MaterialConflict => QuadClass::MaterialCooperation,
        QuadClass::MaterialCooperation => QuadClass::MaterialConflict,
        QuadClass::VerbalConflict => QuadClass::VerbalCooperation,
        QuadClass::VerbalCooperation => QuadClass::VerbalConflict,
    }
}

/// Value, class and trend of a cue after negation or reversal.
fn modified(
    info: &CueInfo,
    negated: bool,
    pledged: bool,
    reversed: bool,
) -> (f64, QuadClass, Option<Trend>) {
    let sign = if info.class.is_cooperation() {
        1.0
    } else {
        -1.0
    };
    let mut value = sign * info.weight;
    let mut class = info.class;
    let mut trend = info.trend;
    if negated {
        value *= negation_factor(info.class, pledged);
        class = negated_class(info.class);
        trend = match trend {
            Some(Trend::Improving) => Some(Trend::Worsening),
            Some(Trend::Worsening) => Some(Trend::Improving),
            t => t,
        };
    }
    if reversed {
        (value, class, trend) = undone(value, class, trend);
    }
    (value, class, trend)
}

/// Ended (a conflict) or broken (a cooperation): the other direction, in the
/// same material/verbal kind, moving that way.
fn undone(value: f64, class: QuadClass, trend: Option<Trend>) -> (f64, QuadClass, Option<Trend>) {
    let class = mirrored_class(class);
    let (toward, away) = if class.is_cooperation() {
        (Trend::Improving, Trend::Worsening)
    } else {
        (Trend::Worsening, Trend::Improving)
    };
    let trend = if trend.is_none() || trend == Some(away) {
        Some(toward)
    } else {
        trend
    };
    (value * -0.6, class, trend)
}

/// The side a cue at tokens `s..e` points at: the side right after it,
/// through target prepositions and nouns, in its clause.
fn target(v: &View, sides: &[Side], s: usize, e: usize, lex: &Lexicon) -> Option<usize> {
    let r = &lex.relations;
    sides.iter().position(|g| {
        g.start >= e
            && g.start - e <= 3
            && v.clause(g.start) == v.clause(s)
            && v.all_between(e, g.start, |w| {
                r.target_prepositions.contains(w) || r.target_nouns.contains(w)
            })
    })
}

/// How much of a fighting word's weight "fought alongside" keeps, as
/// cooperation between the two who fight together.
const COMRADE_FACTOR: f64 = 0.6;

/// "whose troops have fought alongside the Congolese army", "bertempur
/// bersama pasukan Kongo": a fighting word right before "alongside" or
/// "bersama" makes comrades of the subject and the side after it. With an
/// enemy also named in the clause ("... against the rebels", "melawan ...")
/// the word keeps its sense towards that enemy.
fn fought_alongside(v: &View, class: QuadClass, s: usize, e: usize) -> bool {
    let next = |k: usize| v.lower.get(k).copied().unwrap_or("");
    let with = match next(e) {
        "alongside" | "bersama" | "bersama-sama" | "beside" | "bahu-membahu" => true,
        "together" | "side" | "berdampingan" => {
            matches!(next(e + 1), "with" | "by" | "dengan")
        }
        _ => false,
    };
    // Looked for only after the cheap checks, and within a dozen words, so
    // a sentence without ends costs no more than a normal one.
    let enemy_named = || {
        (e..v.lower.len().min(e + 12))
            .take_while(|&k| v.clause(k) == v.clause(s))
            .any(|k| matches!(v.lower[k], "against" | "melawan" | "terhadap"))
    };
    class == QuadClass::MaterialConflict && with && !enemy_named()
}

/// Every cue of the sentence with its value and target.
pub(super) fn find(v: &View, sides: &[Side], lex: &Lexicon) -> Vec<Hit> {
    let mods = Modifiers::new(v, lex);
    let in_mention = |s: usize, e: usize| v.sent.mentions.iter().any(|m| s < m.end && m.start < e);
    let mut hits: Vec<Hit> = Vec::new();
    for &cm in v.phrases(cat::CUES) {
        let info = lex.cues.info[cm.id as usize];
        // Weight 0 marks a named past event that only blocks shorter cues.
        if in_mention(cm.start, cm.end) || info.weight <= 0.0 {
            continue;
        }
        let (s, e) = tok_span(v.toks, cm.start, cm.end);
        // "memerangi pemberontak": aimed at a non-state adversary.
        if mods.non_state.iter().any(|&n| n >= e && n - e <= 1) {
            continue;
        }
        // "ketimbang melawan", "rather than confront", "instead of imposing
        // sanctions": the course not taken, up to two words before the cue.
        let alternative_ends = |k: usize| {
            let one = k >= 1 && lex.modifiers.alternatives.contains(v.lower[k - 1]);
            let two = k >= 2
                && lex.modifiers.alternatives.contains(&format!(
                    "{} {}",
                    v.lower[k - 2],
                    v.lower[k - 1]
                ));
            one || two
        };
        let not_taken = (s.saturating_sub(2)..=s).any(|k| {
            alternative_ends(k)
                && v.lower[k..s]
                    .iter()
                    .all(|w| w.chars().all(char::is_alphabetic))
        });
        // "has chosen negotiation over confrontation", "preferred talks
        // over sanctions": after a choice verb, "over" opens the course not
        // taken.
        let over_choice = s >= 2
            && v.lower[s - 1] == "over"
            && v.lower[s.saturating_sub(5)..s - 1].iter().any(|w| {
                matches!(
                    *w,
                    "chose"
                        | "chosen"
                        | "choose"
                        | "chooses"
                        | "choosing"
                        | "prefer"
                        | "prefers"
                        | "preferred"
                        | "preferring"
                        | "favoured"
                        | "favored"
                        | "favours"
                        | "favors"
                )
            });
        if not_taken || over_choice {
            continue;
        }
        let form = v.text[cm.start..cm.end].to_lowercase();
        // "allied jets", "allied forces": an adjective before a noun names
        // one side's own forces, not an alliance between two.
        if form == "allied"
            && v.lower.get(e).is_some_and(|w| {
                w.chars().all(|c| c.is_alphabetic()) && !matches!(*w, "with" | "to" | "against")
            })
        {
            continue;
        }
        // "..., and the alliance launched its Eastern Sentry mission",
        // "Aliansi itu menggelar ...": an alliance named back as the subject
        // of its own act is an organisation acting, no cue between two.
        let subject_reference = matches!(form.as_str(), "alliance" | "aliansi")
            && if form == "alliance" {
                s >= 1
                    && v.lower[s - 1] == "the"
                    && (s == 1 || matches!(v.lower[s - 2], "," | "and" | ";" | "but"))
                    && !v
                        .lower
                        .get(e)
                        .is_some_and(|w| matches!(*w, "with" | "between" | "of" | "among"))
            } else {
                v.lower
                    .get(e)
                    .is_some_and(|w| lex.alliances.demonstratives.contains(*w))
                    && (s == 0 || matches!(v.lower[s - 1], "," | "dan" | ";" | "tetapi"))
            };
        if subject_reference {
            continue;
        }
        let negated = mods.negates(v, lex, &form, s);
        let reversed = !negated
            && if info.class.is_cooperation() {
                mods.breaches(v, s)
            } else {
                mods.reverses(v, s)
            };
        let pledged = negated && mods.pledged(v, lex, s);
        let (value, class, trend) = modified(&info, negated, pledged, reversed);
        let comrades = !negated && !reversed && fought_alongside(v, info.class, s, e);
        let (value, class) = if comrades {
            (value.abs() * COMRADE_FACTOR, QuadClass::MaterialCooperation)
        } else {
            (value, class)
        };
        let value = mods.weaken(value, lex, &info, v, s);
        let target = target(v, sides, s, e, lex);
        let mark = if negated {
            "NOT "
        } else if comrades {
            "WITH "
        } else if reversed && info.class.is_cooperation() {
            "BROKEN "
        } else if reversed {
            "END "
        } else {
            ""
        };
        let cue = format!("{mark}{}", &v.text[cm.start..cm.end]);
        let cue = match target {
            Some(t) if std::env::var_os("BRIEFING_EXPLAIN_TARGETS").is_some() => {
                format!("{cue}->{}", sides[t].actors.join("+"))
            }
            _ => cue,
        };
        hits.push(Hit {
            cue,
            start: s,
            end: e,
            value,
            class,
            trend,
            target,
            now: 1.0,
            ties: info.ties.filter(|_| !negated && !reversed && !comrades),
        });
    }
    carry_negation(v, &mut hits);
    naming_frame(v, &mut hits, lex);
    stalled(v, &mut hits, lex);
    hits
}

/// "the peace accord they signed in June 2025 stalled", "the stalled
/// talks", "Kedua negara menandatangani perjanjian damai ..., tetapi
/// pelaksanaannya tersendat": a word of a halt breaks the cooperation cues
/// before it in its clause, the one right after it, or, when its own
/// clause has no cue, those of the clause before.
fn stalled(v: &View, hits: &mut [Hit], lex: &Lexicon) {
    let stalls = &lex.modifiers.stalls;
    // A halt reaches this many words back: a clause, not a runaway sentence.
    const REACH: usize = 40;
    // The second words of two-word halts ("broke down"), so that most words
    // cost no allocation.
    let seconds: Vec<&str> = stalls
        .iter()
        .filter_map(|w| w.split_once(' ').map(|(_, b)| b))
        .collect();
    debug_assert!(hits.windows(2).all(|p| p[0].start <= p[1].start));
    for k in 0..v.lower.len() {
        let one = stalls.contains(v.lower[k]);
        let two = !one
            && v.lower.get(k + 1).is_some_and(|w| seconds.contains(w))
            && v.lower
                .get(k + 1)
                .is_some_and(|w| stalls.contains(&format!("{} {w}", v.lower[k])));
        if !one && !two {
            continue;
        }
        // "which had stalled since 2011", "yang sempat mandek": a halt
        // before what is told, which the story then resumes.
        if k > 0
            && matches!(
                v.lower[k - 1],
                "had" | "sempat" | "pernah" | "once" | "previously"
            )
        {
            continue;
        }
        let c = v.clause(k);
        // Hits are in reading order: only those near the word are looked at.
        let from = hits.partition_point(|h| h.start + REACH < k);
        let to = hits.partition_point(|h| h.start <= k + REACH);
        let breaks = |h: &Hit, clause: usize| {
            h.value > 0.0 && !h.negated() && v.clause(h.start) == clause && h.start < k
        };
        let mut broken: Vec<usize> = (from..to)
            .filter(|&i| breaks(&hits[i], c) || hits[i].value > 0.0 && hits[i].start == k + 1)
            .collect();
        let own_clause_bare = !hits[from..to].iter().any(|h| v.clause(h.start) == c);
        if broken.is_empty() && own_clause_bare && c > 0 {
            broken = (from..to).filter(|&i| breaks(&hits[i], c - 1)).collect();
        }
        for i in broken {
            let h = &mut hits[i];
            (h.value, h.class, h.trend) = undone(h.value, h.class, h.trend);
            h.ties = None;
            h.cue = format!("BROKEN {}", h.cue);
        }
    }
}

/// "Moscow called Chisinau's ratification of the statute an unfriendly
/// step": after a naming verb, the last cue of the clause is the speaker's
/// word for what was done; the cues before it, inside what is named, weigh
/// a tenth.
fn naming_frame(v: &View, hits: &mut [Hit], lex: &Lexicon) {
    for (i, w) in v.lower.iter().enumerate() {
        if !lex.relations.naming_verbs.contains(*w) {
            continue;
        }
        let c = v.clause(i);
        let inside: Vec<usize> = (0..hits.len())
            .filter(|&k| hits[k].start > i && v.clause(hits[k].start) == c)
            .collect();
        if let Some((_, named)) = inside.split_last() {
            for &k in named {
                hits[k].value *= 0.1;
            }
        }
    }
}

/// "will not threaten or use force": a negation carries over a coordinated cue.
fn carry_negation(v: &View, hits: &mut [Hit]) {
    for i in 1..hits.len() {
        let (prev_neg, prev_end) = (hits[i - 1].negated(), hits[i - 1].end);
        let h = &hits[i];
        if prev_neg
            && !h.negated()
            && h.start >= prev_end
            && h.start - prev_end <= 1
            && v.all_between(prev_end, h.start, is_conj)
        {
            let h = &mut hits[i];
            h.value *= negation_factor(h.class, true);
            h.class = negated_class(h.class);
            h.cue = format!("NOT {}", h.cue);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::rels;

    #[test]
    fn a_transitive_ended_breaks_what_it_ends() {
        // Written for this test: ending an agreement is conflict; talks
        // that ended with an agreement are not.
        let rs = rels("Mali ended its defence cooperation agreement with France in 2022.");
        assert!(rs.iter().any(|r| r == "FRA-MLI conflict"), "{rs:?}");
        let rs = rels("The talks between Mali and Algeria ended with a new cooperation agreement.");
        assert!(rs.iter().any(|r| r == "DZA-MLI cooperation"), "{rs:?}");
    }

    #[test]
    fn an_alliance_named_back_as_a_subject_is_no_cue() {
        // Written for this test, both languages: the organisation acts;
        // nobody is allied with anybody in these sentences.
        let rs = rels(
            "Estonia protested against Russia's incursion, and the alliance launched a new air patrol.",
        );
        assert!(rs.iter().any(|r| r == "EST-RUS conflict"), "{rs:?}");
        let rs = rels("Estonia memprotes Rusia. Aliansi itu menggelar patroli udara baru.");
        assert!(rs.iter().all(|r| r != "EST-RUS mixed"), "{rs:?}");
        // The alliance between two is still a cue.
        let rs = rels("Japan and the Philippines strengthened the alliance between them.");
        assert!(rs.iter().any(|r| r == "JPN-PHL cooperation"), "{rs:?}");
    }

    #[test]
    fn allied_before_a_noun_is_no_alliance() {
        // Written for this test: NATO's own jets shadowing a Russian plane
        // are no cooperation with Russia; "allied with" still is.
        let rs = rels(
            "NATO condemned the incursion as reckless, and allied jets were scrambled to shadow the Russian bomber.",
        );
        assert!(
            rs.iter()
                .all(|r| r != "NATO-RUS mixed" && r != "NATO-RUS cooperation"),
            "{rs:?}"
        );
        let rs = rels("Belarus is closely allied with Russia.");
        assert!(rs.iter().any(|r| r == "BLR-RUS cooperation"), "{rs:?}");
    }

    #[test]
    fn mistrust_incidents_and_a_free_fall_are_conflict() {
        // Written for this test, both languages.
        for text in [
            "Nepal dan India saling curiga.",
            "Tiongkok dan Filipina kembali terlibat insiden di dekat atol itu.",
            "Nepal dan India bersitegang soal peta baru.",
            "Nepal and India were embroiled in a border incident last week.",
            "Relations between Nepal and India have been in free fall since the map dispute.",
            "Mistrust between Nepal and India runs deep.",
        ] {
            let rs = rels(text);
            assert!(
                rs.iter().any(|r| r.ends_with(" conflict")),
                "{text}: {rs:?}"
            );
            assert!(
                !rs.iter().any(|r| r.ends_with(" cooperation")),
                "{text}: {rs:?}"
            );
        }
    }

    #[test]
    fn the_course_not_taken_is_no_cue() {
        // Written for this test, both languages.
        for text in [
            "Kenya memilih merangkul Somalia ketimbang melawan proyek bendungan itu.",
            "Kenya memilih berunding dengan Somalia alih-alih berperang.",
            "Kenya chose dialogue with Somalia rather than confrontation.",
            "Instead of imposing sanctions on Somalia, Kenya opened talks with Mogadishu.",
        ] {
            let rs = rels(text);
            assert_eq!(rs, ["KEN-SOM cooperation"], "{text}");
        }
    }

    #[test]
    fn negation_carries_over_a_coordinated_cue() {
        // Written for this test.
        let rs = rels("Peru said it will not threaten or attack Chile over the fishing zone.");
        assert!(!rs.iter().any(|r| r == "CHL-PER conflict"), "{rs:?}");
    }

    #[test]
    fn no_war_is_not_peace_but_a_promise_not_to_fight_is_cooperation() {
        // Written for this test, both languages.
        let tone = |text: &str, a: &str, b: &str| {
            let lex = crate::lexicon::shared();
            let doc = crate::ingest::document(text, crate::ingest::Format::Text, lex).unwrap();
            crate::ingest::extract(&doc, &crate::ingest::lang::detect(text), lex)
                .relations
                .iter()
                .find(|r| r.a == a && r.b == b)
                .map_or(0.0, |r| r.tone)
        };
        let absence = tone(
            "Between Peru and Chile there has been no war since 1883.",
            "CHL",
            "PER",
        );
        let promise = tone(
            "Peru and Chile agreed that they would not attack each other.",
            "CHL",
            "PER",
        );
        assert!(promise > absence, "promise {promise} vs absence {absence}");
        let ketiadaan = tone(
            "Tidak ada perang antara Peru dan Chile sejak 1883.",
            "CHL",
            "PER",
        );
        let janji = tone(
            "Peru dan Chile berjanji tidak akan saling menyerang.",
            "CHL",
            "PER",
        );
        assert!(janji > ketiadaan, "janji {janji} vs ketiadaan {ketiadaan}");
    }

    #[test]
    fn a_naming_verb_gives_the_speakers_stance() {
        // Written for this test: what Chisinau did is named by Moscow; the
        // naming word is the relation between the two.
        for text in [
            "Moscow called Chisinau's ratification of the Rome Statute an unfriendly step.",
            "Moskow menyebut ratifikasi Statuta Roma oleh Chisinau sebagai langkah yang tidak bersahabat.",
        ] {
            let rs = rels(text);
            assert_eq!(rs, ["MDA-RUS conflict"], "{text}");
        }
    }

    #[test]
    fn a_reversal_ends_a_conflict() {
        let rs = rels("Australia dan Tiongkok sepakat mengakhiri sanksi perdagangan pada 2024.");
        assert!(rs.iter().any(|r| r == "AUS-CHN cooperation"), "{rs:?}");
    }

    #[test]
    fn stopping_an_agreement_or_talks_is_conflict() {
        // Written for this test, both languages.
        let rs = rels(
            "Chile responded by suspending the trade negotiations with Peru and ending the visa-free travel scheme.",
        );
        assert!(rs.iter().any(|r| r == "CHL-PER conflict"), "{rs:?}");
        let rs = rels("Kamboja membekukan kerja sama militer dengan Thailand pada Juni 2025.");
        assert!(rs.iter().any(|r| r == "KHM-THA conflict"), "{rs:?}");
        // A reversal still ends a conflict.
        let rs = rels("Chile and Peru agreed on ending the trade war in 2025.");
        assert!(rs.iter().any(|r| r == "CHL-PER cooperation"), "{rs:?}");
    }

    #[test]
    fn a_hypothetical_weakens_the_cue() {
        // Written for this test: the same attack, stated and supposed.
        let tone = |text: &str| {
            let lex = crate::lexicon::shared();
            let doc = crate::ingest::document(text, crate::ingest::Format::Text, lex).unwrap();
            crate::ingest::extract(&doc, "id", lex)
                .relations
                .iter()
                .find(|r| r.a == "SRB" && r.b == "XKX")
                .map_or(0.0, |r| r.tone)
        };
        let stated = tone("Serbia menyerang Kosovo pada malam hari.");
        let supposed = tone("Jika Serbia menyerang Kosovo, NATO akan merespons dengan keras.");
        assert!(stated < 0.0, "an attack is conflict: {stated}");
        assert!(supposed > stated, "supposed {supposed} vs stated {stated}");
    }
}
