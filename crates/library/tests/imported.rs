//! Importing the parent's own articles: validated like shipped ones, stored in the journal,
//! listed after the shipped ones, searchable, deletable and restorable.

use chrono::{DateTime, TimeZone, Utc};
use nestling_library::{imported, reading, Error, Library, SearchIndex, Source};
use nestling_store::Store;

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 12, 1, 9, 30, 0)
        .single()
        .expect("valid")
}

fn handout(related: &str) -> String {
    format!(
        "+++\ntitle = \"Settling a colicky baby\"\nsummary = \"Notes from the clinic about evening crying.\"\n\
         topics = [\"everyday-care\", \"sleep\"]\norder = 1\npublished = 2026-11-30\nrelated = [{related}]\n+++\n\n\
         Evening crying often peaks around six weeks. Swaddling and white noise help some babies.\n\n\
         ## Things to try\n\nHold your baby upright after feeds and try a gentle rocking rhythm.\n"
    )
}

fn store() -> Store {
    Store::open_in_memory().expect("journal")
}

fn count_rows(store: &Store) -> i64 {
    store
        .conn()
        .query_row("SELECT count(*) FROM imported_article", [], |r| r.get(0))
        .expect("count")
}

#[test]
fn an_import_is_listed_after_the_shipped_articles() {
    let store = store();
    let shipped = Library::shipped();
    let summary = imported::import(
        store.conn(),
        &shipped,
        "Colic handout.md",
        &handout(""),
        now(),
    )
    .expect("imported");
    assert_eq!(
        (summary.slug.as_str(), summary.source),
        ("colic-handout", Source::Imported)
    );
    let (library, errors) = imported::library(store.conn()).expect("loads");
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(library.len(), shipped.len() + 1);
    assert_eq!(
        library.articles().last().map(|a| a.slug()),
        Some("colic-handout")
    );
    let listed = imported::list(store.conn()).expect("list");
    assert_eq!(listed.len(), 1);
    assert_eq!(
        (listed[0].file_name.as_str(), listed[0].imported_at),
        ("Colic handout.md", now())
    );
}

#[test]
fn an_import_is_searchable_and_readable() {
    let store = store();
    imported::import(
        store.conn(),
        &Library::shipped(),
        "colic.md",
        &handout("\"skin-to-skin-contact\""),
        now(),
    )
    .expect("imported");
    let (library, _) = imported::library(store.conn()).expect("loads");
    let hits = SearchIndex::build(&library)
        .expect("index")
        .search("colicky", 5)
        .expect("search");
    assert_eq!(hits.first().map(|h| h.article.slug.as_str()), Some("colic"));
    let rendered = library.render("colic").expect("renders");
    assert_eq!(rendered.related[0].slug, "skin-to-skin-contact");
    let last_shipped = Library::shipped()
        .articles()
        .last()
        .map(|a| a.slug().to_owned());
    assert_eq!(
        rendered.previous_slug, last_shipped,
        "imports come after the shipped articles"
    );
    reading::toggle_bookmark(store.conn(), &library, "colic", now()).expect("bookmarked");
}

#[test]
fn a_malformed_import_names_the_file_and_line_and_stores_nothing() {
    let store = store();
    let broken = handout("").replace("## Things to try", "<div onclick=x>Things to try</div>");
    let err = imported::import(
        store.conn(),
        &Library::shipped(),
        "Clinic notes.md",
        &broken,
        now(),
    )
    .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "Clinic notes.md, line 12: the text contains HTML (<div onclick=x>Things to try</div>), which Nestling never shows. \
         Write it in Markdown instead: **bold**, *italic*, [a link](https://example.org)."
    );
    assert_eq!(count_rows(&store), 0);
}

#[test]
fn an_import_without_front_matter_is_refused_with_a_hint() {
    let store = store();
    let err = imported::import(
        store.conn(),
        &Library::shipped(),
        "notes.md",
        "Just some notes.\n",
        now(),
    )
    .expect_err("refused");
    assert!(matches!(err, Error::MissingFrontMatter { .. }), "{err:?}");
    assert!(err
        .to_string()
        .starts_with("notes.md, line 1: the article must start with front matter."));
    assert_eq!(count_rows(&store), 0);
}

#[test]
fn an_import_named_like_a_shipped_article_is_refused() {
    let store = store();
    let err = imported::import(
        store.conn(),
        &Library::shipped(),
        "Skin to skin contact.md",
        &handout(""),
        now(),
    )
    .expect_err("refused");
    assert_eq!(
        err.to_string(),
        "\u{201c}Skin to skin contact.md\u{201d} cannot be imported: the library already has an article named \
         \u{201c}skin-to-skin-contact\u{201d}. Rename the file and import it again."
    );
    assert_eq!(err.kind(), "conflict");
    assert_eq!(count_rows(&store), 0);
}

#[test]
fn importing_the_same_name_twice_is_refused_even_with_a_stale_library() {
    let store = store();
    let shipped = Library::shipped();
    imported::import(store.conn(), &shipped, "colic.md", &handout(""), now()).expect("first");
    let err = imported::import(store.conn(), &shipped, "colic.md", &handout(""), now())
        .expect_err("second");
    assert!(matches!(err, Error::SlugTaken { .. }), "{err:?}");
    assert_eq!(count_rows(&store), 1);
}

#[test]
fn an_import_with_a_broken_related_link_is_refused() {
    let store = store();
    let err = imported::import(
        store.conn(),
        &Library::shipped(),
        "colic.md",
        &handout("\"nowhere\""),
        now(),
    )
    .expect_err("refused");
    assert!(
        matches!(err, Error::BrokenRelated { line: 7, .. }),
        "{err:?}"
    );
    assert_eq!(count_rows(&store), 0);
}

#[test]
fn an_import_too_large_is_refused_before_parsing() {
    let store = store();
    let huge = format!("{}{}", handout(""), "word ".repeat(120_000));
    let err = imported::import(store.conn(), &Library::shipped(), "huge.md", &huge, now())
        .expect_err("refused");
    assert_eq!(err.kind(), "unreadable_file");
    assert!(
        err.to_string()
            .starts_with("\u{201c}huge.md\u{201d} is too large to import"),
        "{err}"
    );
}

#[test]
fn a_file_name_with_no_letters_cannot_name_an_article() {
    let store = store();
    let err = imported::import(
        store.conn(),
        &Library::shipped(),
        "\u{1f476}.md",
        &handout(""),
        now(),
    )
    .expect_err("refused");
    assert!(matches!(err, Error::InvalidSlug { .. }), "{err:?}");
}

#[test]
fn a_file_is_read_from_disk_and_named_in_errors() {
    let store = store();
    let dir = tempfile::tempdir().expect("folder");
    let good = dir.path().join("Colic.md");
    std::fs::write(&good, handout("")).expect("write");
    let summary =
        imported::import_file(store.conn(), &Library::shipped(), &good, now()).expect("imported");
    assert_eq!(summary.slug, "colic");
    let binary = dir.path().join("scan.md");
    std::fs::write(&binary, [0xff, 0xd8, 0xff, 0xe0]).expect("write");
    let err = imported::import_file(store.conn(), &Library::shipped(), &binary, now())
        .expect_err("binary");
    assert_eq!(
        err.to_string(),
        "\u{201c}scan.md\u{201d} is not a text file Nestling can read. Save it as a UTF-8 Markdown (.md) file and import it again."
    );
    let missing = imported::import_file(
        store.conn(),
        &Library::shipped(),
        &dir.path().join("gone.md"),
        now(),
    );
    assert_eq!(missing.expect_err("missing").kind(), "unreadable_file");
}

#[test]
fn a_deleted_import_leaves_the_library_and_can_be_restored_with_its_highlights() {
    let store = store();
    let conn = store.conn();
    imported::import(conn, &Library::shipped(), "colic.md", &handout(""), now()).expect("imported");
    let (library, _) = imported::library(conn).expect("loads");
    let new = reading::NewHighlight {
        slug: "colic".into(),
        quote: "Evening crying".into(),
        anchor: None,
        offset: 0,
        note: Some("ask the GP".into()),
    };
    reading::add_highlight(conn, &library, &new, now()).expect("highlighted");
    imported::delete(conn, "colic", now()).expect("deleted");
    let (without, _) = imported::library(conn).expect("loads");
    assert!(!without.contains("colic"));
    assert!(imported::list(conn).expect("list").is_empty());
    assert!(reading::all_highlights(conn, &without)
        .expect("list")
        .is_empty());
    imported::restore(conn, &without, "colic").expect("restored");
    let (again, _) = imported::library(conn).expect("loads");
    assert_eq!(
        reading::highlights(conn, &again, "colic").expect("list")[0]
            .note
            .as_deref(),
        Some("ask the GP")
    );
}

#[test]
fn shipped_articles_cannot_be_deleted() {
    let store = store();
    let err = imported::delete(store.conn(), "skin-to-skin-contact", now()).expect_err("refused");
    assert_eq!(
        err.to_string(),
        "There is no imported article called \u{201c}skin-to-skin-contact\u{201d}. Only articles you imported can be deleted or restored."
    );
}

#[test]
fn a_deleted_import_gives_its_name_to_a_new_import() {
    let store = store();
    let conn = store.conn();
    imported::import(conn, &Library::shipped(), "colic.md", &handout(""), now()).expect("imported");
    imported::delete(conn, "colic", now()).expect("deleted");
    let (library, _) = imported::library(conn).expect("loads");
    let newer = handout("").replace("Settling a colicky baby", "Colic, second edition");
    imported::import(conn, &library, "colic.md", &newer, now()).expect("re-imported");
    let (library, _) = imported::library(conn).expect("loads");
    assert_eq!(
        library.get("colic").map(|a| a.title()),
        Some("Colic, second edition")
    );
    assert!(matches!(
        imported::restore(conn, &library, "colic"),
        Err(Error::NotImported { .. })
    ));
}

#[test]
fn a_stored_import_that_no_longer_validates_is_reported_not_fatal() {
    let store = store();
    let conn = store.conn();
    conn.execute(
        "INSERT INTO imported_article (slug, file_name, markdown, imported_at) VALUES ('old', 'old.md', 'no front matter', 0)",
        [],
    )
    .expect("insert");
    conn.execute(
        "INSERT INTO imported_article (slug, file_name, markdown, imported_at) VALUES ('skin-to-skin-contact', 'mine.md', ?1, 0)",
        [handout("")],
    )
    .expect("insert");
    let (library, errors) = imported::library(conn).expect("loads");
    assert_eq!(library.len(), Library::shipped().len());
    assert_eq!(errors.len(), 2, "{errors:?}");
    assert_eq!(
        library.get("skin-to-skin-contact").map(|a| a.source()),
        Some(Source::Shipped)
    );
}

#[test]
fn related_links_to_a_deleted_import_are_dropped_quietly() {
    let store = store();
    let conn = store.conn();
    imported::import(conn, &Library::shipped(), "colic.md", &handout(""), now()).expect("first");
    let (library, _) = imported::library(conn).expect("loads");
    imported::import(conn, &library, "crying.md", &handout("\"colic\""), now()).expect("second");
    imported::delete(conn, "colic", now()).expect("deleted");
    let (library, errors) = imported::library(conn).expect("loads");
    assert!(errors.is_empty(), "{errors:?}");
    assert!(library
        .get("crying")
        .expect("still there")
        .related()
        .is_empty());
}
