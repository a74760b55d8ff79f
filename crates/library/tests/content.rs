//! Every shipped article under `content/articles` meets the editorial rules: it loads with no
//! error, names are unique, `related` links resolve, there is no raw HTML, headings are
//! well-formed, it is 500–1,200 words long, it names its sources, its links to other articles
//! resolve, it ends with a "When to reach out" section in three tiers of urgency, and the
//! articles that talk about holding a baby while tired say why never to doze off on a sofa.
//!
//! These checks read the files themselves as well as the copy embedded in the binary, so an
//! article that the build failed to embed is caught too.

use std::collections::HashSet;
use std::path::PathBuf;

use nestling_library::{Article, Library};
use pulldown_cmark::{Event, Parser, Tag};

fn articles_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../content/articles")
}

fn shipped() -> Library {
    let (library, errors) = Library::shipped_with_problems();
    assert!(
        errors.is_empty(),
        "shipped articles with problems:\n{errors:#?}"
    );
    library
}

#[test]
fn every_shipped_article_loads_with_zero_errors() {
    let (library, errors) = Library::from_dir(&articles_dir()).expect("content folder");
    let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert!(messages.is_empty(), "{messages:#?}");
    assert_eq!(library.len(), 16, "shipped articles");
}

#[test]
fn the_binary_embeds_exactly_the_files_on_disk() {
    let (on_disk, _) = Library::from_dir(&articles_dir()).expect("content folder");
    let embedded = shipped();
    let slugs =
        |l: &Library| -> Vec<String> { l.articles().iter().map(|a| a.slug().to_owned()).collect() };
    assert_eq!(slugs(&embedded), slugs(&on_disk));
    for article in on_disk.articles() {
        let copy = embedded.get(article.slug()).expect("embedded");
        assert_eq!(
            copy.body(),
            article.body(),
            "{} is stale in the binary",
            article.slug()
        );
    }
}

#[test]
fn slugs_and_orders_are_unique() {
    let library = shipped();
    let slugs: HashSet<&str> = library.articles().iter().map(Article::slug).collect();
    let orders: HashSet<u32> = library.articles().iter().map(Article::order).collect();
    assert_eq!(slugs.len(), library.len());
    assert_eq!(orders.len(), library.len());
}

#[test]
fn every_related_link_resolves_to_another_article() {
    let library = shipped();
    for article in library.articles() {
        assert!(
            !article.related().is_empty(),
            "{} lists no related articles",
            article.slug()
        );
        for related in article.related() {
            assert!(library.contains(related), "{} → {related}", article.slug());
            assert_ne!(related, article.slug());
        }
    }
}

#[test]
fn no_article_contains_raw_html() {
    for (file, text) in Library::shipped_sources() {
        let html: Vec<String> = Parser::new(text)
            .filter_map(|event| match event {
                Event::Html(h) | Event::InlineHtml(h) => Some(h.into_string()),
                _ => None,
            })
            .collect();
        assert!(html.is_empty(), "{file}: {html:?}");
    }
}

#[test]
fn headings_start_at_level_two_never_skip_a_level_and_are_unique() {
    for article in shipped().articles() {
        let mut previous = 1;
        let mut anchors = HashSet::new();
        for entry in article.toc() {
            assert!(
                entry.level >= 2 && entry.level <= previous + 1,
                "{}: {entry:?}",
                article.slug()
            );
            assert!(
                anchors.insert(entry.anchor.clone()),
                "{}: repeated {}",
                article.slug(),
                entry.text
            );
            previous = entry.level;
        }
    }
}

#[test]
fn every_article_is_between_500_and_1200_words() {
    for article in shipped().articles() {
        let words = article.word_count();
        assert!(
            (500..=1_200).contains(&words),
            "{} has {words} words",
            article.slug()
        );
        assert!(article.reading_minutes() >= 3, "{}", article.slug());
    }
}

#[test]
fn every_article_names_at_least_one_source() {
    for article in shipped().articles() {
        assert!(
            !article.sources().is_empty(),
            "{} names no sources",
            article.slug()
        );
    }
}

/// The internal links of an article's body: targets with no scheme, without their anchor.
fn internal_links(body: &str) -> Vec<String> {
    Parser::new(body)
        .filter_map(|event| match event {
            Event::Start(Tag::Link { dest_url, .. }) if !dest_url.contains(':') => {
                Some(dest_url.split('#').next().unwrap_or("").to_owned())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn every_link_to_another_article_resolves() {
    let library = shipped();
    for article in library.articles() {
        for slug in internal_links(article.body()) {
            assert!(
                slug.is_empty() || library.contains(&slug),
                "{} links to {slug:?}, which is not an article",
                article.slug()
            );
        }
    }
}

/// The body of the last section, from its heading to the end.
fn last_section(article: &Article) -> &str {
    article
        .body()
        .rsplit_once("\n## ")
        .map_or("", |(_, last)| last)
}

/// The three tiers of the closing section, in order: each a bold lead word starting a list
/// item, and what that tier must say.
const TIERS: [(&str, &[&str]); 3] = [
    (
        "- **Now:**",
        &[
            "ending your life",
            "act on a thought of harming your baby",
            "postpartum psychosis",
            "confusion",
            "seeing or hearing things",
            "not sleeping for days",
            "emergency number",
        ],
    ),
    (
        "- **Today or tomorrow:**",
        &[
            "two weeks",
            "panic",
            "unwanted frightening thoughts",
            "sleep even when",
            "doctor, ",
            "not in an emergency",
        ],
    ),
    ("- **Support:**", &["helplines", "Help screen (press H)"]),
];

#[test]
fn every_article_ends_with_a_when_to_reach_out_section_in_three_tiers() {
    for article in shipped().articles() {
        let slug = article.slug();
        let last = article.toc().last().expect("has headings");
        assert_eq!(
            (last.level, last.text.as_str()),
            (2, "When to reach out"),
            "{slug}"
        );
        let section = last_section(article);
        assert!(
            section.starts_with("When to reach out\n"),
            "{slug}: the last section is {:?}",
            section.lines().next()
        );
        let mut rest = section;
        for (lead, phrases) in TIERS {
            let at = rest
                .find(lead)
                .unwrap_or_else(|| panic!("{slug}: no {lead} tier after the one before"));
            let tier = &rest[at..];
            let tier = &tier[..tier[lead.len()..]
                .find("\n- ")
                .map_or(tier.len(), |end| end + lead.len())];
            for phrase in phrases {
                assert!(
                    tier.contains(phrase),
                    "{slug}: {lead} does not say {phrase:?}"
                );
            }
            rest = &rest[at + lead.len()..];
        }
    }
}

#[test]
fn the_closing_section_sends_unwanted_thoughts_to_their_article() {
    for article in shipped().articles() {
        let links = internal_links(last_section(article));
        let is_that_article = article.slug() == "unwanted-frightening-thoughts";
        assert!(
            is_that_article || links.iter().any(|l| l == "unwanted-frightening-thoughts"),
            "{}: the closing section does not link to unwanted-frightening-thoughts",
            article.slug()
        );
    }
}

#[test]
fn articles_about_holding_a_tired_parents_baby_say_never_to_doze_on_a_sofa_and_why() {
    let library = shipped();
    for slug in [
        "skin-to-skin-contact",
        "exhaustion-and-sleep-deprivation",
        "birth-trauma-and-feeling-safe",
        "bonding-for-partners",
    ] {
        let body = library.get(slug).expect("shipped").body();
        for phrase in [
            "sofa or armchair",
            "cushions",
            "on their back in their own cot or crib",
        ] {
            assert!(body.contains(phrase), "{slug} does not say {phrase:?}");
        }
    }
}

/// Regression: articles said skin-to-skin "releases oxytocin" as a fact; the evidence is
/// what studies suggest, and every sentence about it must say so.
#[test]
fn no_article_states_what_oxytocin_does_as_a_certainty() {
    for article in shipped().articles() {
        for sentence in article.body().split(['.', '\n']) {
            let hedged = ["suggest", "may"].iter().any(|w| sentence.contains(w));
            assert!(
                !sentence.to_lowercase().contains("oxytocin") || hedged,
                "{}: {sentence:?} states oxytocin's effect as certain",
                article.slug()
            );
        }
    }
}

#[test]
fn every_article_renders_with_a_table_of_contents_matching_its_headings() {
    let library = shipped();
    for article in library.articles() {
        let rendered = library.render(article.slug()).expect("renders");
        assert_eq!(rendered.toc, article.toc(), "{}", article.slug());
        for entry in &rendered.toc {
            assert!(
                rendered.html.contains(&format!("id=\"{}\"", entry.anchor)),
                "{}",
                entry.anchor
            );
        }
    }
}
