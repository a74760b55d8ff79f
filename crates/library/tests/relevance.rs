//! Relevance: phrasings a tired parent types, each with the article that must be in the top 3
//! of the shipped library. Prints recall@3 and the misses; fails below 0.85, and fails when a
//! case names an article that is not shipped (a misspelt slug would otherwise never count).

use nestling_library::{Library, SearchIndex};

const CASES: &[(&str, &str)] = &[
    ("ppd", "postpartum-depression-and-anxiety"),
    ("PND", "postpartum-depression-and-anxiety"),
    ("postnatal depression", "postpartum-depression-and-anxiety"),
    (
        "baby blues or depression",
        "postpartum-depression-and-anxiety",
    ),
    ("postpartum anxiety", "postpartum-depression-and-anxiety"),
    (
        "feel numb towards my baby",
        "postpartum-depression-and-anxiety",
    ),
    ("kangaroo care", "skin-to-skin-contact"),
    ("skin to skin with newborn", "skin-to-skin-contact"),
    // A father's words: since the fathers' article exists, it is the one to find first.
    ("dad feels left out", "fathers-and-bonding"),
    ("how can my husband bond with baby", "bonding-for-partners"),
    ("partner bonding", "bonding-for-partners"),
    (
        "bonding during nappy changes",
        "bonding-through-everyday-care",
    ),
    ("diaper changes bonding", "bonding-through-everyday-care"),
    ("so exhausted", "exhaustion-and-sleep-deprivation"),
    ("knackered", "exhaustion-and-sleep-deprivation"),
    ("sleep deprived mom", "exhaustion-and-sleep-deprivation"),
    ("running on empty", "exhaustion-and-sleep-deprivation"),
    ("am i a bad mum", "good-enough-caregiving"),
    ("not a perfect parent", "good-enough-caregiving"),
    ("miss my old life", "grief-and-ambivalence"),
    ("mixed feelings about baby", "grief-and-ambivalence"),
    (
        "i love my baby but dont feel bonded",
        "loving-your-baby-vs-feeling-bonded",
    ),
    ("no rush of love", "the-myth-of-instant-bonding"),
    ("didn't bond straight away", "the-myth-of-instant-bonding"),
    ("instant bond myth", "the-myth-of-instant-bonding"),
    ("traumatic birth", "birth-trauma-and-feeling-safe"),
    ("birth ptsd", "birth-trauma-and-feeling-safe"),
    ("hard birth feel unsafe", "birth-trauma-and-feeling-safe"),
    ("first counselling appointment", "preparing-for-therapy"),
    ("seeing a therapist", "preparing-for-therapy"),
    ("counseling session", "preparing-for-therapy"),
    ("caring before feeling", "acting-before-feeling"),
    ("do first feel later", "acting-before-feeling"),
    ("when to get help", "when-to-get-help"),
    ("who to call in an emergency", "when-to-get-help"),
    ("intrusive thoughts", "unwanted-frightening-thoughts"),
    (
        "scary thoughts about my baby",
        "unwanted-frightening-thoughts",
    ),
    ("perinatal OCD", "unwanted-frightening-thoughts"),
    ("baby in NICU", "babies-in-neonatal-care"),
    ("SCBU", "babies-in-neonatal-care"),
    ("preemie in incubator", "babies-in-neonatal-care"),
    ("dad not bonding with baby", "fathers-and-bonding"),
    ("new father bonding", "fathers-and-bonding"),
    ("daddy bonding", "fathers-and-bonding"),
];

#[test]
fn every_phrasing_finds_its_article_in_the_top_3() {
    let library = Library::shipped();
    let index = SearchIndex::build(&library).expect("index builds");
    let (mut found, mut misses) = (0, Vec::new());
    for &(query, slug) in CASES {
        assert!(
            library.contains(slug),
            "{query:?} names {slug}, which is not shipped"
        );
        let hits = index.search(query, 3).expect("searches");
        let top: Vec<&str> = hits.iter().map(|h| h.article.slug.as_str()).collect();
        if top.contains(&slug) {
            found += 1;
        } else {
            misses.push(format!("{query:?} → {slug}, got {top:?}"));
        }
    }
    let run = found + misses.len();
    println!("recall@3: {found}/{run} = {:.3}", found as f64 / run as f64);
    assert!(CASES.len() >= 40);
    for m in &misses {
        println!("miss: {m}");
    }
    // The aim is every phrasing; until the misses are fixed, a fall below 0.85 fails.
    let recall = found as f64 / run as f64;
    assert!(
        recall >= 0.85,
        "recall@3 {recall:.3}; misses:\n{}",
        misses.join("\n")
    );
}
