//! The parents' own words: a small, reviewed table of synonyms and spellings applied to a
//! search query, never to the articles.
//!
//! Each [`Group`] is a set of words or phrases that a parent may type for the same thing. When
//! a query contains one of them (longest phrase first), the query searches for any of them, as
//! an OR group of exact phrases. The articles are left as written: nothing is stuffed into the
//! index. Entries are lowercase letters, digits, spaces, hyphens, apostrophes and `&` only;
//! a unit test checks this, so an entry can never be read as FTS5 syntax.
//!
//! What it does not own: quoting and joining the query (`search`).

/// Words a parent may type for one thing, and why they are grouped.
pub(crate) struct Group {
    /// The words and phrases, any of which finds the others.
    pub(crate) words: &'static [&'static str],
    /// Why these belong together: the review note for the entry.
    #[allow(dead_code)]
    pub(crate) why: &'static str,
}

const fn group(words: &'static [&'static str], why: &'static str) -> Group {
    Group { words, why }
}

/// The reviewed table.
pub(crate) const GROUPS: &[Group] = &[
    group(
        &[
            "mum",
            "mom",
            "mother",
            "mama",
            "mummy",
            "mommy",
            "mam",
            "birthing parent",
        ],
        "UK, US and family words for the mother; articles say parent or mother",
    ),
    group(
        &["dad", "father", "daddy", "papa", "dads", "fathers"],
        "UK, US and family words for the father",
    ),
    group(
        &[
            "partner",
            "husband",
            "wife",
            "spouse",
            "non-birthing parent",
            "other parent",
            "co-parent",
        ],
        "the parent who did not give birth, as parents name them",
    ),
    group(
        &["nappy", "nappies", "diaper", "diapers"],
        "UK and US spelling",
    ),
    group(
        &[
            "postnatal",
            "postpartum",
            "perinatal",
            "post-natal",
            "post-partum",
            "pospartum",
            "postpartem",
        ],
        "UK, US and clinical words for the months after birth, with common misspellings",
    ),
    group(
        &[
            "pnd",
            "ppd",
            "postnatal depression",
            "postpartum depression",
            "perinatal depression",
            "post-natal depression",
        ],
        "abbreviations and UK/US names of depression after birth",
    ),
    group(
        &[
            "ppa",
            "postnatal anxiety",
            "postpartum anxiety",
            "perinatal anxiety",
        ],
        "abbreviation and names of anxiety after birth",
    ),
    group(
        &["baby blues", "blues"],
        "the common first-weeks low that parents ask about by name",
    ),
    group(
        &[
            "c-section",
            "csection",
            "caesarean",
            "cesarean",
            "cesarian",
            "caesarian",
            "caeserean",
            "section birth",
        ],
        "UK and US spellings, the short form and frequent misspellings of a caesarean birth",
    ),
    group(
        &[
            "nicu",
            "scbu",
            "neonatal",
            "neonatal unit",
            "special care",
            "incubator",
            "neonatal intensive care",
        ],
        "US and UK names of the neonatal unit, and what parents see there",
    ),
    group(
        &[
            "preemie",
            "preemies",
            "premmie",
            "prem",
            "premature",
            "preterm",
            "born early",
        ],
        "lay, UK and clinical words for a baby born early",
    ),
    group(
        &["can't sleep", "cannot sleep", "insomnia", "not sleeping"],
        "ways parents say they cannot sleep even when they could, a sign the closing sections name",
    ),
    group(
        &[
            "sleep deprivation",
            "sleep deprived",
            "sleepless",
            "no sleep",
            "lack of sleep",
            "sleep loss",
            "broken sleep",
        ],
        "not getting enough sleep, which the articles call sleep loss or broken sleep; kept apart \
         from not being able to sleep, which every closing section names as a sign to talk about",
    ),
    group(
        &[
            "tired",
            "exhausted",
            "exhaustion",
            "exausted",
            "worn out",
            "knackered",
            "shattered",
            "drained",
            "fatigue",
            "running on empty",
        ],
        "lay and UK words for deep tiredness",
    ),
    group(
        &["skin to skin", "skintoskin", "kangaroo", "kangaroo care"],
        "kangaroo care is the clinical and US name for skin-to-skin contact",
    ),
    group(
        &[
            "scary thoughts",
            "intrusive thoughts",
            "intrusive",
            "unwanted thoughts",
            "frightening thoughts",
            "horrible thoughts",
            "bad thoughts",
            "dark thoughts",
            "ocd",
            "obsessive compulsive",
        ],
        "lay words for intrusive thoughts and the clinical name of when they persist",
    ),
    group(
        &[
            "psychosis",
            "postpartum psychosis",
            "postnatal psychosis",
            "puerperal psychosis",
            "psychotic",
            "hearing voices",
        ],
        "names of postpartum psychosis, an emergency parents must be able to find",
    ),
    group(
        &[
            "bond",
            "bonding",
            "bonded",
            "attachment",
            "attached",
            "closeness",
        ],
        "lay and clinical words for the parent-baby relationship",
    ),
    group(
        &[
            "breastfeed",
            "breastfeeding",
            "breast-feeding",
            "nursing",
            "chestfeed",
            "chestfeeding",
            "feeding",
        ],
        "words for feeding at the breast or chest; feeding is the articles' word",
    ),
    group(
        &[
            "crying",
            "cry",
            "cries",
            "colic",
            "colicky",
            "screaming",
            "inconsolable",
        ],
        "lay words and the clinical name for a baby who cries a lot",
    ),
    group(
        &[
            "emergency",
            "urgent",
            "crisis",
            "999",
            "911",
            "111",
            "a&e",
            "emergency room",
        ],
        "UK and US words for urgent help",
    ),
    group(
        &[
            "therapy",
            "therapist",
            "counselling",
            "counseling",
            "counsellor",
            "counselor",
            "psychologist",
            "talking therapy",
            "cbt",
        ],
        "UK and US spellings and kinds of talking help",
    ),
    group(
        &[
            "anxiety",
            "anxious",
            "worry",
            "worried",
            "worrying",
            "panic",
            "panic attacks",
            "on edge",
        ],
        "lay words for anxiety",
    ),
    group(
        &[
            "depression",
            "depressed",
            "low mood",
            "feeling low",
            "hopeless",
            "sad",
        ],
        "lay words for depression",
    ),
    group(
        &[
            "numb",
            "numbness",
            "feel nothing",
            "feel empty",
            "detached",
            "disconnected",
            "no feelings",
        ],
        "ways parents describe feeling nothing towards their baby",
    ),
    group(
        &[
            "birth trauma",
            "traumatic birth",
            "hard birth",
            "difficult birth",
            "bad birth",
            "scary birth",
            "ptsd",
            "flashbacks",
        ],
        "lay and clinical words for a frightening birth",
    ),
    group(
        &[
            "grief",
            "grieving",
            "mourning",
            "ambivalence",
            "ambivalent",
            "mixed feelings",
            "old life",
            "regret",
        ],
        "ways parents describe missing the life before the baby",
    ),
    group(
        &[
            "bad mum",
            "bad mom",
            "bad mother",
            "bad parent",
            "not good enough",
            "failing",
            "perfect parent",
            "good enough",
        ],
        "the fear of failing as a parent, which the good-enough article answers",
    ),
    group(
        &["rage", "angry", "anger", "irritable", "snapping"],
        "lay words for anger",
    ),
];

/// A query's words after the table: each is a word as typed, or a group it matched.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Part<'q> {
    /// A word that no entry matched.
    Typed(&'q str),
    /// A word or run of words that matched this group.
    Group(&'static Group),
}

impl std::fmt::Debug for Group {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_tuple("Group").field(&self.words[0]).finish()
    }
}

impl PartialEq for Group {
    fn eq(&self, other: &Group) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Group {}

/// `words` with each longest run matching a table entry replaced by its group.
pub(crate) fn expand<'q>(words: &[&'q str]) -> Vec<Part<'q>> {
    expand_runs(words, MAX_RUN)
}

/// The most words of a query one table entry can match.
const MAX_RUN: usize = 4;

/// [`expand`] with each word looked up on its own: "postpartum anxiety" becomes the group of
/// "postpartum" and the group of "anxiety", not the phrase's group.
pub(crate) fn expand_each<'q>(words: &[&'q str]) -> Vec<Part<'q>> {
    expand_runs(words, 1)
}

fn expand_runs<'q>(words: &[&'q str], max_run: usize) -> Vec<Part<'q>> {
    let tokens: Vec<Vec<String>> = words.iter().map(|w| tokens(w)).collect();
    let mut parts = Vec::new();
    let mut at = 0;
    while at < words.len() {
        match longest_match(&tokens[at..(at + max_run).min(words.len())]) {
            Some((len, group)) => {
                if !parts.contains(&Part::Group(group)) {
                    parts.push(Part::Group(group));
                }
                at += len;
            }
            None => {
                parts.push(Part::Typed(words[at]));
                at += 1;
            }
        }
    }
    parts
}

/// How many of `words` (from the first) an entry matches, longest first, and its group.
fn longest_match(words: &[Vec<String>]) -> Option<(usize, &'static Group)> {
    let mut best: Option<(usize, usize, &'static Group)> = None;
    for len in 1..=words.len().min(MAX_RUN) {
        let typed: Vec<&str> = words[..len].iter().flatten().map(String::as_str).collect();
        for group in GROUPS {
            let hit = group.words.iter().any(|entry| tokens(entry) == typed);
            if hit && best.is_none_or(|(n, _, _)| typed.len() > n) {
                best = Some((typed.len(), len, group));
            }
        }
    }
    best.map(|(_, len, group)| (len, group))
}

/// A word's lowercase runs of letters and digits, apostrophes dropped: "Can't" → ["cant"],
/// "C-section" → ["c", "section"].
fn tokens(word: &str) -> Vec<String> {
    word.to_lowercase()
        .replace(['\'', '\u{2019}'], "")
        .split(|c: char| !c.is_alphanumeric())
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_hold_no_search_syntax() {
        for group in GROUPS {
            assert!(!group.why.is_empty());
            for entry in group.words {
                assert!(
                    entry.chars().all(|c| c.is_ascii_lowercase()
                        || c.is_ascii_digit()
                        || " -'&".contains(c)),
                    "{entry}"
                );
            }
        }
    }

    #[test]
    fn no_entry_is_in_two_groups() {
        let mut seen = std::collections::BTreeSet::new();
        for entry in GROUPS.iter().flat_map(|g| g.words) {
            assert!(seen.insert(tokens(entry)), "{entry}");
        }
    }

    #[test]
    fn the_longest_phrase_wins() {
        let parts = expand(&["postnatal", "depression", "help"]);
        assert_eq!(parts.len(), 2);
        assert!(matches!(&parts[0], Part::Group(g) if g.words.contains(&"ppd")));
        assert_eq!(parts[1], Part::Typed("help"));
    }

    #[test]
    fn expand_each_looks_up_every_word_on_its_own() {
        let parts = expand_each(&["postpartum", "anxiety"]);
        assert_eq!(parts.len(), 2);
        assert!(matches!(&parts[0], Part::Group(g) if g.words.contains(&"postnatal")));
        assert!(matches!(&parts[1], Part::Group(g) if g.words.contains(&"anxious")));
        assert!(
            matches!(&expand(&["postpartum", "anxiety"])[..], [Part::Group(g)] if g.words.contains(&"ppa"))
        );
    }

    #[test]
    fn spellings_and_apostrophes_are_folded() {
        assert!(
            matches!(&expand(&["Can't", "sleep"])[..], [Part::Group(g)] if g.words.contains(&"insomnia"))
        );
        assert!(
            matches!(&expand(&["C-Section"])[..], [Part::Group(g)] if g.words.contains(&"caesarean"))
        );
    }
}
