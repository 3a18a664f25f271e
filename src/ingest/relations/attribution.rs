//! Attribution: who in a sentence is a party to the relation it describes,
//! and who only hosts, mediates or watches it.
//!
//! Hosts, mediators, brokers and observers are not parties ("China hosted a
//! meeting of the Afghan and Pakistani foreign ministers", "brokered by
//! Qatar", "talks in Ankara under Turkish mediation"): a mediation word
//! removes the side it belongs to — the side just before it in its clause,
//! or the side after "by"/"oleh".

use super::sides::Side;
use super::view::View;
use crate::lexicon::cat;

/// Remove the sides that only host, mediate or observe.
pub(super) fn drop_mediators(v: &View, sides: &mut Vec<Side>) {
    for (ms, me) in v.ranges(cat::MEDIATION) {
        let before = sides
            .iter()
            .rposition(|g| g.end <= ms && ms - g.end <= 6 && v.clause(g.start) == v.clause(ms));
        let after = sides.iter().position(|g| {
            g.start >= me
                && g.start - me <= 2
                && v.all_between(me, g.start, |w| matches!(w, "by" | "oleh" | "of" | "dari"))
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
}
