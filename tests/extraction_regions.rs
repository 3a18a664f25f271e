//! Extraction beyond the sample sources: South-East Asia, the Middle East,
//! South Asia, NATO/Europe and Africa, in Indonesian and English.
//!
//! Every case is a short text written for this battery, and every expected
//! value is an analyst's reading of that text, not the tool's output. Each
//! test collects all failing cases and reports them together, with the
//! fields of the brief that the stage produced.

use briefing::brief::{Brief, Confidence, Stance};
use briefing::ingest::ingest;
use briefing::lexicon::shared;

fn brief(text: &str) -> Brief {
    ingest("case.txt", text.as_bytes(), shared())
        .unwrap_or_else(|e| panic!("ingest failed ({e}) for: {text}"))
        .brief
}

fn report(stage: &str, failures: &[String], total: usize) {
    assert!(
        failures.is_empty(),
        "{stage}: {} of {total} cases failed\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn show_relations(b: &Brief) -> String {
    if b.relations.is_empty() && b.group_relations.is_empty() {
        return "(none)".into();
    }
    b.relations
        .iter()
        .chain(&b.group_relations)
        .map(|r| {
            let classes: Vec<&str> = r.evidence.iter().map(|e| e.class.as_str()).collect();
            format!(
                "{}–{} {} tone {:.1} [{}]",
                r.a,
                r.b,
                r.stance.as_str(),
                r.tone,
                classes.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn show_alliances(b: &Brief) -> String {
    if b.alliances.is_empty() {
        return "(none)".into();
    }
    b.alliances
        .iter()
        .map(|a| {
            let members: Vec<String> = a
                .members
                .iter()
                .map(|m| format!("{} {}", m.actor, m.status))
                .collect();
            let events: Vec<String> = a
                .events
                .iter()
                .map(|e| format!("{} {}", e.actor, e.action))
                .collect();
            format!(
                "{} ({}) members [{}] events [{}]",
                a.id,
                a.kind.as_str(),
                members.join(", "),
                events.join(", ")
            )
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn show_conclusions(b: &Brief) -> String {
    if b.conclusions.is_empty() {
        return "(none)".into();
    }
    b.conclusions
        .iter()
        .map(|c| {
            format!(
                "[{}] {}",
                c.confidence.map_or("-", Confidence::as_str),
                c.text
            )
        })
        .collect::<Vec<_>>()
        .join("\n      ")
}

// ---------------------------------------------------------------------------
// 1. Actors
// ---------------------------------------------------------------------------

#[test]
fn actors_by_region() {
    let cases: &[(&str, &[&str])] = &[
        // South-East Asia
        (
            "Presiden Ferdinand Marcos Jr. menegaskan Filipina tidak akan mundur dari Ayungin Shoal, sementara Kementerian Luar Negeri China menuduh Manila melakukan provokasi.",
            &["CHN", "PHL"],
        ),
        (
            "Myanmar's junta leader Min Aung Hlaing was again barred from the ASEAN summit, and Thailand pressed the bloc to keep talking to Naypyidaw.",
            &["ASEAN", "MMR", "THA"],
        ),
        (
            "Perdana Menteri Anwar Ibrahim menerima Presiden Prabowo di Putrajaya untuk membahas pengelolaan bersama Blok Ambalat. Kedua pemimpin sepakat mempercepat perundingan batas laut.",
            &["IDN", "MYS"],
        ),
        // Middle East
        (
            "Israel struck an air defence radar near Isfahan after Iran launched hundreds of drones and missiles, while Hezbollah fired rockets at northern Israel.",
            &["HEZBOLLAH", "IRN", "ISR"],
        ),
        (
            "Arab Saudi dan Iran sepakat memulihkan hubungan diplomatik dalam perundingan yang dimediasi Tiongkok, sementara Qatar dan Oman menyambut baik langkah Riyadh dan Teheran.",
            &["CHN", "IRN", "OMN", "QAT", "SAU"],
        ),
        (
            "Erdoğan said Ankara would not allow a terror corridor along the Syrian border, and Turkish drones struck YPG positions east of the Euphrates.",
            &["SYR", "TUR", "YPG"],
        ),
        (
            "Talks in Doha between Israeli and Hamas negotiators, mediated by Egypt, stalled again on Thursday.",
            &["EGY", "HAMAS", "ISR"],
        ),
        // South Asia
        (
            "Modi menuduh Islamabad mendukung kelompok militan setelah serangan di Pahalgam, dan India menangguhkan Perjanjian Air Indus dengan Pakistan.",
            &["IND", "PAK"],
        ),
        (
            "Pakistan's military said Afghan Taliban forces attacked border posts in Kurram in October 2025, and Islamabad closed the Torkham crossing.",
            &["AFG", "PAK"],
        ),
        (
            "Pemerintah sementara Bangladesh yang dipimpin Muhammad Yunus kembali meminta New Delhi mengekstradisi Sheikh Hasina.",
            &["BGD", "IND"],
        ),
        // NATO / Europe
        (
            "Finland and Sweden abandoned decades of neutrality after Russia's invasion of Ukraine; Stubb and Kristersson both said NATO membership was the only answer.",
            &["FIN", "NATO", "RUS", "SWE", "UKR"],
        ),
        (
            "Orbán kembali memveto paket bantuan Uni Eropa untuk Ukraina, sementara Estonia, Latvia, dan Lituania mendesak Brussel menjatuhkan sanksi baru terhadap Moskow.",
            &["EST", "EU", "HUN", "LTU", "LVA", "RUS", "UKR"],
        ),
        // Africa
        (
            "Mali, Burkina Faso and Niger announced their withdrawal from ECOWAS, and the juntas led by Assimi Goïta, Ibrahim Traoré and Abdourahamane Tchiani formed the Alliance of Sahel States.",
            &["AES", "BFA", "ECOWAS", "MLI", "NER"],
        ),
        (
            "Tentara Sudan pimpinan Abdel Fattah al-Burhan dan Pasukan Dukungan Cepat (RSF) yang dipimpin Hemedti saling menyalahkan atas serangan di El Fasher, kata PBB dan Uni Afrika.",
            &["AU", "RSF", "SDN", "UN"],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let b = brief(text);
        // Non-state groups are listed apart from states and organisations;
        // both count here.
        let mut got: Vec<String> = b
            .actors
            .iter()
            .chain(&b.groups)
            .map(|a| a.id.clone())
            .collect();
        got.sort();
        if got != *want {
            let missing: Vec<&str> = want
                .iter()
                .copied()
                .filter(|w| !got.iter().any(|g| g == w))
                .collect();
            let extra: Vec<&str> = got
                .iter()
                .map(String::as_str)
                .filter(|g| !want.contains(g))
                .collect();
            failures.push(format!(
                "TEXT: {text}\n  expected {want:?}\n  got      {got:?}\n  missing {missing:?}, extra {extra:?}"
            ));
        }
    }
    report("actors_by_region", &failures, cases.len());
}

// ---------------------------------------------------------------------------
// 2. Dates
// ---------------------------------------------------------------------------

#[test]
fn dates_by_language() {
    // Expected timeline dates, in timeline (date) order.
    let cases: &[(&str, &[&str])] = &[
        (
            "Perjanjian batas zona ekonomi eksklusif antara Indonesia dan Vietnam ditandatangani pada 22 Desember 2022 dan diratifikasi DPR pada Maret 2023.",
            &["2022-12-22", "2023-03"],
        ),
        (
            "Finland officially joined NATO on 4 April 2023, and Sweden followed on March 7, 2024.",
            &["2023-04-04", "2024-03-07"],
        ),
        (
            "Jakarta, Kamis (12/9/2024) — Menteri Luar Negeri Retno Marsudi menerima mitranya dari Filipina di Gedung Pancasila. Kedua menteri membahas insiden di Second Thomas Shoal pada Juni lalu.",
            &["2024-06", "2024-09-12"],
        ),
        (
            "Mali, Burkina Faso and Niger announced in January 2024 that they would leave ECOWAS; their withdrawal took effect on 29 January 2025.",
            &["2024-01", "2025-01-29"],
        ),
        (
            "Pada awal 2025, Arab Saudi dan Iran menggelar putaran baru pembicaraan keamanan. Tahun lalu, kedua negara telah membuka kembali kedutaan besar masing-masing.",
            &["2025"],
        ),
        (
            "The ASEAN summit opened in Kuala Lumpur on July 4, 2025. Last year, the bloc's leaders failed to agree on a common line on Myanmar.",
            &["2025-07-04"],
        ),
        // Year-less date after a full date: the narrative moves forward.
        (
            "Pada 7 Oktober 2023, Hamas menyerang Israel selatan dan menyandera lebih dari 200 orang. Pada 27 Oktober, pasukan darat Israel mulai memasuki Gaza.",
            &["2023-10-07", "2023-10-27"],
        ),
        // Year-less date whose year an earlier year fixes.
        (
            "India and Pakistan fought their most serious conflict in decades in 2025. On May 10, the two sides agreed to a ceasefire.",
            &["2025", "2025-05-10"],
        ),
        (
            "Turki melancarkan operasi militer ke Suriah utara pada Oktober 2019. Sejak 2016, Ankara telah menggelar beberapa operasi lintas batas melawan YPG.",
            &["2016", "2019-10"],
        ),
        (
            "Hungary blocked the EU's €50 billion aid package for Ukraine in December 2023 before lifting its veto at a summit on 1 February 2024.",
            &["2023-12", "2024-02-01"],
        ),
        (
            "Kudeta militer di Myanmar terjadi pada 1 Februari 2021. Junta kemudian mengabaikan Konsensus Lima Poin yang disepakati ASEAN pada April 2021.",
            &["2021-02-01", "2021-04"],
        ),
        (
            "Bangladesh and India signed a rail transit agreement in 2023, and officials said talks on sharing the Teesta river would resume next month.",
            &["2023"],
        ),
        (
            "Sudan terjerumus ke dalam perang saudara sejak April 2023, dan hingga pertengahan 2024 lebih dari 10 juta orang telah mengungsi.",
            &["2023-04", "2024"],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let b = brief(text);
        let got: Vec<&str> = b.timeline.iter().map(|t| t.date.as_str()).collect();
        if got != *want {
            let entries: Vec<String> = b
                .timeline
                .iter()
                .map(|t| format!("{} ← {}", t.date, t.text))
                .collect();
            failures.push(format!(
                "TEXT: {text}\n  expected {want:?}\n  got      {got:?}\n  timeline: {}\n  document date: {:?}",
                entries.join(" | "),
                b.date
            ));
        }
    }
    report("dates_by_language", &failures, cases.len());
}

// ---------------------------------------------------------------------------
// 3. Relations
// ---------------------------------------------------------------------------

use Stance::{Conflict, Cooperation};

struct RelCase {
    text: &'static str,
    /// Pairs (a < b) that must be reported, with their stance.
    present: &'static [(&'static str, &'static str, Stance)],
    /// Pairs that must not be reported at all.
    absent: &'static [(&'static str, &'static str)],
}

#[test]
fn relation_stances() {
    let cases: &[RelCase] = &[
        // South-East Asia: an attack at sea and a protest.
        RelCase {
            text: "Kapal penjaga pantai China menembakkan meriam air ke kapal pemasok Filipina di dekat Second Thomas Shoal. Manila memprotes keras tindakan Beijing tersebut dan memanggil duta besar China.",
            present: &[("CHN", "PHL", Conflict)],
            absent: &[],
        },
        // States merely listed together at a meeting, in a venue.
        RelCase {
            text: "Malaysia, Indonesia, dan Brunei menghadiri pertemuan para menteri luar negeri ASEAN di Vientiane pada Kamis. Para menteri kemudian mengeluarkan komunike bersama tentang Laut China Selatan.",
            present: &[],
            absent: &[
                ("BRN", "IDN"),
                ("BRN", "MYS"),
                ("IDN", "MYS"),
                ("IDN", "LAO"),
                ("LAO", "MYS"),
            ],
        },
        // Negation of recognition.
        RelCase {
            text: "Jakarta belum mengakui pemerintahan junta Myanmar dan menolak mengundang Min Aung Hlaing ke KTT ASEAN.",
            present: &[("IDN", "MMR", Conflict)],
            absent: &[],
        },
        // "Kedua negara" refers back to the pair.
        RelCase {
            text: "Presiden Prabowo menerima Presiden Vietnam Luong Cuong di Istana Merdeka. Kedua negara sepakat memperkuat kerja sama maritim dan menyelesaikan sengketa perikanan secara damai.",
            present: &[("IDN", "VNM", Cooperation)],
            absent: &[],
        },
        // Sanctions.
        RelCase {
            text: "Uni Eropa menjatuhkan paket sanksi baru terhadap Rusia atas perang di Ukraina. Sanksi itu membekukan aset bank sentral Rusia dan melarang impor minyak mentah Rusia.",
            present: &[("EU", "RUS", Conflict), ("RUS", "UKR", Conflict)],
            absent: &[],
        },
        // ECOWAS threat against Niger; Mali and Burkina Faso side with Niamey.
        RelCase {
            text: "ECOWAS mengancam akan melakukan intervensi militer terhadap junta Niger setelah kudeta Juli 2023. Mali dan Burkina Faso menyatakan akan membela Niger jika diserang.",
            present: &[
                ("ECOWAS", "NER", Conflict),
                ("BFA", "NER", Cooperation),
                ("MLI", "NER", Cooperation),
            ],
            absent: &[("BFA", "MLI")],
        },
        // Negation: India did not condemn Russia.
        RelCase {
            text: "India did not condemn Russia's invasion of Ukraine and instead sharply increased its purchases of Russian oil.",
            present: &[("IND", "RUS", Cooperation), ("RUS", "UKR", Conflict)],
            absent: &[],
        },
        // "Both countries" refers back to the pair.
        RelCase {
            text: "Saudi Arabia and Iran restored diplomatic relations in March 2023 in a deal brokered by China. Both countries reopened their embassies a few months later.",
            present: &[("IRN", "SAU", Cooperation)],
            absent: &[],
        },
        // An attack and a retaliation.
        RelCase {
            text: "Iran launched more than 300 drones and missiles at Israel in April 2024. Israel retaliated days later with a strike on an air defence radar near Isfahan.",
            present: &[("IRN", "ISR", Conflict)],
            absent: &[],
        },
        // A defence pact.
        RelCase {
            text: "Saudi Arabia and Pakistan signed a mutual defence pact in Riyadh in September 2025, pledging that any aggression against either country would be treated as aggression against both.",
            present: &[("PAK", "SAU", Cooperation)],
            absent: &[],
        },
        // A peace deal between enemies; the mediators are not a pair.
        RelCase {
            text: "Israel and Hamas agreed to a ceasefire and hostage-release deal on Wednesday, brokered by Qatar and Egypt. The two sides signed the first phase of the agreement in Sharm el-Sheikh.",
            present: &[("HAMAS", "ISR", Cooperation)],
            absent: &[("EGY", "QAT")],
        },
        // Türkiye strikes the SDF inside Syria: Syria is the place, not a party.
        RelCase {
            text: "Turkish drones struck SDF positions in northeast Syria overnight, and Erdoğan vowed that the operation would continue until the militants withdrew from the border.",
            present: &[("SDF", "TUR", Conflict)],
            absent: &[("SYR", "TUR")],
        },
        // A protest between neighbours.
        RelCase {
            text: "Bangladesh summoned India's envoy in Dhaka to protest the killing of a Bangladeshi teenager by Indian border guards. The foreign ministry said the incident had badly strained ties between the two neighbours.",
            present: &[("BGD", "IND", Conflict)],
            absent: &[],
        },
    ];
    let mut failures = Vec::new();
    for c in cases {
        let b = brief(c.text);
        let mut problems = Vec::new();
        for &(a, z, stance) in c.present {
            match b
                .relations
                .iter()
                .chain(&b.group_relations)
                .find(|r| r.a == a && r.b == z)
            {
                None => problems.push(format!("missing {a}–{z} ({})", stance.as_str())),
                Some(r) if r.stance != stance => problems.push(format!(
                    "{a}–{z}: expected {}, got {}",
                    stance.as_str(),
                    r.stance.as_str()
                )),
                Some(_) => {}
            }
        }
        for &(a, z) in c.absent {
            if let Some(r) = b
                .relations
                .iter()
                .chain(&b.group_relations)
                .find(|r| r.a == a && r.b == z)
            {
                problems.push(format!("unexpected {a}–{z} ({})", r.stance.as_str()));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "TEXT: {}\n  problems: {}\n  relations: {}",
                c.text,
                problems.join("; "),
                show_relations(&b)
            ));
        }
    }
    report("relation_stances", &failures, cases.len());
}

// ---------------------------------------------------------------------------
// 4. Alliances
// ---------------------------------------------------------------------------

#[derive(Debug)]
enum Exp {
    /// The alliance lists the actor as a member; `Some(status)` checks the status.
    Member(&'static str, &'static str, Option<&'static str>),
    /// The actor is not in the alliance's member list (or the alliance is absent).
    NotMember(&'static str, &'static str),
    /// The alliance records this event for the actor.
    Event(&'static str, &'static str, &'static str),
    /// The alliance records no such event for the actor.
    NoEvent(&'static str, &'static str, &'static str),
}

#[test]
fn alliance_members() {
    use Exp::*;
    let cases: &[(&str, &[Exp])] = &[
        (
            "Finland officially joined NATO on 4 April 2023, ending decades of military non-alignment.",
            &[
                Member("NATO", "FIN", Some("member")),
                Event("NATO", "FIN", "join"),
            ],
        ),
        (
            "Swedia resmi menjadi anggota NATO pada 7 Maret 2024, hampir dua tahun setelah mengajukan keanggotaan.",
            &[
                Member("NATO", "SWE", Some("member")),
                Event("NATO", "SWE", "join"),
            ],
        ),
        (
            "Mali, Burkina Faso dan Niger keluar dari ECOWAS pada Januari 2025.",
            &[
                Event("ECOWAS", "MLI", "leave"),
                Event("ECOWAS", "BFA", "leave"),
                Event("ECOWAS", "NER", "leave"),
                NotMember("ECOWAS", "MLI"),
                NotMember("ECOWAS", "BFA"),
                NotMember("ECOWAS", "NER"),
            ],
        ),
        (
            "Bosnia and Herzegovina applied to join the EU in 2016 and was granted candidate status in 2022.",
            &[Event("EU", "BIH", "apply"), NotMember("EU", "BIH")],
        ),
        (
            "Indonesia and Vietnam signed a comprehensive strategic partnership during To Lam's state visit to Jakarta in March 2025.",
            &[
                Member("IDN-VNM", "IDN", None),
                Member("IDN-VNM", "VNM", None),
            ],
        ),
        (
            "Arab Saudi dan Pakistan menandatangani perjanjian pertahanan bersama di Riyadh pada 17 September 2025.",
            &[
                Member("PAK-SAU", "PAK", None),
                Member("PAK-SAU", "SAU", None),
            ],
        ),
        (
            "Hungary, a NATO member since 1999, delayed the ratification of Sweden's accession protocol for nearly two years.",
            &[
                Member("NATO", "HUN", Some("member")),
                NotMember("NATO", "SWE"),
            ],
        ),
        (
            "Ukraina mengajukan keanggotaan Uni Eropa pada Februari 2022, dan Moldova mengajukan permohonan serupa beberapa hari kemudian.",
            &[
                Event("EU", "UKR", "apply"),
                Event("EU", "MDA", "apply"),
                NotMember("EU", "UKR"),
                NotMember("EU", "MDA"),
            ],
        ),
        (
            "Niger's junta ordered French troops out and, together with Mali and Burkina Faso, founded the Alliance of Sahel States in September 2023.",
            &[
                Member("AES", "NER", None),
                Member("AES", "MLI", None),
                Member("AES", "BFA", None),
            ],
        ),
        (
            "Timor-Leste resmi diterima sebagai anggota ke-11 ASEAN dalam KTT di Kuala Lumpur pada Oktober 2025.",
            &[
                Member("ASEAN", "TLS", Some("member")),
                Event("ASEAN", "TLS", "join"),
            ],
        ),
        (
            "Sudan was suspended from the African Union after the October 2021 coup.",
            &[
                Member("AU", "SDN", Some("suspended")),
                Event("AU", "SDN", "suspend"),
            ],
        ),
        (
            "Myanmar tetap menjadi anggota ASEAN, tetapi junta dilarang mengirim wakil politik ke KTT sejak 2021.",
            &[
                Member("ASEAN", "MMR", Some("member")),
                NoEvent("ASEAN", "MMR", "join"),
            ],
        ),
        (
            "Türkiye has still not joined the EU, and its accession talks have been frozen since 2018.",
            &[NotMember("EU", "TUR"), NoEvent("EU", "TUR", "join")],
        ),
    ];
    let mut failures = Vec::new();
    for (text, exps) in cases {
        let b = brief(text);
        let find = |id: &str| b.alliances.iter().find(|a| a.id == id);
        let mut problems = Vec::new();
        for e in exps.iter() {
            let ok = match *e {
                Member(al, actor, status) => find(al).is_some_and(|a| {
                    a.members
                        .iter()
                        .any(|m| m.actor == actor && status.is_none_or(|s| m.status == s))
                }),
                NotMember(al, actor) => {
                    find(al).is_none_or(|a| !a.members.iter().any(|m| m.actor == actor))
                }
                Event(al, actor, action) => find(al).is_some_and(|a| {
                    a.events
                        .iter()
                        .any(|ev| ev.actor == actor && ev.action == action)
                }),
                NoEvent(al, actor, action) => find(al).is_none_or(|a| {
                    !a.events
                        .iter()
                        .any(|ev| ev.actor == actor && ev.action == action)
                }),
            };
            if !ok {
                problems.push(format!("{e:?}"));
            }
        }
        if !problems.is_empty() {
            failures.push(format!(
                "TEXT: {text}\n  failed: {}\n  alliances: {}",
                problems.join("; "),
                show_alliances(&b)
            ));
        }
    }
    report("alliance_members", &failures, cases.len());
}

// ---------------------------------------------------------------------------
// 5. Confidence
// ---------------------------------------------------------------------------

#[test]
fn confidence_words() {
    use Confidence::*;
    // (text, key phrase of the estimative sentence, its ICD 203 confidence)
    let cases: &[(&str, &str, Confidence)] = &[
        (
            "Ketegangan di sekitar Second Thomas Shoal meningkat tajam sepanjang 2024. Kemungkinan besar China akan terus menghalangi misi pasokan Filipina ke kapal BRP Sierra Madre.",
            "menghalangi misi pasokan",
            Likely,
        ),
        (
            "Junta Myanmar kehilangan kendali atas sebagian besar wilayah perbatasan. Pemilu yang digelar junta hampir pasti tidak akan diakui oleh negara-negara ASEAN.",
            "tidak akan diakui",
            AlmostCertain,
        ),
        (
            "India dan Pakistan sepakat melakukan gencatan senjata pada Mei 2025. Namun, kecil kemungkinan kedua negara akan memulai kembali dialog komprehensif dalam waktu dekat.",
            "memulai kembali dialog komprehensif",
            Unlikely,
        ),
        (
            "Hongaria telah berulang kali memveto keputusan Uni Eropa terkait Ukraina. Tanpa pergantian pemerintahan di Budapest, tidak mungkin Uni Eropa membuka perundingan aksesi dengan Ukraina secara bulat.",
            "membuka perundingan aksesi",
            AlmostNoChance,
        ),
        (
            "Sanksi ECOWAS terhadap Niger dicabut pada Februari 2024. Namun, junta di Niamey hampir tidak akan kembali ke ECOWAS selama transisi militer berlangsung.",
            "kembali ke ECOWAS",
            VeryUnlikely,
        ),
        (
            "Iran's regional partners have been weakened by a year of Israeli strikes. Tehran will likely seek to rebuild Hezbollah's arsenal through new smuggling routes.",
            "rebuild Hezbollah's arsenal",
            Likely,
        ),
        (
            "Finland's accession doubled the length of NATO's land border with Russia. Moscow will almost certainly reinforce its forces in the Leningrad Military District in response.",
            "Leningrad Military District",
            AlmostCertain,
        ),
        (
            "Saudi Arabia and Iran have kept their embassies open despite the war in Gaza. A return to the open hostility of 2016 is unlikely in the near term.",
            "open hostility of 2016",
            Unlikely,
        ),
        (
            "The Taliban government in Kabul has rejected Pakistan's demands to act against the TTP. Islamabad is unlikely to halt its cross-border strikes while the attacks continue.",
            "halt its cross-border strikes",
            Unlikely,
        ),
        (
            "Sudan's army and the RSF both rejected the latest truce proposal put forward by Washington and Riyadh. The war will probably continue well into 2026, deepening the famine in Darfur.",
            "continue well into 2026",
            Likely,
        ),
    ];
    let mut failures = Vec::new();
    for (text, key, want) in cases {
        let b = brief(text);
        let hit = b.conclusions.iter().find(|c| c.text.contains(key));
        let problem = match hit {
            None => Some(format!("no conclusion contains {key:?}")),
            Some(c) if c.confidence != Some(*want) => Some(format!(
                "conclusion with {key:?} has confidence {:?}, expected {:?}",
                c.confidence.map(Confidence::as_str),
                want.as_str()
            )),
            Some(_) => None,
        };
        if let Some(p) = problem {
            failures.push(format!(
                "TEXT: {text}\n  {p}\n  conclusions:\n      {}",
                show_conclusions(&b)
            ));
        }
    }
    report("confidence_words", &failures, cases.len());
}
