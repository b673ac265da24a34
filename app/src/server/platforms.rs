//! The allow-list of Qualys gateways. Login forms pick from it by id and never send a URL:
//! the server posts passwords to these gateways, so a free URL would be a credential-stealing
//! and SSRF hole.

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Platform {
    /// What forms send: `US1`, `EU2`, `DEMO`, or an operator-chosen name.
    pub id: String,
    pub label: String,
    /// Gateway base URL, without a trailing slash.
    pub url: String,
}

/// The public Qualys platforms and their API gateways.
pub const QUALYS_PLATFORMS: &[(&str, &str)] = &[
    ("US1", "https://gateway.qg1.apps.qualys.com"),
    ("US2", "https://gateway.qg2.apps.qualys.com"),
    ("US3", "https://gateway.qg3.apps.qualys.com"),
    ("US4", "https://gateway.qg4.apps.qualys.com"),
    ("EU1", "https://gateway.qg1.apps.qualys.eu"),
    ("EU2", "https://gateway.qg2.apps.qualys.eu"),
    ("EU3", "https://gateway.qg3.apps.qualys.it"),
    ("IN1", "https://gateway.qg1.apps.qualys.in"),
    ("CA1", "https://gateway.qg1.apps.qualys.ca"),
    ("AE1", "https://gateway.qg1.apps.qualys.ae"),
    ("UK1", "https://gateway.qg1.apps.qualys.co.uk"),
    ("AU1", "https://gateway.qg1.apps.qualys.com.au"),
    ("KSA1", "https://gateway.qg1.apps.qualysksa.com"),
];

#[derive(Clone, Debug, Default)]
pub struct Platforms {
    list: Vec<Platform>,
}

impl Platforms {
    /// `public`: ids from [`QUALYS_PLATFORMS`] to offer (all when `None`); `extra`: `NAME=URL`
    /// gateways; `demo`: the embedded simulator's URL, listed first.
    pub fn build(
        public: Option<&[String]>,
        extra: &[String],
        demo: Option<&str>,
    ) -> Result<Platforms, String> {
        let mut list = Vec::new();
        if let Some(url) = demo {
            list.push(Platform {
                id: "DEMO".into(),
                label: "Demo (simulated Qualys)".into(),
                url: url.into(),
            });
        }
        match public {
            None => list.extend(QUALYS_PLATFORMS.iter().map(|(id, url)| Platform {
                id: id.to_string(),
                label: format!("Qualys {id}"),
                url: url.to_string(),
            })),
            Some(ids) => {
                for id in ids.iter().map(|s| s.trim()).filter(|s| !s.is_empty()) {
                    let (known, url) = QUALYS_PLATFORMS
                        .iter()
                        .find(|(k, _)| k.eq_ignore_ascii_case(id))
                        .ok_or_else(|| {
                            format!(
                                "--platforms: \"{id}\" is not a Qualys platform; known: {}",
                                known_ids()
                            )
                        })?;
                    list.push(Platform {
                        id: known.to_string(),
                        label: format!("Qualys {known}"),
                        url: url.to_string(),
                    });
                }
            }
        }
        for spec in extra {
            let (name, url) = spec
                .split_once('=')
                .ok_or_else(|| format!("--gateway \"{spec}\": write it as NAME=URL, e.g. acme=https://gateway.acme.example"))?;
            let (name, url) = (name.trim(), url.trim().trim_end_matches('/'));
            if name.is_empty() || !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(format!(
                    "--gateway \"{spec}\": needs a name and an http(s) URL"
                ));
            }
            list.push(Platform {
                id: name.to_string(),
                label: name.to_string(),
                url: url.to_string(),
            });
        }
        Ok(Platforms { list })
    }

    pub fn find(&self, id: &str) -> Option<&Platform> {
        self.list.iter().find(|p| p.id == id)
    }

    pub fn all(&self) -> &[Platform] {
        &self.list
    }
}

fn known_ids() -> String {
    QUALYS_PLATFORMS
        .iter()
        .map(|(id, _)| *id)
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_is_the_qualys_table_plus_extras() {
        let p = Platforms::build(
            None,
            &["acme=https://gw.acme.example/".into()],
            Some("http://127.0.0.1:1"),
        )
        .unwrap();
        assert_eq!(p.all().len(), QUALYS_PLATFORMS.len() + 2);
        assert_eq!(p.find("acme").unwrap().url, "https://gw.acme.example");
        assert_eq!(p.find("DEMO").unwrap().url, "http://127.0.0.1:1");
        assert!(p.find("https://evil.example").is_none());
    }

    #[test]
    fn bad_specs_say_what_to_fix() {
        assert!(Platforms::build(Some(&["XX9".into()]), &[], None)
            .unwrap_err()
            .contains("not a Qualys platform"));
        assert!(Platforms::build(None, &["nourl".into()], None)
            .unwrap_err()
            .contains("NAME=URL"));
        assert!(Platforms::build(None, &["x=ftp://a".into()], None).is_err());
    }
}
