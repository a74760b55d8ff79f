//! Which shipped region a system locale points to.
//!
//! Accepts the shapes a desktop reports: BCP 47 tags (`en-GB`, `fr-CA`, `zh-Hant-TW`), POSIX
//! locales (`en_GB.UTF-8`, `en_IE@euro`) and a bare region code (`GB`). A bare language (`en`),
//! `C`, `POSIX` and the empty string say nothing about where the parent is, so they give `None`
//! and the Help screen asks instead of guessing.
//!
//! Codes are ISO 3166-1 alpha-2: the United Kingdom is `GB`. `UK` (exceptionally reserved in ISO
//! 3166 and common in hand-written settings) is read as `GB`.

/// The regions the shipped list covers, by ISO 3166-1 alpha-2 code.
pub const SUPPORTED_REGIONS: [&str; 6] = ["AU", "CA", "GB", "IE", "NZ", "US"];

/// The shipped region a locale string points to, or `None` when it names no region or one the
/// list does not cover. Pure; never panics.
pub fn region_for_locale(locale: &str) -> Option<&'static str> {
    // POSIX: language_TERRITORY.codeset@modifier; drop the codeset and modifier.
    let locale = locale.split(['.', '@']).next().unwrap_or_default().trim();
    let subtags: Vec<&str> = locale.split(['-', '_']).collect();
    let region = match subtags.as_slice() {
        // A lone subtag is a region only when written in capitals, as a region code is.
        [single] if single.len() == 2 && single.bytes().all(|b| b.is_ascii_uppercase()) => *single,
        [_] => return None,
        // After the language: an optional four-letter script, then the region.
        [_, rest @ ..] => rest.iter().copied().find(|tag| tag.len() == 2)?,
        [] => return None,
    };
    normalise_region(region)
}

/// `region` as one of [`SUPPORTED_REGIONS`], ignoring case and reading `UK` as `GB`.
pub(crate) fn normalise_region(region: &str) -> Option<&'static str> {
    let upper = region.to_ascii_uppercase();
    let code = if upper == "UK" { "GB" } else { upper.as_str() };
    SUPPORTED_REGIONS
        .iter()
        .copied()
        .find(|supported| *supported == code)
}

#[cfg(test)]
mod tests {
    use super::region_for_locale;
    use proptest::prelude::*;

    #[test]
    fn reads_bcp47_and_posix_locales() {
        let cases = [
            ("en-GB", Some("GB")),
            ("en_GB.UTF-8", Some("GB")),
            ("en-IE", Some("IE")),
            ("en_IE@euro", Some("IE")),
            ("fr-CA", Some("CA")),
            ("fr_CA.UTF-8", Some("CA")),
            ("en-AU", Some("AU")),
            ("en_NZ", Some("NZ")),
            ("mi_NZ.UTF-8", Some("NZ")),
            ("en-US", Some("US")),
            ("es-US", Some("US")),
            ("zh-Hant-US", Some("US")),
            ("en-gb", Some("GB")),
        ];
        for (locale, region) in cases {
            assert_eq!(region_for_locale(locale), region, "{locale}");
        }
    }

    #[test]
    fn reads_a_bare_region_code_and_uk_as_gb() {
        assert_eq!(region_for_locale("GB"), Some("GB"));
        assert_eq!(region_for_locale("UK"), Some("GB"));
        assert_eq!(region_for_locale("en-UK"), Some("GB"));
        assert_eq!(region_for_locale("NZ"), Some("NZ"));
    }

    #[test]
    fn gives_none_when_the_locale_names_no_region() {
        for locale in [
            "", "C", "C.UTF-8", "POSIX", "en", "fr", "es-419", "  ", "_", "-", "en-",
        ] {
            assert_eq!(region_for_locale(locale), None, "{locale:?}");
        }
    }

    #[test]
    fn gives_none_for_a_region_the_list_does_not_cover() {
        for locale in ["de-DE", "fr_FR.UTF-8", "en-IN", "DE"] {
            assert_eq!(region_for_locale(locale), None, "{locale}");
        }
    }

    proptest! {
        #[test]
        fn never_panics_and_only_returns_supported_codes(locale in any::<String>()) {
            if let Some(code) = region_for_locale(&locale) {
                prop_assert!(super::SUPPORTED_REGIONS.contains(&code));
            }
        }

        #[test]
        fn finds_the_region_in_any_language_and_codeset(
            lang in "[a-z]{2,3}",
            region in prop::sample::select(super::SUPPORTED_REGIONS.to_vec()),
            sep in prop::sample::select(vec!["-", "_"]),
            codeset in prop::option::of("[A-Za-z0-9-]{1,10}"),
        ) {
            let mut locale = format!("{lang}{sep}{region}");
            if let Some(codeset) = codeset {
                locale = format!("{locale}.{codeset}");
            }
            prop_assert_eq!(region_for_locale(&locale), Some(region));
        }
    }
}
