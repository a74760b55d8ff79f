//! The 256 words of the check phrase (see `PairSecret::check_phrase`).
//!
//! Short, common, gentle nouns of nature and home, lower-case ASCII, none a prefix of another
//! and none a common homophone, so two parents reading their phrases aloud hear the same thing.
//! The order is part of the format: a word's index is the byte it stands for, so the list is
//! never reordered or edited once released.

/// The check-phrase words, indexed by byte value.
pub(crate) const WORDS: [&str; 256] = [
    "acorn", "almond", "apple", "aspen", "bamboo", "basil", "birch", "branch", "bud", "cactus",
    "cedar", "cherry", "clover", "cotton", "daisy", "fern", "fig", "garden", "ginger", "grape",
    "grass", "hazel", "hedge", "herb", "holly", "ivy", "leaf", "lemon", "lily", "maple", "meadow",
    "melon", "mint", "moss", "mango", "oak", "olive", "onion", "orchid", "palm", "pansy", "peach",
    "peanut", "pepper", "pine", "poppy", "potato", "radish", "rice", "sage", "seed", "spruce",
    "sprout", "straw", "tulip", "turnip", "violet", "walnut", "wheat", "willow", "tomato",
    "carrot", "celery", "barley", "oat", "badger", "beaver", "bird", "bunny", "camel", "donkey",
    "dove", "duck", "eagle", "finch", "fox", "frog", "goat", "goose", "heron", "kitten", "koala",
    "lamb", "lark", "llama", "mole", "moth", "otter", "owl", "panda", "parrot", "penguin",
    "pigeon", "pony", "puffin", "puppy", "rabbit", "raven", "robin", "salmon", "sheep", "snail",
    "swan", "tiger", "turtle", "walrus", "wren", "zebra", "beetle", "gecko", "oyster", "kiwi",
    "magpie", "mouse", "bison", "river", "brook", "lake", "pond", "ocean", "island", "valley",
    "hill", "canyon", "forest", "glade", "grove", "harbor", "lagoon", "beach", "cliff", "cave",
    "dune", "field", "spring", "stream", "summit", "marsh", "shore", "bay", "cloud", "rainbow",
    "snow", "frost", "breeze", "sky", "star", "moon", "sunset", "dawn", "dusk", "comet", "planet",
    "pebble", "stone", "sand", "shell", "fog", "ember", "spark", "amber", "jade", "ruby", "opal",
    "gold", "silver", "copper", "marble", "quartz", "orbit", "lantern", "candle", "blanket",
    "pillow", "quilt", "cradle", "kettle", "teapot", "cup", "mug", "spoon", "fork", "plate",
    "basket", "bucket", "chair", "table", "sofa", "lamp", "clock", "mirror", "window", "door",
    "porch", "attic", "shelf", "drawer", "carpet", "button", "ribbon", "thread", "scarf", "mitten",
    "sock", "boot", "hat", "jacket", "apron", "towel", "soap", "bath", "brush", "comb", "broom",
    "ladder", "hammer", "rope", "wagon", "kite", "puzzle", "crayon", "pencil", "paper", "book",
    "letter", "anchor", "boat", "canoe", "raft", "bridge", "tower", "castle", "cabin", "barn",
    "fence", "gate", "path", "bench", "swing", "piano", "violin", "guitar", "drum", "flute",
    "harp", "cookie", "butter", "honey", "cheese", "muffin", "waffle", "noodle", "soup", "cocoa",
    "sugar", "toast",
];

#[cfg(test)]
mod tests {
    use super::WORDS;

    #[test]
    fn has_256_distinct_short_lower_case_words() {
        let distinct: std::collections::BTreeSet<_> = WORDS.iter().collect();
        assert_eq!(distinct.len(), 256);
        for word in WORDS {
            assert!((2..=7).contains(&word.len()), "{word}");
            assert!(word.bytes().all(|b| b.is_ascii_lowercase()), "{word}");
        }
    }

    #[test]
    fn no_word_is_a_prefix_of_another() {
        for a in WORDS {
            let longer = WORDS.iter().filter(|b| **b != a && b.starts_with(a));
            assert_eq!(longer.count(), 0, "{a}");
        }
    }
}
