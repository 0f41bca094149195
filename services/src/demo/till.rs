//! The demo coop's shop: two tills, a catalogue of about sixty products a Brussels coop sells
//! (bread, weighed fruit, vegetables and cheese with in-store scale codes, a price-labelled bulk
//! item, dairy, groceries, drinks with a bottle deposit, cleaning products, a newspaper at 0 %),
//! and one member who may not shop, so the till's refusal and a supervisor's override can be
//! shown. Loaded once, behind its own marker.
//!
//! Barcodes are EAN-13 made from twelve digits and their check digit: packaged products
//! `5412345` + a five-digit number; weighed items `21` + a five-digit item code + five zeros
//! (the scale prints the weight in grams there); the price-labelled item `02` + its item code +
//! five zeros (the label prints the price in cents there). See [`sample_codes`].

use super::{demo_viewer, ACCOUNTS};
use crate::error::Result;
use crate::shifts::status;
use crate::till::{catalogue, drawer};
use crate::{db::write_tx, members as register, now_ms, settings, Services};
use domain::barcode::ean13_from_data;
use domain::member::{ValidMember, WorkRegime};
use domain::shifts::ledger::manual_correction;
use domain::till::ProductForm;
use domain::Language;
use sea_orm::EntityTrait;

const TILL_LOADED: &str = "demo_till_loaded";

/// The demo member who may not shop: suspended, two shifts behind for forty days.
pub const SUSPENDED_MEMBER: &str = "sam.suspendu@demo.ruche.coop";

/// How a demo product is coded.
#[derive(Clone, Copy)]
enum Code {
    /// A packaged product's own EAN-13: `5412345` and this number.
    Packaged(u32),
    /// Weighed at the scale: `21`, this item code, the weight.
    Weighed(u32),
    /// Price-labelled at the scale: `02`, this item code, the price.
    PriceLabelled(u32),
}

impl Code {
    /// The barcode stored on the product (for embedded codes, with the value as zeros).
    fn barcode(self) -> String {
        self.with_value(0)
    }

    fn with_value(self, value: u32) -> String {
        let data = match self {
            Code::Packaged(n) => format!("5412345{n:05}"),
            Code::Weighed(n) => format!("21{n:05}{value:05}"),
            Code::PriceLabelled(n) => format!("02{n:05}{value:05}"),
        };
        let digits: Vec<u8> = data.bytes().map(|b| b - b'0').collect();
        ean13_from_data(&digits.try_into().expect("twelve digits"))
    }
}

/// (name, category, unit, price, VAT %, deposit, meal vouchers, code)
type Item = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    Code,
);

use Code::{Packaged as P, PriceLabelled as L, Weighed as W};

const BREAD: &str = "Boulangerie";
const FRUIT: &str = "Fruits et légumes";
const CHEESE: &str = "Fromagerie";
const DAIRY: &str = "Crèmerie";
const GROCERY: &str = "Épicerie";
const DRINKS: &str = "Boissons";
const HOUSEHOLD: &str = "Droguerie";
const BULK: &str = "Vrac";
const PRESS: &str = "Presse";

const PRODUCTS: [Item; 62] = [
    (
        "Pain complet 800 g",
        BREAD,
        "piece",
        "3.20",
        "6",
        "",
        true,
        P(1),
    ),
    (
        "Baguette tradition",
        BREAD,
        "piece",
        "1.60",
        "6",
        "",
        true,
        P(2),
    ),
    (
        "Pain au levain",
        BREAD,
        "piece",
        "4.10",
        "6",
        "",
        true,
        P(3),
    ),
    (
        "Croissant au beurre",
        BREAD,
        "piece",
        "1.10",
        "6",
        "",
        true,
        P(4),
    ),
    (
        "Cramique aux raisins",
        BREAD,
        "piece",
        "3.90",
        "6",
        "",
        true,
        P(5),
    ),
    ("Pommes Jonagold", FRUIT, "kg", "2.49", "6", "", true, W(1)),
    (
        "Poires Conférence",
        FRUIT,
        "kg",
        "2.79",
        "6",
        "",
        true,
        W(2),
    ),
    ("Bananes bio", FRUIT, "kg", "2.20", "6", "", true, W(3)),
    ("Carottes", FRUIT, "kg", "1.39", "6", "", true, W(4)),
    (
        "Pommes de terre Bintje",
        FRUIT,
        "kg",
        "1.19",
        "6",
        "",
        true,
        W(5),
    ),
    ("Tomates grappe", FRUIT, "kg", "3.49", "6", "", true, W(6)),
    ("Poireaux", FRUIT, "kg", "2.89", "6", "", true, W(7)),
    ("Oignons jaunes", FRUIT, "kg", "1.49", "6", "", true, W(8)),
    (
        "Chicons de pleine terre",
        FRUIT,
        "kg",
        "4.20",
        "6",
        "",
        true,
        W(9),
    ),
    ("Courgettes", FRUIT, "kg", "2.99", "6", "", true, W(10)),
    ("Comté 18 mois", CHEESE, "kg", "24.90", "6", "", true, W(20)),
    ("Gouda jeune", CHEESE, "kg", "14.50", "6", "", true, W(21)),
    (
        "Fromage de Herve",
        CHEESE,
        "piece",
        "5.40",
        "6",
        "",
        true,
        P(20),
    ),
    (
        "Brie de Meaux",
        CHEESE,
        "piece",
        "4.60",
        "6",
        "",
        true,
        P(21),
    ),
    (
        "Mozzarella bio 125 g",
        CHEESE,
        "piece",
        "1.89",
        "6",
        "",
        true,
        P(22),
    ),
    (
        "Lait demi-écrémé 1 l",
        DAIRY,
        "piece",
        "1.15",
        "6",
        "",
        true,
        P(30),
    ),
    (
        "Yaourt nature 500 g",
        DAIRY,
        "piece",
        "1.69",
        "6",
        "",
        true,
        P(31),
    ),
    (
        "Beurre doux 250 g",
        DAIRY,
        "piece",
        "2.95",
        "6",
        "",
        true,
        P(32),
    ),
    (
        "Crème fraîche 20 cl",
        DAIRY,
        "piece",
        "1.49",
        "6",
        "",
        true,
        P(33),
    ),
    ("Œufs bio x6", DAIRY, "piece", "3.60", "6", "", true, P(34)),
    (
        "Pâtes complètes 500 g",
        GROCERY,
        "piece",
        "1.79",
        "6",
        "",
        true,
        P(40),
    ),
    (
        "Riz basmati 1 kg",
        GROCERY,
        "piece",
        "3.29",
        "6",
        "",
        true,
        P(41),
    ),
    (
        "Lentilles corail 500 g",
        GROCERY,
        "piece",
        "2.45",
        "6",
        "",
        true,
        P(42),
    ),
    (
        "Farine d'épeautre 1 kg",
        GROCERY,
        "piece",
        "2.99",
        "6",
        "",
        true,
        P(43),
    ),
    (
        "Huile d'olive 75 cl",
        GROCERY,
        "piece",
        "8.90",
        "6",
        "",
        true,
        P(44),
    ),
    (
        "Sucre de canne 1 kg",
        GROCERY,
        "piece",
        "2.60",
        "6",
        "",
        true,
        P(45),
    ),
    (
        "Café moulu 250 g",
        GROCERY,
        "piece",
        "4.95",
        "6",
        "",
        true,
        P(46),
    ),
    (
        "Thé vert 20 sachets",
        GROCERY,
        "piece",
        "3.10",
        "6",
        "",
        true,
        P(47),
    ),
    (
        "Chocolat noir 72 % 100 g",
        GROCERY,
        "piece",
        "2.40",
        "6",
        "",
        true,
        P(48),
    ),
    (
        "Spéculoos 250 g",
        GROCERY,
        "piece",
        "2.25",
        "6",
        "",
        true,
        P(49),
    ),
    (
        "Confiture de fraises",
        GROCERY,
        "piece",
        "2.95",
        "6",
        "",
        true,
        P(50),
    ),
    (
        "Sirop de Liège 450 g",
        GROCERY,
        "piece",
        "3.45",
        "6",
        "",
        true,
        P(51),
    ),
    (
        "Miel de fleurs 500 g",
        GROCERY,
        "piece",
        "7.80",
        "6",
        "",
        true,
        P(52),
    ),
    (
        "Muesli croquant 750 g",
        GROCERY,
        "piece",
        "4.30",
        "6",
        "",
        true,
        P(53),
    ),
    (
        "Moutarde de Gand",
        GROCERY,
        "piece",
        "1.85",
        "6",
        "",
        true,
        P(54),
    ),
    (
        "Mayonnaise 300 ml",
        GROCERY,
        "piece",
        "2.70",
        "6",
        "",
        true,
        P(55),
    ),
    (
        "Eau plate 1,5 l",
        DRINKS,
        "piece",
        "0.65",
        "6",
        "",
        true,
        P(60),
    ),
    (
        "Jus de pomme 1 l",
        DRINKS,
        "piece",
        "2.40",
        "6",
        "",
        true,
        P(61),
    ),
    (
        "Limonade bio 33 cl",
        DRINKS,
        "piece",
        "1.30",
        "6",
        "",
        true,
        P(62),
    ),
    (
        "Bière blonde 33 cl",
        DRINKS,
        "piece",
        "1.45",
        "21",
        "0.10",
        false,
        P(63),
    ),
    (
        "Bière trappiste 33 cl",
        DRINKS,
        "piece",
        "2.20",
        "21",
        "0.10",
        false,
        P(64),
    ),
    (
        "Kriek 25 cl",
        DRINKS,
        "piece",
        "1.85",
        "21",
        "0.10",
        false,
        P(65),
    ),
    (
        "Vin rouge 75 cl",
        DRINKS,
        "piece",
        "8.50",
        "21",
        "",
        false,
        P(66),
    ),
    (
        "Cidre brut 75 cl",
        DRINKS,
        "piece",
        "5.20",
        "21",
        "",
        false,
        P(67),
    ),
    (
        "Savon de Marseille",
        HOUSEHOLD,
        "piece",
        "4.99",
        "21",
        "",
        false,
        P(70),
    ),
    (
        "Liquide vaisselle 500 ml",
        HOUSEHOLD,
        "piece",
        "3.20",
        "21",
        "",
        false,
        P(71),
    ),
    (
        "Lessive liquide 1,5 l",
        HOUSEHOLD,
        "piece",
        "9.90",
        "21",
        "",
        false,
        P(72),
    ),
    (
        "Papier toilette x8",
        HOUSEHOLD,
        "piece",
        "4.80",
        "21",
        "",
        false,
        P(73),
    ),
    (
        "Dentifrice",
        HOUSEHOLD,
        "piece",
        "2.90",
        "21",
        "",
        false,
        P(74),
    ),
    (
        "Shampooing doux",
        HOUSEHOLD,
        "piece",
        "5.60",
        "21",
        "",
        false,
        P(75),
    ),
    (
        "Éponges x3",
        HOUSEHOLD,
        "piece",
        "1.95",
        "21",
        "",
        false,
        P(76),
    ),
    (
        "Sac réutilisable",
        HOUSEHOLD,
        "piece",
        "1.50",
        "21",
        "",
        false,
        P(77),
    ),
    (
        "Noix de cajou (vrac)",
        BULK,
        "kg",
        "22.00",
        "6",
        "",
        true,
        L(1),
    ),
    (
        "Flocons d'avoine (vrac)",
        BULK,
        "kg",
        "3.40",
        "6",
        "",
        true,
        W(30),
    ),
    ("Amandes (vrac)", BULK, "kg", "19.50", "6", "", true, W(31)),
    (
        "Journal de quartier",
        PRESS,
        "piece",
        "1.00",
        "0",
        "",
        false,
        P(80),
    ),
    (
        "Carte postale",
        PRESS,
        "piece",
        "0.90",
        "21",
        "",
        false,
        P(81),
    ),
];

/// Codes to try at the demo till: (what, code), as printed in the README.
pub fn sample_codes() -> Vec<(&'static str, String)> {
    vec![
        ("Pain complet 800 g", P(1).barcode()),
        ("Lait demi-écrémé 1 l", P(30).barcode()),
        ("Bière blonde 33 cl (0.10 deposit)", P(63).barcode()),
        ("Savon de Marseille (21 %)", P(70).barcode()),
        ("Journal de quartier (0 %)", P(80).barcode()),
        ("Comté 18 mois, 0.347 kg", W(20).with_value(347)),
        ("Pommes Jonagold, 1.250 kg", W(1).with_value(1250)),
        ("Noix de cajou, label of 4.99", L(1).with_value(499)),
    ]
}

/// Loads the shop unless its marker is there. Returns whether it loaded it now.
/// What the shelf label of a product of `category` says it comes from.
fn origin_of(category: &str) -> &'static str {
    match category {
        BREAD | DAIRY | CHEESE => "Belgique",
        FRUIT => "Belgique, Espagne",
        _ => "",
    }
}

/// The net content a product's name ends with (`Pain complet 800 g`, `Bière blonde 33 cl`),
/// as typed in the form; empty when it says none.
fn content_in(name: &str) -> String {
    let words: Vec<&str> = name.split_whitespace().collect();
    words
        .len()
        .checked_sub(2)
        .map(|at| words[at..].join(" "))
        .filter(|last| domain::stock::labels::NetContent::parse(last).is_some())
        .unwrap_or_default()
}

pub(super) async fn load_till(s: &Services) -> Result<bool> {
    if settings::get(&s.db, TILL_LOADED).await?.is_some() {
        return Ok(false);
    }
    let started = now_ms();
    let admin = demo_viewer(s, ACCOUNTS[0].0).await?;
    for name in ["Till 1", "Till 2"] {
        drawer::create_till(s, &admin, name).await?;
    }
    for (name, category, unit, price, vat, deposit, meal_voucher, code) in PRODUCTS {
        let form = ProductForm {
            name: name.into(),
            category: category.into(),
            unit: unit.into(),
            price: price.into(),
            vat_percent: vat.into(),
            deposit: deposit.into(),
            meal_voucher,
            active: true,
            barcodes: vec![code.barcode()],
            origin: origin_of(category).into(),
            organic: name.contains(" bio"),
            local: [BREAD, DAIRY].contains(&category),
            content: content_in(name),
        };
        catalogue::create_product(s, &admin, &form).await?;
    }
    let tx = write_tx(&s.db).await?;
    let prefix = settings::card_prefix(&tx).await?;
    let today = crate::today();
    let suspended = ValidMember {
        member_number: None,
        first_name: "Sam".into(),
        last_name: "Suspendu".into(),
        email: SUSPENDED_MEMBER.into(),
        phone: None,
        language: Language::Fr,
        join_date: today - chrono::Duration::days(400),
        work_regime: WorkRegime::Regular,
    };
    let id = register::insert(&tx, &suspended, prefix).await?;
    register::refresh_search_text(&tx, id).await?;
    let missed = manual_correction(
        today - chrono::Duration::days(40),
        -2,
        admin.user_id,
        "Two shifts missed (demo)",
    )
    .expect("a demo correction");
    status::append(&tx, id, &missed, Some(admin.user_id)).await?;
    let member = crate::entities::members::Entity::find_by_id(id)
        .one(&tx)
        .await?
        .expect("just made");
    let rules = crate::shifts::rules(&tx).await?;
    status::refresh(&tx, &rules, &member, today).await?;
    settings::set(&tx, TILL_LOADED, "1").await?;
    tx.commit().await?;
    tracing::info!(
        products = PRODUCTS.len(),
        ms = now_ms() - started,
        "demo shop loaded"
    );
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_demo_code_is_read_as_meant() {
        let n = domain::till::Nomenclature::default();
        let mut seen = std::collections::HashSet::new();
        for (name, .., code) in PRODUCTS {
            let barcode = code.barcode();
            assert!(seen.insert(barcode.clone()), "{name}: {barcode} twice");
            let scan = domain::till::parse_scan(&n, &code.with_value(123)).unwrap();
            assert_eq!(scan.product_barcode(), Some(barcode.as_str()), "{name}");
            let expected = match code {
                P(_) => matches!(scan, domain::till::Scan::Product { .. }),
                W(_) => matches!(scan, domain::till::Scan::Weighed { grams: 123, .. }),
                L(_) => matches!(scan, domain::till::Scan::PriceEmbedded { cents: 123, .. }),
            };
            assert!(expected, "{name}: {scan:?}");
        }
    }
}
