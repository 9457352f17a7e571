import {
  arabicIntlLocale,
  regionOfTag,
  resolveArabicDigits,
  type ArabicDigits,
  type ArabicRegion,
} from '../domain/arabic-region';
import type { Campaign } from '../domain/campaign';
import type { Contact } from '../domain/contact';
import { contactName } from '../domain/contact';
import type { Interaction } from '../domain/interaction';
import type { Settings } from '../domain/settings';
import type { Target } from '../domain/target';
import { dayIn, daysBetween, instantKey, startOfWeek, type Day } from '../planner/days';
import { outreachPerWeek, type OutreachWeek } from '../planner/outreach-per-week';
import { PlannerIndex } from '../planner/planner-index';
import { targetRowsFrom, type TargetRow } from '../planner/target-rows';
import { whipCount, type WhipCount } from '../planner/whip-count';
import { REPORT_LABELS, type ReportLabels, type ReportLanguage } from './report-labels';

export interface CampaignReportInput {
  campaign: Campaign;
  /** Targets and interactions of this campaign (others are ignored). */
  targets: readonly Target[];
  contacts: readonly Contact[];
  interactions: readonly Interaction[];
  settings: Settings;
  language: ReportLanguage;
  today: Day;
  timeZone: string;
  /** Name contacts marked sensitive in the stance table and log; default false. */
  includeSensitive?: boolean;
}

export interface LogRow {
  interaction: Interaction;
  contactName: string;
}

export interface ReportData {
  labels: ReportLabels;
  whip: WhipCount;
  /** Targets to list (sensitive ones only when asked for). */
  rows: TargetRow[];
  sensitiveLeftOut: number;
  log: LogRow[];
  weeks: OutreachWeek[];
  formatDay(day: Day | undefined): string;
  formatInstant(instant: string | undefined): string;
  formatNumber(value: number): string;
  /** The Arabic region and digits of the report's dates and numbers. */
  arabicRegion: ArabicRegion;
  digits: ArabicDigits;
}

/** Per-week counts go back to the campaign's start (or first interaction), two years at most. */
const MAX_WEEKS = 104;

export function reportData(input: CampaignReportInput): ReportData {
  const { campaign, language, timeZone } = input;
  const labels = REPORT_LABELS[language];
  const contacts = new Map(input.contacts.map((contact) => [contact.id, contact]));
  const targets = input.targets.filter((target) => target.campaignId === campaign.id);
  const interactions = input.interactions
    .filter((interaction) => interaction.campaignId === campaign.id)
    .sort((a, b) => (instantKey(a.occurredAt) < instantKey(b.occurredAt) ? -1 : 1));
  const shown = (contactId: string) =>
    input.includeSensitive === true || contacts.get(contactId)?.sensitive !== true;

  const index = new PlannerIndex({ targets, interactions });
  const allRows = targetRowsFrom(index, campaign.id, contacts);
  const rows = allRows.filter((row) => shown(row.target.contactId));

  const arabicRegion = regionOfTag(campaign.language) ?? input.settings.arabicRegion;
  const digits = resolveArabicDigits(input.settings.arabicDigits, arabicRegion);
  const locale = language === 'ar' ? arabicIntlLocale(arabicRegion, digits) : 'en-GB-u-nu-latn';
  // Arabic dates name the month, so the region's month names show (its numeric dates do not).
  const dateStyle = language === 'ar' ? 'long' : 'medium';
  const dayFormat = new Intl.DateTimeFormat(locale, { dateStyle, timeZone: 'UTC' });
  const instantFormat = new Intl.DateTimeFormat(locale, {
    dateStyle,
    timeStyle: 'short',
    hourCycle: 'h23',
    timeZone,
  });
  const numberFormat = new Intl.NumberFormat(locale);

  const firstInteraction = interactions[0];
  const firstDay = [
    campaign.startDate,
    firstInteraction && dayIn(new Date(firstInteraction.occurredAt), timeZone),
  ]
    .filter((day): day is Day => Boolean(day) && (day as Day) <= input.today)
    .sort()[0];
  const weekCount = firstDay
    ? Math.min(
        MAX_WEEKS,
        daysBetween(startOfWeek(firstDay, 1), startOfWeek(input.today, 1)) / 7 + 1,
      )
    : 1;

  return {
    labels,
    whip: whipCount(targets, campaign.winThreshold),
    rows,
    sensitiveLeftOut: allRows.length - rows.length,
    log: interactions
      .filter((interaction) => shown(interaction.contactId))
      .map((interaction) => {
        const contact = contacts.get(interaction.contactId);
        return {
          interaction,
          contactName: contact ? contactName(contact) : labels.deletedContact,
        };
      }),
    weeks: outreachPerWeek(interactions, { weeks: weekCount, today: input.today, timeZone }),
    formatDay: (day) => (day ? dayFormat.format(new Date(`${day}T12:00:00Z`)) : labels.none),
    formatInstant: (instant) => (instant ? instantFormat.format(new Date(instant)) : labels.none),
    formatNumber: (value) => numberFormat.format(value),
    arabicRegion,
    digits: language === 'ar' ? digits : 'latin',
  };
}
