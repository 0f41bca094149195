//! The demo coop: about 300 members with households, cards and shares, plausible Brussels
//! names, and one account per role. Loaded once, on the first start of an empty database;
//! loading again changes nothing.

use crate::entities::{household_people, members, share_events};
use crate::error::Result;
use crate::{accounts, db::write_tx, members as register, now_ms, settings, shares, Services};
use chrono::NaiveDate;
use domain::member::{ValidMember, WorkRegime};
use domain::register::ShareClass;
use domain::{Language, Role};
use sea_orm::{ActiveModelTrait, ConnectionTrait, EntityTrait, Set};
use uuid::Uuid;

pub const DEMO_PASSWORD: &str = "ruche-demo";
const LOADED: &str = "demo_loaded";

/// The demo accounts, one per role: (email, role).
pub const ACCOUNTS: [(&str, Role); 6] = [
    ("admin@demo.ruche.coop", Role::Admin),
    ("coordinator@demo.ruche.coop", Role::Coordinator),
    ("shift-leader@demo.ruche.coop", Role::ShiftLeader),
    ("cashier@demo.ruche.coop", Role::Cashier),
    ("stock@demo.ruche.coop", Role::StockManager),
    ("member@demo.ruche.coop", Role::Member),
];

const FIRST: [&str; 50] = [
    "Amina",
    "Lucas",
    "Emma",
    "Noah",
    "Sofia",
    "Mohamed",
    "Louise",
    "Arthur",
    "Lina",
    "Jules",
    "Olivia",
    "Adam",
    "Nora",
    "Victor",
    "Yasmine",
    "Léa",
    "Thomas",
    "Sarah",
    "Elias",
    "Chloé",
    "Inès",
    "Hugo",
    "Zoé",
    "Rayan",
    "Camille",
    "Liam",
    "Fatima",
    "Maxime",
    "Manon",
    "Bram",
    "Lotte",
    "Wout",
    "Fien",
    "Jonas",
    "Marie",
    "Pieter",
    "Anouk",
    "Sander",
    "Eline",
    "Ahmed",
    "Marta",
    "Giulia",
    "Pablo",
    "Ana",
    "Jan",
    "Katarzyna",
    "Dimitri",
    "Aïcha",
    "Hélène",
    "Théo",
];
const LAST: [&str; 40] = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Wouters",
    "De Smet",
    "Dubois",
    "Lambert",
    "Martin",
    "Dupont",
    "Leroy",
    "Simon",
    "Laurent",
    "Lejeune",
    "Renard",
    "El Amrani",
    "Benali",
    "Yılmaz",
    "Nowak",
    "Rossi",
    "García",
    "Van den Broeck",
    "Vermeulen",
    "De Backer",
    "Hermans",
    "Michiels",
    "Lemaire",
    "Fontaine",
    "Mahieu",
    "Diallo",
    "Kabeya",
    "Mukendi",
    "Haddad",
    "Öztürk",
    "Kowalski",
    "Ferreira",
];

/// A small deterministic generator, so every demo coop is the same.
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
}

fn email_part(s: &str) -> String {
    domain::search::fold(s)
        .chars()
        .filter(|c| c.is_ascii_alphanumeric())
        .collect()
}

/// Loads the demo coop unless it is already there. Returns whether it loaded it now.
pub async fn load(s: &Services) -> Result<bool> {
    if settings::get(&s.db, LOADED).await?.is_some() {
        return Ok(false);
    }
    let started = now_ms();
    let tx = write_tx(&s.db).await?;
    settings::set(&tx, settings::COOP_NAME, "Ruche demo coop").await?;
    for (code, name, price) in [("A", "Worker share", 2000), ("B", "Supporter share", 2500)] {
        crate::entities::share_classes::ActiveModel {
            code: Set(code.into()),
            name: Set(name.into()),
            unit_price_cents: Set(price),
        }
        .insert(&tx)
        .await?;
    }
    let prefix = settings::card_prefix(&tx).await?;
    let mut dice = Dice(0x5eed_b7ee_c0de_2026);
    let mut people = Vec::new();
    for (i, (email, role)) in ACCOUNTS.iter().enumerate() {
        let first = ["Ada", "Corentin", "Saskia", "Kenza", "Stijn", "Mira"][i];
        let last = [
            "Admin",
            "Coördinator",
            "Shiftleader",
            "Caissière",
            "Stockbeheer",
            "Membre",
        ][i];
        let m = ValidMember {
            member_number: None,
            first_name: first.into(),
            last_name: last.into(),
            email: (*email).into(),
            phone: None,
            language: [Language::En, Language::Fr, Language::Nl][i % 3],
            join_date: NaiveDate::from_ymd_opt(2021, 1, 10).expect("a date"),
            work_regime: if i == 5 {
                WorkRegime::Flexible
            } else {
                WorkRegime::Regular
            },
        };
        let id = register::insert(&tx, &m, prefix).await?;
        people.push(id);
        share_event(&tx, id, "subscription", Some("A"), 2, 0, m.join_date).await?;
        share_event(&tx, id, "payment", None, 0, 4000, m.join_date).await?;
        let (user_id, _) = accounts::user_for_member(&tx, id)
            .await?
            .expect("insert makes an account");
        let mut roles = vec![Role::Member, *role];
        roles.dedup();
        set_demo_password(&tx, user_id, &roles).await?;
    }
    for n in 0..294u64 {
        let first = dice.pick(&FIRST);
        let last = dice.pick(&LAST);
        let regime = match dice.below(10) {
            0..=6 => WorkRegime::Regular,
            7 | 8 => WorkRegime::Flexible,
            _ => WorkRegime::Exempt,
        };
        let language = match dice.below(20) {
            0..=8 => Language::Fr,
            9..=15 => Language::Nl,
            _ => Language::En,
        };
        let join = NaiveDate::from_ymd_opt(2019, 1, 1).expect("a date")
            + chrono::Duration::days(dice.below(2500) as i64);
        let m = ValidMember {
            member_number: None,
            first_name: first.into(),
            last_name: last.into(),
            email: format!(
                "{}.{}.{}@demo.ruche.coop",
                email_part(first),
                email_part(last),
                n + 1
            ),
            phone: (dice.below(3) > 0).then(|| {
                format!(
                    "+32 47{} {:02} {:02} {:02}",
                    dice.below(10),
                    dice.below(100),
                    dice.below(100),
                    dice.below(100)
                )
            }),
            language,
            join_date: join,
            work_regime: regime,
        };
        let id = register::insert(&tx, &m, prefix).await?;
        people.push(id);
        let household = match dice.below(100) {
            0..=24 => 1,
            25..=32 => 2,
            _ => 0,
        };
        for _ in 0..household {
            let card = settings::next(&tx, "card_number").await?;
            household_people::ActiveModel {
                id: Set(Uuid::now_v7()),
                member_id: Set(id),
                first_name: Set(dice.pick(&FIRST).into()),
                last_name: Set(last.into()),
                card_number: Set(card),
                card_barcode: Set(prefix.barcode(card as u64).expect("demo cards fit")),
                created_at_ms: Set(now_ms()),
            }
            .insert(&tx)
            .await?;
        }
        let a = 1 + dice.below(5) as i64;
        let paid = if dice.below(10) == 0 {
            a * 2000 / 2
        } else {
            a * 2000
        };
        share_event(&tx, id, "subscription", Some("A"), a, 0, join).await?;
        share_event(&tx, id, "payment", None, 0, paid, join).await?;
        if dice.below(10) == 0 {
            share_event(&tx, id, "subscription", Some("B"), 2, 0, join).await?;
            share_event(&tx, id, "payment", None, 0, 5000, join).await?;
        }
        if dice.below(30) == 0 {
            let left = join + chrono::Duration::days(200 + dice.below(400) as i64);
            let mut am: members::ActiveModel = members::Entity::find_by_id(id)
                .one(&tx)
                .await?
                .expect("just made")
                .into();
            am.leaving_date = Set(Some(left));
            am.leaving_reason = Set(Some(
                ["Moved away", "Déménagement", "Verhuisd"][dice.below(3) as usize].into(),
            ));
            am.update(&tx).await?;
            share_event(&tx, id, "reimbursement", Some("A"), a, a * 2000, left).await?;
        }
    }
    for id in &people {
        // Household names and cards are searchable too.
        register::refresh_search_text(&tx, *id).await?;
    }
    settings::set(&tx, LOADED, "1").await?;
    tx.commit().await?;
    let classes: Vec<ShareClass> = shares::classes(&s.db).await?;
    tracing::info!(
        members = people.len(),
        classes = classes.len(),
        ms = now_ms() - started,
        "demo coop loaded"
    );
    Ok(true)
}

async fn set_demo_password(db: &impl ConnectionTrait, user_id: Uuid, roles: &[Role]) -> Result<()> {
    let user = crate::entities::users::Entity::find_by_id(user_id)
        .one(db)
        .await?
        .expect("just made");
    let mut am: crate::entities::users::ActiveModel = user.into();
    am.password_hash = Set(Some(accounts::hash_password(DEMO_PASSWORD)));
    am.update(db).await?;
    accounts::replace_roles(db, user_id, roles).await
}

async fn share_event(
    db: &impl ConnectionTrait,
    member: Uuid,
    kind: &str,
    class: Option<&str>,
    quantity: i64,
    amount_cents: i64,
    date: NaiveDate,
) -> Result<()> {
    share_events::ActiveModel {
        id: Set(Uuid::now_v7()),
        member_id: Set(member),
        kind: Set(kind.into()),
        class_code: Set(class.map(str::to_string)),
        quantity: Set(quantity),
        amount_cents: Set(amount_cents),
        date: Set(date),
        counterpart_member_id: Set(None),
        note: Set(String::new()),
        created_by: Set(None),
        created_at_ms: Set(now_ms()),
    }
    .insert(db)
    .await?;
    Ok(())
}
