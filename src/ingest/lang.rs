//! Stage 4, language: one language per document, by whatlang's trigram
//! model. Indonesian and English are what the later stages read; other
//! languages are recorded and passed through.

use whatlang::Lang;

/// How much text is enough to tell the language.
const SAMPLE: usize = 3_000;

/// The languages told apart: the ones the pipeline reads and the ones
/// analysts most often feed it by mistake. A smaller list is faster and
/// tells Indonesian from Malay, Javanese and Tagalog more reliably.
const LANGUAGES: &[Lang] = &[
    Lang::Ind,
    Lang::Eng,
    Lang::Jav,
    Lang::Tgl,
    Lang::Fra,
    Lang::Deu,
    Lang::Spa,
    Lang::Por,
    Lang::Ita,
    Lang::Nld,
    Lang::Rus,
    Lang::Ukr,
    Lang::Ara,
    Lang::Cmn,
    Lang::Jpn,
    Lang::Kor,
    Lang::Tur,
    Lang::Pol,
    Lang::Vie,
    Lang::Tha,
    Lang::Hin,
    Lang::Pes,
    Lang::Heb,
    Lang::Swe,
    Lang::Ces,
    Lang::Ron,
    Lang::Hun,
    Lang::Ell,
];

/// ISO 639-1 code of the document's language (`id`, `en`, ...), or the
/// ISO 639-3 code when there is no two-letter one, or `und` when unknown.
pub fn detect(text: &str) -> String {
    let mut end = text.len().min(SAMPLE);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let sample = &text[..end];
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    let detector = DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(LANGUAGES.to_vec()));
    match detector.detect(sample) {
        Some(info) => iso639_1(info.lang()).to_string(),
        None => "und".to_string(),
    }
}

fn iso639_1(lang: Lang) -> &'static str {
    match lang {
        Lang::Ind => "id",
        Lang::Eng => "en",
        Lang::Fra => "fr",
        Lang::Deu => "de",
        Lang::Spa => "es",
        Lang::Por => "pt",
        Lang::Ita => "it",
        Lang::Nld => "nl",
        Lang::Rus => "ru",
        Lang::Ukr => "uk",
        Lang::Ara => "ar",
        Lang::Cmn => "zh",
        Lang::Jpn => "ja",
        Lang::Kor => "ko",
        Lang::Tur => "tr",
        Lang::Pol => "pl",
        Lang::Vie => "vi",
        Lang::Tha => "th",
        Lang::Tgl => "tl",
        Lang::Hin => "hi",
        Lang::Pes => "fa",
        Lang::Heb => "he",
        Lang::Jav => "jv",
        other => other.code(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indonesian_and_english() {
        let cases = [
            (include_str!("../../sources/000_f5840cd7195cf325.txt"), "id"),
            (include_str!("../../sources/002_fea91339883cd94f.txt"), "id"),
            (
                "Kementerian Luar Negeri Indonesia menyatakan bahwa kedua negara sepakat memperkuat kerja sama maritim di Laut Natuna Utara.",
                "id",
            ),
            (
                "Vietnam dan Filipina menandatangani nota kesepahaman tentang penjaga pantai pada Januari 2024.",
                "id",
            ),
            (
                "The Philippines and Vietnam signed a memorandum of understanding on coast guard cooperation in January.",
                "en",
            ),
            (
                "NATO has announced that it is beefing up its troop presence in Kosovo after four people were killed in a weekend shootout.",
                "en",
            ),
        ];
        for (text, want) in cases {
            assert_eq!(detect(text), want, "{}", &text[..60.min(text.len())]);
        }
    }

    #[test]
    fn other_languages_pass_through() {
        assert_eq!(
            detect(
                "Le gouvernement français a annoncé mardi une nouvelle aide militaire à l'Ukraine."
            ),
            "fr"
        );
        assert_eq!(detect("12 34 56"), "und");
    }
}
