//! Attribution: who in a sentence is a party to the relation it describes,
//! and who only hosts, mediates or watches it.
//!
//! Hosts, mediators, brokers and observers are not parties ("China hosted a
//! meeting of the Afghan and Pakistani foreign ministers", "brokered by
//! Qatar", "talks in Ankara under Turkish mediation"): a mediation word
//! removes the side it belongs to — the side just before it in its clause,
//! or the side after "by"/"oleh".

use super::sides::Side;
use super::view::{View, tok_at};
use crate::lexicon::{Lexicon, cat};

/// Remove the sides that only host, mediate or observe.
pub(super) fn drop_mediators(v: &View, sides: &mut Vec<Side>, lex: &Lexicon) {
    for (ms, me) in v.ranges(cat::MEDIATION) {
        // A noun ("mediasi", "observers") belongs to the side right at it
        // ("Qatari mediation", "Norway as mediator"); a verb ("hosted",
        // "menengahi") to its subject a few words before.
        let noun = lex
            .relations
            .mediation_nouns
            .contains(&v.lower[ms..me].join(" "));
        let before = sides.iter().rposition(|g| {
            g.end <= ms
                && ms - g.end <= 6
                && v.clause(g.start) == v.clause(ms)
                && (!noun
                    || v.all_between(g.end, ms, |w| {
                        matches!(
                            w,
                            "as" | "sebagai"
                                | "a"
                                | "the"
                                | "an"
                                | "s"
                                | "'"
                                | "’"
                                | "acted"
                                | "acts"
                                | "act"
                                | "served"
                                | "serves"
                                | "is"
                                | "was"
                                | "bertindak"
                                | "berperan"
                                | "menjadi"
                        )
                    }))
        });
        let after = sides.iter().position(|g| {
            g.start >= me
                && g.start - me <= 2
                && v.all_between(me, g.start, |w| matches!(w, "by" | "oleh" | "of" | "dari"))
        });
        // "after host Solomon Islands barred Taiwan": a host named as a
        // title before a side that acts at once is a party to that act.
        let acts = |g: &Side| {
            v.phrases(cat::CUES).iter().any(|c| {
                let at = tok_at(v.toks, c.start);
                at >= g.end && at - g.end <= 1
            })
        };
        let after = after.filter(|&i| {
            let g = &sides[i];
            !(g.start == me
                && matches!(v.lower[ms..me].join(" ").as_str(), "host" | "tuan rumah")
                && acts(g))
        });
        let by = v.lower.get(me).is_some_and(|w| matches!(*w, "by" | "oleh"));
        if let Some(i) = if by {
            after.or(before)
        } else {
            before.or(after)
        } {
            sides.remove(i);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::rels;

    #[test]
    fn a_host_and_a_mediator_are_not_parties() {
        // Written for this test, both languages.
        let rs = rels(
            "Talks between Somalia and Kenya were hosted by Tanzania in Arusha and ended in a border agreement.",
        );
        assert!(rs.iter().any(|r| r.starts_with("KEN-SOM")), "{rs:?}");
        assert!(rs.iter().all(|r| !r.contains("TZA")), "{rs:?}");
        let rs = rels(
            "Turki menengahi perundingan antara Etiopia dan Somalia yang berakhir dengan kesepakatan.",
        );
        assert!(rs.iter().any(|r| r.starts_with("ETH-SOM")), "{rs:?}");
        assert!(rs.iter().all(|r| !r.contains("TUR")), "{rs:?}");
    }

    #[test]
    fn refusing_mediation_does_not_make_a_mediator() {
        // Written for these tests: the subject that refuses mediation stays
        // a party; the state named at the noun is the mediator.
        let rs = rels(
            "Kenya menyatakan menolak mediasi pihak ketiga dalam sengketanya dengan Somalia yang memanas.",
        );
        assert!(rs.iter().any(|r| r.starts_with("KEN-SOM")), "{rs:?}");
        let rs = rels("Qatari mediation ended the standoff between Chad and Sudan.");
        assert!(rs.iter().all(|r| !r.contains("QAT")), "{rs:?}");
        assert!(
            rs.iter()
                .any(|r| r.starts_with("SDN-TCD") || r.starts_with("TCD-SDN")),
            "{rs:?}"
        );
        let rs = rels("Norway acted as mediator in the talks between Colombia and the ELN.");
        assert!(rs.iter().all(|r| !r.contains("NOR")), "{rs:?}");
    }

    #[test]
    fn a_host_that_acts_is_a_party_to_its_act() {
        // Written for this test, both languages: the host named as a title
        // is the subject of the verb after it.
        let rs = rels(
            "Fiji walked out of the summit after host Vanuatu barred New Zealand from the meeting.",
        );
        assert!(
            rs.iter().any(|r| r.starts_with("NZL-VUT conflict")),
            "{rs:?}"
        );
        assert!(rs.iter().all(|r| !r.starts_with("FJI-NZL")), "{rs:?}");
        let rs = rels(
            "Kenya meninggalkan pertemuan setelah tuan rumah Uganda mengusir diplomat Rwanda.",
        );
        assert!(
            rs.iter().any(|r| r.starts_with("RWA-UGA conflict")),
            "{rs:?}"
        );
        // A host that only hosts stays out.
        let rs = rels(
            "Host Tanzania opened the talks between Somalia and Kenya, which ended in an agreement.",
        );
        assert!(rs.iter().all(|r| !r.contains("TZA")), "{rs:?}");
    }
}
