//! The fixed set of topics an article can be filed under.

use serde::Serialize;

/// A topic from the fixed set. Serialized as its kebab-case name (`"skin-to-skin"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Topic {
    /// Bonding as a gradual process.
    Bonding,
    /// Feelings: love, numbness, grief, guilt.
    Feelings,
    /// Postpartum depression, anxiety and other mental health.
    MentalHealth,
    /// The birth and its aftermath.
    Birth,
    /// Sleep and exhaustion.
    Sleep,
    /// Skin-to-skin contact.
    SkinToSkin,
    /// Partners and non-birthing parents.
    Partners,
    /// Finding and using help.
    GettingHelp,
    /// Feeding, changing, rocking, soothing.
    EverydayCare,
}

/// Every topic with its name in the front matter, in display order.
const TOPICS: &[(&str, Topic)] = &[
    ("bonding", Topic::Bonding),
    ("feelings", Topic::Feelings),
    ("mental-health", Topic::MentalHealth),
    ("birth", Topic::Birth),
    ("sleep", Topic::Sleep),
    ("skin-to-skin", Topic::SkinToSkin),
    ("partners", Topic::Partners),
    ("getting-help", Topic::GettingHelp),
    ("everyday-care", Topic::EverydayCare),
];

impl Topic {
    /// Every topic, in display order.
    pub fn all() -> impl Iterator<Item = Topic> {
        TOPICS.iter().map(|(_, topic)| *topic)
    }

    /// The topic written as `name` in front matter, if there is one.
    pub fn from_name(name: &str) -> Option<Topic> {
        TOPICS.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }

    /// The name used in front matter and JSON.
    pub fn name(self) -> &'static str {
        TOPICS
            .iter()
            .find(|(_, t)| *t == self)
            .map_or("", |(n, _)| n)
    }

    /// Every topic's name, comma-separated, for messages.
    pub(crate) fn list() -> String {
        TOPICS
            .iter()
            .map(|(n, _)| *n)
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_topic_round_trips_through_its_name() {
        for topic in Topic::all() {
            assert_eq!(Topic::from_name(topic.name()), Some(topic));
        }
        assert_eq!(Topic::all().count(), 9);
    }

    #[test]
    fn serializes_as_the_front_matter_name() {
        let json = serde_json::to_string(&Topic::SkinToSkin).expect("serializes");
        assert_eq!(json, "\"skin-to-skin\"");
    }

    #[test]
    fn names_are_case_sensitive() {
        assert_eq!(Topic::from_name("Bonding"), None);
    }
}
