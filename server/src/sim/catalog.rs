//! The fixed catalogs assets are drawn from: operating systems, software, tags, hardware.
//! Assets refer to entries by index, which keeps a million of them small in memory and lets
//! text filters be evaluated once per catalog entry rather than once per asset.

pub struct Os {
    pub os_name: &'static str,
    pub full_name: &'static str,
    pub category1: &'static str,
    pub category2: &'static str,
    pub publisher: &'static str,
    pub product_name: &'static str,
    pub market_version: Option<&'static str>,
    pub version: Option<&'static str>,
    pub architecture: Option<&'static str>,
    /// Lifecycle: stage, GA, end of life, end of support (dates as `YYYY-MM-DD`).
    pub stage: Option<&'static str>,
    pub ga: Option<&'static str>,
    pub eol: Option<&'static str>,
    pub eos: Option<&'static str>,
    /// Relative frequency in the inventory.
    pub weight: u32,
    /// Hardware category index this OS usually runs on.
    pub hardware: usize,
}

#[allow(clippy::too_many_arguments)] // a table row, read positionally like the table
const fn os(
    os_name: &'static str,
    full_name: &'static str,
    category1: &'static str,
    category2: &'static str,
    publisher: &'static str,
    product_name: &'static str,
    weight: u32,
    hardware: usize,
) -> Os {
    Os {
        os_name,
        full_name,
        category1,
        category2,
        publisher,
        product_name,
        market_version: None,
        version: None,
        architecture: Some("x86_64"),
        stage: Some("GA"),
        ga: None,
        eol: None,
        eos: None,
        weight,
        hardware,
    }
}

pub const OS_UNIDENTIFIED: usize = 0;
pub const OS_CENTOS7: usize = 1;

pub static OPERATING_SYSTEMS: &[Os] = &[
    Os {
        architecture: None,
        stage: None,
        ..os(
            "Unidentified",
            "Unidentified",
            "Unidentified",
            "Unidentified",
            "Unidentified",
            "Unidentified",
            6,
            4,
        )
    },
    Os {
        market_version: Some("7"),
        version: Some("2009"),
        stage: Some("EOL"),
        ga: Some("2020-11-12"),
        eos: Some("2024-06-30"),
        ..os(
            "CentOS Linux 7.9.2009",
            "The CentOS Project CentOS 7 (2009)",
            "Linux",
            "Server",
            "The CentOS Project",
            "CentOS",
            5,
            0,
        )
    },
    Os {
        market_version: Some("2019"),
        ga: Some("2018-11-13"),
        eos: Some("2029-01-09"),
        ..os(
            "Windows Server 2019 Datacenter",
            "Microsoft Windows Server 2019 Datacenter (1809)",
            "Windows",
            "Server",
            "Microsoft",
            "Windows Server",
            14,
            0,
        )
    },
    Os {
        market_version: Some("2012 R2"),
        stage: Some("EOL"),
        ga: Some("2013-10-18"),
        eol: Some("2023-10-10"),
        eos: Some("2023-10-10"),
        ..os(
            "Windows Server 2012 R2 Standard",
            "Microsoft Windows Server 2012 R2 Standard",
            "Windows",
            "Server",
            "Microsoft",
            "Windows Server",
            4,
            0,
        )
    },
    Os {
        market_version: Some("2022"),
        ga: Some("2021-08-18"),
        ..os(
            "Windows Server 2022 Standard",
            "Microsoft Windows Server 2022 Standard (21H2)",
            "Windows",
            "Server",
            "Microsoft",
            "Windows Server",
            8,
            3,
        )
    },
    Os {
        market_version: Some("10"),
        version: Some("22H2"),
        stage: Some("EOS"),
        eos: Some("2025-10-14"),
        ..os(
            "Windows 10 Enterprise 22H2",
            "Microsoft Windows 10 Enterprise (22H2)",
            "Windows",
            "Client",
            "Microsoft",
            "Windows 10",
            14,
            0,
        )
    },
    Os {
        market_version: Some("11"),
        version: Some("23H2"),
        ..os(
            "Windows 11 Enterprise 23H2",
            "Microsoft Windows 11 Enterprise (23H2)",
            "Windows",
            "Client",
            "Microsoft",
            "Windows 11",
            12,
            0,
        )
    },
    Os {
        market_version: Some("22.04"),
        ga: Some("2022-04-21"),
        ..os(
            "Ubuntu 22.04.4 LTS",
            "Canonical Ubuntu 22.04.4 LTS",
            "Linux",
            "Server",
            "Canonical",
            "Ubuntu",
            12,
            3,
        )
    },
    Os {
        market_version: Some("18.04"),
        stage: Some("EOS"),
        eos: Some("2023-05-31"),
        ..os(
            "Ubuntu 18.04.6 LTS",
            "Canonical Ubuntu 18.04.6 LTS",
            "Linux",
            "Server",
            "Canonical",
            "Ubuntu",
            4,
            3,
        )
    },
    Os {
        market_version: Some("8"),
        version: Some("8.6"),
        ..os(
            "Red Hat Enterprise Linux 8.6",
            "Red Hat Enterprise Linux Server 8.6",
            "Linux",
            "Server",
            "Red Hat",
            "Enterprise Linux",
            8,
            0,
        )
    },
    Os {
        market_version: Some("12"),
        ..os(
            "Debian GNU/Linux 12",
            "Debian GNU/Linux 12 (bookworm)",
            "Linux",
            "Server",
            "Debian",
            "Debian",
            5,
            3,
        )
    },
    Os {
        market_version: Some("2"),
        ..os(
            "Amazon Linux 2",
            "Amazon Linux 2 (Karoo)",
            "Linux",
            "Server",
            "Amazon",
            "Amazon Linux",
            6,
            3,
        )
    },
    Os {
        market_version: Some("14"),
        architecture: Some("arm64"),
        ..os(
            "macOS 14.5 Sonoma",
            "Apple macOS Sonoma (14.5)",
            "Mac",
            "Client",
            "Apple",
            "macOS",
            4,
            0,
        )
    },
    Os {
        architecture: None,
        stage: Some("EOL"),
        eol: Some("2022-10-31"),
        ..os(
            "Cisco IOS 15.2",
            "Cisco IOS 15.2(4)M",
            "Network",
            "Router",
            "Cisco",
            "IOS",
            3,
            1,
        )
    },
    Os {
        architecture: Some("sparc"),
        ..os(
            "Oracle Solaris 11.4",
            "Oracle Solaris 11.4",
            "Unix",
            "Server",
            "Oracle",
            "Solaris",
            1,
            0,
        )
    },
    Os {
        architecture: None,
        ..os(
            "HP LaserJet Firmware",
            "HP LaserJet FutureSmart 5",
            "Unidentified",
            "Printer",
            "HP",
            "FutureSmart",
            2,
            2,
        )
    },
];

/// `hardware.category1` values and a model for each.
pub static HARDWARE: &[(&str, &str, &str)] = &[
    ("Computers", "Server / Desktop", "Dell PowerEdge R740"),
    ("Network Devices", "Router", "Cisco ISR 4331"),
    ("Printers", "Laser Printer", "HP LaserJet M607"),
    ("Virtualized", "Virtual Machine", "VMware Virtual Platform"),
    ("Unidentified", "Unidentified", "Unidentified"),
];

pub struct Software {
    pub full_name: &'static str,
    pub product_name: &'static str,
    pub publisher: &'static str,
    pub version: &'static str,
    pub category1: &'static str,
    /// End-of-life software keeps the overview honest about old installs.
    pub stage: &'static str,
}

const fn sw(
    full_name: &'static str,
    product_name: &'static str,
    publisher: &'static str,
    version: &'static str,
    category1: &'static str,
    stage: &'static str,
) -> Software {
    Software {
        full_name,
        product_name,
        publisher,
        version,
        category1,
        stage,
    }
}

pub static SOFTWARE: &[Software] = &[
    sw(
        "OpenSSL 3.0.13",
        "OpenSSL",
        "OpenSSL Project",
        "3.0.13",
        "Security",
        "GA",
    ),
    sw(
        "OpenSSL 1.0.2k",
        "OpenSSL",
        "OpenSSL Project",
        "1.0.2k",
        "Security",
        "EOL",
    ),
    sw(
        "Google Chrome 126.0",
        "Chrome",
        "Google",
        "126.0.6478.127",
        "Internet Tools",
        "GA",
    ),
    sw(
        "Mozilla Firefox 115.12 ESR",
        "Firefox",
        "Mozilla",
        "115.12.0",
        "Internet Tools",
        "GA",
    ),
    sw(
        "Microsoft Office 2016",
        "Office",
        "Microsoft",
        "16.0.4266",
        "Office Applications",
        "EOS",
    ),
    sw(
        "Microsoft 365 Apps",
        "Microsoft 365",
        "Microsoft",
        "16.0.17628",
        "Office Applications",
        "GA",
    ),
    sw(
        "Apache HTTP Server 2.4.59",
        "HTTP Server",
        "Apache",
        "2.4.59",
        "Web Servers",
        "GA",
    ),
    sw("nginx 1.24.0", "nginx", "F5", "1.24.0", "Web Servers", "GA"),
    sw(
        "Microsoft SQL Server 2014",
        "SQL Server",
        "Microsoft",
        "12.0.6024",
        "Databases",
        "EOL",
    ),
    sw(
        "PostgreSQL 15.7",
        "PostgreSQL",
        "PostgreSQL Global Development Group",
        "15.7",
        "Databases",
        "GA",
    ),
    sw(
        "MySQL Server 5.7",
        "MySQL",
        "Oracle",
        "5.7.44",
        "Databases",
        "EOL",
    ),
    sw(
        "Oracle Java SE 8u202",
        "Java SE",
        "Oracle",
        "8.0.2020",
        "Development Tools",
        "EOS",
    ),
    sw(
        "OpenJDK 17.0.11",
        "OpenJDK",
        "Eclipse Adoptium",
        "17.0.11",
        "Development Tools",
        "GA",
    ),
    sw(
        "Python 3.11.9",
        "Python",
        "Python Software Foundation",
        "3.11.9",
        "Development Tools",
        "GA",
    ),
    sw(
        "Python 2.7.18",
        "Python",
        "Python Software Foundation",
        "2.7.18",
        "Development Tools",
        "EOL",
    ),
    sw(
        "Node.js 18.20.3",
        "Node.js",
        "OpenJS Foundation",
        "18.20.3",
        "Development Tools",
        "EOS",
    ),
    sw(
        "Docker Engine 24.0.9",
        "Docker Engine",
        "Docker",
        "24.0.9",
        "Virtualization",
        "GA",
    ),
    sw(
        "Qualys Cloud Agent 6.1",
        "Cloud Agent",
        "Qualys",
        "6.1.0.28",
        "Security",
        "GA",
    ),
    sw(
        "CrowdStrike Falcon Sensor 7.14",
        "Falcon Sensor",
        "CrowdStrike",
        "7.14.18408",
        "Security",
        "GA",
    ),
    sw(
        "7-Zip 23.01",
        "7-Zip",
        "Igor Pavlov",
        "23.01",
        "Utilities",
        "GA",
    ),
    sw(
        "WinRAR 5.50",
        "WinRAR",
        "win.rar GmbH",
        "5.50",
        "Utilities",
        "EOL",
    ),
    sw(
        "Adobe Acrobat Reader DC 2024",
        "Acrobat Reader DC",
        "Adobe",
        "24.002.20759",
        "Office Applications",
        "GA",
    ),
    sw(
        "VMware Tools 12.3",
        "VMware Tools",
        "VMware",
        "12.3.5",
        "Virtualization",
        "GA",
    ),
    sw(
        "OpenSSH 8.9p1",
        "OpenSSH",
        "OpenBSD",
        "8.9p1",
        "Networking",
        "GA",
    ),
    sw(
        "Log4j 2.14.1",
        "Log4j",
        "Apache",
        "2.14.1",
        "Development Tools",
        "EOL",
    ),
    sw(
        "Zoom Workplace 6.1",
        "Zoom",
        "Zoom Video Communications",
        "6.1.1",
        "Communication",
        "GA",
    ),
    sw(
        "Microsoft Teams 24124",
        "Teams",
        "Microsoft",
        "24124.2315",
        "Communication",
        "GA",
    ),
    sw(
        "Kubernetes kubelet 1.29.4",
        "kubelet",
        "CNCF",
        "1.29.4",
        "Virtualization",
        "GA",
    ),
    sw(
        "Éditeur Ünïcode 2.0 «test»",
        "Éditeur Ünïcode",
        "Société Générale de Logiciels",
        "2.0",
        "Utilities",
        "GA",
    ),
    sw(
        "<script>alert('sw')</script> Toolbar",
        "<script>Toolbar",
        "Evil & Co <b>",
        "6.6.6",
        "Utilities",
        "GA",
    ),
];

/// Tags: (name, criticality score of the tag).
pub static TAGS: &[(&str, u8)] = &[
    ("Production", 4),
    ("Staging", 2),
    ("Development", 1),
    ("EU", 3),
    ("US", 3),
    ("APAC", 3),
    ("PCI", 5),
    ("Finance", 4),
    ("DMZ", 4),
    ("Cloud", 2),
    ("Workstations", 2),
    ("Servers", 3),
    ("Crown Jewels", 5),
    ("Zürich Büro", 2),
    ("<img src=x onerror=alert('tag')>", 1),
];

/// Tag index of "EU": the narrower demo user sees only assets carrying it.
pub const TAG_EU: u16 = 3;

pub static TRACKING: &[&str] = app::model::filter::TRACKING_METHODS;
/// Share of each tracking method, in the order of [`TRACKING`].
pub const TRACKING_WEIGHTS: &[u32] = &[55, 18, 5, 3, 3, 8, 6, 2];
pub const TRACKING_PASSIVE: u8 = 5;
pub const TRACKING_EASM: u8 = 6;
pub const TRACKING_INSTANCE: u8 = 4;

/// Cloud providers; index 0 means on premises (`provider: null`).
pub static PROVIDERS: &[Option<&str>] = &[
    None,
    Some("AWS"),
    Some("AZURE"),
    Some("GCP"),
    Some("OCI"),
    Some("IBM"),
    Some("ALIBABA"),
];
pub const PROVIDER_WEIGHTS: &[u32] = &[670, 150, 100, 60, 10, 5, 5];
pub const PROVIDER_AZURE: u8 = 2;

pub static ROLES: &[&str] = &[
    "web", "db", "app", "mail", "dc", "fs", "vpn", "k8s-node", "laptop", "ws", "printer", "fw",
    "proxy", "build",
];
pub static ENVS: &[&str] = &["prod", "stg", "dev", "lab"];
pub static SITES: &[&str] = &["fra", "ams", "nyc", "sfo", "sgp", "syd", "lon"];
pub static PORTS: &[(u16, &str, &str)] = &[
    (22, "TCP", "ssh"),
    (80, "TCP", "http"),
    (443, "TCP", "https"),
    (445, "TCP", "microsoft-ds"),
    (3389, "TCP", "ms-wbt-server"),
    (5432, "TCP", "postgresql"),
    (1433, "TCP", "ms-sql-s"),
    (53, "UDP", "domain"),
    (161, "UDP", "snmp"),
    (8080, "TCP", "http-proxy"),
    (9100, "TCP", "jetdirect"),
];
