//! The search engine at scale: on a synthetic library (real sentences of
//! `sources/` recombined, see `briefing::synth`), the fast path — masks,
//! the arena's folded text and capitals, reuse of the previous keystroke's
//! matches, the fallback to scattered letters — returns the same top 10,
//! with the same scores, as scoring every item as written by brute force,
//! for realistic queries (and the query syntax) typed a key at a time,
//! from the first letter on.

use std::path::Path;

use briefing::search::{Engine, Hit, Session};

fn engine(briefs: usize) -> Engine {
    let m =
        briefing::synth::material(&Path::new(env!("CARGO_MANIFEST_DIR")).join("sources")).unwrap();
    let briefs = briefing::synth::quick_briefs(&m, briefs, 11, 50);
    Engine::new(&briefs)
}

#[test]
fn fast_path_top_10_agrees_with_brute_force() {
    let e = engine(1200);
    assert!(e.len() > 40_000, "{} items", e.len());
    let ids = |h: &[Hit]| h.iter().map(|x| (x.item, x.score)).collect::<Vec<_>>();
    let mut compared = 0;
    for q in [
        "azer rus",
        "kremlin",
        "perjanjian damai",
        "sekutu moskow",
        "pasukan penjaga perdamaian",
        "ukraina",
        "United States",
        "AS dan",
        "'moskow !kremlin",
        "^karabakh | yerevan$",
        "azerbajan",
    ] {
        let mut session = Session::default();
        for end in 1..=q.len() {
            let typed = &q[..end];
            let fast = e.search_with(&mut session, typed, 10);
            let brute = e.brute_force(typed, 10);
            assert_eq!(ids(&fast), ids(&brute), "query {typed:?}");
            assert_eq!(fast, brute, "positions of {typed:?}");
            compared += 1;
        }
    }
    assert!(compared > 100, "{compared}");
}
