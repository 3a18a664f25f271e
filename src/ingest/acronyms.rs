//! Organisations a document defines itself, by an acronym in brackets:
//! "Melanesian Spearhead Group (MSG)" gives a known organisation an acronym
//! the gazetteer does not list (it is ambiguous in general text), and
//! "Colombo Security Conclave (CSC)" introduces an organisation the
//! gazetteer does not know, when its name has an organisation's head noun
//! ("Conclave", "Forum", "Organisasi", "Dewan", ...). Later mentions of the
//! acronym, and of a new organisation's full name, resolve to it.
//!
//! Armed groups and movements ("Front", "Movement", "Gerakan") are not
//! defined this way: they are not organisations of states.

use crate::brief::ActorKind;
use crate::lexicon::{AliasKind, Gazetteer, RelationLexicon};

/// An organisation the document defines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Defined {
    /// The acronym as written ("MSG").
    pub acronym: String,
    /// The actor id: the gazetteer's for a known organisation, the acronym
    /// for a new one.
    pub id: String,
    /// A new organisation's name as written; `None` for a known one.
    pub name: Option<String>,
}

/// An acronym as news writes one: 2–8 letters, digits, `&` or `-`, starting
/// with a capital and with at least two capitals ("MSG", "CSC", "EAEU").
fn is_acronym(s: &str) -> bool {
    let n = s.chars().count();
    (2..=8).contains(&n)
        && s.starts_with(|c: char| c.is_ascii_uppercase())
        && s.chars().filter(char::is_ascii_uppercase).count() >= 2
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '&' || c == '-')
}

/// Words that may join the capitalised words of a name.
fn connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "for"
            | "and"
            | "the"
            | "on"
            | "in"
            | "de"
            | "dan"
            | "untuk"
            | "bagi"
            | "antar"
            | "se"
    )
}

/// The name before byte `end` of `text`: capitalised words and connectors
/// back to the first capitalised word, at most ten words, not across
/// punctuation ("... aktif dalam Colombo Security Conclave").
fn name_before(text: &str, end: usize) -> Option<String> {
    let head = &text[..end];
    let mut offsets: Vec<(usize, &str)> = Vec::new();
    let mut pos = 0;
    for w in head.split_whitespace() {
        let at = head[pos..].find(w)? + pos;
        offsets.push((at, w));
        pos = at + w.len();
    }
    let mut leftmost_capital = 0;
    for (k, (_, w)) in offsets.iter().rev().enumerate() {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
        if k >= 10 || bare.is_empty() || (k > 0 && w.ends_with([',', '.', ';', ':', ')', '('])) {
            break;
        }
        let capital = bare.starts_with(|c: char| c.is_uppercase());
        if !capital && !connector(bare) {
            break;
        }
        if capital {
            leftmost_capital = k + 1;
        }
    }
    if leftmost_capital < 2 {
        return None;
    }
    let at = offsets[offsets.len() - leftmost_capital].0;
    Some(head[at..].trim().to_string())
}

/// Every organisation the texts define, in order of first definition.
pub fn definitions<'t>(
    texts: impl Iterator<Item = &'t str>,
    lang: &str,
    gaz: &Gazetteer,
    words: &RelationLexicon,
) -> Vec<Defined> {
    let mut out: Vec<Defined> = Vec::new();
    for text in texts {
        let mut rest = 0;
        while let Some(open) = text[rest..].find('(').map(|o| o + rest) {
            rest = open + 1;
            let Some(close) = text[open..].find(')').map(|c| c + open) else {
                break;
            };
            let inner = text[open + 1..close].trim();
            // "Pengaturan Kerja Sama Trilateral (Trilateral Cooperative
            // Arrangement/TCA)", "(Shanghai Cooperation Organisation, SCO)":
            // Indonesian text gives the English name and the acronym in the
            // brackets; the name is read there.
            let (acronym, inner_name) = match inner.rfind(['/', ',', ';']) {
                Some(k) if is_acronym(inner[k + 1..].trim()) && k > 0 => {
                    (inner[k + 1..].trim(), Some(inner[..k].trim()))
                }
                _ => (inner, None),
            };
            if !is_acronym(acronym) || out.iter().any(|d| d.acronym == acronym) {
                continue;
            }
            let before = match inner_name {
                Some(n) if name_before(n, n.len()).is_some() => n,
                _ => text[..open].trim_end(),
            };
            let known = gaz.find(before, lang).into_iter().rev().find(|m| {
                m.end == before.len()
                    && m.kind == AliasKind::Name
                    && gaz.actor(m.actor).kind == ActorKind::Organisation
            });
            if let Some(m) = known {
                let id = gaz.actor(m.actor).id.clone();
                // Already an alias of the same organisation: nothing to add.
                let same = gaz
                    .find(acronym, lang)
                    .first()
                    .is_some_and(|a| a.end == acronym.len() && gaz.actor(a.actor).id == id);
                if !same {
                    out.push(Defined {
                        acronym: acronym.to_string(),
                        id,
                        name: None,
                    });
                }
                continue;
            }
            // A new organisation: a name with an organisation's head noun, and an
            // acronym that names nothing else.
            let Some(name) = name_before(before, before.len()) else {
                continue;
            };
            let lower: Vec<String> = name
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            let agreement = [lower.first(), lower.last()]
                .into_iter()
                .flatten()
                .any(|w| words.agreement_words.contains(w));
            let organisation =
                !agreement && lower.iter().any(|w| words.organisation_heads.contains(w));
            let movement = lower.iter().any(|w| words.group_heads.contains(w));
            let taken = gaz.index(acronym).is_some() || !gaz.find(acronym, lang).is_empty();
            if organisation && !movement && !taken {
                out.push(Defined {
                    acronym: acronym.to_string(),
                    id: acronym.to_string(),
                    name: Some(name),
                });
            }
        }
    }
    out
}

/// Byte ranges of `needle` in `text` as a whole word (case-sensitive).
pub fn whole_words<'a>(
    text: &'a str,
    needle: &'a str,
) -> impl Iterator<Item = (usize, usize)> + 'a {
    text.match_indices(needle).filter_map(move |(i, _)| {
        let end = i + needle.len();
        let before = text[..i].chars().next_back();
        let after = text[end..].chars().next();
        let boundary = |c: Option<char>| c.is_none_or(|c| !c.is_alphanumeric());
        (boundary(before) && boundary(after)).then_some((i, end))
    })
}

#[cfg(test)]
mod tests {
    use crate::ingest::{Format, document, extract, lang};
    use crate::lexicon::shared;

    fn actors(text: &str) -> Vec<(String, String)> {
        let lex = shared();
        let doc = document(text, Format::Text, lex).unwrap();
        let mut v: Vec<(String, String)> = extract(&doc, &lang::detect(text), lex)
            .actors
            .into_iter()
            .map(|a| (a.id, a.name))
            .collect();
        v.sort();
        v
    }

    // Written for these tests.

    #[test]
    fn a_known_organisation_gets_the_acronym_the_text_defines() {
        let ids: Vec<String> = actors(
            "KTT Pasifik\n\nFiji memimpin Melanesian Spearhead Group (MSG) tahun ini. Vanuatu menolak usulan MSG itu.\n",
        )
        .into_iter()
        .map(|a| a.0)
        .collect();
        assert_eq!(ids, ["FJI", "MSG", "VUT"]);
    }

    #[test]
    fn a_new_organisation_is_defined_by_its_head_noun_and_acronym() {
        let a = actors(
            "Maritime security\n\nIndia and Mauritius are members of the Western Ocean Maritime Forum (WOMF), and the WOMF meets in Port Louis this year.\n",
        );
        assert!(
            a.contains(&("WOMF".into(), "Western Ocean Maritime Forum".into())),
            "{a:?}"
        );
        // A movement is not an organisation of states.
        let a = actors(
            "Papua\n\nThe Free Highlands Movement (FHM) called on Indonesia to hold talks.\n",
        );
        assert!(a.iter().all(|x| x.0 != "FHM"), "{a:?}");
    }

    #[test]
    fn an_agreement_with_an_acronym_is_not_an_organisation() {
        let a = actors(
            "Perdagangan\n\nIndia dan Oman menandatangani Perjanjian Kemitraan Ekonomi Komprehensif (IOCEPA) pada 2025.\n",
        );
        assert!(a.iter().all(|x| x.0 != "IOCEPA"), "{a:?}");
        let a = actors(
            "Trade\n\nIndia and Oman signed the Comprehensive Economic Partnership Agreement (IOCEPA) in 2025.\n",
        );
        assert!(a.iter().all(|x| x.0 != "IOCEPA"), "{a:?}");
    }

    #[test]
    fn a_city_inside_a_defined_name_is_not_its_state() {
        let a = actors(
            "Keamanan maritim\n\nMaladewa aktif dalam Colombo Maritime Dialogue (CMD) bersama India.\n",
        );
        assert!(a.iter().all(|x| x.0 != "LKA"), "{a:?}");
        assert!(a.iter().any(|x| x.0 == "CMD"), "{a:?}");
    }

    #[test]
    fn the_english_name_and_acronym_inside_the_brackets() {
        // Indonesian text often gives "Nama (English Name/ACR)".
        let a = actors(
            "Laut Arafura\n\nIndonesia dan Papua Nugini membentuk Dewan Kerja Sama Laut Arafura (Arafura Sea Cooperation Council/ASCC) pada 2025. ASCC bersidang di Merauke.\n",
        );
        assert!(
            a.contains(&("ASCC".into(), "Arafura Sea Cooperation Council".into())),
            "{a:?}"
        );
        let a = actors(
            "Keamanan\n\nIndia aktif dalam Forum Samudra Barat (Western Ocean Forum, WOF) sejak 2024.\n",
        );
        assert!(a.iter().any(|x| x.0 == "WOF"), "{a:?}");
        // The known name in the brackets: the gazetteer's organisation.
        let a = actors(
            "ASEAN\n\nPerhimpunan Bangsa-Bangsa Asia Tenggara (Association of Southeast Asian Nations/ASEAN) bersidang di Vientiane.\n",
        );
        assert_eq!(
            a,
            [(
                "ASEAN".into(),
                "Association of Southeast Asian Nations".into()
            )]
        );
    }

    #[test]
    fn an_organisation_id_is_its_acronym_as_written() {
        let a = actors(
            "Ekonomi\n\nAzerbaijan diterima sebagai anggota penuh D-8 di Kairo pada Desember 2024.\n",
        );
        assert!(a.iter().any(|x| x.0 == "D-8"), "{a:?}");
    }
}
