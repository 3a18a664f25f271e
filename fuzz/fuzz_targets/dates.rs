//! The date parser: any sentence, alone and inside a whole document through
//! every extraction stage, gives dates that are real calendar dates written
//! `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
#![no_main]

use briefing::ingest::{self, dates};
use briefing::lexicon;
use libfuzzer_sys::fuzz_target;

fn real_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| (p.len() == len && p.bytes().all(|b| b.is_ascii_digit())).then(|| p.parse::<u32>().unwrap());
    let Some(year) = parts.first().and_then(|p| num(p, 4)) else { return false };
    match parts.len() {
        1 => true,
        2 => num(parts[1], 2).is_some_and(|m| (1..=12).contains(&m)),
        3 => {
            let (Some(m), Some(d)) = (num(parts[1], 2), num(parts[2], 2)) else { return false };
            let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
            let days = match m {
                1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
                4 | 6 | 9 | 11 => 30,
                2 if leap => 29,
                2 => 28,
                _ => return false,
            };
            (1..=days).contains(&d)
        }
        _ => false,
    }
}

fuzz_target!(|text: &str| {
    let lex = lexicon::shared();
    let _ = dates::scan(text, &lex.dates);
    if let Ok(out) = ingest::ingest("fuzz.txt", text.as_bytes(), lex) {
        for t in &out.brief.timeline {
            assert!(real_date(&t.date), "bad timeline date {:?}", t.date);
        }
        for r in &out.brief.relations {
            for e in &r.evidence {
                if let Some(d) = &e.date {
                    assert!(real_date(d), "bad evidence date {d:?}");
                }
            }
        }
        if let Some(d) = &out.brief.date {
            assert!(real_date(d), "bad document date {d:?}");
        }
    }
});
