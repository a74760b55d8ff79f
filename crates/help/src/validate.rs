//! Checks that turn the file as written into the validated model, one small rule per function.
//!
//! The first problem found is returned, with its place; the file is short and edited by hand, so
//! one clear message at a time is kinder than a list.

use std::collections::HashSet;

use chrono::NaiveDate;

use crate::error::{Error, Place, Result};
use crate::lines::{
    Emergency, Kind, Line, PhoneNumber, RawEmergency, RawLine, RawRegion, Region, TextLine,
};

/// Longest service or region name, in characters.
pub(crate) const MAX_NAME: usize = 60;
/// Longest description, in characters: one line on the Help screen.
pub(crate) const MAX_DESCRIPTION: usize = 160;
/// Longest hours text, in characters.
pub(crate) const MAX_HOURS: usize = 100;
/// Longest source address, in characters.
pub(crate) const MAX_URL: usize = 300;

pub(crate) fn regions(raw: Vec<RawRegion>, today: NaiveDate) -> Result<Vec<Region>> {
    if raw.is_empty() {
        return Err(Error::NoRegions);
    }
    let mut seen = HashSet::new();
    let mut regions = Vec::with_capacity(raw.len());
    for region in raw {
        let region = self::region(region, today)?;
        if !seen.insert(region.code.clone()) {
            return Err(Error::DuplicateRegion { code: region.code });
        }
        regions.push(region);
    }
    Ok(regions)
}

fn region(raw: RawRegion, today: NaiveDate) -> Result<Region> {
    let code = region_code(&raw.code)?;
    let place = |entry: &str| Place {
        region: code.clone(),
        entry: entry.to_owned(),
    };
    let name = short_text(&place("region"), "name", raw.name, MAX_NAME)?;
    let emergency = raw
        .emergency
        .ok_or_else(|| Error::NoEmergencyNumber {
            region: code.clone(),
        })
        .and_then(|raw| emergency(&place("emergency"), raw, today))?;
    let lines = raw
        .line
        .into_iter()
        .enumerate()
        .map(|(index, raw)| line(&code, index, raw, today))
        .collect::<Result<Vec<_>>>()?;
    Ok(Region {
        code,
        name,
        emergency,
        lines,
    })
}

fn region_code(code: &str) -> Result<String> {
    if code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()) {
        Ok(code.to_owned())
    } else {
        Err(Error::BadRegionCode {
            code: code.to_owned(),
        })
    }
}

fn emergency(place: &Place, raw: RawEmergency, today: NaiveDate) -> Result<Emergency> {
    if raw.numbers.is_empty() {
        return Err(Error::NoEmergencyNumber {
            region: place.region.clone(),
        });
    }
    let numbers = raw
        .numbers
        .iter()
        .map(|number| phone(place, number, None))
        .collect::<Result<Vec<_>>>()?;
    Ok(Emergency {
        numbers,
        source: source(place, raw.source)?,
        checked: checked(place, raw.checked, today)?,
    })
}

fn line(region: &str, index: usize, raw: RawLine, today: NaiveDate) -> Result<Line> {
    // Until the name is known to be good, the line is named by its position.
    let numbered = Place {
        region: region.to_owned(),
        entry: format!("line {}", index + 1),
    };
    let name = short_text(&numbered, "name", raw.name, MAX_NAME)?;
    let place = Place {
        region: region.to_owned(),
        entry: format!("line {name:?}"),
    };
    let kind = kind(&place, raw.kind)?;
    let phone = match raw.phone {
        Some(number) => Some(self::phone(&place, &number, raw.phone_alias.as_deref())?),
        None if raw.phone_alias.is_some() => {
            return Err(Error::MissingField {
                place,
                field: "phone",
            })
        }
        None => None,
    };
    let text = raw
        .text
        .map(|text| text_line(&place, &text.number, text.keyword))
        .transpose()?;
    if phone.is_none() && text.is_none() {
        return Err(Error::NoWayToReach { place });
    }
    Ok(Line {
        kind,
        phone,
        text,
        hours: short_text(&place, "hours", raw.hours, MAX_HOURS)?,
        description: short_text(&place, "description", raw.description, MAX_DESCRIPTION)?,
        source: source(&place, raw.source)?,
        checked: checked(&place, raw.checked, today)?,
        name,
    })
}

fn kind(place: &Place, raw: Option<String>) -> Result<Kind> {
    let raw = raw.ok_or_else(|| Error::MissingField {
        place: place.clone(),
        field: "kind",
    })?;
    Kind::from_name(&raw).ok_or_else(|| Error::UnknownKind {
        place: place.clone(),
        kind: raw,
    })
}

fn text_line(place: &Place, number: &str, keyword: Option<String>) -> Result<TextLine> {
    let number = phone(place, number, None)?;
    if let Some(word) = &keyword {
        let good = !word.is_empty()
            && word.chars().count() <= 20
            && word.chars().all(|c| c.is_ascii_alphanumeric());
        if !good {
            return Err(Error::BadKeyword {
                place: place.clone(),
                keyword: word.clone(),
            });
        }
    }
    Ok(TextLine { number, keyword })
}

/// A number as dialled: optional leading `+`, then digits in groups separated by one space or
/// one hyphen, 3 to 20 digits in all. `alias`, if given, must spell the same keys.
pub(crate) fn phone(place: &Place, number: &str, alias: Option<&str>) -> Result<PhoneNumber> {
    let bad = || Error::BadNumber {
        place: place.clone(),
        number: number.to_owned(),
    };
    let dial = dial_string(number).ok_or_else(bad)?;
    let alias = alias
        .map(|alias| checked_alias(place, alias, number, &dial))
        .transpose()?;
    Ok(PhoneNumber {
        display: number.to_owned(),
        dial,
        alias,
    })
}

/// The digits of a well-formed number (with its `+`), or `None` when it is malformed.
fn dial_string(number: &str) -> Option<String> {
    let (plus, body) = match number.strip_prefix('+') {
        Some(rest) => ("+", rest),
        None => ("", number),
    };
    let groups_ok = body
        .split([' ', '-'])
        .all(|group| !group.is_empty() && group.bytes().all(|b| b.is_ascii_digit()));
    let digits: String = body.chars().filter(char::is_ascii_digit).collect();
    (groups_ok && (3..=20).contains(&digits.len())).then(|| format!("{plus}{digits}"))
}

fn checked_alias(place: &Place, alias: &str, number: &str, dial: &str) -> Result<String> {
    let mismatch = || Error::AliasMismatch {
        place: place.clone(),
        alias: alias.to_owned(),
        number: number.to_owned(),
    };
    let has_letter = alias.chars().any(|c| c.is_ascii_alphabetic());
    let keys: Option<String> = alias
        .chars()
        .filter(|c| !matches!(c, ' ' | '-'))
        .map(keypad_digit)
        .collect();
    match keys {
        Some(keys) if has_letter && keys == dial => Ok(alias.to_owned()),
        _ => Err(mismatch()),
    }
}

/// The key a character sits on, on a standard phone keypad (ITU E.161).
fn keypad_digit(c: char) -> Option<char> {
    let key = match c.to_ascii_uppercase() {
        d @ ('0'..='9' | '+') => d,
        'A'..='C' => '2',
        'D'..='F' => '3',
        'G'..='I' => '4',
        'J'..='L' => '5',
        'M'..='O' => '6',
        'P'..='S' => '7',
        'T'..='V' => '8',
        'W'..='Z' => '9',
        _ => return None,
    };
    Some(key)
}

fn source(place: &Place, raw: Option<String>) -> Result<String> {
    let url = raw.ok_or_else(|| Error::MissingField {
        place: place.clone(),
        field: "source",
    })?;
    no_control(place, "source", &url)?;
    let host = url.strip_prefix("https://").unwrap_or_default();
    let host_ok = host
        .split('/')
        .next()
        .is_some_and(|h| h.contains('.') && !h.starts_with('.'));
    if !host_ok || url.contains(char::is_whitespace) || url.chars().count() > MAX_URL {
        return Err(Error::NotHttps {
            place: place.clone(),
            url,
        });
    }
    Ok(url)
}

fn checked(place: &Place, raw: Option<String>, today: NaiveDate) -> Result<NaiveDate> {
    let value = raw.ok_or_else(|| Error::MissingField {
        place: place.clone(),
        field: "checked",
    })?;
    let well_formed = value.len() == 10 && value.as_bytes().get(4) == Some(&b'-');
    let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d")
        .ok()
        .filter(|_| well_formed)
        .ok_or_else(|| Error::BadDate {
            place: place.clone(),
            value: value.clone(),
        })?;
    if date > today {
        return Err(Error::FutureDate {
            place: place.clone(),
            date,
            today,
        });
    }
    Ok(date)
}

fn short_text(
    place: &Place,
    field: &'static str,
    raw: Option<String>,
    max: usize,
) -> Result<String> {
    let text = raw.ok_or_else(|| Error::MissingField {
        place: place.clone(),
        field,
    })?;
    no_control(place, field, &text)?;
    if text.trim().is_empty() {
        return Err(Error::EmptyField {
            place: place.clone(),
            field,
        });
    }
    let chars = text.chars().count();
    if chars > max {
        return Err(Error::TooLong {
            place: place.clone(),
            field,
            chars,
            max,
        });
    }
    Ok(text)
}

fn no_control(place: &Place, field: &'static str, text: &str) -> Result<()> {
    // Bidirectional overrides are not `is_control` but can make a number read differently.
    let bidi = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if text.chars().any(|c| c.is_control() || bidi(c)) {
        return Err(Error::ControlCharacter {
            place: place.clone(),
            field,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::error::{Error, Place};
    use crate::lines::{Kind, Lines};
    use chrono::NaiveDate;

    const GOOD: &str = r#"
[[region]]
code = "GB"
name = "United Kingdom"

[region.emergency]
numbers = ["999"]
source = "https://example.org/emergency"
checked = "2026-12-01"

[[region.line]]
name = "Samaritans"
kind = "crisis"
phone = "116 123"
hours = "24 hours, every day"
description = "Someone listens."
source = "https://example.org/samaritans"
checked = "2026-12-01"
"#;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 2).expect("a real date")
    }

    fn parse(text: &str) -> Result<Lines, Error> {
        Lines::parse(text, today())
    }

    /// The good file with one exact piece of text replaced, which must be there.
    fn with(from: &str, to: &str) -> String {
        assert!(GOOD.contains(from), "the fixture has no {from:?}");
        GOOD.replacen(from, to, 1)
    }

    fn line_place() -> Place {
        Place {
            region: "GB".into(),
            entry: "line \"Samaritans\"".into(),
        }
    }

    #[test]
    fn accepts_the_good_fixture() {
        let lines = parse(GOOD).expect("valid");
        let line = &lines.regions()[0].lines[0];
        assert_eq!(line.kind, Kind::Crisis);
        assert_eq!(line.phone.as_ref().map(|p| p.dial.as_str()), Some("116123"));
    }

    #[test]
    fn rejects_a_line_without_source() {
        let err = parse(&with("source = \"https://example.org/samaritans\"\n", ""))
            .expect_err("must be refused");
        assert_eq!(
            err,
            Error::MissingField {
                place: line_place(),
                field: "source"
            }
        );
        assert_eq!(
            err.to_string(),
            "region GB, line \"Samaritans\": source is missing. Add it; every number needs its source page and the date it was checked."
        );
    }

    #[test]
    fn rejects_emergency_numbers_without_checked_date() {
        let err = parse(&with("checked = \"2026-12-01\"\n", "")).expect_err("must be refused");
        let place = Place {
            region: "GB".into(),
            entry: "emergency".into(),
        };
        assert_eq!(
            err,
            Error::MissingField {
                place,
                field: "checked"
            }
        );
    }

    #[test]
    fn rejects_a_plain_http_source() {
        let err = parse(&with(
            "https://example.org/samaritans",
            "http://example.org/samaritans",
        ))
        .expect_err("must be refused");
        assert!(
            matches!(err, Error::NotHttps { ref url, .. } if url == "http://example.org/samaritans")
        );
        assert!(err.to_string().contains("is not an https:// address"));
    }

    #[test]
    fn rejects_a_source_without_a_host() {
        let err = parse(&with(
            "https://example.org/samaritans",
            "https:///samaritans",
        ))
        .expect_err("must be refused");
        assert!(matches!(err, Error::NotHttps { .. }));
    }

    #[test]
    fn rejects_a_date_that_is_not_a_date() {
        for bad in ["2026-02-30", "02/12/2026", "2026-1-5", "yesterday"] {
            let text = GOOD.replace(
                "checked = \"2026-12-01\"\n\n[[region.line]]",
                &format!("checked = \"{bad}\"\n\n[[region.line]]"),
            );
            let err = parse(&text).expect_err("must be refused");
            assert!(
                matches!(err, Error::BadDate { ref value, .. } if value == bad),
                "{bad}: {err}"
            );
        }
    }

    #[test]
    fn rejects_a_checked_date_after_today() {
        let text = GOOD.replacen("2026-12-01", "2026-12-03", 2);
        let err = parse(&text).expect_err("must be refused");
        assert_eq!(
            err.to_string(),
            "region GB, emergency: checked 2026-12-03 is after today (2026-12-02). Write the day the source was actually read."
        );
    }

    #[test]
    fn accepts_a_checked_date_of_today() {
        assert!(parse(&GOOD.replace("2026-12-01", "2026-12-02")).is_ok());
    }

    #[test]
    fn rejects_malformed_numbers() {
        let bad = [
            "1-833-TLC-MAMA",
            "12",
            "116  123",
            "-116123",
            "116123-",
            "++44 116",
            "(0)116 123",
            "123456789012345678901",
            "",
        ];
        for number in bad {
            let err = parse(&with(
                "phone = \"116 123\"",
                &format!("phone = \"{number}\""),
            ))
            .expect_err("must be refused");
            assert_eq!(
                err,
                Error::BadNumber {
                    place: line_place(),
                    number: number.into()
                },
                "{number:?}"
            );
        }
    }

    #[test]
    fn accepts_well_formed_numbers() {
        for (number, dial) in [
            ("+44 116 123", "+44116123"),
            ("1-800-944-4773", "18009444773"),
            ("000", "000"),
        ] {
            let lines = parse(&with(
                "phone = \"116 123\"",
                &format!("phone = \"{number}\""),
            ))
            .expect(number);
            let phone = lines.regions()[0].lines[0].phone.clone().expect("phone");
            assert_eq!(phone.dial, dial);
            assert_eq!(phone.display, number);
        }
    }

    #[test]
    fn keeps_a_letter_alias_that_spells_the_digits() {
        let text = with(
            "phone = \"116 123\"",
            "phone = \"1-833-852-6262\"\nphone_alias = \"1-833-TLC-MAMA\"",
        );
        let lines = parse(&text).expect("valid");
        let phone = lines.regions()[0].lines[0].phone.clone().expect("phone");
        assert_eq!(phone.alias.as_deref(), Some("1-833-TLC-MAMA"));
        assert_eq!(phone.dial, "18338526262");
    }

    #[test]
    fn rejects_an_alias_that_spells_other_digits() {
        let text = with(
            "phone = \"116 123\"",
            "phone = \"1-833-852-6263\"\nphone_alias = \"1-833-TLC-MAMA\"",
        );
        let err = parse(&text).expect_err("must be refused");
        assert!(matches!(err, Error::AliasMismatch { .. }), "{err}");
    }

    #[test]
    fn rejects_an_alias_with_no_letters() {
        let text = with(
            "phone = \"116 123\"",
            "phone = \"116 123\"\nphone_alias = \"116-123\"",
        );
        assert!(matches!(
            parse(&text).expect_err("must be refused"),
            Error::AliasMismatch { .. }
        ));
    }

    #[test]
    fn rejects_a_duplicate_region() {
        let text = format!("{GOOD}\n{}", GOOD.replace("United Kingdom", "Britain"));
        assert_eq!(
            parse(&text).expect_err("must be refused"),
            Error::DuplicateRegion { code: "GB".into() }
        );
    }

    #[test]
    fn rejects_region_codes_that_are_not_two_capitals() {
        for code in ["gb", "GBR", "G", "UK1", "É1"] {
            let err = parse(&with("code = \"GB\"", &format!("code = \"{code}\"")))
                .expect_err("must be refused");
            assert_eq!(err, Error::BadRegionCode { code: code.into() });
        }
    }

    #[test]
    fn rejects_an_unknown_kind() {
        let err =
            parse(&with("kind = \"crisis\"", "kind = \"urgent\"")).expect_err("must be refused");
        assert_eq!(
            err,
            Error::UnknownKind {
                place: line_place(),
                kind: "urgent".into()
            }
        );
        assert!(err
            .to_string()
            .contains("crisis, perinatal, parent, support"));
    }

    #[test]
    fn rejects_control_characters_in_text() {
        for (from, to, field) in [
            ("Someone listens.", "Someone\\tlistens.", "description"),
            ("24 hours, every day", "24 hours\\n every day", "hours"),
            ("Someone listens.", "Call \u{202E}321 611", "description"),
        ] {
            let err = parse(&with(from, to)).expect_err("must be refused");
            assert_eq!(
                err,
                Error::ControlCharacter {
                    place: line_place(),
                    field
                },
                "{to:?}"
            );
        }
    }

    #[test]
    fn rejects_empty_and_overlong_text() {
        let err = parse(&with("Someone listens.", "  ")).expect_err("must be refused");
        assert_eq!(
            err,
            Error::EmptyField {
                place: line_place(),
                field: "description"
            }
        );
        let long = "a".repeat(161);
        let err = parse(&with("Someone listens.", &long)).expect_err("must be refused");
        assert!(
            matches!(
                err,
                Error::TooLong {
                    chars: 161,
                    max: 160,
                    ..
                }
            ),
            "{err}"
        );
    }

    #[test]
    fn names_a_line_by_position_when_its_name_is_the_problem() {
        let err =
            parse(&with("name = \"Samaritans\"", "name = \"\"")).expect_err("must be refused");
        let place = Place {
            region: "GB".into(),
            entry: "line 1".into(),
        };
        assert_eq!(
            err,
            Error::EmptyField {
                place,
                field: "name"
            }
        );
    }

    #[test]
    fn rejects_a_line_with_no_way_to_reach_it() {
        let err = parse(&with("phone = \"116 123\"\n", "")).expect_err("must be refused");
        assert_eq!(
            err,
            Error::NoWayToReach {
                place: line_place()
            }
        );
    }

    #[test]
    fn accepts_a_text_only_line_with_a_keyword() {
        let text = with(
            "phone = \"116 123\"",
            "text = { number = \"85258\", keyword = \"SHOUT\" }",
        );
        let lines = parse(&text).expect("valid");
        let sms = lines.regions()[0].lines[0].text.clone().expect("text");
        assert_eq!(
            (sms.number.dial.as_str(), sms.keyword.as_deref()),
            ("85258", Some("SHOUT"))
        );
    }

    #[test]
    fn rejects_a_keyword_of_two_words() {
        let text = with(
            "phone = \"116 123\"",
            "text = { number = \"85258\", keyword = \"HELLO THERE\" }",
        );
        assert!(matches!(
            parse(&text).expect_err("must be refused"),
            Error::BadKeyword { .. }
        ));
    }

    #[test]
    fn rejects_a_region_without_emergency_numbers() {
        let text = with("numbers = [\"999\"]", "numbers = []");
        assert_eq!(
            parse(&text).expect_err("must be refused"),
            Error::NoEmergencyNumber {
                region: "GB".into()
            }
        );
    }

    #[test]
    fn rejects_a_misspelt_field_instead_of_dropping_it() {
        let err = parse(&with(
            "source = \"https://example.org/samaritans\"",
            "sorce = \"https://example.org/samaritans\"",
        ))
        .expect_err("must be refused");
        assert!(
            matches!(err, Error::Parse { ref detail } if detail.contains("sorce")),
            "{err}"
        );
    }

    #[test]
    fn rejects_a_file_with_no_regions() {
        assert_eq!(parse("").expect_err("must be refused"), Error::NoRegions);
    }
}
