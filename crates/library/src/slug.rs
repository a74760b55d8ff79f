//! Slugs: the stable names of articles (from file names) and of headings (anchors).

/// Turns text into a slug: lowercase letters and digits, words joined by single hyphens.
///
/// Letters outside ASCII are kept (lowercased); every other character separates words. The
/// result may be empty when the text has no letters or digits.
pub fn slugify(text: &str) -> String {
    let mut slug = String::with_capacity(text.len());
    let mut pending_hyphen = false;
    for c in text.chars() {
        if c.is_alphanumeric() {
            if pending_hyphen && !slug.is_empty() {
                slug.push('-');
            }
            pending_hyphen = false;
            slug.extend(c.to_lowercase());
        } else if c != '\'' && c != '\u{2019}' {
            // Apostrophes join ("don't" → "dont"); everything else separates.
            pending_hyphen = true;
        }
    }
    slug
}

/// Whether `slug` is already in slug form (what [`slugify`] would return for it), and short.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty() && slug.chars().count() <= MAX_SLUG_CHARS && slugify(slug) == slug
}

/// The longest slug accepted, in characters.
pub const MAX_SLUG_CHARS: usize = 100;

/// The slug of an article file: its name without directories and without `.md`/`.markdown`.
pub(crate) fn file_stem(file: &str) -> &str {
    let name = file.rsplit(['/', '\\']).next().unwrap_or(file);
    name.strip_suffix(".md")
        .or_else(|| name.strip_suffix(".markdown"))
        .unwrap_or(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_joins_words_with_single_hyphens() {
        assert_eq!(
            slugify("  How long -- and how often?  "),
            "how-long-and-how-often"
        );
        assert_eq!(slugify("Skin-to-skin contact"), "skin-to-skin-contact");
    }

    #[test]
    fn slugify_drops_apostrophes_inside_words() {
        assert_eq!(slugify("It's okay"), "its-okay");
        assert_eq!(slugify("It\u{2019}s okay"), "its-okay");
    }

    #[test]
    fn slugify_keeps_letters_beyond_ascii() {
        assert_eq!(slugify("Schlaf für Babys"), "schlaf-für-babys");
    }

    #[test]
    fn slugify_of_symbols_only_is_empty() {
        assert_eq!(slugify("🙂 !!"), "");
    }

    #[test]
    fn valid_slugs_are_their_own_slug() {
        assert!(is_valid_slug("skin-to-skin-contact"));
        assert!(!is_valid_slug("Skin"));
        assert!(!is_valid_slug("a--b"));
        assert!(!is_valid_slug("-a"));
        assert!(!is_valid_slug(""));
        assert!(!is_valid_slug(&"a".repeat(MAX_SLUG_CHARS + 1)));
    }

    #[test]
    fn file_stem_drops_folders_and_the_extension() {
        assert_eq!(file_stem("content/articles/sleep.md"), "sleep");
        assert_eq!(file_stem("C:\\notes\\sleep.markdown"), "sleep");
        assert_eq!(file_stem("sleep"), "sleep");
    }
}
