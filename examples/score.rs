//! The extraction scorer: ingests every `NAME.txt` of a gold folder that has
//! a `NAME.toml` annotation and compares the brief with it, by the seven
//! scores of `docs/evaluation.md` (which also describes the gold format).
//! It computes what the team's reference scorer (`score.py`) computes, to
//! the same digits, so the figures in the README can be checked from this
//! repository alone.
//!
//! ```sh
//! cargo run --release --example score -- tests/evalset
//! cargo run --release --example score -- tests/evalset --verbose --min-f1 0.85
//! cargo run --release --example score -- GOLD_DIR --binary target/release/briefing
//! ```
//!
//! By default the documents go through the pipeline in this process; with
//! `--binary PATH` each is run as `PATH ingest --dry-run --json NAME.txt`,
//! the command-line contract the reference scorer uses. Exit status 1 when a
//! document fails or the combined score is below `--min-f1`.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

const HEADLINE: [&str; 7] = [
    "actors_f",
    "rel_f",
    "rel_core_r",
    "stance_acc",
    "member_f",
    "date_f",
    "key_r",
];

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let verbose = take_flag(&mut args, "--verbose");
    let min_f1 = take_value(&mut args, "--min-f1").map(|v| {
        v.parse::<f64>().unwrap_or_else(|_| {
            eprintln!("score: --min-f1 wants a number, not {v:?}");
            std::process::exit(2)
        })
    });
    let binary = take_value(&mut args, "--binary").map(PathBuf::from);
    let [gold_dir] = args.as_slice() else {
        eprintln!("usage: score GOLD_DIR [--verbose] [--min-f1 X] [--binary PATH]");
        return ExitCode::from(2);
    };
    let mut docs: Vec<PathBuf> = match std::fs::read_dir(gold_dir) {
        Ok(d) => d
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .collect(),
        Err(e) => {
            eprintln!("score: cannot read {gold_dir}: {e}");
            return ExitCode::FAILURE;
        }
    };
    docs.sort();
    let mut totals: Vec<BTreeMap<&str, f64>> = Vec::new();
    let mut failed = 0;
    for g in &docs {
        let stem = g.file_stem().unwrap_or_default().to_string_lossy();
        let scored = gold(g).and_then(|gold| {
            let brief = brief(&g.with_extension("txt"), binary.as_deref())?;
            Ok((score(&gold, &brief), gold, brief))
        });
        match scored {
            Ok((s, gold, brief)) => {
                let line: Vec<String> = HEADLINE
                    .iter()
                    .map(|k| format!("{k}={:.2}", s[k]))
                    .collect();
                println!("{stem}: {}", line.join(" "));
                if verbose {
                    print_pairs(&gold, &brief);
                }
                totals.push(s);
            }
            Err(e) => {
                println!("{stem}: FAILED {e}");
                failed += 1;
                totals.push(HEADLINE.iter().map(|k| (*k, 0.0)).collect());
            }
        }
    }
    if totals.is_empty() {
        println!("no gold documents found");
        return ExitCode::FAILURE;
    }
    let n = totals.len() as f64;
    let avg: Vec<(&str, f64)> = HEADLINE
        .iter()
        .map(|k| (*k, totals.iter().map(|t| t[k]).sum::<f64>() / n))
        .collect();
    let combined = avg.iter().map(|a| a.1).sum::<f64>() / avg.len() as f64;
    let line: Vec<String> = avg.iter().map(|(k, v)| format!("{k}={v:.2}")).collect();
    println!("mean: {} combined={combined:.3}", line.join(" "));
    if failed > 0 || min_f1.is_some_and(|m| combined < m) {
        return ExitCode::FAILURE;
    }
    ExitCode::SUCCESS
}

fn take_flag(args: &mut Vec<String>, flag: &str) -> bool {
    let before = args.len();
    args.retain(|a| a != flag);
    args.len() != before
}

fn take_value(args: &mut Vec<String>, flag: &str) -> Option<String> {
    let i = args.iter().position(|a| a == flag)?;
    let value = args.get(i + 1).cloned();
    args.drain(i..(i + 2).min(args.len()));
    value
}

/// A gold annotation, as JSON.
fn gold(path: &Path) -> Result<Value, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let table: toml::Table =
        toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    serde_json::to_value(table).map_err(|e| e.to_string())
}

/// The brief of a source document, as JSON.
fn brief(src: &Path, binary: Option<&Path>) -> Result<Value, String> {
    match binary {
        None => {
            let bytes = std::fs::read(src).map_err(|e| format!("{}: {e}", src.display()))?;
            let source = src.display().to_string();
            briefing::ingest::ingest(&source, &bytes, briefing::lexicon::shared())
                .map(|i| i.brief.to_json())
                .map_err(|e| format!("{source}: {e}"))
        }
        Some(bin) => {
            let out = std::process::Command::new(bin)
                .args(["ingest", "--dry-run", "--json"])
                .arg(src)
                .output()
                .map_err(|e| format!("{}: {e}", bin.display()))?;
            let stdout = String::from_utf8_lossy(&out.stdout);
            let line = stdout.lines().find(|l| l.trim_start().starts_with('{'));
            match line {
                Some(l) if out.status.success() => {
                    serde_json::from_str(l).map_err(|e| e.to_string())
                }
                _ => Err(format!(
                    "exit {:?}: {}",
                    out.status.code(),
                    String::from_utf8_lossy(&out.stderr).trim()
                )),
            }
        }
    }
}

fn list<'a>(v: &'a Value, key: &str) -> &'a [Value] {
    v[key].as_array().map_or(&[], Vec::as_slice)
}

fn strings<'a>(v: &'a Value, key: &str) -> BTreeSet<&'a str> {
    list(v, key).iter().filter_map(Value::as_str).collect()
}

/// Precision, recall and F1 of `tp` hits among `npred` predictions of `ngold`.
fn f1(tp: usize, npred: usize, ngold: usize) -> f64 {
    let p = match (npred, ngold) {
        (0, 0) => 1.0,
        (0, _) => 0.0,
        _ => tp as f64 / npred as f64,
    };
    let r = if ngold == 0 {
        1.0
    } else {
        tp as f64 / ngold as f64
    };
    if p + r > 0.0 {
        2.0 * p * r / (p + r)
    } else {
        0.0
    }
}

/// Words of `s`: NFKC, lower case, runs of letters, digits and `_`.
fn words(s: &str) -> Vec<String> {
    let s: String = s.nfkc().collect::<String>().to_lowercase();
    s.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

/// The share of the gold sentence's words that the predicted one has.
fn overlap(gold: &str, pred: &str) -> f64 {
    let g = words(gold);
    let p: BTreeSet<String> = words(pred).into_iter().collect();
    if g.is_empty() {
        return 0.0;
    }
    g.iter().filter(|w| p.contains(*w)).count() as f64 / g.len() as f64
}

/// Relations by unordered pair (a later one of the same pair wins).
fn pairs(v: &Value) -> HashMap<BTreeSet<String>, &Value> {
    list(v, "relations")
        .iter()
        .map(|r| {
            let pair = [&r["a"], &r["b"]]
                .iter()
                .map(|x| x.as_str().unwrap_or_default().to_string())
                .collect();
            (pair, r)
        })
        .collect()
}

fn score(gold: &Value, brief: &Value) -> BTreeMap<&'static str, f64> {
    let mut out = BTreeMap::new();
    let gact = strings(gold, "actors");
    let pact: BTreeSet<&str> = list(brief, "actors")
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    out.insert(
        "actors_f",
        f1(gact.intersection(&pact).count(), pact.len(), gact.len()),
    );
    let grel = pairs(gold);
    let prel = pairs(brief);
    let tp: Vec<&BTreeSet<String>> = grel.keys().filter(|k| prel.contains_key(*k)).collect();
    out.insert("rel_f", f1(tp.len(), prel.len(), grel.len()));
    let core: Vec<&BTreeSet<String>> = grel
        .iter()
        .filter(|(_, r)| r["core"].as_bool() == Some(true))
        .map(|(k, _)| k)
        .collect();
    out.insert(
        "rel_core_r",
        if core.is_empty() {
            1.0
        } else {
            core.iter().filter(|k| prel.contains_key(**k)).count() as f64 / core.len() as f64
        },
    );
    out.insert(
        "stance_acc",
        if tp.is_empty() {
            0.0
        } else {
            tp.iter()
                .filter(|k| prel[**k]["stance"] == grel[**k]["stance"])
                .count() as f64
                / tp.len() as f64
        },
    );
    let members = |v: &Value| -> BTreeSet<(String, String)> {
        list(v, "alliances")
            .iter()
            .flat_map(|a| {
                let id = a["id"].as_str().unwrap_or_default().to_string();
                list(a, "members").iter().map(move |m| {
                    let actor = m["actor"].as_str().or(m.as_str()).unwrap_or_default();
                    (id.clone(), actor.to_string())
                })
            })
            .collect()
    };
    let (gmem, pmem) = (members(gold), members(brief));
    out.insert(
        "member_f",
        f1(gmem.intersection(&pmem).count(), pmem.len(), gmem.len()),
    );
    let gd = strings(gold, "dates");
    let pd: BTreeSet<&str> = list(brief, "timeline")
        .iter()
        .filter_map(|t| t["date"].as_str())
        .filter(|d| !d.is_empty())
        .collect();
    out.insert(
        "date_f",
        f1(gd.intersection(&pd).count(), pd.len(), gd.len()),
    );
    let conclusions: Vec<&str> = list(brief, "conclusions")
        .iter()
        .take(5)
        .map(|c| c["text"].as_str().unwrap_or_default())
        .collect();
    let key = list(gold, "key_sentences");
    let found = key
        .iter()
        .filter_map(Value::as_str)
        .filter(|k| conclusions.iter().any(|c| overlap(k, c) >= 0.8))
        .count();
    out.insert(
        "key_r",
        if key.is_empty() {
            1.0
        } else {
            found as f64 / key.len() as f64
        },
    );
    out
}

/// `--verbose`: every pair of the gold or the brief with both stances.
fn print_pairs(gold: &Value, brief: &Value) {
    let stance = |m: &HashMap<BTreeSet<String>, &Value>, k: &BTreeSet<String>| {
        m.get(k)
            .and_then(|r| r["stance"].as_str())
            .unwrap_or("-")
            .to_string()
    };
    let (grel, prel) = (pairs(gold), pairs(brief));
    let all: BTreeSet<&BTreeSet<String>> = grel.keys().chain(prel.keys()).collect();
    for k in all {
        let name: Vec<&str> = k.iter().map(String::as_str).collect();
        println!(
            "   {:9} gold={:12} pred={}",
            name.join("-"),
            stance(&grel, k),
            stance(&prel, k)
        );
    }
}
