//! What fuzzing found (see fuzz/ and README "Fuzzing"), kept as regression
//! tests.

use briefing::ingest;
use briefing::lexicon;

fn timeline(text: &str) -> Vec<String> {
    ingest::ingest("found.txt", text.as_bytes(), lexicon::shared())
        .unwrap()
        .brief
        .timeline
        .into_iter()
        .map(|t| t.date)
        .collect()
}

/// `dates` target, first minute: "31/04/2022" became the date 2022-04-31.
/// A day the month does not have is a typo in the source: the month stays.
#[test]
fn days_a_month_does_not_have_keep_only_the_month() {
    assert_eq!(
        timeline("Kedua menteri bertemu pada 31/04/2022 di Jakarta untuk membahas perbatasan."),
        ["2022-04"]
    );
    assert_eq!(
        timeline(
            "Kedua menteri bertemu pada 29 Februari 2023 di Jakarta untuk membahas perbatasan."
        ),
        ["2023-02"]
    );
    assert_eq!(
        timeline("The ministers met on June 31, 2024 in Canberra to discuss the treaty."),
        ["2024-06"]
    );
    // Real dates are untouched, leap days included.
    assert_eq!(
        timeline(
            "Kedua menteri bertemu pada 29 Februari 2024 di Jakarta untuk membahas perbatasan."
        ),
        ["2024-02-29"]
    );
    assert_eq!(
        timeline("The ministers met on 30/04/2022 in Canberra to discuss the treaty."),
        ["2022-04-30"]
    );
}

/// A year-less "29 Februari" is never given a year without that day.
#[test]
fn a_leap_day_without_a_year_never_lands_in_a_common_year() {
    let dates = timeline(
        "Jakarta, 3 Maret 2023 - Kedua negara bertemu pada 29 Februari untuk membahas kerja sama.",
    );
    let leap_days: Vec<&String> = dates.iter().filter(|d| d.ends_with("-02-29")).collect();
    assert!(!leap_days.is_empty(), "{dates:?}");
    for d in leap_days {
        let y: i32 = d[..4].parse().unwrap();
        assert!(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0), "{dates:?}");
    }
}
