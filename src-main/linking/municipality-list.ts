// The municipalities in the opened address-region file at a reference year, for the Populatie page to choose from:
// each code with its number of address objects (published through the rules). No names: the register has codes.
import { referenceYear, type ReferenceDate } from '../common/reference-date';
import type { PublishedCount } from '../disclosure/disclosure-shapes';
import { publishCount } from '../disclosure/published-count';
import type { RuleSet } from '../disclosure/rule-set';
import type { StudyEngine } from '../engine/study-engine';
import { scanRelation } from '../engine/file-scan';
import { quoteIdentifier } from '../engine/sql';
import { columnsFor, LINK_COLUMNS } from './input-columns';

export interface MunicipalityChoice {
  /** The 4-digit CBS code, e.g. 0784. */
  code: string;
  addresses: PublishedCount;
}

/**
 * Codes in the municipality column that linking would use for `referenceDate` (gem<year>, or the analyst's role),
 * most address objects first. Empty when no address-region file is open or its column for that year is missing.
 */
export function municipalitiesInRegions(engine: StudyEngine, referenceDate: ReferenceDate, rules: RuleSet): Promise<MunicipalityChoice[]> {
  return engine.withFiles(async (session, files) => {
    const regions = files.find((file) => file.proposal.kind === 'addressRegions');
    if (!regions) return [];
    const linkRoles = Object.fromEntries(Object.entries(regions.proposal.roles).filter(([role]) => role in LINK_COLUMNS.addressRegions));
    let column: string;
    try {
      column = columnsFor(
        'addressRegions',
        regions.name,
        regions.columns.map((entry) => entry.name),
        linkRoles,
        referenceYear(referenceDate),
      ).municipality;
    } catch {
      return [];
    }
    const relation = scanRelation(regions);
    const code = `lpad(trim(${quoteIdentifier(column)}::VARCHAR), 4, '0')`;
    const rows = await session.query(
      `SELECT ${code} AS code, count(*)::BIGINT AS addresses FROM ${relation.sql} ` +
        `WHERE ${quoteIdentifier(column)} IS NOT NULL GROUP BY 1 ORDER BY addresses DESC, code`,
      relation.parameters,
    );
    return rows
      .map((row) => ({ code: String(row.code), addresses: publishCount(Number(row.addresses), rules) }))
      .filter((choice) => /^\d{4}$/.test(choice.code));
  });
}
