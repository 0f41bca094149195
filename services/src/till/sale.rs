//! Posting a sale. The till rings a sale up (offline if need be) with an id it makes itself,
//! and sends it, maybe several times: the first time records it, with its receipt number,
//! lines, VAT lines, payments and stock moves in one transaction; the same sale again gets the
//! stored receipt and writes nothing; another sale reusing the id is refused as a conflict.
//!
//! The server checks everything with `domain::till`: the lines make a basket (quantities,
//! price labels, discounts), the payments settle it (meal-voucher cap, cash rounding, change).
//! The price of a line is the one the till charged; it must be the catalogue's, unless the
//! catalogue changed shortly before the sale (the till had not fetched the change yet).

use super::catalogue::{to_product, CatalogueProduct};
use super::drawer::{open_session_row, parse_tender, tender_name};
use super::overrides;
use super::stock::{self, MoveKind, StockMove};
use super::{cents, content_hash, milli};
use crate::db::{execute_all, query_all, select_all, write_tx};
use crate::entities::{payments, products, sale_lines, sale_vat_lines, sales};
use crate::error::{Error, Result};
use crate::shifts::status::{status_from, status_selects, StatusRead};
use crate::{group_commit, now_ms, settings, Services};
use domain::money::from_cents;
use domain::shifts::StatusReport;
pub use domain::till::sale::{LineDraft, PaymentDraft, Quantity, Receipt, ReceiptLine, SaleDraft};
use domain::till::{from_milli, settle, Basket, LineKind, Payment, SaleTotals, VatCents, VatRate};
use domain::validation::Reason;
use domain::Viewer;
use rust_decimal::Decimal;
use sea_orm::sea_query::InsertStatement;
use sea_orm::{
    ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    FromQueryResult, QueryFilter, QueryOrder, QueryTrait, Set, Statement, TransactionTrait,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The counter of receipt numbers.
pub const RECEIPT_NUMBER: &str = "receipt_number";

pub use domain::till::sale::{max_discount_percent, CASHIER_MAX_DISCOUNT_PERCENT, SUPERVISORS};

/// How long before a sale a catalogue change may have happened for the till's old price to
/// stand: the till fetches changes more often than that.
pub const PRICE_GRACE_MS: i64 = 10 * 60 * 1000;

/// Records a sale the till made, once.
///
/// Errors: `Invalid` on `sold_at_ms` (`ClockWrong`) for a time no till could have recorded
/// (see [`domain::till::sale::plausible_till_time`]); `Invalid` for a sale without lines
/// (`lines`: Required), an unknown product
/// (`UnknownProduct`), two plain lines of one product (`Malformed`) or a price that is not the
/// catalogue's (`PriceChanged`); `Basket` for a bad quantity, label or discount; `Payment`
/// when the payments do not settle it; `DiscountNotAllowed` above the person's limit;
/// `NotFound` for an unknown session or member; `SessionClosed`; `MayNotShop` without a
/// supervisor's override (`Invalid` on `override` with `OverrideNotValid` for one that is
/// unknown, used, too old or for another member or cashier: see [`overrides`]);
/// `SaleConflict` when the id was used for another sale. Nothing is written then.
pub async fn post_sale(s: &Services, actor: &Viewer, draft: &SaleDraft) -> Result<Receipt> {
    let hash = content_hash(draft)?;
    match check_and_record(s, actor, draft, &hash).await {
        Ok(receipt) => Ok(receipt),
        // Sent again (after the server's answer was lost, or twice at once): a sale recorded
        // already answers its receipt, whatever check its second send fails (its override is
        // used, its session closed, its id taken).
        Err(e) => recorded_meanwhile(&s.db, draft.id, &hash, e).await,
    }
}

/// Checks a sale and records it; see [`post_sale`]. A sale recorded already fails one of the
/// checks or, at the latest, its insertion (its id is taken).
async fn check_and_record(
    s: &Services,
    actor: &Viewer,
    draft: &SaleDraft,
    hash: &str,
) -> Result<Receipt> {
    if !domain::till::sale::plausible_till_time(draft.sold_at_ms, crate::now_ms()) {
        return Err(Error::invalid("sold_at_ms", Reason::ClockWrong));
    }
    if draft.lines.is_empty() {
        return Err(Error::invalid("lines", Reason::Required));
    }
    // Everything that only reads is checked before the write lock is taken, in one read
    // transaction: one connection for all the reads (a connection taken from the pool and
    // given back costs a round trip to its thread each time), and one snapshot of the data.
    let read = s.db.begin().await?;
    let (catalogue, status) = products_and_status(&read, draft).await?;
    let basket = basket(actor, draft, &catalogue)?;
    let tendered: Vec<Payment> = draft
        .payments
        .iter()
        .map(|p| Payment {
            tender: p.tender,
            amount: from_cents(p.amount_cents),
        })
        .collect();
    let settlement = settle(basket.total(), basket.meal_voucher_total(), &tendered)?;
    let report = status.report(crate::today())?;
    let override_id = shopper_allowed(&read, actor, draft, report).await?;
    read.commit().await?;
    let totals = SaleTotals::of(&basket, &settlement, override_id.is_some());
    let (cashier, sale, fingerprint) = (actor.user_id, draft.clone(), hash.to_string());
    // A sale that fails changes nothing: on SQLite it rolls its own savepoint back (see
    // [`record`]), so the group commit need not give it one.
    group_commit::write_one(&s.db, move |tx| {
        Box::pin(async move {
            record(
                tx,
                cashier,
                &sale,
                &basket,
                &totals,
                override_id,
                fingerprint,
            )
            .await
        })
    })
    .await
}

/// Writes a checked sale: its receipt number, row, lines, VAT lines, payments and stock
/// moves. Errors: `NotFound` or `SessionClosed` for its session; the override's refusal when
/// it was used meanwhile; `Invalid` (`AlreadyTaken`) when its id was recorded meanwhile,
/// which [`post_sale`] answers with the receipt or `SaleConflict`.
///
/// On SQLite everything goes to the writer's thread in one call, inside a savepoint of the
/// sale's own (so the group commit needs none for it): the override taken, the receipt
/// counter bumped, the sale's row inserted if its session is open and the override is the
/// sale's, then its lines and the rest, and the receipt number read back. A sale whose
/// session is closed or whose override was taken gets no row, so its first line breaks the
/// lines' foreign key; the savepoint is then rolled back and the session and override read to
/// say why. On PostgreSQL the session's row is read and share-locked first (a closing waits
/// for the sale), then the statements run one by one.
async fn record(
    tx: &DatabaseTransaction,
    cashier: Uuid,
    draft: &SaleDraft,
    basket: &Basket,
    totals: &SaleTotals,
    override_id: Option<Uuid>,
    hash: String,
) -> Result<Receipt> {
    let backend = tx.get_database_backend();
    let mut moves = Vec::new();
    let mut rows = Vec::new();
    let mut lines = Vec::new();
    for (no, (line, d)) in basket.lines().iter().zip(&draft.lines).enumerate() {
        let id = Uuid::now_v7();
        let quantity_milli = milli(line.quantity);
        moves.push(StockMove {
            reference_id: Some(id),
            ..StockMove::new(
                d.product_id,
                -quantity_milli,
                MoveKind::Sale,
                draft.sold_at_ms,
            )
        });
        let (kind, label) = match line.kind {
            LineKind::Plain => ("plain", None),
            LineKind::Weighed => ("weighed", None),
            LineKind::PriceEmbedded { price } => ("price_embedded", Some(cents(price))),
        };
        let printed = ReceiptLine {
            id,
            line_no: u32::try_from(no).unwrap_or(u32::MAX),
            product_id: d.product_id,
            name: line.product.name.clone(),
            quantity_milli,
            unit_price_cents: d.unit_price_cents,
            gross_cents: cents(line.gross()),
            discount_cents: cents(line.discount()),
            deposit_cents: cents(line.deposit()),
            total_cents: cents(line.total()),
            vat_rate: line.product.vat_rate,
        };
        rows.push(sale_lines::ActiveModel {
            id: Set(id),
            sale_id: Set(draft.id),
            line_no: Set(i32::try_from(no).unwrap_or(i32::MAX)),
            product_id: Set(d.product_id),
            name: Set(printed.name.clone()),
            kind: Set(kind.to_string()),
            quantity_milli: Set(quantity_milli),
            unit_price_cents: Set(d.unit_price_cents),
            label_price_cents: Set(label),
            discount_bp: Set(i32::try_from(d.discount_bp).unwrap_or(i32::MAX)),
            gross_cents: Set(printed.gross_cents),
            discount_cents: Set(printed.discount_cents),
            goods_cents: Set(cents(line.goods())),
            deposit_cents: Set(printed.deposit_cents),
            total_cents: Set(printed.total_cents),
            vat_bp: Set(i32::try_from(line.product.vat_rate.0).unwrap_or(0)),
            deposit_vat_bp: Set(line
                .product
                .deposit
                .map_or(0, |d| i32::try_from(d.vat_rate.0).unwrap_or(0))),
            meal_voucher: Set(line.product.meal_voucher),
        });
        lines.push(printed);
    }
    // The sale's row first (if its id is taken, nothing else is written), then the rest.
    let mut inserts = vec![
        backend.build(&insert_sale(draft, cashier, totals, override_id, hash)),
        sale_lines::Entity::insert_many(rows).build(backend),
    ];
    if !totals.vat.is_empty() {
        inserts.push(
            sale_vat_lines::Entity::insert_many(totals.vat.iter().map(|v| {
                sale_vat_lines::ActiveModel {
                    sale_id: Set(draft.id),
                    vat_bp: Set(i32::try_from(v.rate.0).unwrap_or(0)),
                    gross_cents: Set(v.gross),
                    net_cents: Set(v.net),
                    vat_cents: Set(v.vat),
                }
            }))
            .build(backend),
        );
    }
    if !draft.payments.is_empty() {
        // Ids in the order of the sale: the stored receipt lists payments by id.
        inserts.push(
            payments::Entity::insert_many(draft.payments.iter().map(|p| payments::ActiveModel {
                id: Set(Uuid::now_v7()),
                sale_id: Set(draft.id),
                tender: Set(tender_name(p.tender).to_string()),
                amount_cents: Set(p.amount_cents),
            }))
            .build(backend),
        );
    }
    inserts.extend(stock::insert_moves(&moves, Some(cashier), backend));
    let receipt_number = if backend == DbBackend::Sqlite {
        record_in_one_call(tx, draft, override_id, inserts).await?
    } else {
        open_session_row(tx, draft.session_id, false).await?;
        if let Some(id) = override_id {
            overrides::use_for(tx, id, draft.id).await?;
        }
        let number = settings::next(tx, RECEIPT_NUMBER).await?;
        execute_all(tx, inserts).await?;
        number
    };
    // The receipt as stored, answered from memory (the same as [`receipt`] reads back).
    Ok(Receipt {
        id: draft.id,
        receipt_number,
        session_id: draft.session_id,
        member_id: draft.member_id,
        cashier_id: cashier,
        sold_at_ms: draft.sold_at_ms,
        lines,
        vat: totals.vat.clone(),
        total_cents: totals.total,
        discount_cents: totals.discount,
        payments: draft.payments.clone(),
        change_cents: totals.change,
        rounding_cents: totals.rounding,
        overridden: override_id.is_some(),
    })
}

/// The sale's row, inserted only if its session is open and, with an override, the override
/// is tied to this sale: `INSERT ... SELECT` from the session's row, which gives the till,
/// with the receipt number read from its counter (bumped just before, in the same
/// transaction).
fn insert_sale(
    draft: &SaleDraft,
    cashier: Uuid,
    totals: &SaleTotals,
    override_id: Option<Uuid>,
    hash: String,
) -> InsertStatement {
    use crate::entities::{counters, drawer_sessions, overrides as taken};
    use sales::Column as C;
    use sea_orm::sea_query::{Expr, ExprTrait, Query};
    let number = Query::select()
        .column(counters::Column::Value)
        .from(counters::Entity)
        .and_where(counters::Column::Name.eq(RECEIPT_NUMBER))
        .to_owned();
    let mut select = Query::select();
    select
        .expr(Expr::val(draft.id))
        .expr(Expr::SubQuery(None, Box::new(number.into())))
        .expr(Expr::val(draft.session_id))
        .column((drawer_sessions::Entity, drawer_sessions::Column::TillId))
        .exprs([
            Expr::val(cashier),
            Expr::val(draft.member_id),
            Expr::val(draft.sold_at_ms),
            Expr::val(now_ms()),
            Expr::val(totals.total),
            Expr::val(totals.discount),
            Expr::val(totals.cash),
            Expr::val(totals.card),
            Expr::val(totals.meal_vouchers),
            Expr::val(totals.change),
            Expr::val(totals.rounding),
            Expr::val(override_id),
            Expr::val(hash),
        ])
        .from(drawer_sessions::Entity)
        .and_where(
            Expr::col((drawer_sessions::Entity, drawer_sessions::Column::Id)).eq(draft.session_id),
        )
        .and_where(
            Expr::col((drawer_sessions::Entity, drawer_sessions::Column::ClosedAtMs)).is_null(),
        );
    if let Some(id) = override_id {
        select.and_where(Expr::exists(
            Query::select()
                .expr(Expr::val(1))
                .from(taken::Entity)
                .and_where(taken::Column::Id.eq(id))
                .and_where(taken::Column::SaleId.eq(draft.id))
                .to_owned(),
        ));
    }
    Query::insert()
        .into_table(sales::Entity)
        .columns([
            C::Id,
            C::ReceiptNumber,
            C::SessionId,
            C::TillId,
            C::CashierId,
            C::MemberId,
            C::SoldAtMs,
            C::RecordedAtMs,
            C::TotalCents,
            C::DiscountCents,
            C::CashCents,
            C::CardCents,
            C::MealVoucherCents,
            C::ChangeCents,
            C::RoundingCents,
            C::OverrideId,
            C::ContentHash,
        ])
        .select_from(select)
        .expect("as many values as columns")
        .to_owned()
}

/// The savepoint of a sale's one call on SQLite (see [`record`]).
const SALE_SAVEPOINT: &str = "ruche_sale";

/// [`record`]'s writes on SQLite, `inserts` (the sale's row first) in one call with the
/// override taken and the counter bumped, in a savepoint rolled back if any fails. Returns
/// the receipt number.
async fn record_in_one_call(
    tx: &DatabaseTransaction,
    draft: &SaleDraft,
    override_id: Option<Uuid>,
    inserts: Vec<Statement>,
) -> Result<i64> {
    use crate::entities::{counters, overrides as taken};
    use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
    let backend = DbBackend::Sqlite;
    let mut statements = vec![Statement::from_string(
        backend,
        format!("SAVEPOINT {SALE_SAVEPOINT}"),
    )];
    if let Some(id) = override_id {
        statements.push(
            backend.build(
                Query::update()
                    .table(taken::Entity)
                    .value(taken::Column::SaleId, draft.id)
                    .and_where(taken::Column::Id.eq(id))
                    .and_where(taken::Column::SaleId.is_null()),
            ),
        );
    }
    statements.push(
        backend.build(
            Query::insert()
                .into_table(counters::Entity)
                .columns([counters::Column::Name, counters::Column::Value])
                .values_panic([Expr::val(RECEIPT_NUMBER), Expr::val(1_i64)])
                .on_conflict(
                    OnConflict::column(counters::Column::Name)
                        .value(
                            counters::Column::Value,
                            Expr::col((counters::Entity, counters::Column::Value)).add(1),
                        )
                        .to_owned(),
                ),
        ),
    );
    statements.extend(inserts);
    statements.push(
        backend.build(
            Query::select()
                .column(sales::Column::ReceiptNumber)
                .from(sales::Entity)
                .and_where(sales::Column::Id.eq(draft.id)),
        ),
    );
    statements.push(Statement::from_string(
        backend,
        format!("RELEASE {SALE_SAVEPOINT}"),
    ));
    match query_all(tx, statements).await {
        Ok(rows) => {
            let row = rows
                .first()
                .ok_or_else(|| DbErr::RecordNotFound("the sale just written".into()))?;
            Ok(row.try_get("", "receipt_number")?)
        }
        Err(e) => {
            // Undo whatever the call did before it failed. If even that fails, either the
            // savepoint was never taken (then nothing after it ran), or SQLite ended the
            // whole transaction, and the group commit fails the batch (`group_commit::run`).
            tx.execute_unprepared(&format!(
                "ROLLBACK TO {SALE_SAVEPOINT}; RELEASE {SALE_SAVEPOINT}"
            ))
            .await?;
            // Why: the session, the override, or (the sale's own row: its id taken) `e`.
            open_session_row(tx, draft.session_id, false).await?;
            if let Some(id) = override_id {
                let free = taken::Entity::find_by_id(id)
                    .one(tx)
                    .await?
                    .is_some_and(|o| o.sale_id.is_none());
                if !free {
                    return Err(Error::invalid("override", Reason::OverrideNotValid));
                }
            }
            Err(e.into())
        }
    }
}

/// A sale whose recording was refused: if it was recorded already (sent before, or by the other
/// of two sends at once), its receipt is the answer; otherwise `refusal` stands.
async fn recorded_meanwhile(
    db: &impl ConnectionTrait,
    id: Uuid,
    hash: &str,
    refusal: Error,
) -> Result<Receipt> {
    match recorded(db, id, hash).await? {
        Some(receipt) => Ok(receipt),
        None => Err(refusal),
    }
}

/// The stored receipt of sale `id` if it was recorded with content `hash`; `None` if it was
/// not recorded. Errors: `SaleConflict` when it was recorded with other content.
async fn recorded(db: &impl ConnectionTrait, id: Uuid, hash: &str) -> Result<Option<Receipt>> {
    match sales::Entity::find_by_id(id).one(db).await? {
        None => Ok(None),
        Some(row) if row.content_hash == hash => Ok(Some(receipt(db, id).await?)),
        Some(_) => Err(Error::SaleConflict),
    }
}

/// The catalogue's products of the sale's lines, and what the member's status derives from,
/// read in one call (see [`crate::db::select_all`]). Errors: `Invalid` for an unknown product;
/// `NotFound` for an unknown member.
async fn products_and_status(
    db: &impl ConnectionTrait,
    draft: &SaleDraft,
) -> Result<(HashMap<Uuid, CatalogueProduct>, StatusRead)> {
    let mut ids: Vec<Uuid> = draft.lines.iter().map(|l| l.product_id).collect();
    ids.sort();
    ids.dedup();
    let mut selects = vec![products::Entity::find()
        .filter(products::Column::Id.is_in(ids.clone()))
        .into_query()];
    selects.extend(status_selects(draft.member_id, chrono::Utc::now()));
    let mut parts = select_all(db, selects).await?.into_iter();
    let mut found = HashMap::with_capacity(ids.len());
    for row in parts.next().unwrap_or_default() {
        let p = products::Model::from_query_result(&row, "")?;
        found.insert(p.id, to_product(p, vec![]));
    }
    if found.len() != ids.len() {
        return Err(Error::invalid("lines", Reason::UnknownProduct));
    }
    Ok((found, status_from(&mut parts)?))
}

/// The basket of the sale's lines, checked by the till's rules, one basket line per line.
fn basket(
    actor: &Viewer,
    draft: &SaleDraft,
    catalogue: &HashMap<Uuid, CatalogueProduct>,
) -> Result<Basket> {
    let max_percent = max_discount_percent(actor);
    let mut basket = Basket::default();
    for (i, line) in draft.lines.iter().enumerate() {
        let p = &catalogue[&line.product_id];
        let changed_lately = p.updated_at_ms >= draft.sold_at_ms.saturating_sub(PRICE_GRACE_MS);
        if line.unit_price_cents != p.price_cents && !changed_lately {
            return Err(Error::invalid("lines", Reason::PriceChanged));
        }
        let product = p.for_sale(line.unit_price_cents);
        let id = match line.quantity {
            Quantity::Plain { milli } => basket.add(&product, from_milli(milli))?,
            Quantity::Weighed { milli } => basket.add_weighed(&product, from_milli(milli))?,
            Quantity::PriceEmbedded { label_price_cents } => {
                basket.add_priced(&product, from_cents(label_price_cents))?
            }
        };
        if basket.lines().len() != i + 1 {
            return Err(Error::invalid("lines", Reason::Malformed));
        }
        if line.discount_bp > max_percent * 100 {
            return Err(Error::DiscountNotAllowed { max_percent });
        }
        basket.set_discount(id, Decimal::new(i64::from(line.discount_bp), 2))?;
    }
    Ok(basket)
}

/// Whether the member may shop (their status `report`); if not, the supervisor's override the
/// sale uses.
async fn shopper_allowed(
    db: &impl ConnectionTrait,
    actor: &Viewer,
    draft: &SaleDraft,
    report: StatusReport,
) -> Result<Option<Uuid>> {
    if report.may_shop {
        return Ok(None);
    }
    let Some(id) = draft.override_id else {
        return Err(Error::MayNotShop {
            status: report.status,
        });
    };
    let o = overrides::usable(db, id, draft.member_id, actor.user_id, draft.sold_at_ms).await?;
    Ok(Some(o.id))
}

/// A recorded sale's receipt. Errors: `NotFound`.
pub async fn receipt(db: &impl ConnectionTrait, id: Uuid) -> Result<Receipt> {
    let sale = sales::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let lines = sale_lines::Entity::find()
        .filter(sale_lines::Column::SaleId.eq(id))
        .order_by_asc(sale_lines::Column::LineNo)
        .all(db)
        .await?
        .into_iter()
        .map(|l| ReceiptLine {
            id: l.id,
            line_no: u32::try_from(l.line_no).unwrap_or(0),
            product_id: l.product_id,
            name: l.name,
            quantity_milli: l.quantity_milli,
            unit_price_cents: l.unit_price_cents,
            gross_cents: l.gross_cents,
            discount_cents: l.discount_cents,
            deposit_cents: l.deposit_cents,
            total_cents: l.total_cents,
            vat_rate: VatRate(u32::try_from(l.vat_bp).unwrap_or(0)),
        })
        .collect();
    let vat = sale_vat_lines::Entity::find()
        .filter(sale_vat_lines::Column::SaleId.eq(id))
        .order_by_asc(sale_vat_lines::Column::VatBp)
        .all(db)
        .await?
        .into_iter()
        .map(|v| VatCents {
            rate: VatRate(u32::try_from(v.vat_bp).unwrap_or(0)),
            gross: v.gross_cents,
            net: v.net_cents,
            vat: v.vat_cents,
        })
        .collect();
    let payments = payments::Entity::find()
        .filter(payments::Column::SaleId.eq(id))
        .order_by_asc(payments::Column::Id)
        .all(db)
        .await?
        .into_iter()
        .map(|p| PaymentDraft {
            tender: parse_tender(&p.tender),
            amount_cents: p.amount_cents,
        })
        .collect();
    Ok(Receipt {
        id,
        receipt_number: sale.receipt_number,
        session_id: sale.session_id,
        member_id: sale.member_id,
        cashier_id: sale.cashier_id,
        sold_at_ms: sale.sold_at_ms,
        lines,
        vat,
        total_cents: sale.total_cents,
        discount_cents: sale.discount_cents,
        payments,
        change_cents: sale.change_cents,
        rounding_cents: sale.rounding_cents,
        overridden: sale.override_id.is_some(),
    })
}

/// The sale of a receipt number, for returns. Errors: `NotFound`.
pub async fn by_receipt_number(db: &impl ConnectionTrait, number: i64) -> Result<Receipt> {
    let sale = sales::Entity::find()
        .filter(sales::Column::ReceiptNumber.eq(number))
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    receipt(db, sale.id).await
}

/// Mails a copy of receipt `number` to `to` (the member's address, or the one they give), in
/// the member's language, through the outbox.
///
/// Errors: `Invalid` on `email` (InvalidEmail); `NotFound` for an unknown receipt.
pub async fn email_receipt(s: &Services, actor: &Viewer, number: i64, to: &str) -> Result<()> {
    let to = domain::validation::normalize_email(to);
    if !domain::validation::is_valid_email(&to) {
        return Err(Error::invalid("email", Reason::InvalidEmail));
    }
    let r = by_receipt_number(&s.db, number).await?;
    let lang = crate::entities::members::Entity::find_by_id(r.member_id)
        .one(&s.db)
        .await?
        .and_then(|m| domain::Language::parse(&m.language))
        .unwrap_or_default();
    let coop = settings::coop_name(&s.db).await?;
    let subject = i18n::t_args(
        lang,
        "mail-receipt-subject",
        &[("coop", coop.clone()), ("number", number.to_string())],
    );
    let body = receipt_text(lang, &coop, &r);
    let tx = write_tx(&s.db).await?;
    crate::mail::queue(&tx, &to, &subject, &body).await?;
    crate::audit::commit(tx, actor, "till.receipt_mailed", &r.id.to_string(), &to).await?;
    crate::mail::deliver_soon(s);
    Ok(())
}

/// A receipt as plain text, for mail.
pub fn receipt_text(lang: domain::Language, coop: &str, r: &Receipt) -> String {
    let money = |c: i64| domain::money::format_eur(from_cents(c), lang);
    let mut out = vec![
        coop.to_string(),
        i18n::t_args(
            lang,
            "till-receipt-number",
            &[("number", r.receipt_number.to_string())],
        ),
        String::new(),
    ];
    for l in &r.lines {
        let qty = domain::till::from_milli(l.quantity_milli).normalize();
        out.push(format!(
            "{}  {qty} x {}  {}",
            l.name,
            money(l.unit_price_cents),
            money(l.total_cents)
        ));
    }
    out.push(String::new());
    out.push(format!(
        "{}: {}",
        i18n::t(lang, "till-total"),
        money(r.total_cents)
    ));
    for p in &r.payments {
        let name = format!("till-tender-{}", super::drawer::tender_name(p.tender));
        out.push(format!(
            "{}: {}",
            i18n::t(lang, &name),
            money(p.amount_cents)
        ));
    }
    if r.rounding_cents != 0 {
        out.push(format!(
            "{}: {}",
            i18n::t(lang, "till-rounding"),
            money(-r.rounding_cents)
        ));
    }
    if r.change_cents != 0 {
        out.push(format!(
            "{}: {}",
            i18n::t(lang, "till-change"),
            money(r.change_cents)
        ));
    }
    out.push(String::new());
    for v in &r.vat {
        out.push(format!(
            "{} {} %: {} {} / {} {}",
            i18n::t(lang, "till-vat-rate"),
            v.rate.percent().normalize(),
            i18n::t(lang, "till-vat-net"),
            money(v.net),
            i18n::t(lang, "till-vat-vat"),
            money(v.vat)
        ));
    }
    out.push(String::new());
    out.push(i18n::t(lang, "till-receipt-thanks"));
    out.join("\n")
}
