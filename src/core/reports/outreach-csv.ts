import Papa from 'papaparse';
import { reportData, type CampaignReportInput } from './report-data';

/** Cells a spreadsheet would run as a formula get a leading apostrophe. */
const FORMULA_START = /^['=+\-@\t\r]/;

/**
 * A campaign's outreach log as CSV, oldest first: UTF-8 with a byte-order mark so that Excel
 * opens Arabic intact. Times are in `timeZone`, words in the report's language.
 */
export function outreachCsv(input: CampaignReportInput): Uint8Array {
  const data = reportData(input);
  const l = data.labels;
  // 'YYYY-MM-DD HH:mm' in the organizer's zone: spreadsheets read it as a date in any locale.
  const sortable = new Intl.DateTimeFormat('sv-SE-u-nu-latn', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: input.timeZone,
  });
  const csv = Papa.unparse(
    {
      fields: [
        l.date,
        l.contact,
        l.kind,
        l.direction,
        l.outcome,
        l.notes,
        l.followUp,
        l.followUpDone,
      ],
      data: data.log.map(({ interaction: i, contactName }) => [
        sortable.format(new Date(i.occurredAt)),
        contactName,
        l.kinds[i.kind],
        l.directions[i.direction],
        i.outcome ?? '',
        i.notes ?? '',
        i.followUpDate ?? '',
        i.followUpDate ? (i.followUpDone ? l.yes : l.no) : '',
      ]),
    },
    { newline: '\r\n', escapeFormulae: FORMULA_START },
  );
  return new TextEncoder().encode(`\uFEFF${csv}`);
}
