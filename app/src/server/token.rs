//! The Qualys token as a secret: it never prints (`Debug` shows a placeholder), and it reads
//! its own expiry and user from the JWT claims without trusting them for anything else.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token(String);

impl fmt::Debug for Token {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(<redacted>)")
    }
}

/// The claims qdash reads from a Qualys JWT (unverified: Qualys checks the signature).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Claims {
    pub sub: Option<String>,
    pub exp: Option<u64>,
    pub iat: Option<u64>,
    pub subscription_id: Option<u64>,
}

/// Qualys tokens live four hours; assumed when a token's expiry cannot be read.
pub const DEFAULT_LIFETIME_SECS: u64 = 4 * 3600;

impl Token {
    /// Accepts a token as issued by `/auth` or pasted by a user: trimmed, no `Bearer ` prefix.
    pub fn new(raw: &str) -> Option<Token> {
        let t = raw.trim();
        let t = t.strip_prefix("Bearer ").unwrap_or(t).trim();
        let ok = !t.is_empty() && t.len() <= 8192 && t.bytes().all(|b| b.is_ascii_graphic());
        ok.then(|| Token(t.to_string()))
    }

    /// The value for an `Authorization` header. The only way to read the secret.
    pub fn bearer(&self) -> String {
        format!("Bearer {}", self.0)
    }

    pub fn claims(&self) -> Claims {
        self.0
            .split('.')
            .nth(1)
            .and_then(|p| URL_SAFE_NO_PAD.decode(p.trim_end_matches('=')).ok())
            .and_then(|bytes| serde_json::from_slice(&bytes).ok())
            .unwrap_or_default()
    }

    /// When the token stops working, in Unix seconds.
    pub fn expires_at(&self, now: u64) -> u64 {
        self.claims().exp.unwrap_or(now + DEFAULT_LIFETIME_SECS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_never_shows_the_secret() {
        let t = Token::new("abc.def.ghi").unwrap();
        assert_eq!(format!("{t:?}"), "Token(<redacted>)");
    }

    #[test]
    fn reads_claims_and_strips_bearer() {
        let payload = URL_SAFE_NO_PAD.encode(br#"{"sub":"demo","exp":100,"subscriptionId":7}"#);
        let t = Token::new(&format!("Bearer x.{payload}.y")).unwrap();
        assert_eq!(t.claims().sub.as_deref(), Some("demo"));
        assert_eq!(t.expires_at(0), 100);
        assert_eq!(t.bearer(), format!("Bearer x.{payload}.y"));
        assert!(Token::new("  ").is_none());
        assert!(Token::new("a b").is_none());
    }
}
