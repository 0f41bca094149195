//! The demo coop's suppliers: a wholesaler of fresh produce, a bakery and a grocery wholesaler,
//! each with its price list (codes, packs and costs) for the demo products of its categories,
//! preferred for them unless the suppliers of the orders' demo ([`super::orders`]) are, and the grocery wholesaler also selling the dairy at a higher cost.
//! Most costs are such that the computed price (the coop's 20 % margin and VAT, to 5 cents) is
//! the price on the shelf; every fifth product's supplier has raised its cost by 8 %, so the
//! pricing page has prices to update. Loaded once, behind its own marker, after the shop.

use super::{demo_viewer, ACCOUNTS};
use crate::error::Result;
use crate::stock::suppliers;
use crate::till::catalogue;
use crate::{now_ms, settings, Services};
use domain::stock::supplier::{LineForm, SupplierForm};
use domain::till::catalogue::ProductState;
use domain::till::Unit;
use std::collections::HashMap;

const SUPPLIERS_LOADED: &str = "demo_suppliers_loaded";

/// (name, contact, order email, minimum order, lead days, code prefix, categories)
type DemoSupplier = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [&'static str],
);

const SUPPLIERS: [DemoSupplier; 3] = [
    (
        "Biofresh Bruxelles",
        "Anne Peeters, 02 555 01 01",
        "commandes@biofresh.example",
        "150",
        "1",
        "BF",
        &["Fruits et légumes", "Fromagerie", "Crèmerie"],
    ),
    (
        "Boulangerie Levain & Co",
        "Marc, 0470 12 34 56",
        "pain@levain.example",
        "40",
        "1",
        "LV",
        &["Boulangerie"],
    ),
    (
        "Épicerie Centrale",
        "Service clients, 02 555 02 02",
        "orders@epicerie-centrale.example",
        "250",
        "3",
        "EC",
        &["Épicerie", "Boissons", "Droguerie", "Vrac", "Crèmerie"],
    ),
];

/// The cost of one unit excluding VAT that gives back `price_cents` at 20 % and `vat_bp`,
/// to the cent.
fn unit_cost_cents(price_cents: i64, vat_bp: u32) -> i64 {
    let den = 12 * (10_000 + i64::from(vat_bp));
    (price_cents * 100_000 + den / 2) / den
}

/// Loads the suppliers unless their marker is there. Returns whether it loaded them now.
pub(super) async fn load_suppliers(s: &Services) -> Result<bool> {
    if settings::get(&s.db, SUPPLIERS_LOADED).await?.is_some() {
        return Ok(false);
    }
    let started = now_ms();
    let stock_manager = demo_viewer(s, ACCOUNTS[4].0).await?;
    let categories: HashMap<uuid::Uuid, String> = catalogue::categories(&s.db)
        .await?
        .into_iter()
        .map(|c| (c.id, c.name))
        .collect();
    let products = catalogue::search(&s.db, "", None, ProductState::All, 200, 0)
        .await?
        .products;
    let mut lines = 0;
    for (n, (name, contact, email, min_order, lead_days, prefix, sells)) in
        SUPPLIERS.into_iter().enumerate()
    {
        let form = SupplierForm {
            name: name.into(),
            contact: contact.into(),
            order_email: email.into(),
            min_order: min_order.into(),
            lead_days: lead_days.into(),
            margin: String::new(),
        };
        let supplier = suppliers::create(s, &stock_manager, &form).await?;
        for (k, p) in products.iter().enumerate() {
            let category = p.category_id.and_then(|c| categories.get(&c));
            if !category.is_some_and(|c| sells.contains(&c.as_str())) {
                continue;
            }
            let mut cost = unit_cost_cents(p.price_cents, p.vat_rate.0);
            // Every fifth product's cost went up; the second seller of a product is dearer.
            if k % 5 == 0 {
                cost = cost * 108 / 100;
            }
            if n == 2 && category.is_some_and(|c| c == "Crèmerie") {
                cost = cost * 110 / 100;
            }
            let pack: i64 = match p.unit {
                Unit::Piece => 6,
                Unit::Kg => 5,
                Unit::Litre => 6,
            };
            let line = LineForm {
                code: format!("{prefix}-{:03}", k + 1),
                pack_size: pack.to_string(),
                pack_cost: domain::money::from_cents(cost * pack).to_string(),
            };
            suppliers::set_line(s, &stock_manager, supplier.id, p.id, &line).await?;
            lines += 1;
        }
    }
    settings::set(&s.db, SUPPLIERS_LOADED, "1").await?;
    tracing::info!(lines, ms = now_ms() - started, "demo suppliers loaded");
    Ok(true)
}

#[cfg(test)]
mod tests {
    use super::unit_cost_cents;
    use domain::stock::cost::PackCost;
    use domain::stock::pricing::sale_price_cents;
    use domain::till::VatRate;

    #[test]
    fn demo_costs_give_back_the_shelf_price_or_close() {
        for (price, vat) in [(320, 600), (145, 2_100), (499, 2_100), (100, 0), (864, 600)] {
            let cost = PackCost::new(1_000, unit_cost_cents(price, vat)).unwrap();
            let computed = sale_price_cents(cost, 2_000, VatRate(vat), 5);
            assert!((computed - price).abs() <= 5, "{price} {vat}: {computed}");
        }
    }
}
