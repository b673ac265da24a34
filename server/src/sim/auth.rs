//! `/auth` and bearer tokens: HS512 JWTs with the claims real Qualys tokens carry, signed with
//! a key derived from the seed and a generation number. "Expire every token now" bumps the
//! generation, so every earlier token fails its signature check, like a revoked one.

use super::catalog::TAG_EU;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use base64::Engine;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha512};

/// A built-in simulator user.
pub struct User {
    pub username: &'static str,
    pub password: &'static str,
    pub subscription_id: u64,
    /// Tag an asset must carry for this user to see it; `None` sees everything.
    pub scope_tag: Option<u16>,
}

/// `demo` sees every asset; `eu-analyst` only those tagged "EU". Both share one subscription,
/// and so one call budget, as colleagues do on a real Qualys account.
pub static USERS: &[User] = &[
    User {
        username: "demo",
        password: "demo",
        subscription_id: 1001,
        scope_tag: None,
    },
    User {
        username: "eu-analyst",
        password: "eu-analyst",
        subscription_id: 1001,
        scope_tag: Some(TAG_EU),
    },
];

pub fn check_password(username: &str, password: &str) -> Option<&'static User> {
    USERS
        .iter()
        .find(|u| u.username == username && u.password == password)
}

#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "camelCase")]
pub struct Claims {
    pub sub: String,
    pub iss: String,
    pub aud: String,
    pub exp: u64,
    pub iat: u64,
    pub subscription_id: u64,
    pub modules_allowed: Vec<String>,
}

impl Claims {
    pub fn user(&self) -> Option<&'static User> {
        USERS.iter().find(|u| u.username == self.sub)
    }
}

/// Why a bearer token was refused (the reply is a plain 401 either way).
#[derive(Debug, PartialEq, Eq)]
pub enum TokenError {
    Missing,
    Malformed,
    BadSignature,
    Expired,
}

pub fn signing_key(seed: u64, generation: u64) -> Vec<u8> {
    Sha512::digest(format!("qualys-sim:{seed}:{generation}")).to_vec()
}

fn sign(key: &[u8], data: &str) -> Vec<u8> {
    let mut mac = Hmac::<Sha512>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(data.as_bytes());
    mac.finalize().into_bytes().to_vec()
}

pub fn issue(key: &[u8], user: &User, now: u64, ttl_secs: u64) -> String {
    let header = B64.encode(br#"{"alg":"HS512","typ":"JWT"}"#);
    let claims = Claims {
        sub: user.username.into(),
        iss: "qas".into(),
        aud: "qas".into(),
        exp: now + ttl_secs,
        iat: now,
        subscription_id: user.subscription_id,
        modules_allowed: vec!["CSAM".into(), "GAV".into(), "VM".into()],
    };
    let payload = B64.encode(serde_json::to_vec(&claims).expect("claims serialise"));
    let signing_input = format!("{header}.{payload}");
    let sig = B64.encode(sign(key, &signing_input));
    format!("{signing_input}.{sig}")
}

/// Verifies an `Authorization` header value.
pub fn verify(key: &[u8], authorization: Option<&str>, now: u64) -> Result<Claims, TokenError> {
    let token = authorization
        .ok_or(TokenError::Missing)?
        .strip_prefix("Bearer ")
        .ok_or(TokenError::Malformed)?
        .trim();
    let mut parts = token.split('.');
    let (Some(h), Some(p), Some(s), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(TokenError::Malformed);
    };
    let sig = B64.decode(s).map_err(|_| TokenError::Malformed)?;
    let mut mac = Hmac::<Sha512>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(format!("{h}.{p}").as_bytes());
    mac.verify_slice(&sig)
        .map_err(|_| TokenError::BadSignature)?;
    let claims: Claims = serde_json::from_slice(&B64.decode(p).map_err(|_| TokenError::Malformed)?)
        .map_err(|_| TokenError::Malformed)?;
    if claims.exp <= now {
        return Err(TokenError::Expired);
    }
    Ok(claims)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issued_tokens_verify_until_they_expire() {
        let key = signing_key(1, 0);
        let t = issue(&key, &USERS[0], 1000, 14_400);
        let auth = format!("Bearer {t}");
        let c = verify(&key, Some(&auth), 1001).unwrap();
        assert_eq!(
            (c.exp - c.iat, c.sub.as_str(), c.iss.as_str()),
            (14_400, "demo", "qas")
        );
        assert_eq!(verify(&key, Some(&auth), 15_400), Err(TokenError::Expired));
    }

    #[test]
    fn a_new_generation_revokes_old_tokens() {
        let t = format!("Bearer {}", issue(&signing_key(1, 0), &USERS[0], 1000, 60));
        assert_eq!(
            verify(&signing_key(1, 1), Some(&t), 1001),
            Err(TokenError::BadSignature)
        );
    }

    #[test]
    fn junk_is_malformed_or_missing() {
        let key = signing_key(1, 0);
        assert_eq!(verify(&key, None, 0), Err(TokenError::Missing));
        assert_eq!(
            verify(&key, Some("Basic abc"), 0),
            Err(TokenError::Malformed)
        );
        assert_eq!(
            verify(&key, Some("Bearer a.b"), 0),
            Err(TokenError::Malformed)
        );
    }
}
