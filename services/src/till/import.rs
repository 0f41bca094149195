//! The products CSV import, all or nothing like the member register's: the file's rows are
//! checked by `domain::till::catalogue::parse_csv`, then against the catalogue (VAT rates the
//! coop uses, barcodes no product has), and if any row is bad every bad row is reported and
//! nothing is written.

use super::catalogue::{write, Taken, CATALOGUE_VERSION};
use crate::error::{Error, Result};
use crate::{audit, db::write_tx, settings, Services};
use domain::csv_table::RowError;
use domain::register::ImportOutcome;
use domain::till::catalogue::parse_csv;
use domain::Viewer;
use uuid::Uuid;

/// Imports new products from CSV. Each gets its own catalogue version, so tills fetch them in
/// pages like any other change.
///
/// Errors: `ImportRefused` with every bad row (its line and field); nothing is written.
pub async fn import_csv(s: &Services, actor: &Viewer, text: &str) -> Result<ImportOutcome> {
    let rows = parse_csv(text).map_err(Error::ImportRefused)?;
    let tx = write_tx(&s.db).await?;
    let taken = Taken::load(&tx).await?;
    let rows: Vec<(usize, Uuid, _)> = rows
        .into_iter()
        .map(|(line, p)| (line, Uuid::now_v7(), p))
        .collect();
    let errors: Vec<RowError> = rows
        .iter()
        .flat_map(|(line, id, p)| {
            taken
                .conflicts(*id, p)
                .into_iter()
                .map(|e| RowError::new(*line, &e.field, e.reason))
        })
        .collect();
    if !errors.is_empty() {
        return Err(Error::ImportRefused(errors));
    }
    let Some(count) = i64::try_from(rows.len()).ok().filter(|n| *n > 0) else {
        return Ok(ImportOutcome { created: 0 });
    };
    let first = settings::next(&tx, CATALOGUE_VERSION).await?;
    settings::raise_to(&tx, CATALOGUE_VERSION, first + count - 1).await?;
    for (version, (_, id, p)) in (first..).zip(&rows) {
        write(&tx, *id, p, version, None).await?;
    }
    let detail = format!("{} products", rows.len());
    audit::commit(tx, actor, "catalogue.import", "", &detail).await?;
    Ok(ImportOutcome {
        created: rows.len(),
    })
}
