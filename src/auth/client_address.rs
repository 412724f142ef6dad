//! Which address a request comes from. Behind proxies the TCP peer is the nearest proxy and
//! the client is named in `X-Forwarded-For`, which each proxy appends to — but the hops to
//! the left are whatever the client chose to send. So only the proxies listed in
//! `trusted_proxies` are believed: the address is the right-most hop that is not one of
//! them. A client that writes a fake first hop neither evades the per-address throttle
//! nor frames someone else's address.

use std::fmt;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

/// One address or a CIDR range (`10.0.0.7`, `10.0.0.0/8`, `fd00::/8`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct IpRange {
    network: IpAddr,
    prefix: u8,
}

impl IpRange {
    pub fn contains(&self, addr: IpAddr) -> bool {
        match (self.network, canonical(addr)) {
            (IpAddr::V4(net), IpAddr::V4(addr)) => {
                masked(u128::from(u32::from(net)), self.prefix, 32)
                    == masked(u128::from(u32::from(addr)), self.prefix, 32)
            }
            (IpAddr::V6(net), IpAddr::V6(addr)) => {
                masked(u128::from(net), self.prefix, 128)
                    == masked(u128::from(addr), self.prefix, 128)
            }
            _ => false,
        }
    }
}

fn masked(bits: u128, prefix: u8, width: u8) -> u128 {
    let prefix = u32::from(prefix.min(width));
    let host_bits = u32::from(width) - prefix;
    if host_bits >= 128 {
        0
    } else {
        bits >> host_bits
    }
}

/// An IPv4 address written as IPv6 (`::ffff:10.0.0.7`) is the IPv4 address.
fn canonical(addr: IpAddr) -> IpAddr {
    match addr {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(IpAddr::V6(v6), IpAddr::V4),
        v4 => v4,
    }
}

impl FromStr for IpRange {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        let text = text.trim();
        let wrong = || format!("{text:?} is not an IP address or CIDR range (10.0.0.0/8)");
        let (addr, prefix) = match text.split_once('/') {
            Some((addr, prefix)) => (addr, Some(prefix)),
            None => (text, None),
        };
        let network = canonical(addr.parse::<IpAddr>().map_err(|_| wrong())?);
        let width = if network.is_ipv4() { 32 } else { 128 };
        let prefix = match prefix {
            Some(p) => p
                .parse::<u8>()
                .ok()
                .filter(|p| *p <= width)
                .ok_or_else(wrong)?,
            None => width,
        };
        Ok(Self { network, prefix })
    }
}

impl TryFrom<String> for IpRange {
    type Error = String;

    fn try_from(text: String) -> Result<Self, String> {
        text.parse()
    }
}

impl From<IpRange> for String {
    fn from(range: IpRange) -> Self {
        range.to_string()
    }
}

impl fmt::Display for IpRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let width = if self.network.is_ipv4() { 32 } else { 128 };
        if self.prefix == width {
            write!(f, "{}", self.network)
        } else {
            write!(f, "{}/{}", self.network, self.prefix)
        }
    }
}

/// One hop of `X-Forwarded-For`: an address, possibly with a port (`[2001:db8::1]:443`).
fn parse_hop(hop: &str) -> Option<IpAddr> {
    let hop = hop.trim();
    hop.parse::<IpAddr>()
        .ok()
        .or_else(|| hop.parse::<SocketAddr>().ok().map(|s| s.ip()))
        .map(canonical)
}

/// The client's address: the TCP `peer` unless it is a trusted proxy; then, walking the
/// `X-Forwarded-For` values (all headers, in order) from the right, the first hop that is
/// not a trusted proxy. A hop that is not an address cannot have been written by a trusted
/// proxy, so the trusted hop next to it is the client. When every hop is trusted, the
/// left-most is.
pub fn client_address(
    peer: Option<IpAddr>,
    forwarded_for: &[&str],
    trusted: &[IpRange],
) -> Option<IpAddr> {
    let peer = canonical(peer?);
    let is_trusted = |addr: IpAddr| trusted.iter().any(|range| range.contains(addr));
    if !is_trusted(peer) {
        return Some(peer);
    }
    let mut client = peer;
    for hop in forwarded_for.iter().rev().flat_map(|v| v.rsplit(',')) {
        match parse_hop(hop) {
            Some(addr) if is_trusted(addr) => client = addr,
            Some(addr) => return Some(addr),
            None => return Some(client),
        }
    }
    Some(client)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap_or(IpAddr::from([0, 0, 0, 0]))
    }

    fn ranges(list: &[&str]) -> Vec<IpRange> {
        list.iter().filter_map(|r| r.parse().ok()).collect()
    }

    #[test]
    fn ranges_parse_and_contain() {
        for (range, addr, inside) in [
            ("10.0.0.0/8", "10.200.3.4", true),
            ("10.0.0.0/8", "11.0.0.1", false),
            ("10.0.0.7", "10.0.0.7", true),
            ("10.0.0.7", "10.0.0.8", false),
            ("0.0.0.0/0", "203.0.113.5", true),
            ("192.168.1.0/24", "::ffff:192.168.1.20", true),
            ("fd00::/8", "fd12:3456::1", true),
            ("fd00::/8", "fe80::1", false),
            ("::1", "::1", true),
            ("10.0.0.0/8", "::1", false),
        ] {
            let parsed: IpRange = range.parse().unwrap_or_else(|e| panic!("{e}"));
            assert_eq!(parsed.contains(ip(addr)), inside, "{addr} in {range}");
        }
        for wrong in [
            "",
            "10.0.0.0/33",
            "fd00::/129",
            "example.org",
            "10.0.0/8",
            "1.2.3.4/x",
        ] {
            assert!(wrong.parse::<IpRange>().is_err(), "{wrong:?} accepted");
        }
        assert_eq!(
            "10.1.0.0/16".parse::<IpRange>().map(String::from),
            Ok("10.1.0.0/16".to_string())
        );
    }

    #[test]
    fn the_address_is_the_right_most_hop_not_a_trusted_proxy() {
        let proxies = ranges(&["10.0.0.0/8", "192.0.2.1"]);
        let none: &[IpRange] = &[];
        for (peer, headers, trusted, expected, why) in [
            (
                "203.0.113.5",
                vec![],
                &proxies[..],
                "203.0.113.5",
                "direct client",
            ),
            (
                "203.0.113.5",
                vec!["198.51.100.1"],
                &proxies[..],
                "203.0.113.5",
                "an untrusted peer's header is ignored",
            ),
            (
                "10.0.0.2",
                vec!["198.51.100.1"],
                none,
                "10.0.0.2",
                "no trusted proxies: the header is never read",
            ),
            (
                "10.0.0.2",
                vec!["198.51.100.1"],
                &proxies[..],
                "198.51.100.1",
                "one proxy",
            ),
            (
                "10.0.0.2",
                vec!["1.2.3.4, 198.51.100.1"],
                &proxies[..],
                "198.51.100.1",
                "a spoofed first hop is skipped",
            ),
            (
                "10.0.0.2",
                vec!["192.0.2.77, 198.51.100.1, 10.0.0.9"],
                &proxies[..],
                "198.51.100.1",
                "the office's address sent as a first hop does not frame it",
            ),
            (
                "10.0.0.2",
                vec!["1.2.3.4", "198.51.100.1, 192.0.2.1"],
                &proxies[..],
                "198.51.100.1",
                "several headers read in order",
            ),
            (
                "10.0.0.2",
                vec!["garbage, 10.0.0.5"],
                &proxies[..],
                "10.0.0.5",
                "a hop that is no address ends the walk at the proxy beside it",
            ),
            (
                "10.0.0.2",
                vec!["10.0.0.3, 10.0.0.5"],
                &proxies[..],
                "10.0.0.3",
                "all trusted: the left-most",
            ),
            (
                "10.0.0.2",
                vec![],
                &proxies[..],
                "10.0.0.2",
                "a proxy without a header",
            ),
            (
                "10.0.0.2",
                vec!["[2001:db8::7]:4711"],
                &proxies[..],
                "2001:db8::7",
                "a hop with a port",
            ),
            (
                "::ffff:10.0.0.2",
                vec!["198.51.100.1"],
                &proxies[..],
                "198.51.100.1",
                "an IPv4-mapped peer",
            ),
        ] {
            assert_eq!(
                client_address(Some(ip(peer)), &headers, trusted),
                Some(ip(expected)),
                "{why}"
            );
        }
        assert_eq!(client_address(None, &["198.51.100.1"], &proxies), None);
    }
}
