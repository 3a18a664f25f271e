//! Per-pair aggregation: the sentences' contributions to one pair become its
//! stance, tone, trend and the evidence a reader sees.
//!
//! - Tone is the mean signed weight (-10 war .. +10 alliance).
//! - Stance is mixed when the weaker direction reaches `mixed_ratio` of the
//!   stronger, else the stronger direction.
//! - Trend comes from explicit trend cues ("semakin memburuk", "improving
//!   ties"), else from the direction of early versus late dated evidence.
//! - Evidence: the clear sentences, dated ones first in date order, thinned
//!   evenly past [`MAX_EVIDENCE`].

use super::super::context::Sentence;
use super::super::dates::Date;
use super::contributions::{Contribution, Verdict};
use super::{MAX_EVIDENCE, Pair};
use crate::brief::{Evidence, QuadClass, Relation, Stance, Trend};
use crate::lexicon::{RelationLexicon, Ties};

/// What the sentences say about one pair so far.
#[derive(Debug, Default)]
pub(super) struct PairAcc {
    /// (sentence index, evidence, signed value of the sentence for the pair).
    evidence: Vec<(usize, Evidence, f64)>,
    /// Both directions as stated, for whether the pair is reported at all.
    stated: f64,
    /// Both directions weighted by how much they say about now (`frame`).
    positive: f64,
    negative: f64,
    signed: f64,
    weight: f64,
    improving: f64,
    worsening: f64,
    /// Statements of the relationship itself now (`verdict`): their cues by
    /// direction, and how many call it mixed.
    verdict_positive: f64,
    verdict_negative: f64,
    verdict_mixed: usize,
    /// Ties cut (sentence, date, weight now) and restored (sentence, date).
    cut: Vec<(usize, Option<Date>, f64)>,
    restored: Vec<(usize, Option<Date>)>,
}

/// A sentence's contributions to a pair count when their cues weigh this much.
pub(super) const MIN_SENTENCE_WEIGHT: f64 = 0.5;

/// The absolute weight of a sentence's contributions to a pair.
pub(super) fn weight(cs: &[Contribution]) -> f64 {
    cs.iter().map(|c| c.value.abs()).sum()
}

impl PairAcc {
    /// Add one sentence's contributions.
    pub(super) fn add(&mut self, sent: &Sentence, cs: &[Contribution]) {
        let strongest = cs
            .iter()
            .max_by(|a, b| a.value.abs().total_cmp(&b.value.abs()))
            .map_or(QuadClass::VerbalCooperation, |c| c.class);
        for c in cs {
            self.stated += c.value.abs();
            self.signed += c.value * c.now;
            self.weight += c.weight * c.now;
            if c.value > 0.0 {
                self.positive += c.value * c.now * c.balance;
            } else {
                self.negative -= c.value * c.now * c.balance;
            }
            match c.verdict {
                Verdict::Cue if c.value > 0.0 => {
                    self.verdict_positive += c.value * c.now * c.balance
                }
                Verdict::Cue => self.verdict_negative -= c.value * c.now * c.balance,
                Verdict::Mixed => self.verdict_mixed += 1,
                Verdict::No => {}
            }
            match c.ties {
                // Only a cut told as now, or not placed in time, stands.
                Some(Ties::Cut) if c.value < 0.0 && c.now >= 1.0 => {
                    self.cut.push((sent.index, sent.date(), -c.value * c.now))
                }
                Some(Ties::Restored) if c.value > 0.0 => {
                    self.restored.push((sent.index, sent.date()))
                }
                _ => {}
            }
            match c.trend {
                Some(Trend::Improving) => self.improving += c.weight,
                Some(Trend::Worsening) => self.worsening += c.weight,
                _ => {}
            }
        }
        let signed: f64 = cs.iter().map(|c| c.value).sum();
        self.evidence.push((
            sent.index,
            Evidence {
                text: sent.text.to_string(),
                date: sent.date().map(|d| d.to_string()),
                class: strongest,
                paragraph: sent.paragraph,
            },
            signed,
        ));
    }

    /// How much the pair is talked about, in both directions.
    pub(super) fn total(&self) -> f64 {
        self.stated
    }

    /// A statement of the relationship now decides ("Relations between the
    /// two remain hostile", "Hubungan kedua negara kini bercampur"); else
    /// the weight of the evidence in each direction.
    fn stance(&self, r: &RelationLexicon) -> Stance {
        if self.verdict_mixed > 0 {
            return Stance::Mixed;
        }
        let cut = self.open_cut();
        let (positive, negative) = if self.verdict_positive + self.verdict_negative + cut > 0.0 {
            (self.verdict_positive, self.verdict_negative + cut)
        } else {
            (self.positive, self.negative)
        };
        let (hi, lo) = if positive >= negative {
            (positive, negative)
        } else {
            (negative, positive)
        };
        if lo >= r.mixed_ratio * hi {
            Stance::Mixed
        } else if positive > negative {
            Stance::Cooperation
        } else {
            Stance::Conflict
        }
    }

    /// Ties cut and not restored since ("Kinshasa broke off diplomatic
    /// relations with Kigali" and no later "restored ties") are the state
    /// of the relationship now, as a statement of it would be: their
    /// weight. Later is by date where both sentences have one, else by
    /// reading order.
    fn open_cut(&self) -> f64 {
        let Some(&(at, date, w)) = self.cut.last() else {
            return 0.0;
        };
        let undone = self
            .restored
            .iter()
            .any(|&(r_at, r_date)| match (date, r_date) {
                (Some(d), Some(rd)) => rd >= d,
                _ => r_at > at,
            });
        if undone { 0.0 } else { w }
    }

    fn tone(&self) -> f64 {
        if self.weight > 0.0 {
            (self.signed / self.weight).clamp(-10.0, 10.0)
        } else {
            0.0
        }
    }

    /// The relation of pair `(a, b)`.
    pub(super) fn finish(self, (a, b): Pair, r: &RelationLexicon) -> Relation {
        let stance = self.stance(r);
        let tone = self.tone();
        let trend = trend(&self);
        let mut evidence = self.evidence;
        // List what carries the relation: the clear sentences, at least the strongest.
        let strongest = evidence.iter().map(|e| e.2.abs()).fold(0.0, f64::max);
        evidence.retain(|e| e.2.abs() >= 1.0_f64.min(strongest));
        // Dated evidence first, in date order; then the rest in reading order.
        evidence.sort_by(|p, q| {
            let dp = p.1.date.as_deref().and_then(Date::parse);
            let dq = q.1.date.as_deref().and_then(Date::parse);
            match (dp, dq) {
                (Some(a), Some(b)) => a.cmp(&b).then(p.0.cmp(&q.0)),
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => p.0.cmp(&q.0),
            }
        });
        Relation {
            a,
            b,
            stance,
            tone: (tone * 10.0).round() / 10.0,
            trend,
            evidence: super::super::thin(evidence, MAX_EVIDENCE)
                .into_iter()
                .map(|e| e.1)
                .collect(),
        }
    }
}

/// Explicit trend words decide; else compare early and late dated evidence.
fn trend(a: &PairAcc) -> Trend {
    if a.improving > 0.0 || a.worsening > 0.0 {
        if a.worsening > a.improving {
            return Trend::Worsening;
        }
        if a.improving > a.worsening {
            return Trend::Improving;
        }
    }
    let mut dated: Vec<(Date, f64)> = a
        .evidence
        .iter()
        .filter_map(|(_, e, v)| e.date.as_deref().and_then(Date::parse).map(|d| (d, *v)))
        .collect();
    dated.sort_by_key(|x| x.0);
    let distinct = {
        let mut ds: Vec<Date> = dated.iter().map(|d| d.0).collect();
        ds.dedup();
        ds.len()
    };
    if distinct < 2 {
        return Trend::Unknown;
    }
    // How strongly each sentence is attributed to the pair varies, so compare
    // the direction of the early and the late evidence, not its size: a move
    // from conflict to cooperation is improving, the reverse worsening.
    let half = (dated.len() / 2).max(1);
    let polarity = |xs: &[(Date, f64)]| {
        let sum: f64 = xs.iter().map(|x| x.1).sum();
        if sum > 0.5 {
            1
        } else if sum < -0.5 {
            -1
        } else {
            0
        }
    };
    match (polarity(&dated[..half]), polarity(&dated[half..])) {
        (a, b) if b > a => Trend::Improving,
        (a, b) if b < a => Trend::Worsening,
        _ => Trend::Stable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::shared;

    fn c(value: f64, now: f64, trend: Option<Trend>) -> Contribution {
        Contribution {
            value,
            weight: 1.0,
            class: if value > 0.0 {
                QuadClass::VerbalCooperation
            } else {
                QuadClass::VerbalConflict
            },
            trend,
            now,
            cue: String::new(),
            at: 0,
            balance: 1.0,
            verdict: Verdict::No,
            ties: None,
        }
    }

    fn finish(cs: &[&[Contribution]]) -> Relation {
        let lex = shared();
        let doc =
            crate::ingest::document("Judul\n\nSatu.", crate::ingest::Format::Text, lex).unwrap();
        let scanned = crate::ingest::scan::document(&doc, lex);
        let dd = crate::ingest::dates::resolve(&scanned, &lex.dates);
        let found = crate::ingest::actors::find(&doc, &dd, "id", lex);
        let sents = crate::ingest::context::sentences(&doc, &scanned, &found, &dd);
        let mut acc = PairAcc::default();
        for cs in cs {
            acc.add(&sents[0], cs);
        }
        acc.finish(("A".into(), "B".into()), &lex.relations)
    }

    #[test]
    fn stance_is_mixed_only_when_both_directions_weigh() {
        assert_eq!(finish(&[&[c(6.0, 1.0, None)]]).stance, Stance::Cooperation);
        assert_eq!(finish(&[&[c(-6.0, 1.0, None)]]).stance, Stance::Conflict);
        assert_eq!(
            finish(&[&[c(6.0, 1.0, None), c(-5.0, 1.0, None)]]).stance,
            Stance::Mixed
        );
        assert_eq!(
            finish(&[&[c(6.0, 1.0, None), c(-1.0, 1.0, None)]]).stance,
            Stance::Cooperation
        );
    }

    #[test]
    fn history_weighs_less_in_the_stance_now() {
        // A war framed as the past (now 0.4) against cooperation now (1.5).
        let r = finish(&[&[c(-8.0, 0.4, None)], &[c(5.0, 1.5, None)]]);
        assert_eq!(r.stance, Stance::Cooperation);
        assert!(r.tone > 0.0, "{}", r.tone);
    }

    #[test]
    fn explicit_trend_words_decide_the_trend() {
        let r = finish(&[&[c(-3.0, 1.0, Some(Trend::Worsening))]]);
        assert_eq!(r.trend, Trend::Worsening);
        let r = finish(&[
            &[c(3.0, 1.0, Some(Trend::Improving))],
            &[c(-1.0, 1.0, None)],
        ]);
        assert_eq!(r.trend, Trend::Improving);
    }
}
