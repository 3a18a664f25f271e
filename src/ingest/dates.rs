//! Stage 6, dates: absolute date expressions in Indonesian and English,
//! normalised to `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
//!
//! Recognised: `9 November 2020`, `Rabu, 29 Maret 2023`, `Maret 2021`,
//! `Februari 2022 lalu`, `Kamis (12/9/2024)`, `2023-09-29`, `July 4, 2025`,
//! `14th day of December, 2023`, years (`pada 2016`, `in 2008`, `sejak
//! 2014`, `awal 2025`, `the 2024 budget`), and dates without a year (`pada 20
//! Mei`, `Pada Mei`, `December 3`, `Januari lalu`). A date without a year
//! takes it from the document: the most recent such day on or before the
//! document's own date (its dateline, else the latest full date in the
//! text); in a text without full dates, from the date expression before it,
//! moving forward in time (`Desember 2024 ... Pada Mei` -> 2025-05).
//! Relative expressions (`tahun lalu`, `bulan depan`, `hari Kamis`) and
//! decades (`1990-an`) are not dates.

use std::fmt;
use std::ops::Range;

use super::scan::Scanned;
use super::tokens::{Token, lowered, tokenize};
use crate::lexicon::DatesLexicon;

/// A calendar date at year, month or day precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl Date {
    pub fn year(year: i32) -> Date {
        Date {
            year,
            month: None,
            day: None,
        }
    }

    pub fn month(year: i32, month: u8) -> Date {
        if !(1..=12).contains(&month) {
            return Date::year(year);
        }
        Date {
            year,
            month: Some(month),
            day: None,
        }
    }

    /// A day; a day the month does not have (`31 April`, `29 February`
    /// of a common year: a typo in the source) keeps only the month, and a
    /// month out of range only the year.
    pub fn day(year: i32, month: u8, day: u8) -> Date {
        if !(1..=12).contains(&month) {
            return Date::year(year);
        }
        if day == 0 || day > days_in_month(year, month) {
            return Date::month(year, month);
        }
        Date {
            year,
            month: Some(month),
            day: Some(day),
        }
    }

    /// Parse `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub fn parse(s: &str) -> Option<Date> {
        let mut parts = s.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month: Option<u8> = parts
            .next()
            .map(|m| m.parse().ok())
            .unwrap_or(Some(0))
            .filter(|&m| m > 0);
        let day: Option<u8> = parts
            .next()
            .map(|d| d.parse().ok())
            .unwrap_or(Some(0))
            .filter(|&d| d > 0);
        Some(Date { year, month, day })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.month, self.day) {
            (Some(m), Some(d)) => write!(f, "{:04}-{:02}-{:02}", self.year, m, d),
            (Some(m), None) => write!(f, "{:04}-{:02}", self.year, m),
            _ => write!(f, "{:04}", self.year),
        }
    }
}

/// Which way a year-less date points from the writer's present.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Past,
    Future,
    Unknown,
}

/// A date expression in a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Found {
    Absolute(Date),
    /// Month (and day) without a year.
    NeedsYear {
        month: u8,
        day: Option<u8>,
        direction: Direction,
    },
}

/// A date expression and where it is (byte range in the sentence).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr {
    pub found: Found,
    pub span: Range<usize>,
    /// Written as the writer's own date: after a weekday, in brackets, after
    /// a metadata label or a "CITY," dateline.
    pub dateline: bool,
    /// Marks a time in the narrative: any date with a month, or a year after
    /// a temporal word ("pada 2024", "awal 2025"; not "the 2024 budget").
    pub temporal: bool,
}

impl Expr {
    fn new(found: Found, span: Range<usize>) -> Expr {
        Expr {
            found,
            span,
            dateline: false,
            temporal: true,
        }
    }
}

/// Days in `month` (1–12) of `year` (proleptic Gregorian).
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

fn valid_day(d: u32) -> bool {
    (1..=31).contains(&d)
}

fn day_number(t: &str) -> Option<u8> {
    if !t.as_bytes().first().is_some_and(u8::is_ascii_digit) || t.len() > 4 {
        return None;
    }
    let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &t[digits.len()..];
    if !suffix.is_empty()
        && !matches!(
            suffix.to_ascii_lowercase().as_str(),
            "st" | "nd" | "rd" | "th"
        )
    {
        return None;
    }
    if digits.is_empty() || digits.len() > 2 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let d: u32 = digits.parse().ok()?;
    valid_day(d).then_some(d as u8)
}

/// Scan one sentence for date expressions.
pub fn scan(sentence: &str, lex: &DatesLexicon) -> Vec<Expr> {
    let toks = tokenize(sentence);
    let lower_text = sentence.to_ascii_lowercase();
    scan_tokens(&toks, &lowered(&toks, &lower_text), lex)
}

/// [`scan`] on a sentence already tokenized (`lower`: its tokens in lower case).
pub fn scan_tokens(toks: &[Token], lower: &[&str], lex: &DatesLexicon) -> Vec<Expr> {
    let mut sc = Scanner {
        toks,
        lower,
        lex,
        out: Vec::new(),
    };
    let mut i = 0;
    while i < toks.len() {
        i = sc
            .numeric(i)
            .or_else(|| sc.day_of_month(i))
            .or_else(|| sc.day_month(i))
            .or_else(|| sc.month_first(i))
            .unwrap_or_else(|| {
                sc.lone_year(i);
                i + 1
            });
    }
    let mut out = sc.out;
    mark_datelines(&mut out, toks, lower, lex);
    out
}

/// The token scanner's state: the sentence and what it found so far. Each
/// pattern method tries the tokens at `i` and returns the index after what
/// it consumed, or `None` when it does not apply.
struct Scanner<'t, 'a> {
    toks: &'t [Token<'a>],
    lower: &'t [&'t str],
    lex: &'t DatesLexicon,
    out: Vec<Expr>,
}

impl Scanner<'_, '_> {
    /// A month name at token `i` (written with a capital).
    fn month_at(&self, i: usize) -> Option<u8> {
        let t = self.toks.get(i)?;
        // Month names are written with a capital (checked first: it is cheap).
        if !t
            .text
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_uppercase)
            || t.text.len() > 9
        {
            return None;
        }
        self.lex.months.get(self.lower[i]).copied()
    }

    fn year_at(&self, i: usize) -> Option<i32> {
        let t = self.toks.get(i)?;
        if t.text.len() != 4 || !t.is_number() {
            return None;
        }
        let y: i32 = t.text.parse().ok()?;
        (self.lex.year_min..=self.lex.year_max)
            .contains(&y)
            .then_some(y)
    }

    fn is_comma(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.text == ",")
    }

    /// Past a month at `i`, and its abbreviation's period ("Jan. 5").
    fn after_month(&self, i: usize) -> usize {
        if self.toks.get(i + 1).is_some_and(|t| t.text == ".") {
            i + 2
        } else {
            i + 1
        }
    }

    /// Past an optional comma at `j`.
    fn past_comma(&self, j: usize) -> usize {
        if self.is_comma(j) { j + 1 } else { j }
    }

    fn push(&mut self, found: Found, a: usize, b: usize) {
        let span = self.toks[a].start..self.toks[b].end;
        self.out.push(Expr::new(found, span));
    }

    /// A day and month with the year at `k` if there is one, else a
    /// year-less date spanning `a..=b`; returns the index after it.
    fn dated(&mut self, d: u8, m: u8, a: usize, k: usize, b: usize, direction: Direction) -> usize {
        if let Some(y) = self.year_at(k) {
            self.push(Found::Absolute(Date::day(y, m, d)), a, k);
            k + 1
        } else {
            let found = Found::NeedsYear {
                month: m,
                day: Some(d),
                direction,
            };
            self.push(found, a, b);
            b + 1
        }
    }

    /// 2023-09-29, 2025-05, 2014-2015; 12/9/2024 (day/month/year, as written
    /// in Indonesia and Europe).
    fn numeric(&mut self, i: usize) -> Option<usize> {
        let t = self.toks[i];
        if t.text.contains('-') && t.text.bytes().next().is_some_and(|b| b.is_ascii_digit()) {
            if let Some(found) = iso(t.text, self.lex) {
                for f in found {
                    self.push(f, i, i);
                }
            }
            return Some(i + 1);
        }
        if !t.text.contains('/') {
            return None;
        }
        let parts: Vec<&str> = t.text.split('/').collect();
        if parts.len() == 3
            && let (Ok(d), Ok(m), Ok(y)) = (
                parts[0].parse::<u32>(),
                parts[1].parse::<u32>(),
                parts[2].parse::<i32>(),
            )
            && valid_day(d)
            && (1..=12).contains(&m)
            && parts[2].len() == 4
            && (self.lex.year_min..=self.lex.year_max).contains(&y)
        {
            self.push(Found::Absolute(Date::day(y, m as u8, d as u8)), i, i);
        }
        Some(i + 1)
    }

    /// 14th day of December, 2023.
    fn day_of_month(&mut self, i: usize) -> Option<usize> {
        let d = day_number(self.toks[i].text)?;
        if !(self.lower.get(i + 1).is_some_and(|w| *w == "day")
            && self.lower.get(i + 2).is_some_and(|w| *w == "of"))
        {
            return None;
        }
        let m = self.month_at(i + 3)?;
        let k = self.past_comma(self.after_month(i + 3));
        Some(self.dated(d, m, i, k, i + 3, Direction::Unknown))
    }

    /// 9 November 2020 / 20 Mei.
    fn day_month(&mut self, i: usize) -> Option<usize> {
        let d = day_number(self.toks[i].text)?;
        let m = self.month_at(i + 1)?;
        let j = self.after_month(i + 1);
        let k = self.past_comma(j);
        let direction = direction_at(self.lower, i.checked_sub(1), j, self.lex);
        Some(self.dated(d, m, i, k, i + 1, direction))
    }

    /// July 4, 2025 / December 3 / Maret 2021 / December, 2023 / pada Mei,
    /// bulan Juli, Januari lalu.
    fn month_first(&mut self, i: usize) -> Option<usize> {
        let m = self.month_at(i)?;
        let j = self.after_month(i);
        if let Some(d) = self.toks.get(j).and_then(|t| day_number(t.text))
            && self.year_at(j).is_none()
        {
            let k = if self.is_comma(j + 1) { j + 2 } else { j + 1 };
            let direction = direction_at(self.lower, i.checked_sub(1), j + 1, self.lex);
            return Some(self.dated(d, m, i, k, j, direction));
        }
        let k = self.past_comma(j);
        if let Some(y) = self.year_at(k) {
            self.push(Found::Absolute(Date::month(y, m)), i, k);
            return Some(k + 1);
        }
        let intro = i > 0 && self.lex.month_intro.contains(self.lower[i - 1]);
        let direction = direction_at(self.lower, i.checked_sub(1), j, self.lex);
        let ambiguous = self.lex.ambiguous_months.contains(self.lower[i]);
        if intro || (direction != Direction::Unknown && !ambiguous) {
            let found = Found::NeedsYear {
                month: m,
                day: None,
                direction,
            };
            self.push(found, i, i);
        }
        Some(i + 1)
    }

    /// A year on its own: 2016, awal 2025, the 2024 budget (not a count or
    /// an amount: "2024 tentara", "$2025", "2025%").
    fn lone_year(&mut self, i: usize) {
        let Some(y) = self.year_at(i) else { return };
        let next = self.lower.get(i + 1).copied();
        let prev = if i > 0 { self.toks[i - 1].text } else { "" };
        let count = next.is_some_and(|n| self.lex.count_nouns.contains(n));
        let money = matches!(prev, "$" | "€" | "£" | "Rp" | "US$") || next == Some("%");
        if !count && !money {
            self.push(Found::Absolute(Date::year(y)), i, i);
        }
    }
}

/// What stands before each expression tells a dateline from an event date.
fn mark_datelines(out: &mut [Expr], toks: &[Token], lower: &[&str], lex: &DatesLexicon) {
    for e in out {
        let i = toks
            .iter()
            .position(|t| t.start == e.span.start)
            .unwrap_or(0);
        let prev = if i > 0 { lower[i - 1] } else { "" };
        let prev2 = if i > 1 { lower[i - 2] } else { "" };
        let city = i > 1
            && prev == ","
            && toks[i - 2]
                .text
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_uppercase())
            && toks[i - 2].text.len() > 2;
        e.dateline = matches!(prev, "(" | "|")
            || lex.weekdays.contains(prev)
            || (prev == "," && lex.weekdays.contains(prev2))
            || lex.date_labels.contains(prev)
            || city
            || (i == 0 && matches!(e.found, Found::Absolute(d) if d.day.is_some()));
        if let Found::Absolute(d) = e.found
            && d.month.is_none()
        {
            e.temporal = lex.month_intro.contains(prev)
                && !matches!(prev, "the" | "of" | "and" | "dan" | "to");
        }
    }
}

/// Past or future from the word after the expression (`after`: "Januari
/// lalu", "bulan depan") or before it (`before`: "sejak Januari").
fn direction_at(
    lower: &[&str],
    before: Option<usize>,
    after: usize,
    lex: &DatesLexicon,
) -> Direction {
    match lower.get(after) {
        Some(w) if lex.past_markers.contains(*w) => return Direction::Past,
        Some(w) if lex.future_markers.contains(*w) => return Direction::Future,
        _ => {}
    }
    match before.and_then(|b| lower.get(b)) {
        Some(w) if matches!(*w, "sejak" | "since" | "semenjak") => Direction::Past,
        _ => Direction::Unknown,
    }
}

/// `2023-09-29`, `2025-05`, or a range of years `2014-2015`.
fn iso(t: &str, lex: &DatesLexicon) -> Option<Vec<Found>> {
    let parts: Vec<&str> = t.split('-').collect();
    if !parts
        .iter()
        .all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()))
    {
        return None;
    }
    let y: i32 = parts[0].parse().ok()?;
    if parts[0].len() != 4 || !(lex.year_min..=lex.year_max).contains(&y) {
        return None;
    }
    match parts.len() {
        2 if parts[1].len() == 4 => {
            let y2: i32 = parts[1].parse().ok()?;
            (lex.year_min..=lex.year_max).contains(&y2).then(|| {
                vec![
                    Found::Absolute(Date::year(y)),
                    Found::Absolute(Date::year(y2)),
                ]
            })
        }
        2 if parts[1].len() == 2 => {
            let m: u8 = parts[1].parse().ok()?;
            (1..=12)
                .contains(&m)
                .then(|| vec![Found::Absolute(Date::month(y, m))])
        }
        3 if parts[1].len() == 2 && parts[2].len() == 2 => {
            let m: u8 = parts[1].parse().ok()?;
            let d: u32 = parts[2].parse().ok()?;
            ((1..=12).contains(&m) && valid_day(d))
                .then(|| vec![Found::Absolute(Date::day(y, m, d as u8))])
        }
        _ => None,
    }
}

/// The dates of one sentence and their byte ranges in it.
pub type SentenceDates = Vec<(Date, Range<usize>)>;

/// The dates of every sentence of a document, years filled in.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DocDates {
    /// The document's own date (its dateline), if it states one.
    pub document: Option<Date>,
    /// Per paragraph, per sentence: dates and their byte ranges in the sentence.
    pub sentences: Vec<Vec<SentenceDates>>,
}

impl DocDates {
    /// The dates of sentence `s` of paragraph index `p`.
    pub fn of(&self, p: usize, s: usize) -> &[(Date, Range<usize>)] {
        self.sentences
            .get(p)
            .and_then(|v| v.get(s))
            .map_or(&[], Vec::as_slice)
    }

    /// The first date of a sentence, as evidence date.
    pub fn first(&self, p: usize, s: usize) -> Option<Date> {
        self.of(p, s).first().map(|d| d.0)
    }
}

/// The timeline: one entry per date expression, in date order (entries of
/// the same date in reading order).
pub fn timeline(sentences: &[super::context::Sentence]) -> Vec<crate::brief::TimelineEntry> {
    let mut out: Vec<(Date, usize, crate::brief::TimelineEntry)> = Vec::new();
    for s in sentences {
        let mut seen: Vec<Date> = Vec::new();
        for (d, _) in s.dates {
            if seen.contains(d) {
                continue;
            }
            seen.push(*d);
            out.push((
                *d,
                s.index,
                crate::brief::TimelineEntry {
                    date: d.to_string(),
                    text: s.text.to_string(),
                    actors: s.actor_ids().into_iter().map(String::from).collect(),
                    paragraph: s.paragraph,
                },
            ));
        }
    }
    out.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.cmp(&b.1)));
    super::thin(out, MAX_TIMELINE)
        .into_iter()
        .map(|x| x.2)
        .collect()
}

/// Most timeline entries kept; a longer timeline is thinned evenly.
pub const MAX_TIMELINE: usize = 500;

/// Paragraphs searched for the document's own date.
const DATELINE_PARAGRAPHS: usize = 3;

/// Resolve every sentence's dates.
pub fn resolve(sentences: &[Vec<Scanned>], lex: &DatesLexicon) -> DocDates {
    resolve_dated(sentences, lex, None)
}

/// [`resolve`], for a document that states its own date outside its text
/// (a byline: `stated`). That date, its year taken from the text when it
/// has none, is the document's date and the present of dates without a year.
pub fn resolve_dated(
    sentences: &[Vec<Scanned>],
    lex: &DatesLexicon,
    stated: Option<Found>,
) -> DocDates {
    let scanned: Vec<Vec<Vec<Expr>>> = sentences
        .iter()
        .map(|p| {
            p.iter()
                .map(|s| scan_tokens(&s.tokens, &s.lower_tokens(), lex))
                .collect()
        })
        .collect();
    let full_dates = || {
        scanned
            .iter()
            .flatten()
            .flatten()
            .filter_map(|e| match e.found {
                Found::Absolute(d) if d.day.is_some() => Some(d),
                _ => None,
            })
    };
    let latest_year = scanned
        .iter()
        .flatten()
        .flatten()
        .filter_map(|e| match e.found {
            Found::Absolute(d) if e.temporal => Some(d.year),
            _ => None,
        })
        .max();
    // The writer's own date: a dated dateline near the top ("Rabu, 29 Maret
    // 2023", "(14/08/2023)"), or a year-less one ("BEIRUT, March 4 –") with
    // the latest year the text names.
    let fallback = full_dates()
        .max()
        .or_else(|| latest_year.map(|y| Date::day(y, 12, 31)));
    let stated = stated.and_then(|f| match f {
        Found::Absolute(d) => Some(d),
        Found::NeedsYear { month, day, .. } => latest_year.map(|y| match day {
            Some(day) => Date::day(y, month, day),
            None => Date::month(y, month),
        }),
    });
    let dateline = stated.or_else(|| {
        scanned
            .iter()
            .take(DATELINE_PARAGRAPHS)
            .flatten()
            .flatten()
            .find_map(|e| {
                if !e.dateline {
                    return None;
                }
                match e.found {
                    Found::Absolute(d) if d.day.is_some() => Some(d),
                    Found::NeedsYear {
                        month,
                        day: Some(day),
                        ..
                    } => latest_year.map(|y| Date::day(y, month, day)),
                    _ => None,
                }
            })
    });
    let mut anchor: Option<Date> = None;
    let mut out = Vec::with_capacity(scanned.len());
    for (p, par) in scanned.iter().enumerate() {
        let mut ps = Vec::with_capacity(par.len());
        for (si, sent) in par.iter().enumerate() {
            let lower = &sentences[p][si].lower;
            let mut ds = Vec::new();
            for (k, e) in sent.iter().enumerate() {
                let date = match e.found {
                    Found::Absolute(d) => Some(d),
                    Found::NeedsYear {
                        month,
                        day,
                        direction,
                    } => {
                        // A full date later in the same sentence fixes the year best
                        // ("on December 26, weeks before ... January 2025").
                        let local = sent[k + 1..].iter().find_map(|l| match l.found {
                            Found::Absolute(d) if d.month.is_some() => {
                                let between = lower.get(e.span.end..l.span.start).unwrap_or("");
                                let dir = if between.contains("before")
                                    || between.contains("sebelum")
                                    || between.contains("prior")
                                {
                                    Direction::Past
                                } else if between.contains("after")
                                    || between.contains("setelah")
                                    || between.contains("sesudah")
                                {
                                    Direction::Future
                                } else {
                                    Direction::Unknown
                                };
                                Some((d, dir))
                            }
                            _ => None,
                        });
                        match (local, dateline) {
                            (Some((d, dir)), _) if dir != Direction::Unknown => {
                                year_for(month, day, dir, Some(d), None)
                            }
                            (_, Some(p)) => year_for(month, day, direction, Some(p), None),
                            _ if anchor.is_some() => year_for(month, day, direction, None, anchor),
                            _ => year_for(month, day, direction, fallback, None),
                        }
                    }
                };
                if let Some(d) = date {
                    if e.temporal {
                        anchor = Some(d);
                    }
                    ds.push((d, e.span.clone()));
                }
            }
            ps.push(ds);
        }
        out.push(ps);
    }
    DocDates {
        document: dateline,
        sentences: out,
    }
}

fn year_for(
    month: u8,
    day: Option<u8>,
    direction: Direction,
    present: Option<Date>,
    anchor: Option<Date>,
) -> Option<Date> {
    let make = |y: i32| match day {
        Some(d) => Date::day(y, month, d),
        None => Date::month(y, month),
    };
    if let Some(p) = present {
        let (pm, pd) = (p.month.unwrap_or(12), p.day.unwrap_or(31));
        let after_present = month > pm || (month == pm && day.unwrap_or(1) > pd);
        let year = match direction {
            Direction::Future => {
                if after_present {
                    p.year
                } else {
                    p.year + 1
                }
            }
            _ => {
                if after_present {
                    p.year - 1
                } else {
                    p.year
                }
            }
        };
        return Some(make(year));
    }
    let a = anchor?;
    let year = match (a.month, direction) {
        (Some(am), Direction::Past) if month > am => a.year - 1,
        (Some(_), Direction::Past) => a.year,
        (Some(am), Direction::Future) if month <= am => a.year + 1,
        (Some(am), Direction::Unknown) if month < am => a.year + 1,
        _ => a.year,
    };
    Some(make(year))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{Format, document};
    use crate::lexicon::shared;

    fn dates(s: &str) -> Vec<String> {
        scan(s, &shared().dates)
            .into_iter()
            .map(|e| match e.found {
                Found::Absolute(d) => d.to_string(),
                Found::NeedsYear { month, day, .. } => format!(
                    "?-{month:02}{}",
                    day.map(|d| format!("-{d:02}")).unwrap_or_default()
                ),
            })
            .collect()
    }

    #[test]
    fn absolute_dates_in_both_languages() {
        let cases: &[(&str, &[&str])] = &[
            (
                "Perjanjian gencatan senjata 9 November 2020 memberikan akhir yang langgeng.",
                &["2020-11-09"],
            ),
            (
                "Secara keseluruhan, pada Maret 2021, keadaan wilayah menjamin stabilitas strategis hingga November 2025.",
                &["2021-03", "2025-11"],
            ),
            (
                "Sejak awal invasi skala penuh Moskow ke Ukraina pada awal 2022, Kremlin meningkatkan kerja sama.",
                &["2022"],
            ),
            (
                "Kemitraan strategis yang ditandatangani Februari 2022 lalu kini semakin diperkuat.",
                &["2022-02"],
            ),
            (
                "China mengakhiri latihan militer di Laut China Timur hari senin (14/08/2023).",
                &["2023-08-14"],
            ),
            (
                "ujar Abbot lewat Channel Ten yang dilansir AFP, Minggu (15/2/2015).",
                &["2015-02-15"],
            ),
            (
                "kata Xi kepada MbS, melansir Anadolu Agency, Rabu, 29 Maret 2023.",
                &["2023-03-29"],
            ),
            (
                "date 2023-09-29 NATO has announced that it is beefing up its troop presence.",
                &["2023-09-29"],
            ),
            (
                "It was one of the worst confrontations since Kosovo broke away from Serbia in 2008.",
                &["2008"],
            ),
            ("Dated this 14th day of December, 2023.", &["2023-12-14"]),
            (
                "The summit opened on July 4, 2025 in Kuala Lumpur.",
                &["2025-07-04"],
            ),
            (
                "allocated funds in the 2024 National Budget for matters concerning Essequibo",
                &["2024"],
            ),
            (
                "Turki menutup perbatasannya dengan Armenia pada tahun 1993 sebagai bentuk solidaritas.",
                &["1993"],
            ),
            (
                "Rusia telah memainkan peran penting sejak 1990-an dan selama 2014-2015.",
                &["2014", "2015"],
            ),
            (
                "Sebanyak 2000 tentara dan 1500 orang dievakuasi; inflasi 2025 %.",
                &[],
            ),
            (
                "Pada Mei, Aliyev menolak untuk menghadiri pawai Hari Kemenangan Rusia di Moskow.",
                &["?-05"],
            ),
            (
                "Lavrov mengunjungi Yerevan pada 20 Mei, menandai niat Kremlin.",
                &["?-05-20"],
            ),
            (
                "After the December 3 referendum, Mr Maduro announced a new military zone.",
                &["?-12-03"],
            ),
            (
                "protes atas hukuman mati warganya pada Januari lalu.",
                &["?-01"],
            ),
            (
                "Pada bulan Juli, Amerika Serikat mengumumkan paket bantuan militer.",
                &["?-07"],
            ),
            (
                "Putin may visit; we may meet in May; hari Kamis; tahun lalu; 80 tahun.",
                &["?-05"],
            ),
            ("Jan. 5, 2024 was cold.", &["2024-01-05"]),
        ];
        for (text, want) in cases {
            assert_eq!(dates(text), *want, "{text}");
        }
    }

    #[test]
    fn missing_years_come_from_the_dateline() {
        let text = "Australia Ingatkan Indonesia\n\n| Senin, 16 Februari 2015 | 00:18\n\nPihak Australia diundang bertemu pada Senin, 16 Februari besok. Brasil memulangkan duta besarnya pada Januari lalu. Pemilu digelar Maret depan.\n";
        let doc = document(text, Format::Text, shared()).unwrap();
        // The dateline line is the document's date, not a sentence.
        assert_eq!(doc.bylines, ["| Senin, 16 Februari 2015 | 00:18"]);
        let scanned = crate::ingest::scan::document(&doc, shared());
        let stated = crate::ingest::stated_date(&doc, shared());
        let dd = resolve_dated(&scanned, &shared().dates, stated);
        assert_eq!(dd.document, Some(Date::day(2015, 2, 16)));
        let all: Vec<String> = dd
            .sentences
            .iter()
            .flatten()
            .flatten()
            .map(|d| d.0.to_string())
            .collect();
        assert_eq!(all, ["2015-02-16", "2015-01", "2015-03"]);
    }

    #[test]
    fn a_byline_without_a_year_takes_the_text_s_latest_year() {
        let text = "Oleh: Redaksi | Kamis, 5 Juni\n\nPada 2025, kedua menteri bertemu di Hanoi. Perundingan dilanjutkan pada 20 Mei, lalu pada 9 Juni.\n";
        let doc = document(text, Format::Text, shared()).unwrap();
        assert_eq!(doc.bylines.len(), 1);
        let scanned = crate::ingest::scan::document(&doc, shared());
        let stated = crate::ingest::stated_date(&doc, shared());
        let dd = resolve_dated(&scanned, &shared().dates, stated);
        assert_eq!(dd.document, Some(Date::day(2025, 6, 5)));
        let all: Vec<String> = dd
            .sentences
            .iter()
            .flatten()
            .flatten()
            .map(|d| d.0.to_string())
            .collect();
        // 9 June is after the byline's 5 June: the year before, as for any
        // year-less date after the writer's present.
        assert_eq!(all, ["2025", "2025-05-20", "2024-06-09"]);
    }

    #[test]
    fn missing_years_follow_the_narrative_without_a_dateline() {
        let text = "Pada Desember 2024, sebuah pesawat jatuh. Pada Mei, Aliyev menolak hadir. Pada 2024, Armenia menghentikan partisipasinya. Satu tahun kemudian, awal 2025, parlemen bergerak. Lavrov mengunjungi Yerevan pada 20 Mei.";
        let doc = document(text, Format::Text, shared()).unwrap();
        let scanned = crate::ingest::scan::document(&doc, shared());
        let dd = resolve(&scanned, &shared().dates);
        assert_eq!(dd.document, None);
        let all: Vec<String> = dd
            .sentences
            .iter()
            .flatten()
            .flatten()
            .map(|d| d.0.to_string())
            .collect();
        assert_eq!(all, ["2024-12", "2025-05", "2024", "2025", "2025-05-20"]);
    }

    #[test]
    fn display_and_parse() {
        assert_eq!(Date::day(2020, 11, 9).to_string(), "2020-11-09");
        assert_eq!(Date::month(2021, 3).to_string(), "2021-03");
        assert_eq!(Date::year(1993).to_string(), "1993");
        assert_eq!(Date::parse("2021-03"), Some(Date::month(2021, 3)));
        assert_eq!(Date::parse("2020-11-09"), Some(Date::day(2020, 11, 9)));
        assert!(Date::year(2024) < Date::month(2024, 1));
    }
}
