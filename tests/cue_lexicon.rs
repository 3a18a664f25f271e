//! The relation cue lexicon (`lexicon/cues.toml`): its shape, and what its
//! expressions mean in a sentence, in Indonesian and English.
//!
//! Every sentence here was written for this file (none comes from the dev
//! set or `tests/evalset`), and every expected stance is an analyst's reading
//! of that sentence, not the tool's output. The sentence tests go through the
//! public pipeline; each collects all failing cases and reports them together
//! with the relations the pipeline produced.

use std::collections::BTreeMap;

use briefing::brief::{Brief, Stance, Trend};
use briefing::ingest::ingest;
use briefing::lexicon::shared;

const CUES_TOML: &str = include_str!("../lexicon/cues.toml");

/// Every form of the file with the groups it is listed in ("cue: meaning" or
/// "trend: direction"), keyed by its lower-case spelling.
fn forms_by_group() -> BTreeMap<String, Vec<String>> {
    let file: toml::Table = toml::from_str(CUES_TOML).expect("cues.toml parses");
    let mut out: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (kind, label_key) in [("cue", "meaning"), ("trend", "direction")] {
        let groups = file
            .get(kind)
            .and_then(toml::Value::as_array)
            .unwrap_or_else(|| panic!("cues.toml has [[{kind}]] groups"));
        for g in groups {
            let label = g.get(label_key).and_then(toml::Value::as_str).unwrap_or("");
            let forms = g
                .get("forms")
                .and_then(toml::Value::as_array)
                .unwrap_or_else(|| panic!("{kind} {label:?} has forms"));
            for f in forms {
                let f = f.as_str().expect("a form is a string");
                out.entry(f.to_lowercase())
                    .or_default()
                    .push(format!("{kind}: {label}"));
            }
        }
    }
    out
}

#[test]
fn every_form_is_in_exactly_one_group() {
    let dups: Vec<String> = forms_by_group()
        .into_iter()
        .filter(|(_, groups)| groups.len() > 1)
        .map(|(form, groups)| format!("{form:?} in {groups:?}"))
        .collect();
    assert!(dups.is_empty(), "forms in two groups:\n{}", dups.join("\n"));
}

#[test]
fn forms_are_clean_and_groups_well_formed() {
    let file: toml::Table = toml::from_str(CUES_TOML).expect("cues.toml parses");
    let classes = [
        "verbal-cooperation",
        "material-cooperation",
        "verbal-conflict",
        "material-conflict",
    ];
    let mut problems = Vec::new();
    for g in file["cue"].as_array().expect("cue groups") {
        let meaning = g["meaning"].as_str().unwrap_or("");
        let class = g["class"].as_str().unwrap_or("");
        if !classes.contains(&class) {
            problems.push(format!("{meaning:?}: unknown class {class:?}"));
        }
        let weight = g["weight"]
            .as_integer()
            .map(|w| w as f64)
            .or_else(|| g["weight"].as_float())
            .unwrap_or(-1.0);
        if !(0.0..=10.0).contains(&weight) {
            problems.push(format!("{meaning:?}: weight {weight} outside 0..10"));
        }
    }
    for form in forms_by_group().keys() {
        if form.trim() != form || form.contains("  ") || form.is_empty() {
            problems.push(format!("{form:?}: stray spaces"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn neutral_statement_verbs_are_never_cues() {
    // CAMEO 01 (make a public statement) carries no stance; these words
    // introduce what someone said, whatever it was.
    let neutral = [
        "said",
        "says",
        "say",
        "saying",
        "told",
        "stated",
        "states",
        "announced",
        "added",
        "noted",
        "explained",
        "statement",
        "kata",
        "katanya",
        "berkata",
        "mengatakan",
        "dikatakan",
        "menyatakan",
        "dinyatakan",
        "pernyataan",
        "menurut",
        "ujar",
        "ujarnya",
        "tutur",
        "menegaskan",
        "menjelaskan",
        "menambahkan",
        "mengumumkan",
    ];
    let forms = forms_by_group();
    let found: Vec<&str> = neutral
        .iter()
        .copied()
        .filter(|w| forms.contains_key(*w))
        .collect();
    assert!(found.is_empty(), "neutral verbs listed as cues: {found:?}");
}

// ---------------------------------------------------------------------------
// Sentences
// ---------------------------------------------------------------------------

fn brief(text: &str) -> Brief {
    ingest("case.txt", text.as_bytes(), shared())
        .unwrap_or_else(|e| panic!("ingest failed ({e}) for: {text}"))
        .brief
}

fn show_relations(b: &Brief) -> String {
    if b.relations.is_empty() {
        return "(none)".into();
    }
    b.relations
        .iter()
        .map(|r| {
            let cues: Vec<&str> = r.evidence.iter().map(|e| e.class.as_str()).collect();
            format!(
                "{}-{} {} tone {:.1} trend {} [{}]",
                r.a,
                r.b,
                r.stance.as_str(),
                r.tone,
                r.trend.as_str(),
                cues.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

use Stance::{Conflict, Cooperation};

/// What a sentence must give for the pair `a < b`.
#[derive(Debug, Clone, Copy)]
enum Want {
    /// The pair is reported with this stance.
    Is(Stance),
    /// The pair is reported with this stance and this trend.
    Trending(Stance, Trend),
    /// The pair is absent or has another stance.
    Not(Stance),
}

type Case = (&'static str, &'static str, &'static str, Want);

fn check(stage: &str, cases: &[Case]) {
    let mut failures = Vec::new();
    for &(text, a, z, want) in cases {
        let b = brief(text);
        let found = b.relations.iter().find(|r| r.a == a && r.b == z);
        let problem = match (want, found) {
            (Want::Is(s) | Want::Trending(s, _), None) => {
                Some(format!("missing {a}-{z} ({})", s.as_str()))
            }
            (Want::Is(s) | Want::Trending(s, _), Some(r)) if r.stance != s => Some(format!(
                "{a}-{z}: expected {}, got {}",
                s.as_str(),
                r.stance.as_str()
            )),
            (Want::Trending(_, t), Some(r)) if r.trend != t => Some(format!(
                "{a}-{z}: expected trend {}, got {}",
                t.as_str(),
                r.trend.as_str()
            )),
            (Want::Not(s), Some(r)) if r.stance == s => {
                Some(format!("{a}-{z}: must not be {}", s.as_str()))
            }
            _ => None,
        };
        if let Some(p) = problem {
            failures.push(format!(
                "TEXT: {text}\n  problem: {p}\n  relations: {}",
                show_relations(&b)
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{stage}: {} of {} cases failed\n\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n\n")
    );
}

use Trend::{Improving, Worsening};
use Want::{Is, Not, Trending};

#[test]
fn state_of_relationship_indonesian() {
    let cases: &[Case] = &[
        // Disputes: ber-/per-an forms of "sengketa", "seteru".
        (
            "Guyana dan Suriname masih bersengketa atas wilayah di sepanjang sungai perbatasan.",
            "GUY",
            "SUR",
            Is(Conflict),
        ),
        (
            "Persengketaan antara Eritrea dan Djibouti kembali mencuat pekan ini.",
            "DJI",
            "ERI",
            Is(Conflict),
        ),
        (
            "Perseteruan antara Bolivia dan Chile soal akses ke laut sudah berlangsung lebih dari seabad.",
            "BOL",
            "CHL",
            Is(Conflict),
        ),
        (
            "Klaim tumpang tindih antara Malaysia dan Filipina atas sebagian wilayah Sabah belum terselesaikan.",
            "MYS",
            "PHL",
            Is(Conflict),
        ),
        // Worsening: memburuk, memanas, merenggang, kerenggangan.
        (
            "Hubungan antara Peru dan Chile memburuk sejak insiden perbatasan itu.",
            "CHL",
            "PER",
            Trending(Conflict, Worsening),
        ),
        (
            "Hubungan antara Aljazair dan Mali kembali memanas setelah insiden di perbatasan.",
            "DZA",
            "MLI",
            Trending(Conflict, Worsening),
        ),
        (
            "Hubungan antara Serbia dan Kroasia merenggang dalam beberapa bulan terakhir.",
            "HRV",
            "SRB",
            Trending(Conflict, Worsening),
        ),
        (
            "Kerenggangan antara Qatar dan Bahrain berlangsung bertahun-tahun.",
            "BHR",
            "QAT",
            Is(Conflict),
        ),
        // The lowest point: titik nadir, belum pernah seburuk.
        (
            "Hubungan antara Guatemala dan Belize kini berada di titik nadir.",
            "BLZ",
            "GTM",
            Trending(Conflict, Worsening),
        ),
        (
            "Hubungan antara Polandia dan Belarus belum pernah seburuk sekarang.",
            "BLR",
            "POL",
            Is(Conflict),
        ),
        // Cold, frozen, unfriendly, inharmonious relations.
        (
            "Hubungan dingin antara Kuba dan Amerika Serikat berlanjut hingga tahun ini.",
            "CUB",
            "USA",
            Is(Conflict),
        ),
        (
            "Hubungan Maroko dan Iran membeku sejak kedua negara saling menarik diplomat.",
            "IRN",
            "MAR",
            Is(Conflict),
        ),
        (
            "Rusia menyebut keputusan Moldova menutup kantor beritanya sebagai langkah tidak bersahabat.",
            "MDA",
            "RUS",
            Is(Conflict),
        ),
        (
            "Hubungan antara Burundi dan Rwanda tidak harmonis sejak 2015.",
            "BDI",
            "RWA",
            Is(Conflict),
        ),
        (
            "Permusuhan antara Korea Utara dan Korea Selatan tidak kunjung reda.",
            "KOR",
            "PRK",
            Is(Conflict),
        ),
        // Close, warm, intimate relations and their growth.
        (
            "Hubungan antara Vietnam dan Laos semakin erat.",
            "LAO",
            "VNM",
            Trending(Cooperation, Improving),
        ),
        (
            "Brunei dan Singapura menikmati hubungan mesra selama puluhan tahun.",
            "BRN",
            "SGP",
            Is(Cooperation),
        ),
        (
            "Fiji dan Selandia Baru memiliki hubungan yang erat di bidang pendidikan.",
            "FJI",
            "NZL",
            Is(Cooperation),
        ),
        (
            "Hubungan antara Mongolia dan Korea Selatan makin dekat.",
            "KOR",
            "MNG",
            Trending(Cooperation, Improving),
        ),
        (
            "Hubungan antara Tunisia dan Libya semakin hangat setelah perbatasan dibuka.",
            "LBY",
            "TUN",
            Trending(Cooperation, Improving),
        ),
        (
            "Timor Leste dan Australia menjaga hubungan bertetangga baik.",
            "AUS",
            "TLS",
            Is(Cooperation),
        ),
    ];
    check("state_of_relationship_indonesian", cases);
}

#[test]
fn state_of_relationship_english() {
    let cases: &[Case] = &[
        // Worsening and bad relations.
        (
            "Relations between Kenya and Tanzania have soured over trade.",
            "KEN",
            "TZA",
            Trending(Conflict, Worsening),
        ),
        (
            "Ties between Zambia and Malawi turned sour after the election.",
            "MWI",
            "ZMB",
            Trending(Conflict, Worsening),
        ),
        (
            "A rift has opened between Ghana and Togo over the new checkpoints.",
            "GHA",
            "TGO",
            Is(Conflict),
        ),
        (
            "Belarus called Lithuania's decision to close the crossing an unfriendly step.",
            "BLR",
            "LTU",
            Is(Conflict),
        ),
        (
            "Ties between Australia and China remained frosty throughout the year.",
            "AUS",
            "CHN",
            Is(Conflict),
        ),
        (
            "Canada and India maintained chilly relations through the spring.",
            "CAN",
            "IND",
            Is(Conflict),
        ),
        (
            "Relations between Egypt and Turkey were strained for a decade.",
            "EGY",
            "TUR",
            Is(Conflict),
        ),
        (
            "Relations between Kyrgyzstan and Tajikistan remain fraught.",
            "KGZ",
            "TJK",
            Is(Conflict),
        ),
        (
            "Relations between Algeria and Spain are at their lowest in decades.",
            "DZA",
            "ESP",
            Trending(Conflict, Worsening),
        ),
        (
            "There is bad blood between Eritrea and Ethiopia.",
            "ERI",
            "ETH",
            Is(Conflict),
        ),
        (
            "Niger had a falling-out with Benin over the oil pipeline.",
            "BEN",
            "NER",
            Is(Conflict),
        ),
        (
            "Brazil and Paraguay are at odds over the price of electricity from their shared dam.",
            "BRA",
            "PRY",
            Is(Conflict),
        ),
        // Improving and good relations.
        (
            "The warming of ties between Uzbekistan and Tajikistan surprised analysts.",
            "TJK",
            "UZB",
            Trending(Cooperation, Improving),
        ),
        (
            "Singapore and New Zealand enjoy warm ties.",
            "NZL",
            "SGP",
            Is(Cooperation),
        ),
        (
            "Relations between Botswana and Namibia are cordial.",
            "BWA",
            "NAM",
            Is(Cooperation),
        ),
        (
            "Mongolia and Kazakhstan have good-neighbourly relations.",
            "KAZ",
            "MNG",
            Is(Cooperation),
        ),
        (
            "A détente between Ecuador and Colombia took hold in the autumn.",
            "COL",
            "ECU",
            Trending(Cooperation, Improving),
        ),
        (
            "Relations between Chile and Argentina have never been better.",
            "ARG",
            "CHL",
            Trending(Cooperation, Improving),
        ),
        (
            "Peru moved to mend fences with Mexico.",
            "MEX",
            "PER",
            Trending(Cooperation, Improving),
        ),
        (
            "Portugal and Angola share a special relationship.",
            "AGO",
            "PRT",
            Is(Cooperation),
        ),
    ];
    check("state_of_relationship_english", cases);
}

#[test]
fn longer_forms_take_precedence_over_the_cues_inside_them() {
    let cases: &[Case] = &[
        // "cessation of hostilities" is a truce, not fighting.
        (
            "Uganda and South Sudan agreed to a cessation of hostilities along the border.",
            "SSD",
            "UGA",
            Is(Cooperation),
        ),
        (
            "Uganda dan Sudan Selatan menyepakati penghentian permusuhan di sepanjang perbatasan.",
            "SSD",
            "UGA",
            Is(Cooperation),
        ),
        // A joint exercise is cooperation, unlike an exercise aimed at someone.
        (
            "India held a joint military exercise with France in Rajasthan.",
            "FRA",
            "IND",
            Is(Cooperation),
        ),
        (
            "Indonesia menggelar latihan militer gabungan dengan Australia di Darwin.",
            "AUS",
            "IDN",
            Is(Cooperation),
        ),
        // What follows a war is not a war; layoffs are not broken relations.
        (
            "Germany and Japan built their post-war economies on exports.",
            "DEU",
            "JPN",
            Not(Conflict),
        ),
        (
            "Perusahaan Jepang itu melakukan pemutusan hubungan kerja terhadap ratusan pekerja di Vietnam.",
            "JPN",
            "VNM",
            Not(Conflict),
        ),
        // Defending oneself is not coming to another's defence.
        (
            "Ukraine has the right to defend itself against Russia.",
            "RUS",
            "UKR",
            Not(Cooperation),
        ),
        (
            "Armenia berhak membela diri dari Azerbaijan.",
            "ARM",
            "AZE",
            Not(Cooperation),
        ),
        // Warships are not a war; a commemoration is not a warning.
        (
            "Fiji dan Tonga menggelar latihan militer gabungan dengan dua kapal perang di Laut Pasifik.",
            "FJI",
            "TON",
            Is(Cooperation),
        ),
        (
            "Presiden Ghana hadir sebagai tamu kehormatan pada peringatan kemerdekaan Togo.",
            "GHA",
            "TGO",
            Not(Conflict),
        ),
    ];
    check("longer_forms_take_precedence", cases);
}

#[test]
fn comparatives_of_the_best_and_worst_state() {
    let cases: &[Case] = &[
        (
            "Relations between Ghana and Togo have rarely been better.",
            "GHA",
            "TGO",
            Trending(Cooperation, Improving),
        ),
        (
            "Hubungan Ghana dan Togo tidak pernah sebaik sekarang.",
            "GHA",
            "TGO",
            Trending(Cooperation, Improving),
        ),
        (
            "Hubungan Fiji dan Tonga belum pernah seerat ini.",
            "FJI",
            "TON",
            Is(Cooperation),
        ),
        (
            "Relations between Fiji and Tonga have seldom been worse.",
            "FJI",
            "TON",
            Trending(Conflict, Worsening),
        ),
    ];
    check("comparatives", cases);
}

#[test]
fn affixed_and_inflected_forms() {
    let cases: &[Case] = &[
        // Indonesian affixes and spelling variants.
        (
            "Tentara Thailand terlibat kontak senjata dengan tentara Myanmar di perbatasan.",
            "MMR",
            "THA",
            Is(Conflict),
        ),
        (
            "Bank milik Iran itu disanksi Amerika Serikat bulan lalu.",
            "IRN",
            "USA",
            Is(Conflict),
        ),
        (
            "Nepal dan India mempererat kerjasama pertahanan.",
            "IND",
            "NPL",
            Is(Cooperation),
        ),
        (
            "Jepang menghibahkan kapal patroli kepada Filipina.",
            "JPN",
            "PHL",
            Is(Cooperation),
        ),
        (
            "Yordania mencela rencana pembangunan permukiman Israel.",
            "ISR",
            "JOR",
            Is(Conflict),
        ),
        // English inflections and synonyms.
        (
            "Mexico imposed a tariff on Chinese steel.",
            "CHN",
            "MEX",
            Is(Conflict),
        ),
        (
            "Chinese vessels kept ramming Vietnamese fishing boats near the Paracels.",
            "CHN",
            "VNM",
            Is(Conflict),
        ),
        (
            "Sweden censured Iran after the diplomats were ordered out.",
            "IRN",
            "SWE",
            Is(Conflict),
        ),
        (
            "South Korea donates rice to Laos every year.",
            "KOR",
            "LAO",
            Is(Cooperation),
        ),
        (
            "Ghana re-established diplomatic ties with Nigeria.",
            "GHA",
            "NGA",
            Is(Cooperation),
        ),
    ];
    check("affixed_and_inflected_forms", cases);
}

/// "Hubungan X dan Y memburuk" (the usual Indonesian word order, with no
/// "antara"): a relationship noun before two coordinated actors makes them
/// a pair (`relations::sides::mark_reciprocal`).
#[test]
fn relationship_noun_before_a_coordinated_pair() {
    let cases: &[Case] = &[
        (
            "Hubungan Peru dan Chile memburuk sejak sengketa perbatasan itu.",
            "CHL",
            "PER",
            Trending(Conflict, Worsening),
        ),
        (
            "Hubungan Vietnam dan Laos semakin erat.",
            "LAO",
            "VNM",
            Trending(Cooperation, Improving),
        ),
        (
            "Hubungan Kenya dan Somalia tegang sejak sengketa batas laut.",
            "KEN",
            "SOM",
            Is(Conflict),
        ),
        (
            "Hubungan Serbia dan Kroasia kian renggang.",
            "HRV",
            "SRB",
            Trending(Conflict, Worsening),
        ),
    ];
    check("relationship_noun_before_a_coordinated_pair", cases);
}

/// Concrete dealings news reports in one clause: training another state's
/// forces, selling to it, investing in it, barring its flights, putting it
/// on a terrorism list, drawing closer to it. A state after "investor in"
/// is the party invested in, not a place; capitals stand for their states.
#[test]
fn concrete_dealings_between_two_states() {
    let cases: &[Case] = &[
        (
            "Turkey trains Maldivian naval officers at its academy in Istanbul.",
            "MDV",
            "TUR",
            Is(Cooperation),
        ),
        (
            "Pakistan melatih pilot-pilot Azerbaijan sejak 2022.",
            "AZE",
            "PAK",
            Is(Cooperation),
        ),
        (
            "Russia sold fighter jets to Algeria in 2023.",
            "DZA",
            "RUS",
            Is(Cooperation),
        ),
        (
            "Korea Selatan menjual tank kepada Polandia.",
            "KOR",
            "POL",
            Is(Cooperation),
        ),
        (
            "China is the largest investor in Laos.",
            "CHN",
            "LAO",
            Is(Cooperation),
        ),
        (
            "Jepang adalah investor terbesar di Vietnam.",
            "JPN",
            "VNM",
            Is(Cooperation),
        ),
        (
            "Kuwait barred flights from Syria after the attack.",
            "KWT",
            "SYR",
            Is(Conflict),
        ),
        (
            "Washington put North Korea back on its list of state sponsors of terrorism.",
            "PRK",
            "USA",
            Is(Conflict),
        ),
        (
            "Asmara has drawn steadily closer to Riyadh.",
            "ERI",
            "SAU",
            Trending(Cooperation, Improving),
        ),
        // A later clause about one of the two does not thin the first.
        (
            "Kenya bought patrol boats from India in 2024, and India sent engineers.",
            "IND",
            "KEN",
            Is(Cooperation),
        ),
    ];
    check("concrete_dealings_between_two_states", cases);
}

/// A cooperation word after a breach ("violated the ceasefire",
/// "pelanggaran terhadap kesepakatan") or a demand ("demanding talks",
/// "menuntut perundingan") is not cooperation: the agreement is broken, the
/// talks are extorted.
#[test]
fn broken_agreements_and_demands() {
    let cases: &[Case] = &[
        (
            "Armenia accused Azerbaijan of having violated the ceasefire agreement near Sotk.",
            "ARM",
            "AZE",
            Is(Conflict),
        ),
        (
            "Baku tembak itu merupakan pelanggaran terberat terhadap kesepakatan gencatan senjata antara Thailand dan Kamboja.",
            "KHM",
            "THA",
            Is(Conflict),
        ),
        (
            "Serbia broke the trade agreement with Kosovo by closing the crossings.",
            "SRB",
            "XKX",
            Is(Conflict),
        ),
        (
            "Greece is demanding negotiations with Turkey on compensation for the seized ships.",
            "GRC",
            "TUR",
            Not(Cooperation),
        ),
        (
            "Bolivia menuntut perundingan ulang dengan Chile atas tarif pelabuhan.",
            "BOL",
            "CHL",
            Not(Cooperation),
        ),
    ];
    check("broken_agreements_and_demands", cases);
}

#[test]
fn everyday_dealings_and_mutual_acts() {
    // Written for this test, both languages: the vocabulary of ordinary
    // bilateral news (obstruction, extradition, trade figures, condolences,
    // "meneken"), and acts two sides do to each other, which make a
    // coordinated pair relate ("traded accusations", "terlibat baku tembak",
    // "Peruvian and Chilean ships held a joint exercise").
    let cases: &[Case] = &[
        (
            "Turkey blocked Sweden's bid for a seat on the council for a second year.",
            "SWE",
            "TUR",
            Is(Conflict),
        ),
        (
            "Pemerintah Turki kembali menjegal upaya Siprus memimpin komite itu.",
            "CYP",
            "TUR",
            Is(Conflict),
        ),
        (
            "Malaysia extradited two suspects wanted for money laundering to Singapore on Friday.",
            "MYS",
            "SGP",
            Is(Cooperation),
        ),
        (
            "Trade between Chile and South Korea grew by nine percent last year.",
            "CHL",
            "KOR",
            Is(Cooperation),
        ),
        (
            "Nilai perdagangan Indonesia dan Brasil naik menjadi 7 miliar dolar pada 2025.",
            "BRA",
            "IDN",
            Is(Cooperation),
        ),
        (
            "Presiden menyampaikan duka cita kepada rakyat Maroko atas korban gempa bumi di Atlas.",
            "IDN",
            "MAR",
            Not(Conflict),
        ),
        (
            "Filipina dan Vietnam meneken nota kesepahaman kerja sama penjaga pantai di Manila.",
            "PHL",
            "VNM",
            Is(Cooperation),
        ),
        (
            "Ghana and Togo traded accusations over the attack on the border post.",
            "GHA",
            "TGO",
            Is(Conflict),
        ),
        (
            "Pasukan Armenia dan Azerbaijan terlibat baku tembak di dekat perbatasan pada Selasa malam.",
            "ARM",
            "AZE",
            Is(Conflict),
        ),
        (
            "Peruvian and Chilean navy ships held a joint exercise off Arica last week.",
            "CHL",
            "PER",
            Is(Cooperation),
        ),
        (
            "Prajurit TNI dan tentara Singapura menggelar latihan bersama di Batam.",
            "IDN",
            "SGP",
            Is(Cooperation),
        ),
        // What a quarrel is over is not the other side.
        (
            "Morocco and Spain agreed to reopen the customs posts, though their dispute over Western Sahara remains.",
            "ESH",
            "MAR",
            Not(Conflict),
        ),
        // A concessive clause that opens the sentence and names no one is
        // about the pair of the main clause.
        (
            "Meski masih bersengketa soal tarif baja, Jepang dan Kanada menuntaskan perundingan perjanjian dagang.",
            "CAN",
            "JPN",
            Is(Stance::Mixed),
        ),
        // "Brussels" stands for the European Union as a capital for its state.
        (
            "Brussels criticised London's decision to scrap the fishing quotas.",
            "EU",
            "GBR",
            Is(Conflict),
        ),
    ];
    check("everyday_dealings_and_mutual_acts", cases);
}

#[test]
fn states_of_a_relation_in_degrees_and_apart() {
    // Written for this test, both languages: a comparative or a degree
    // word inside "hubungan yang ... erat", adjectives of a conflictual
    // relation, leaving enmity behind, and sides that stay apart on an issue.
    let cases: &[Case] = &[
        (
            "Laos dan Kamboja kini membangun hubungan yang jauh lebih erat daripada satu dekade lalu.",
            "KHM",
            "LAO",
            Is(Cooperation),
        ),
        (
            "Laos dan Kamboja menjalin hubungan yang sangat erat sejak perbatasan dibuka.",
            "KHM",
            "LAO",
            Is(Cooperation),
        ),
        (
            "Analysts describe the relationship between Chad and Sudan as adversarial.",
            "SDN",
            "TCD",
            Is(Conflict),
        ),
        (
            "Hubungan Chad dan Sudan tetap konfliktual sepanjang tahun.",
            "SDN",
            "TCD",
            Is(Conflict),
        ),
        (
            "Chad dan Sudan akhirnya meninggalkan permusuhan lama mereka.",
            "SDN",
            "TCD",
            Is(Cooperation),
        ),
        (
            "Chad and Sudan remained far apart on the return of refugees.",
            "SDN",
            "TCD",
            Is(Conflict),
        ),
        (
            "Chad dan Sudan masih berbeda pendapat soal pemulangan pengungsi.",
            "SDN",
            "TCD",
            Is(Conflict),
        ),
    ];
    check("states_of_a_relation_in_degrees_and_apart", cases);
}
