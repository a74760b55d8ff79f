//! A deterministic generator of realistic articles for benchmarks and tests (feature
//! `testdata`).
//!
//! Each article has valid front matter, an introduction, five or six `##` sections (some with
//! `###` subsections and lists), about 700–1,100 words of parenting prose (mostly about its
//! first topic, with hyphenated words), and ends with a "When to reach out" section, like the shipped ones. The same `count` always
//! gives the same text.

use nestling_testkit::Rng;

use crate::Topic;

const SUBJECTS: &[&str] = &[
    "Many parents",
    "A tired parent",
    "Your baby",
    "A partner",
    "Some mothers",
    "New fathers",
    "Your midwife",
    "A health visitor",
    "Everyone in the house",
    "A newborn",
];

const VERBS: &[&str] = &[
    "notices",
    "feels",
    "needs",
    "learns",
    "finds",
    "remembers",
    "worries about",
    "comes back to",
    "settles with",
    "slowly trusts",
];

/// What sentences are about, by topic (in the order of [`Topic::all`]): a real library's
/// articles share the everyday words but each has vocabulary of its own, so a query matches a
/// share of the articles rather than all of them.
const OBJECTS: [&[&str]; 9] = [
    &[
        "bonding that grows over weeks",
        "a bond that deepens slowly",
        "attachment built through small responses",
        "the slow growth of closeness",
        "gazing at your baby's face",
        "learning your baby's signals",
        "a connection that takes time",
        "the myth of love at first sight",
    ],
    &[
        "feelings of grief and ambivalence",
        "guilt about not feeling enough",
        "mixed emotions in the first weeks",
        "numbness that comes and goes",
        "tears that arrive without warning",
        "resentment about lost freedom",
        "relief and sadness at once",
        "pride in a small victory",
    ],
    &[
        "postpartum anxiety that comes in waves",
        "low mood that lingers for weeks",
        "intrusive thoughts that feel frightening",
        "panic in the middle of the night",
        "depression that dulls every colour",
        "a screening questionnaire at the clinic",
        "therapy with a perinatal specialist",
        "medication that is safe while breastfeeding",
    ],
    &[
        "memories of a difficult birth",
        "an emergency caesarean",
        "a long labour that ended in theatre",
        "flashbacks to the delivery room",
        "a birth plan that changed",
        "stitches that are slow to heal",
        "a debrief with the maternity team",
        "a premature arrival in neonatal care",
    ],
    &[
        "sleep deprivation in the early months",
        "the quiet minutes before sleep",
        "naps snatched between feeds",
        "a bedtime routine with dim lights",
        "night wakings every two hours",
        "safe sleep on a firm flat mattress",
        "taking turns with the night shift",
        "exhaustion that blurs the days",
    ],
    &[
        "skin-to-skin contact after a feed",
        "kangaroo care on a bare chest",
        "a blanket over your baby's back",
        "the warmth of skin on skin",
        "a steadier heartbeat against your chest",
        "oxytocin released by touch",
        "holding your baby in just a nappy",
        "resting chest-to-chest in a reclined chair",
    ],
    &[
        "a partner who feels left out",
        "fathers finding their own rituals",
        "non-birthing parents bonding through bathtime",
        "sharing feeds with expressed milk",
        "teamwork during the evening witching hour",
        "co-parents talking about the load",
        "a partner taking paternity leave",
        "two mums sharing the care",
    ],
    &[
        "help from a trusted friend",
        "a call to the health visitor",
        "a GP appointment about your mood",
        "a peer support group nearby",
        "a helpline that answers at night",
        "asking family for practical help",
        "a referral to a perinatal team",
        "writing down what to say before an appointment",
    ],
    &[
        "a calm voice during nappy changes",
        "a warm bath in the evening",
        "the rhythm of rocking and humming",
        "eye contact during a night feed",
        "winding after a bottle",
        "burping on your shoulder",
        "dressing a wriggly baby",
        "a walk with the pram in fresh air",
    ],
];

/// Things any article may mention.
const GENERAL: &[&str] = &[
    "the ordinary moments of the day",
    "a cup of tea going cold",
    "a kind word from someone nearby",
    "the first weeks at home",
];

const ENDINGS: &[&str] = &[
    "and that is completely normal.",
    "even when the day feels long.",
    "without needing to be perfect.",
    "which often takes longer than people expect.",
    "so go gently with yourself.",
    "and small moments still count.",
    "while the rest of the world keeps moving.",
    "because closeness is built through care.",
];

const HEADINGS: &[&str] = &[
    "Why it can take time",
    "What it can feel like",
    "Small things that help",
    "Looking after yourself",
    "Sharing the load",
    "At night",
    "During the day",
    "When feelings are mixed",
    "Talking about it",
    "Making room for rest",
    "What research suggests",
    "A gentle routine",
];

const SUBHEADINGS: &[&str] = &["A first step", "A second step", "If it feels hard"];

const TITLE_WORDS: &[&str] = &[
    "Bonding",
    "Sleep",
    "Feelings",
    "Skin-to-skin",
    "Partners",
    "Calm",
    "Feeding",
    "Rest",
    "Anxiety",
    "Support",
    "Rocking",
    "Closeness",
];

/// `count` articles as `(file name, text)`, valid as a library: unique slugs and orders, and
/// `related` links that resolve.
pub fn articles(count: usize) -> Vec<(String, String)> {
    (0..count).map(|index| article(index, count)).collect()
}

/// The slug of generated article `index`.
pub fn slug(index: usize) -> String {
    let mut rng = Rng::new(index as u64);
    let a = rng.pick(TITLE_WORDS).to_lowercase();
    format!("generated-{index:04}-{a}")
}

/// Generated article `index` of `count`.
pub fn article(index: usize, count: usize) -> (String, String) {
    let mut rng = Rng::new(0x5EED ^ (index as u64).wrapping_mul(0x2545_F491_4F6C_DD1D));
    let topics = [rng.index(OBJECTS.len()), rng.index(OBJECTS.len())];
    let mut text = front_matter(&mut rng, index, count, topics);
    let mut writer = Writer { rng, topics };
    text.push_str(&writer.paragraph(3));
    let mut headings: Vec<&str> = HEADINGS.to_vec();
    for _ in 0..5 + writer.rng.index(2) {
        let heading = headings.remove(writer.rng.index(headings.len()));
        writer.section(&mut text, heading);
    }
    text.push_str("## When to reach out\n\n");
    text.push_str(&writer.paragraph(3));
    (format!("{}.md", slug(index)), text)
}

fn front_matter(rng: &mut Rng, index: usize, count: usize, topics: [usize; 2]) -> String {
    let names: Vec<&str> = Topic::all().map(Topic::name).collect();
    let related: Vec<String> = (1..=2)
        .map(|step| (index + step * 7) % count.max(1))
        .filter(|&other| other != index)
        .map(|other| format!("\"{}\"", slug(other)))
        .collect();
    format!(
        "+++\ntitle = \"{} and {}: notes for week {}\"\nsummary = \"{} {} {}\"\n\
         topics = [\"{}\", \"{}\"]\norder = {}\npublished = 2026-11-26\n\
         reviewed = 2026-11-26\nrelated = [{}]\n+++\n\n",
        rng.pick(TITLE_WORDS),
        rng.pick(TITLE_WORDS).to_lowercase(),
        index % 52 + 1,
        rng.pick(SUBJECTS),
        rng.pick(VERBS),
        rng.pick(OBJECTS[topics[0]]),
        names[topics[0]],
        names[topics[1]],
        index + 1,
        related.join(", ")
    )
}

/// Writes prose about an article's two topics.
struct Writer {
    rng: Rng,
    topics: [usize; 2],
}

impl Writer {
    fn section(&mut self, text: &mut String, heading: &str) {
        text.push_str(&format!("## {heading}\n\n"));
        for _ in 0..2 {
            let sentences = 2 + self.rng.index(3);
            text.push_str(&self.paragraph(sentences));
        }
        if self.rng.index(3) == 0 {
            for sub in SUBHEADINGS.iter().take(2) {
                text.push_str(&format!("### {heading}: {}\n\n", sub.to_lowercase()));
                text.push_str(&self.paragraph(2));
            }
        } else {
            text.push_str(&self.list());
        }
    }

    /// Mostly the main topic, sometimes the second, now and then anything.
    fn object(&mut self) -> &'static str {
        let words: &[&'static str] = match self.rng.index(20) {
            0..=14 => OBJECTS[self.topics[0]],
            15..=17 => OBJECTS[self.topics[1]],
            _ => GENERAL,
        };
        self.rng.pick::<&'static str>(words)
    }

    fn sentence(&mut self) -> String {
        let subject = self.rng.pick(SUBJECTS);
        let verb = self.rng.pick(VERBS);
        let object = self.object();
        format!("{subject} {verb} {object}, {}", self.rng.pick(ENDINGS))
    }

    fn paragraph(&mut self, sentences: usize) -> String {
        let mut out: Vec<String> = (0..sentences).map(|_| self.sentence()).collect();
        if self.rng.index(4) == 0 {
            out.push("It is *okay* to take **one step** at a time.".to_owned());
        }
        format!("{}\n\n", out.join(" "))
    }

    fn list(&mut self) -> String {
        (0..3)
            .map(|_| format!("- {}\n", self.object()))
            .chain(std::iter::once("\n".to_owned()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Library;

    #[test]
    fn generated_articles_load_without_a_single_error() {
        let (library, errors) = Library::load(&articles(200));
        assert!(errors.is_empty(), "{:?}", errors.first());
        assert_eq!(library.len(), 200);
    }

    #[test]
    fn generated_articles_are_article_sized() {
        let (library, _) = Library::load(&articles(50));
        for article in library.articles() {
            let words = article.word_count();
            assert!(
                (500..=1_200).contains(&words),
                "{}: {words}",
                article.slug()
            );
        }
    }

    #[test]
    fn generation_is_deterministic() {
        assert_eq!(articles(5), articles(5));
    }
}
