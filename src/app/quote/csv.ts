/**
 * The hole table as CSV (RFC 4180: comma separated, CRLF line ends, fields quoted where they hold a
 * comma, quote or line break), for a spreadsheet or an ERP import. Ø is a plain number in mm so a
 * spreadsheet reads it as one; the feature ids trace each row back to the result JSON.
 */
import { HOLE_COLUMNS, holeCells, type HoleRow } from './hole-table.ts';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function holeTableCsv(rows: readonly HoleRow[]): string {
  const header = [...HOLE_COLUMNS.map((c) => c.replace('Ø mm', 'Diameter mm')), 'Feature ids'];
  const lines = [header, ...rows.map((r) => [...holeCells(r), r.featureIds.join(' ')])];
  return lines.map((cells) => cells.map(field).join(',')).join('\r\n') + '\r\n';
}
