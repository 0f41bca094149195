//! Returns against a receipt: `domain::till::check_return` refuses more than what is left of
//! each line after earlier returns and prices each line's refund; a cash refund is rounded to
//! 5 cents. The goods go back to stock, or to waste with a reason (a return move and a loss
//! move). Like a sale, a return has an id made by the till and is recorded once.
//!
//! A return is refunded from the drawer session of the cashier who holds it, on its device,
//! and by the sale's own tenders, up to what each took of the sale. Another tender, or a refund
//! above the coop's limit ([`RETURN_LIMIT`]), needs a supervisor: one signed in, or one who
//! approved it at the till with their password ([`super::overrides::grant_return`]), the
//! approval taken once by that return. Every return is in the audit log.

use super::drawer::{check_held, open_session_row, parse_tender, tender_name, Device};
use super::stock::{self, MoveKind, StockMove};
use super::{cents, content_hash, insert_once, milli};
use crate::entities::{
    return_approvals, return_lines, return_vat_lines, returns, sale_lines, sales,
};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, now_ms, Services};
use domain::member::NOTE_MAX;
use domain::money::from_cents;
pub use domain::till::returns::{
    ReturnApproval, ReturnDraft, ReturnLineDraft, ReturnReceipt, ReturnedLine,
};
use domain::till::sale::{sold_at_refusal, SUPERVISORS};
use domain::till::{
    check_return, from_milli, refund_vat, round_cash, LineId, ReturnError, ReturnRequest, SoldLine,
    Tender, VatCents, VatRate,
};
use domain::validation::{required_text, Reason};
use domain::Viewer;
use rust_decimal::Decimal;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};
use std::collections::HashMap;
use uuid::Uuid;

/// The setting of the largest refund a cashier may make without a supervisor, in cents.
pub const RETURN_LIMIT: &str = "return_limit_cents";

/// [`RETURN_LIMIT`] of a coop that has not set it: 50 euros.
pub const DEFAULT_RETURN_LIMIT_CENTS: i64 = 5_000;

/// The largest refund a cashier may make without a supervisor, in cents.
pub async fn return_limit_cents(db: &impl ConnectionTrait) -> Result<i64> {
    Ok(crate::settings::get(db, RETURN_LIMIT)
        .await?
        .and_then(|v| v.trim().parse().ok())
        .unwrap_or(DEFAULT_RETURN_LIMIT_CENTS))
}

/// Records a return against a sale, once, from the drawer session `actor` holds on `device`.
///
/// Errors: `Invalid` on `loss_reason` for one too long or with control characters; `Invalid`
/// on `lines` for no lines (`Required`), a line not on the receipt
/// (`Malformed`) or a quantity that is not positive (`BadQuantity`), on `loss_reason` when
/// goods go to waste without one, on `session` for a session `actor` on `device` does not
/// hold (`NotYourSession`), on `at_ms` for a date in the future or too old (`SoldInFuture`,
/// `SoldTooLongAgo`), on `tender` for a refund that needs a supervisor
/// (`ReturnNeedsSupervisor`), on `approval` for an approval that is unknown, used, too old or
/// for another sale or cashier (`OverrideNotValid`); `ReturnExceedsSold` for more than is left
/// of a line; `NotFound` for an unknown sale or session; `SessionClosed`; `SaleConflict` when
/// the id was used for another return. Nothing is written then.
pub async fn post_return(
    s: &Services,
    actor: &Viewer,
    device: &Device,
    draft: &ReturnDraft,
) -> Result<ReturnReceipt> {
    let hash = content_hash(draft)?;
    if let Some(r) = recorded(&s.db, draft.id, &hash).await? {
        return Ok(r);
    }
    if draft.lines.is_empty() {
        return Err(Error::invalid("lines", Reason::Required));
    }
    for reason in draft.lines.iter().filter_map(|l| l.loss_reason.as_deref()) {
        if !reason.trim().is_empty() {
            required_text("loss_reason", reason, NOTE_MAX).map_err(Error::Invalid)?;
        }
    }
    let loss_reason = |l: &ReturnLineDraft| {
        l.loss_reason
            .as_deref()
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_string)
    };
    if draft
        .lines
        .iter()
        .any(|l| !l.restock && loss_reason(l).is_none())
    {
        return Err(Error::invalid("loss_reason", Reason::Required));
    }
    let limit = return_limit_cents(&s.db).await?;
    let now = now_ms();
    let tx = write_tx(&s.db).await?;
    let session = open_session_row(&tx, draft.session_id, false).await?;
    check_held(&session, actor, device)?;
    if let Some(reason) = sold_at_refusal(draft.at_ms, now, session.opened_at_ms) {
        return Err(Error::invalid("at_ms", reason));
    }
    // Returns of one sale are checked one at a time.
    let sale = sales::Entity::find_by_id(draft.sale_id)
        .lock_exclusive()
        .one(&tx)
        .await?
        .ok_or(Error::NotFound)?;
    let sold = sale_lines::Entity::find()
        .filter(sale_lines::Column::SaleId.eq(draft.sale_id))
        .order_by_asc(sale_lines::Column::LineNo)
        .all(&tx)
        .await?;
    let returned = returned_so_far(&tx, &sold).await?;
    let sold_lines: Vec<SoldLine> = sold
        .iter()
        .map(|l| SoldLine {
            line: LineId(u32::try_from(l.line_no).unwrap_or(0)),
            quantity: from_milli(l.quantity_milli),
            returned: from_milli(returned.get(&l.id).copied().unwrap_or(0)),
            amount: from_cents(l.total_cents),
            deposit: from_cents(l.deposit_cents),
            rate: rate(l.vat_bp),
            deposit_rate: rate(l.deposit_vat_bp),
        })
        .collect();
    let requests: Vec<ReturnRequest> = draft
        .lines
        .iter()
        .map(|l| ReturnRequest {
            line: LineId(l.line_no),
            quantity: from_milli(l.quantity_milli),
        })
        .collect();
    let accepted = check_return(&sold_lines, &requests).map_err(|e| match e {
        ReturnError::UnknownLine(_) => Error::invalid("lines", Reason::Malformed),
        ReturnError::QuantityNotPositive => Error::invalid("lines", Reason::BadQuantity),
        ReturnError::MoreThanSold { line, returnable } => Error::ReturnExceedsSold {
            line: line.0,
            returnable_milli: milli(returnable),
        },
    })?;
    let refund: Decimal = accepted.iter().map(|r| r.refund).sum();
    let rounding = match draft.tender {
        Tender::Cash => round_cash(refund).difference,
        Tender::Card | Tender::MealVoucher => Decimal::ZERO,
    };
    let own_tender = refunded_by(&tx, &sale, draft.tender).await? + cents(refund)
        <= taken_by(&sale, draft.tender);
    let approval = if own_tender && cents(refund) <= limit {
        None
    } else if actor.may(&SUPERVISORS) {
        Some(Approval::SignedIn(actor.user_id))
    } else {
        let id = draft
            .approval_id
            .ok_or_else(|| Error::invalid("tender", Reason::ReturnNeedsSupervisor))?;
        let a = super::overrides::usable_for_return(&tx, id, draft, actor, now).await?;
        Some(Approval::Granted(a))
    };
    let row = returns::ActiveModel {
        id: Set(draft.id),
        sale_id: Set(draft.sale_id),
        session_id: Set(draft.session_id),
        cashier_id: Set(actor.user_id),
        tender: Set(tender_name(draft.tender).to_string()),
        refund_cents: Set(cents(refund)),
        rounding_cents: Set(cents(rounding)),
        at_ms: Set(draft.at_ms),
        content_hash: Set(hash.clone()),
        approved_by: Set(approval.as_ref().map(Approval::supervisor)),
    };
    if !insert_once(&tx, row, returns::Column::Id).await? {
        drop(tx);
        return recorded(&s.db, draft.id, &hash)
            .await?
            .ok_or(Error::SaleConflict);
    }
    let by_no: HashMap<u32, &sale_lines::Model> = sold
        .iter()
        .map(|l| (u32::try_from(l.line_no).unwrap_or(0), l))
        .collect();
    let mut rows = Vec::new();
    let mut moves = Vec::new();
    for (r, d) in accepted.iter().zip(&draft.lines) {
        let sold_line = by_no[&r.line.0];
        let id = Uuid::now_v7();
        let back = StockMove {
            reference_id: Some(id),
            ..StockMove::new(
                sold_line.product_id,
                d.quantity_milli,
                MoveKind::Return,
                draft.at_ms,
            )
        };
        if !d.restock {
            moves.push(StockMove {
                quantity_milli: -d.quantity_milli,
                kind: MoveKind::Loss,
                reason: loss_reason(d),
                ..back.clone()
            });
        }
        moves.push(back);
        rows.push(return_lines::ActiveModel {
            id: Set(id),
            return_id: Set(draft.id),
            sale_line_id: Set(sold_line.id),
            quantity_milli: Set(d.quantity_milli),
            refund_cents: Set(cents(r.refund)),
            restock: Set(d.restock),
            loss_reason: Set(loss_reason(d)),
        });
    }
    return_lines::Entity::insert_many(rows)
        .exec_without_returning(&tx)
        .await?;
    let vat = VatCents::of(&refund_vat(&accepted));
    if !vat.is_empty() {
        return_vat_lines::Entity::insert_many(vat.iter().map(|v| return_vat_lines::ActiveModel {
            return_id: Set(draft.id),
            vat_bp: Set(i32::try_from(v.rate.0).unwrap_or(i32::MAX)),
            gross_cents: Set(v.gross),
            net_cents: Set(v.net),
            vat_cents: Set(v.vat),
        }))
        .exec_without_returning(&tx)
        .await?;
    }
    stock::append(&tx, &moves, Some(actor.user_id)).await?;
    let mut detail = format!(
        "receipt {}: {} cents by {}",
        sale.receipt_number,
        cents(refund),
        tender_name(draft.tender)
    );
    if let Some(a) = &approval {
        if let Approval::Granted(a) = a {
            super::overrides::take_for_return(&tx, a.id, draft.id).await?;
        }
        detail.push_str(&format!(", approved by {}", a.supervisor()));
    }
    audit::commit(tx, actor, "till.return", &draft.id.to_string(), &detail).await?;
    return_receipt(&s.db, draft.id).await
}

/// Who let a return through that needed a supervisor.
enum Approval {
    /// The supervisor made the return themselves.
    SignedIn(Uuid),
    /// A supervisor approved it at the till with their password.
    Granted(return_approvals::Model),
}

impl Approval {
    fn supervisor(&self) -> Uuid {
        match self {
            Approval::SignedIn(id) => *id,
            Approval::Granted(a) => a.supervisor_id,
        }
    }
}

/// What a sale took by `tender`, in cents, before cash rounding: the cash handed over less
/// the change, plus the rounding the coop gave; the card and the meal vouchers as paid. A
/// refund by that tender may give back up to this, over all the sale's returns.
fn taken_by(sale: &sales::Model, tender: Tender) -> i64 {
    match tender {
        Tender::Cash => sale.cash_cents - sale.change_cents + sale.rounding_cents,
        Tender::Card => sale.card_cents,
        Tender::MealVoucher => sale.meal_voucher_cents,
    }
}

/// What the earlier returns of `sale` refunded by `tender`, before cash rounding.
async fn refunded_by(
    db: &impl ConnectionTrait,
    sale: &sales::Model,
    tender: Tender,
) -> Result<i64> {
    let refunds: Vec<i64> = returns::Entity::find()
        .select_only()
        .column(returns::Column::RefundCents)
        .filter(returns::Column::SaleId.eq(sale.id))
        .filter(returns::Column::Tender.eq(tender_name(tender)))
        .into_tuple()
        .all(db)
        .await?;
    Ok(refunds.into_iter().sum())
}

fn rate(bp: i32) -> VatRate {
    VatRate(u32::try_from(bp).unwrap_or(0))
}

/// The VAT lines of returns, by return and by increasing rate.
pub(crate) async fn vat_lines(
    db: &impl ConnectionTrait,
    of: impl Into<sea_orm::sea_query::SimpleExpr>,
) -> Result<HashMap<Uuid, Vec<VatCents>>> {
    let mut out: HashMap<Uuid, Vec<VatCents>> = HashMap::new();
    for v in return_vat_lines::Entity::find()
        .filter(of.into())
        .order_by_asc(return_vat_lines::Column::VatBp)
        .all(db)
        .await?
    {
        out.entry(v.return_id).or_default().push(VatCents {
            rate: rate(v.vat_bp),
            gross: v.gross_cents,
            net: v.net_cents,
            vat: v.vat_cents,
        });
    }
    Ok(out)
}

/// What earlier returns took back of each sale line, in milli-units.
async fn returned_so_far(
    db: &impl ConnectionTrait,
    sold: &[sale_lines::Model],
) -> Result<HashMap<Uuid, i64>> {
    let mut sums = HashMap::new();
    let rows: Vec<(Uuid, i64)> = return_lines::Entity::find()
        .select_only()
        .column(return_lines::Column::SaleLineId)
        .column(return_lines::Column::QuantityMilli)
        .filter(return_lines::Column::SaleLineId.is_in(sold.iter().map(|l| l.id)))
        .into_tuple()
        .all(db)
        .await?;
    for (line, q) in rows {
        *sums.entry(line).or_insert(0) += q;
    }
    Ok(sums)
}

async fn recorded(
    db: &impl ConnectionTrait,
    id: Uuid,
    hash: &str,
) -> Result<Option<ReturnReceipt>> {
    match returns::Entity::find_by_id(id).one(db).await? {
        None => Ok(None),
        Some(row) if row.content_hash == hash => Ok(Some(return_receipt(db, id).await?)),
        Some(_) => Err(Error::SaleConflict),
    }
}

/// A recorded return. Errors: `NotFound`.
pub async fn return_receipt(db: &impl ConnectionTrait, id: Uuid) -> Result<ReturnReceipt> {
    let row = returns::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(Error::NotFound)?;
    let rows = return_lines::Entity::find()
        .filter(return_lines::Column::ReturnId.eq(id))
        .all(db)
        .await?;
    let numbers: HashMap<Uuid, i32> = sale_lines::Entity::find()
        .select_only()
        .column(sale_lines::Column::Id)
        .column(sale_lines::Column::LineNo)
        .filter(sale_lines::Column::Id.is_in(rows.iter().map(|r| r.sale_line_id)))
        .into_tuple()
        .all(db)
        .await?
        .into_iter()
        .collect();
    let mut lines: Vec<ReturnedLine> = rows
        .into_iter()
        .map(|r| ReturnedLine {
            line_no: numbers
                .get(&r.sale_line_id)
                .map_or(0, |n| u32::try_from(*n).unwrap_or(0)),
            quantity_milli: r.quantity_milli,
            refund_cents: r.refund_cents,
        })
        .collect();
    lines.sort_by_key(|l| l.line_no);
    let vat = vat_lines(db, return_vat_lines::Column::ReturnId.eq(id))
        .await?
        .remove(&id)
        .unwrap_or_default();
    Ok(ReturnReceipt {
        id,
        sale_id: row.sale_id,
        tender: parse_tender(&row.tender),
        refund_cents: row.refund_cents,
        rounding_cents: row.rounding_cents,
        lines,
        vat,
    })
}
