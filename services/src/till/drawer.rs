//! Tills and their drawer sessions: a session opens with the float counted by denomination,
//! records cash put in or taken out with a reason, and closes with the drawer counted, giving
//! the Z report (expected against counted cash). The X report is the same figures while the
//! session is open. One open session per till, held by a unique index on open sessions.
//!
//! A session is its opener's: it keeps who opened it and the hash of the [`Device`] (the
//! browser) it was opened on, and only that cashier on that device may sell into it, take a
//! return from it, move cash or close it ([`held_by`]). A supervisor may close another's
//! session, and the audit log says whose it was.

use crate::entities::{
    cash_moves, drawer_sessions, return_vat_lines, returns, sale_vat_lines, sales, tills,
};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
pub use domain::till::drawer::{DrawerSession, Till, ZReport};
use domain::till::sale::SUPERVISORS;
use domain::till::{
    counted_cents, Count, DrawerReport, ReturnTotals, SaleTotals, Tender, VatCents, VatRate,
    MAX_DRAWER_CENTS,
};
use domain::validation::Reason;
use domain::Viewer;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The browser a till runs in, known by a secret it keeps (the server gives it in an HttpOnly
/// cookie when it first opens a session); a session keeps only the secret's SHA-256.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Device {
    hash: String,
}

impl Device {
    /// The device whose secret is `key`.
    pub fn of_key(key: &str) -> Device {
        Device {
            hash: crate::accounts::token_hash(key),
        }
    }

    /// A new device: its secret, to keep on it, and the device.
    pub fn new_key() -> (String, Device) {
        let (key, hash) = crate::accounts::new_token();
        (key, Device { hash })
    }

    /// A request that names no device: it holds no session.
    pub fn none() -> Device {
        Device {
            hash: String::new(),
        }
    }

    fn holds(&self, row: &drawer_sessions::Model) -> bool {
        !self.hash.is_empty() && row.device_hash.as_deref() == Some(self.hash.as_str())
    }
}

/// Whether `actor` on `device` holds session `row`: they opened it, on that device.
pub(crate) fn held_by(row: &drawer_sessions::Model, actor: &Viewer, device: &Device) -> bool {
    row.opened_by == actor.user_id && device.holds(row)
}

/// Refuses a session that `actor` on `device` does not hold. Errors: `Invalid` on `session`
/// with `NotYourSession`.
pub(crate) fn check_held(
    row: &drawer_sessions::Model,
    actor: &Viewer,
    device: &Device,
) -> Result<()> {
    if held_by(row, actor, device) {
        Ok(())
    } else {
        Err(Error::invalid("session", Reason::NotYourSession))
    }
}

fn session_of(row: &drawer_sessions::Model) -> DrawerSession {
    DrawerSession {
        id: row.id,
        till_id: row.till_id,
        opened_by: row.opened_by,
        opened_at_ms: row.opened_at_ms,
        float_cents: row.float_cents,
        closed_at_ms: row.closed_at_ms,
    }
}

fn json(counts: &[Count]) -> Result<String> {
    serde_json::to_string(counts).map_err(|e| Error::Db(DbErr::Custom(e.to_string())))
}

/// Adds a till. Errors: `Invalid` on `name` when empty, too long or already used.
pub async fn create_till(s: &Services, actor: &Viewer, name: &str) -> Result<Till> {
    let mut e = domain::validation::Errors::default();
    let name = e.text("name", name, 60);
    e.finish(()).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let taken = tills::Entity::find()
        .filter(tills::Column::Name.eq(&name))
        .one(&tx)
        .await?
        .is_some();
    if taken {
        return Err(Error::invalid("name", Reason::AlreadyTaken));
    }
    let id = Uuid::now_v7();
    tills::ActiveModel {
        id: Set(id),
        name: Set(name.clone()),
        created_at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    audit::commit(tx, actor, "till.create", &id.to_string(), &name).await?;
    Ok(Till { id, name })
}

pub async fn tills(db: &impl ConnectionTrait) -> Result<Vec<Till>> {
    Ok(tills::Entity::find()
        .order_by_asc(tills::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|t| Till {
            id: t.id,
            name: t.name,
        })
        .collect())
}

/// The open session of a till, if any.
pub async fn open_session_of(
    db: &impl ConnectionTrait,
    till_id: Uuid,
) -> Result<Option<DrawerSession>> {
    Ok(drawer_sessions::Entity::find()
        .filter(drawer_sessions::Column::TillId.eq(till_id))
        .filter(drawer_sessions::Column::ClosedAtMs.is_null())
        .one(db)
        .await?
        .as_ref()
        .map(session_of))
}

/// Opens a drawer session on a till with the float counted by denomination, held by `actor`
/// on `device`.
///
/// Errors: `NotFound` for an unknown till; `Count` for a bad count; `SessionAlreadyOpen` when
/// the till has an open session (also when two open at once: the unique index refuses one).
pub async fn open_session(
    s: &Services,
    actor: &Viewer,
    device: &Device,
    till_id: Uuid,
    float: &[Count],
) -> Result<DrawerSession> {
    let float_cents = counted_cents(float)?;
    let tx = write_tx(&s.db).await?;
    tills::Entity::find_by_id(till_id)
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    if open_session_of(&tx, till_id).await?.is_some() {
        return Err(Error::SessionAlreadyOpen);
    }
    let row = drawer_sessions::Model {
        id: Uuid::now_v7(),
        till_id,
        opened_by: actor.user_id,
        opened_at_ms: now_ms(),
        float_cents,
        float_json: json(float)?,
        closed_by: None,
        closed_at_ms: None,
        counted_cents: None,
        counted_json: None,
        expected_cents: None,
        device_hash: Some(device.hash.clone()),
    };
    drawer_sessions::Entity::insert(drawer_sessions::ActiveModel::from(row.clone()))
        .exec_without_returning(&tx)
        .await?;
    let detail = format!("float {float_cents} cents");
    audit::commit(tx, actor, "till.open", &row.id.to_string(), &detail).await?;
    Ok(session_of(&row))
}

/// The session, locked until the transaction ends if `lock` (shared for sales and returns,
/// which may run side by side; exclusive for closing, which waits for them). On SQLite the
/// write transaction already holds the only write lock.
///
/// Errors: `NotFound`; `SessionClosed` when it is closed.
pub(crate) async fn open_session_row(
    db: &impl ConnectionTrait,
    id: Uuid,
    exclusive: bool,
) -> Result<drawer_sessions::Model> {
    let q = drawer_sessions::Entity::find_by_id(id);
    let q = if exclusive {
        q.lock_exclusive()
    } else {
        q.lock_shared()
    };
    let row = q.one(db).await?.ok_or(Error::NotFound)?;
    if row.closed_at_ms.is_some() {
        return Err(Error::SessionClosed);
    }
    Ok(row)
}

/// Records cash put into the drawer (positive) or taken out (negative), with a reason.
///
/// Errors: `Invalid` on `amount` when zero or beyond [`MAX_DRAWER_CENTS`] either way
/// (`TooMuchCash`), on `reason` when empty, on `session` when `actor` on `device` does not
/// hold it (`NotYourSession`); `NotFound`; `SessionClosed`.
pub async fn cash_move(
    s: &Services,
    actor: &Viewer,
    device: &Device,
    session_id: Uuid,
    amount_cents: i64,
    reason: &str,
) -> Result<()> {
    let mut e = domain::validation::Errors::default();
    if amount_cents == 0 {
        e.add("amount", Reason::NotPositive);
    } else if amount_cents.unsigned_abs() > MAX_DRAWER_CENTS.unsigned_abs() {
        e.add("amount", Reason::TooMuchCash);
    }
    let reason = e.text("reason", reason, 200);
    e.finish(()).map_err(Error::Invalid)?;
    let tx = write_tx(&s.db).await?;
    let row = open_session_row(&tx, session_id, false).await?;
    check_held(&row, actor, device)?;
    cash_moves::ActiveModel {
        id: Set(Uuid::now_v7()),
        session_id: Set(session_id),
        amount_cents: Set(amount_cents),
        reason: Set(reason.clone()),
        created_by: Set(actor.user_id),
        at_ms: Set(now_ms()),
    }
    .insert(&tx)
    .await?;
    let detail = format!("{amount_cents} cents: {reason}");
    audit::commit(tx, actor, "till.cash", &session_id.to_string(), &detail).await?;
    Ok(())
}

/// A payment method from its stored name.
pub(crate) fn parse_tender(s: &str) -> Tender {
    match s {
        "card" => Tender::Card,
        "meal_voucher" => Tender::MealVoucher,
        _ => Tender::Cash,
    }
}

/// The stored name of a payment method.
pub(crate) fn tender_name(t: Tender) -> &'static str {
    match t {
        Tender::Cash => "cash",
        Tender::Card => "card",
        Tender::MealVoucher => "meal_voucher",
    }
}

/// The figures of a session from what its sales, returns and cash moves recorded.
async fn figures(db: &impl ConnectionTrait, row: &drawer_sessions::Model) -> Result<DrawerReport> {
    let sale_rows = sales::Entity::find()
        .filter(sales::Column::SessionId.eq(row.id))
        .all(db)
        .await?;
    let mut vat: HashMap<Uuid, Vec<VatCents>> = HashMap::new();
    let in_session = Query::select()
        .column(sales::Column::Id)
        .from(sales::Entity)
        .and_where(sales::Column::SessionId.eq(row.id))
        .to_owned();
    for v in sale_vat_lines::Entity::find()
        .filter(sale_vat_lines::Column::SaleId.in_subquery(in_session))
        .order_by_asc(sale_vat_lines::Column::VatBp)
        .all(db)
        .await?
    {
        vat.entry(v.sale_id).or_default().push(VatCents {
            rate: VatRate(u32::try_from(v.vat_bp).unwrap_or(0)),
            gross: v.gross_cents,
            net: v.net_cents,
            vat: v.vat_cents,
        });
    }
    let totals: Vec<SaleTotals> = sale_rows
        .into_iter()
        .map(|s| SaleTotals {
            total: s.total_cents,
            discount: s.discount_cents,
            cash: s.cash_cents,
            card: s.card_cents,
            meal_vouchers: s.meal_voucher_cents,
            change: s.change_cents,
            rounding: s.rounding_cents,
            vat: vat.remove(&s.id).unwrap_or_default(),
            overridden: s.override_id.is_some(),
        })
        .collect();
    let returns_in_session = Query::select()
        .column(returns::Column::Id)
        .from(returns::Entity)
        .and_where(returns::Column::SessionId.eq(row.id))
        .to_owned();
    let mut refund_vat = super::returns::vat_lines(
        db,
        return_vat_lines::Column::ReturnId.in_subquery(returns_in_session),
    )
    .await?;
    let refunds: Vec<ReturnTotals> = returns::Entity::find()
        .filter(returns::Column::SessionId.eq(row.id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| ReturnTotals {
            tender: parse_tender(&r.tender),
            refund: r.refund_cents,
            rounding: r.rounding_cents,
            vat: refund_vat.remove(&r.id).unwrap_or_default(),
        })
        .collect();
    let moves: Vec<i64> = cash_moves::Entity::find()
        .select_only()
        .column(cash_moves::Column::AmountCents)
        .filter(cash_moves::Column::SessionId.eq(row.id))
        .into_tuple()
        .all(db)
        .await?;
    Ok(DrawerReport::of(
        row.float_cents,
        &moves,
        &totals,
        &refunds,
    )?)
}

/// The X report: a session's figures so far, open or closed. Errors: `NotFound`.
pub async fn x_report(db: &impl ConnectionTrait, session_id: Uuid) -> Result<DrawerReport> {
    let row = drawer_sessions::Entity::find_by_id(session_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    figures(db, &row).await
}

/// Closes a session with the drawer counted by denomination and returns its Z report. Sales
/// being recorded on the session finish first; later ones are refused. The cashier who holds
/// it closes it on its device; a supervisor may close anyone's, anywhere (the audit log names
/// whose it was).
///
/// Errors: `Count` for a bad count; `NotFound`; `SessionClosed` when it is closed already;
/// `Invalid` on `session` with `NotYourSession` for another's session and no supervisor.
pub async fn close_session(
    s: &Services,
    actor: &Viewer,
    device: &Device,
    session_id: Uuid,
    counted: &[Count],
) -> Result<ZReport> {
    let counted_cents = counted_cents(counted)?;
    let tx = write_tx(&s.db).await?;
    let row = open_session_row(&tx, session_id, true).await?;
    let held = held_by(&row, actor, device);
    if !held && !actor.may(&SUPERVISORS) {
        return Err(Error::invalid("session", Reason::NotYourSession));
    }
    let opener = row.opened_by;
    let report = figures(&tx, &row).await?;
    let mut am: drawer_sessions::ActiveModel = row.into();
    am.closed_by = Set(Some(actor.user_id));
    am.closed_at_ms = Set(Some(now_ms()));
    am.counted_cents = Set(Some(counted_cents));
    am.counted_json = Set(Some(json(counted)?));
    am.expected_cents = Set(Some(report.expected_cash));
    let row = am.update(&tx).await?;
    let difference_cents = ZReport::difference(counted_cents, &report)?;
    let detail = format!(
        "expected {} counted {counted_cents} cents",
        report.expected_cash
    );
    let (action, detail) = if held {
        ("till.close", detail)
    } else {
        ("till.close_for", format!("{detail}, opened by {opener}"))
    };
    audit::commit(tx, actor, action, &session_id.to_string(), &detail).await?;
    Ok(ZReport {
        session: session_of(&row),
        report,
        counted_cents,
        difference_cents,
    })
}

/// The Z report of a closed session, to print again. Errors: `NotFound`, also while the
/// session is open (it has an X report only).
pub async fn z_report(db: &impl ConnectionTrait, session_id: Uuid) -> Result<ZReport> {
    let row = drawer_sessions::Entity::find_by_id(session_id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let counted_cents = row.counted_cents.ok_or(Error::NotFound)?;
    let report = figures(db, &row).await?;
    Ok(ZReport {
        session: session_of(&row),
        difference_cents: ZReport::difference(counted_cents, &report)?,
        report,
        counted_cents,
    })
}
