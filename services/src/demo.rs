//! The demo coop: about 300 members with households, cards and shares, plausible Brussels
//! names, one account per role and a flexible member's account, and a shift planning: task
//! types, a template for every morning and evening of the four-week cycle with most seats held
//! by regular members, shifts generated from a week ago to the horizon, and one open swap offer;
//! then its shop ([`till`]): tills, a catalogue and a member who may not shop; then two
//! suppliers with four weeks of sales and an order sent ([`orders`]), and three more with their
//! price lists ([`suppliers`]).
//! Loaded only when asked (`RUCHE_DEMO=1` or `server demo`), only into an empty database (its
//! passwords are published: it must never sit beside real accounts), and once; loading again
//! changes nothing.

use crate::entities::{household_people, members, share_events};
use crate::error::{Error, Result};
use crate::shifts::planning::{self, TemplateForm};
use crate::shifts::{self, booking};
use crate::{accounts, db::write_tx, members as register, now_ms, settings, shares, Services};
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use domain::member::{ValidMember, WorkRegime};
use domain::register::ShareClass;
use domain::shifts::WeekLetter;
use domain::Viewer;
use domain::{Language, Role};
use sea_orm::{ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, Set};
use uuid::Uuid;

mod orders;
mod suppliers;
mod till;
pub use till::{sample_codes, SUSPENDED_MEMBER};

pub const DEMO_PASSWORD: &str = "ruche-demo";
const LOADED: &str = "demo_loaded";
const PLANNING_LOADED: &str = "demo_planning_loaded";

/// A member account with no other role who works as a flexible member: books any free seat.
pub const FLEXIBLE_MEMBER: &str = "flexible@demo.ruche.coop";

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

/// Loads the demo coop unless it is already there, then its shift planning unless that is
/// there. Returns whether it loaded anything now.
///
/// Errors: [`Error::NotEmpty`] when the demo coop is not there and the database holds
/// accounts, members or products already; nothing is written then.
pub async fn load(s: &Services) -> Result<bool> {
    let members = load_members(s).await?;
    let planning = load_planning(s).await?;
    let shop = till::load_till(s).await?;
    let orders = orders::load_orders(s).await?;
    let suppliers = suppliers::load_suppliers(s).await?;
    Ok(members || planning || shop || orders || suppliers)
}

/// Whether the database holds accounts, members or products.
async fn holds_data(db: &impl ConnectionTrait) -> Result<bool> {
    use crate::entities::{products, users};
    use sea_orm::PaginatorTrait;
    Ok(users::Entity::find().count(db).await? > 0
        || members::Entity::find().count(db).await? > 0
        || products::Entity::find().count(db).await? > 0)
}

async fn load_members(s: &Services) -> Result<bool> {
    if settings::get(&s.db, LOADED).await?.is_some() {
        return Ok(false);
    }
    let started = now_ms();
    let tx = write_tx(&s.db).await?;
    if holds_data(&tx).await? {
        return Err(Error::NotEmpty);
    }
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
            work_regime: WorkRegime::Regular,
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
    let flexible = ValidMember {
        member_number: None,
        first_name: "Fleur".into(),
        last_name: "Flexible".into(),
        email: FLEXIBLE_MEMBER.into(),
        phone: None,
        language: Language::En,
        join_date: NaiveDate::from_ymd_opt(2022, 3, 7).expect("a date"),
        work_regime: WorkRegime::Flexible,
    };
    let id = register::insert(&tx, &flexible, prefix).await?;
    people.push(id);
    share_event(&tx, id, "subscription", Some("A"), 1, 0, flexible.join_date).await?;
    share_event(&tx, id, "payment", None, 0, 2000, flexible.join_date).await?;
    let (user_id, _) = accounts::user_for_member(&tx, id)
        .await?
        .expect("insert makes an account");
    set_demo_password(&tx, user_id, &[Role::Member]).await?;
    for n in 0..293u64 {
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

/// The demo planning, made through the shift services as a coordinator would: task types, two
/// templates (09:00 and 17:30) for every day of the cycle, regular members in their seats, the
/// demo shift leader leading the templates of the demo member and of every Saturday, shifts
/// generated from a week ago (so yesterday's attendance sheet waits for its shift leader), and
/// a swap offer six days ahead.
///
/// The demo member (`member@demo.ruche.coop`) holds a seat in yesterday's morning template,
/// which the demo shift leader leads and works in too.
async fn load_planning(s: &Services) -> Result<bool> {
    if settings::get(&s.db, PLANNING_LOADED).await?.is_some() {
        return Ok(false);
    }
    let started = now_ms();
    let admin = demo_viewer(s, ACCOUNTS[0].0).await?;
    let rules = shifts::rules(&s.db).await?;
    let today = crate::today();
    let yesterday = today - chrono::Duration::days(1);
    let mut tasks = Vec::new();
    for name in ["Till", "Reception", "Shelving", "Cleaning"] {
        tasks.push(planning::create_task_type(s, &admin, name).await?);
    }
    let mut templates = Vec::new();
    let mut yesterday_morning = None;
    let mut saturdays = Vec::new();
    for n in 0..rules.cycle.weeks as usize {
        let week = WeekLetter::try_from(char::from(b'A' + n as u8)).expect("a cycle letter");
        for day in 0..7u8 {
            let weekday = Weekday::try_from(day).expect("0..7 is a weekday");
            for (slot, (start, end)) in [((9, 0), (11, 45)), ((17, 30), (20, 15))]
                .into_iter()
                .enumerate()
            {
                let form = TemplateForm {
                    week,
                    weekday,
                    start: NaiveTime::from_hms_opt(start.0, start.1, 0).expect("a time"),
                    end: NaiveTime::from_hms_opt(end.0, end.1, 0).expect("a time"),
                    task_type_id: tasks[(n + usize::from(day) + slot) % tasks.len()],
                    seats: 5,
                    required_skill: None,
                };
                let id = planning::create_template(s, &admin, &form).await?;
                if slot == 0
                    && week == rules.cycle.letter(yesterday)
                    && weekday == yesterday.weekday()
                {
                    yesterday_morning = Some(id);
                } else {
                    templates.push(id);
                }
                if weekday == Weekday::Sat {
                    saturdays.push(id);
                }
            }
        }
    }
    let yesterday_morning = yesterday_morning.expect("the cycle has every day");
    let member = demo_member_id(s, ACCOUNTS[5].0).await?;
    let leader = demo_member_id(s, ACCOUNTS[2].0).await?;
    planning::assign_seat(s, &admin, yesterday_morning, member).await?;
    planning::assign_seat(s, &admin, yesterday_morning, leader).await?;
    planning::add_leader(s, &admin, yesterday_morning, leader).await?;
    for t in &saturdays {
        planning::add_leader(s, &admin, *t, leader).await?;
    }
    // Regular members fill four seats of five in turn, so flexible members find free seats.
    let regulars = crate::entities::members::Entity::find()
        .filter(crate::entities::members::Column::WorkRegime.eq(WorkRegime::Regular.as_str()))
        .filter(crate::entities::members::Column::LeavingDate.is_null())
        .filter(crate::entities::members::Column::Id.is_not_in([member, leader]))
        .all(&s.db)
        .await?;
    let mut seats = templates.iter().flat_map(|t| std::iter::repeat_n(*t, 4));
    let mut first_of: std::collections::HashMap<Uuid, Uuid> = Default::default();
    for m in regulars {
        let Some(t) = seats.next() else { break };
        planning::assign_seat(s, &admin, t, m.id).await?;
        first_of.entry(t).or_insert(m.id);
    }
    planning::generate(s, today - chrono::Duration::days(7)).await?;
    planning::generate(s, today).await?;
    // One open swap offer: the first seat holder of the morning shift six days ahead.
    let ahead = today + chrono::Duration::days(6);
    let shift = planning::shifts_on(&s.db, ahead..ahead + chrono::Duration::days(1))
        .await?
        .into_iter()
        .filter(|sh| !sh.cancelled)
        .min_by_key(|sh| sh.start);
    if let Some(shift) = shift {
        let template = crate::entities::shifts::Entity::find_by_id(shift.id)
            .one(&s.db)
            .await?
            .and_then(|row| row.template_id);
        if let Some(holder) = template.and_then(|t| first_of.get(&t)) {
            booking::offer(s, *holder, shift.id).await?;
        }
    }
    settings::set(&s.db, PLANNING_LOADED, "1").await?;
    tracing::info!(ms = now_ms() - started, "demo planning loaded");
    Ok(true)
}

/// The member id behind a demo account's email.
async fn demo_member_id(s: &Services, email: &str) -> Result<Uuid> {
    Ok(crate::entities::members::Entity::find()
        .filter(crate::entities::members::Column::Email.eq(email))
        .one(&s.db)
        .await?
        .expect("the demo accounts are members")
        .id)
}

/// A demo account acting, as the services see it.
async fn demo_viewer(s: &Services, email: &str) -> Result<Viewer> {
    let member_id = demo_member_id(s, email).await?;
    let (user_id, _) = accounts::user_for_member(&s.db, member_id)
        .await?
        .expect("the demo accounts have users");
    Ok(Viewer {
        user_id,
        display_name: email.into(),
        email: email.into(),
        roles: vec![Role::Admin],
        language: Language::En,
        member_id: Some(member_id),
    })
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
