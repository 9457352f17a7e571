/**
 * The campaign summary a coalition meeting or a funder asks for: plan, milestones and tasks,
 * whip count and stance table, outreach per week and the outreach log. In Arabic it is a real
 * right-to-left document (bidi paragraphs and tables, right-to-left runs, an Arabic font).
 */
import type { TextRun } from 'docx';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { REGION_LOCALE } from '../domain/arabic-region';
import { contactName } from '../domain/contact';
import { LETTER_FONT_PAIRS } from '../domain/letter-fonts';
import { docxRun, textRuns, type LetterFonts, type LetterLanguages } from '../letters/docx/runs';
import { documentBase } from '../letters/docx/document-base';
import { fill, type ReportLabels } from './report-labels';
import { reportData, type CampaignReportInput, type ReportData } from './report-data';

const HEADER_FILL = 'E7F0EE';
const BODY_SIZE = 21;

interface Writer {
  rtl: boolean;
  runs(value: string, options?: { bold?: boolean; size?: number; color?: string }): TextRun[];
  paragraph(
    value: string | ParagraphChild[],
    options?: { heading?: (typeof HeadingLevel)[keyof typeof HeadingLevel]; bold?: boolean },
  ): Paragraph;
  table(
    header: readonly string[] | null,
    rows: readonly (readonly string[])[],
    widths?: readonly number[],
  ): Table;
}

/**
 * Runs as the letters write them (docx/runs.ts): in an Arabic report, Latin pieces (bill
 * numbers, English names) are left-to-right runs and numbers take the report's digits; every
 * run carries its languages.
 */
function writer(
  rtl: boolean,
  arabicIndic: boolean,
  languages: LetterLanguages,
  fonts: LetterFonts,
): Writer {
  const runs: Writer['runs'] = (value, options = {}) =>
    textRuns(
      value,
      { bold: options.bold, size: options.size ?? BODY_SIZE, color: options.color },
      { rtl, arabicIndic },
    ).map((run) => docxRun(run, fonts, languages));
  // Every paragraph says where it starts: the start of its own direction (see letters' layout).
  const paragraph: Writer['paragraph'] = (value, options = {}) =>
    new Paragraph({
      bidirectional: rtl,
      alignment: AlignmentType.START,
      heading: options.heading,
      spacing: { after: 120 },
      children: typeof value === 'string' ? runs(value, { bold: options.bold }) : value,
    });
  const table: Writer['table'] = (header, rows, widths) =>
    new Table({
      width: { size: 100, type: WidthType.PERCENTAGE },
      visuallyRightToLeft: rtl,
      rows: (header ? [header, ...rows] : rows).map(
        (cells, rowIndex) =>
          new TableRow({
            tableHeader: header !== null && rowIndex === 0,
            cantSplit: true,
            children: cells.map(
              (cell, column) =>
                new TableCell({
                  width: widths?.[column]
                    ? { size: widths[column], type: WidthType.PERCENTAGE }
                    : undefined,
                  shading: header && rowIndex === 0 ? { fill: HEADER_FILL } : undefined,
                  margins: { top: 40, bottom: 40, left: 80, right: 80 },
                  children: cell.split('\n').map(
                    (line) =>
                      new Paragraph({
                        bidirectional: rtl,
                        alignment: AlignmentType.START,
                        children: runs(line, {
                          bold: header !== null && rowIndex === 0,
                          size: 18,
                        }),
                      }),
                  ),
                }),
            ),
          }),
      ),
    });
  return { rtl, runs, paragraph, table };
}

function policyText(input: CampaignReportInput, none: string): string {
  const policy = input.campaign.policy;
  if (!policy) return none;
  const parts = [
    [policy.identifier, policy.title].filter(Boolean).join(' — '),
    policy.jurisdiction,
    policy.link,
  ];
  return parts.filter(Boolean).join('\n') || none;
}

function planSection(
  w: Writer,
  input: CampaignReportInput,
  data: ReportData,
): (Paragraph | Table)[] {
  const { labels: l, formatDay } = data;
  const { campaign } = input;
  const dates =
    campaign.startDate || campaign.endDate
      ? `${formatDay(campaign.startDate)} – ${formatDay(campaign.endDate)}`
      : l.none;
  const threshold =
    campaign.winThreshold === undefined
      ? l.none
      : `${data.formatNumber(Math.round(campaign.winThreshold * 1000) / 10)}%`;
  return [
    w.paragraph(l.plan, { heading: HeadingLevel.HEADING_1 }),
    w.table(
      null,
      [
        [l.goal, campaign.goal ?? l.none],
        [l.ask, campaign.ask ?? l.none],
        [l.policy, policyText(input, l.none)],
        [l.dates, dates],
        [l.status, l.campaignStatuses[campaign.status]],
        [l.winThreshold, threshold],
        [l.description, campaign.description ?? l.none],
      ],
      [25, 75],
    ),
  ];
}

function milestonesAndTasks(
  w: Writer,
  input: CampaignReportInput,
  data: ReportData,
  contactNames: Map<string, string>,
) {
  const { labels: l, formatDay } = data;
  const { milestones, tasks } = input.campaign;
  return [
    w.paragraph(l.milestones, { heading: HeadingLevel.HEADING_1 }),
    milestones.length
      ? w.table(
          [l.milestone, l.date, l.done],
          milestones.map((m) => [m.title, formatDay(m.dueDate), m.done ? l.yes : l.no]),
          [60, 25, 15],
        )
      : w.paragraph(l.noMilestones),
    w.paragraph(l.tasks, { heading: HeadingLevel.HEADING_1 }),
    tasks.length
      ? w.table(
          [l.task, l.due, l.status, l.owner],
          tasks.map((task) => [
            task.title,
            formatDay(task.dueDate),
            l.taskStatuses[task.status],
            (task.ownerContactId && contactNames.get(task.ownerContactId)) || l.none,
          ]),
          [45, 20, 15, 20],
        )
      : w.paragraph(l.noTasks),
  ];
}

function whipSection(w: Writer, data: ReportData): (Paragraph | Table)[] {
  const { labels: l, whip, formatNumber: n } = data;
  const summary = [
    fill(l.whipSummary, {
      supportive: n(whip.supportive),
      opposed: n(whip.opposed),
      total: n(whip.total),
    }),
  ];
  if (whip.needed !== undefined) {
    summary.push(
      fill(whip.reached ? l.whipReached : l.whipNeeded, {
        needed: n(whip.needed),
        total: n(whip.total),
        missing: n(whip.missing ?? 0),
      }),
    );
  }
  return [
    w.paragraph(l.whip, { heading: HeadingLevel.HEADING_1 }),
    ...summary.map((line) => w.paragraph(line)),
    w.table(
      [l.stance, l.count],
      (Object.keys(whip.byStance) as (keyof typeof whip.byStance)[]).map((stance) => [
        l.stances[stance],
        n(whip.byStance[stance]),
      ]),
      [70, 30],
    ),
  ];
}

function stanceTable(w: Writer, data: ReportData): (Paragraph | Table)[] {
  const { labels: l } = data;
  const out: (Paragraph | Table)[] = [
    w.paragraph(l.stanceTable, { heading: HeadingLevel.HEADING_1 }),
  ];
  if (data.rows.length === 0) out.push(w.paragraph(l.noTargets));
  else {
    out.push(
      w.table(
        [l.name, l.title, l.stance, l.priority, l.lastInteraction, l.nextFollowUp],
        data.rows.map((row) => [
          row.name || l.deletedContact,
          row.title ?? '',
          l.stances[row.stance],
          data.formatNumber(row.priority),
          data.formatInstant(row.lastInteraction),
          data.formatDay(row.nextFollowUp),
        ]),
        [24, 20, 13, 9, 19, 15],
      ),
    );
  }
  if (data.sensitiveLeftOut > 0) {
    out.push(
      w.paragraph(fill(l.sensitiveLeftOut, { count: data.formatNumber(data.sensitiveLeftOut) })),
    );
  }
  return out;
}

function outreachSections(
  w: Writer,
  data: ReportData,
  labels: ReportLabels,
): (Paragraph | Table)[] {
  const l = labels;
  const n = data.formatNumber;
  return [
    w.paragraph(l.perWeek, { heading: HeadingLevel.HEADING_1 }),
    w.table(
      [l.weekOf, l.interactions, l.byKind],
      data.weeks.map((week) => [
        data.formatDay(week.weekStart),
        n(week.count),
        Object.entries(week.byKind)
          .map(([kind, count]) => `${l.kinds[kind as keyof typeof l.kinds]}: ${n(count)}`)
          .join('\n'),
      ]),
      [30, 20, 50],
    ),
    w.paragraph(l.outreachLog, { heading: HeadingLevel.HEADING_1 }),
    data.log.length
      ? w.table(
          [l.date, l.contact, l.kind, l.direction, l.outcome, l.followUp],
          data.log.map(({ interaction: i, contactName }) => [
            data.formatInstant(i.occurredAt),
            contactName,
            l.kinds[i.kind],
            l.directions[i.direction],
            i.outcome ?? '',
            i.followUpDate ? `${data.formatDay(i.followUpDate)}${i.followUpDone ? ` ✓` : ''}` : '',
          ]),
          [18, 20, 12, 12, 24, 14],
        )
      : w.paragraph(l.noInteractions),
  ];
}

/**
 * The campaign report as DOCX bytes. Document properties name nobody, or the organization when
 * the "document author" setting says so.
 */
export async function campaignReportDocx(input: CampaignReportInput): Promise<Uint8Array> {
  const data = reportData(input);
  const l = data.labels;
  const rtl = input.language === 'ar';
  const languages: LetterLanguages = {
    latin: 'en-GB',
    arabic: REGION_LOCALE[data.arabicRegion],
  };
  const fonts = LETTER_FONT_PAIRS[input.settings.letterFonts];
  const w = writer(rtl, rtl && data.digits === 'arabic-indic', languages, fonts);
  const organization = input.settings.organizationProfile.name ?? '';
  const author = input.settings.letterAuthor === 'organization' ? organization : '';
  const names = new Map(
    input.contacts
      .filter((contact) => input.includeSensitive === true || !contact.sensitive)
      .map((contact) => [contact.id, contactName(contact)]),
  );
  const subtitle = [fill(l.generatedOn, { date: data.formatDay(input.today) })];
  if (organization) subtitle.push(fill(l.preparedBy, { organization }));
  const doc = new Document({
    ...documentBase({
      author,
      fonts,
      languages,
      size: BODY_SIZE,
      sizeComplexScript: BODY_SIZE + 1,
    }),
    sections: [
      {
        properties: { page: { margin: { top: 1000, bottom: 1000, left: 1000, right: 1000 } } },
        children: [
          new Paragraph({
            bidirectional: w.rtl,
            heading: HeadingLevel.TITLE,
            alignment: AlignmentType.START,
            children: w.runs(input.campaign.name, { bold: true, size: 40 }),
          }),
          w.paragraph(w.runs(`${l.reportTitle} · ${subtitle.join(' · ')}`, { color: '555555' })),
          ...planSection(w, input, data),
          ...milestonesAndTasks(w, input, data, names),
          ...whipSection(w, data),
          ...stanceTable(w, data),
          ...outreachSections(w, data, l),
        ],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(doc));
}
