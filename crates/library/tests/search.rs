//! Searching the shipped library: stemming, prefixes, hyphenated words, title-first ranking,
//! highlighted segments, and queries typed by a tired parent that must never fail.

use nestling_library::{Library, SearchHit, SearchIndex};

fn index() -> SearchIndex {
    SearchIndex::build(&Library::shipped()).expect("index builds")
}

fn slugs(hits: &[SearchHit]) -> Vec<&str> {
    hits.iter().map(|h| h.article.slug.as_str()).collect()
}

fn title_matches(hit: &SearchHit) -> bool {
    hit.title_segments.iter().any(|s| s.highlighted)
}

#[test]
fn the_index_holds_every_article() {
    let library = Library::shipped();
    assert_eq!(
        SearchIndex::build(&library).expect("builds").len(),
        library.len()
    );
}

#[test]
fn a_prefix_finds_every_article_with_a_longer_word() {
    let library = Library::shipped();
    let index = SearchIndex::build(&library).expect("builds");
    let mut found = slugs(&index.search("bond", 50).expect("searches"))
        .into_iter()
        .map(str::to_owned)
        .collect::<Vec<_>>();
    found.sort();
    let mut expected: Vec<String> = library
        .articles()
        .iter()
        .filter(|a| {
            let text = format!("{} {} {}", a.title(), a.summary(), a.body()).to_lowercase();
            text.contains("bond")
        })
        .map(|a| a.slug().to_owned())
        .collect();
    expected.sort();
    assert!(expected.len() >= 5);
    // The synonym table may add articles (attachment, closeness), never lose one.
    let missing: Vec<&String> = expected.iter().filter(|s| !found.contains(s)).collect();
    assert!(missing.is_empty(), "{missing:?}");
}

#[test]
fn stemming_finds_other_forms_of_a_word() {
    let index = index();
    let bonded = index.search("bonded", 20).expect("searches");
    assert!(
        slugs(&bonded).contains(&"the-myth-of-instant-bonding"),
        "{:?}",
        slugs(&bonded)
    );
    let exhausted = index.search("exhausted", 20).expect("searches");
    assert!(slugs(&exhausted).contains(&"exhaustion-and-sleep-deprivation"));
}

#[test]
fn title_matches_come_first() {
    let index = index();
    for query in ["bonding", "skin", "therapy", "partners", "grief", "feeling"] {
        let hits = index.search(query, 20).expect("searches");
        assert!(!hits.is_empty(), "{query}");
        assert!(title_matches(&hits[0]), "{query}: {:?}", slugs(&hits));
        let first_other = hits
            .iter()
            .position(|h| !title_matches(h))
            .unwrap_or(hits.len());
        assert!(
            hits[first_other..].iter().all(|h| !title_matches(h)),
            "{query}: {:?}",
            slugs(&hits)
        );
    }
}

#[test]
fn skin_to_skin_is_found_however_it_is_typed() {
    let index = index();
    for query in [
        "skin to skin",
        "skin-to-skin",
        "skintoskin",
        "Skin-To-Skin",
        "skin–to–skin",
    ] {
        let hits = index.search(query, 20).expect("searches");
        assert_eq!(
            slugs(&hits).first(),
            Some(&"skin-to-skin-contact"),
            "{query}: {:?}",
            slugs(&hits)
        );
    }
}

#[test]
fn accents_are_folded() {
    let index = index();
    let hits = index.search("bönding", 5).expect("searches");
    assert!(!hits.is_empty());
}

#[test]
fn snippets_are_text_segments_with_the_matches_highlighted() {
    let index = index();
    let hits = index.search("oxytocin", 5).expect("searches");
    let hit = hits.first().expect("skin-to-skin mentions oxytocin");
    let highlighted: Vec<&str> = hit
        .snippet
        .iter()
        .filter(|s| s.highlighted)
        .map(|s| s.text.as_str())
        .collect();
    assert!(
        highlighted
            .iter()
            .any(|t| t.eq_ignore_ascii_case("oxytocin")),
        "{:?}",
        hit.snippet
    );
    let text: String = hit.snippet.iter().map(|s| s.text.as_str()).collect();
    assert!(!text.contains('\u{e000}') && !text.contains('\u{e001}'));
    assert!(!text.contains('<'), "snippets are plain text: {text}");
}

#[test]
fn hits_serialize_in_camel_case() {
    let hits = index().search("skin", 1).expect("searches");
    let json = serde_json::to_value(&hits[0]).expect("serializes");
    assert_eq!(json["article"]["slug"], "skin-to-skin-contact");
    assert_eq!(
        json["titleSegments"][0],
        serde_json::json!({"text": "Skin", "highlighted": true})
    );
    assert!(json["snippet"].is_array());
}

#[test]
fn an_empty_or_blank_query_finds_nothing_and_is_not_an_error() {
    let index = index();
    for query in ["", "   ", "\n\t", "*", "\"\"", "-", "()"] {
        assert!(
            index.search(query, 10).expect("no error").is_empty(),
            "{query:?}"
        );
    }
}

#[test]
fn queries_with_search_syntax_never_fail() {
    let index = index();
    let hostile = [
        "\"skin",
        "skin\"",
        "\"skin to\" skin\"",
        "bond*",
        "*bond",
        "(sleep",
        "sleep)",
        "(a OR b",
        "-sleep",
        "sleep -baby",
        "title:sleep",
        "{title}:sleep",
        "NEAR(sleep baby)",
        "sleep NEAR baby",
        "AND",
        "OR",
        "NOT",
        "sleep AND",
        "^sleep",
        "sleep + baby",
        "sleep:",
        ":",
        "'",
        "''",
        "\\",
        "\u{1f476}",
        "\u{1f476} sleep",
        "sleep\u{1f476}",
        "\u{e000}sleep\u{e001}",
        "\0",
        "%",
        "_",
        "💤💤💤",
        "a\u{301}",
        "ß",
        "ǅ",
        "\u{200b}",
        "sleep;DROP TABLE article_fts;--",
    ];
    for query in hostile {
        index
            .search(query, 10)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
    }
    let long = (0..2_000).map(|i| format!("sleep{i} ")).collect::<String>();
    index.search(&long, 10).expect("a very long query");
}

#[test]
fn a_phrase_in_quotes_is_treated_as_its_words() {
    let index = index();
    let hits = index.search("\"skin to skin\"", 5).expect("searches");
    assert_eq!(slugs(&hits).first(), Some(&"skin-to-skin-contact"));
}

#[test]
fn when_no_article_has_every_word_any_word_will_do() {
    let index = index();
    let hits = index.search("chestfeed zzzqqq", 5).expect("searches");
    assert_eq!(slugs(&hits).first(), Some(&"skin-to-skin-contact"));
}

/// Regression: "postpartum anxiety" matched the table's phrase, which no article uses, and
/// found nothing at all.
#[test]
fn a_table_phrase_no_article_uses_still_finds_the_articles_with_its_words() {
    let index = index();
    let hits = index.search("postpartum anxiety", 3).expect("searches");
    assert_eq!(
        slugs(&hits).first(),
        Some(&"postpartum-depression-and-anxiety")
    );
}

#[test]
fn the_limit_is_respected() {
    let index = index();
    assert_eq!(index.search("baby", 3).expect("searches").len(), 3);
    assert!(index.search("baby", 0).expect("searches").is_empty());
}

#[test]
fn control_characters_in_a_query_are_not_an_error() {
    let index = index();
    for query in [
        "sleep\0baby",
        "\0bond",
        "skin\u{1}to\u{7f}skin",
        "\u{85}grief\u{9f}",
        "\0\0",
    ] {
        index
            .search(query, 10)
            .unwrap_or_else(|e| panic!("{query:?}: {e}"));
    }
    let hits = index.search("sleep\0deprivation", 3).expect("searches");
    assert!(!hits.is_empty());
}

#[test]
fn parents_words_find_the_articles_words() {
    let index = index();
    for (query, slug) in [
        ("kangaroo care", "skin-to-skin-contact"),
        ("PND", "postpartum-depression-and-anxiety"),
    ] {
        let hits = index.search(query, 3).expect("searches");
        assert!(slugs(&hits).contains(&slug), "{query}: {:?}", slugs(&hits));
    }
}

proptest::proptest! {
    #[test]
    fn any_query_is_searched_without_error(query in "\\PC*|[\\x00-\\x1f\\x7f-\\x9f\"*:()^+-]{0,20}|.{0,200}") {
        let index = index();
        proptest::prop_assert!(index.search(&query, 10).is_ok());
    }
}
