/** The campaign form's values, to and from a campaign; checks that give a message per field. */
import type { Campaign, CampaignInput, CampaignStatus } from '@core/domain/campaign';
import type { FieldError } from '@core/domain/validation';

export interface CampaignFormValues {
  name: string;
  goal: string;
  ask: string;
  policyIdentifier: string;
  policyTitle: string;
  jurisdiction: string;
  link: string;
  status: CampaignStatus;
  startDate: string | null;
  endDate: string | null;
  language: string;
  description: string;
  tags: string[];
  /** Percent, 0 < x ≤ 100; '' for none. */
  winThreshold: number | string;
}

export type CampaignField = keyof CampaignFormValues;
/** What is wrong with a field, as a message key of `planner.plan`. */
export type CampaignFieldProblem = 'required' | 'endBeforeStart' | 'thresholdRange';

export function toFormValues(campaign?: Campaign, language = 'en'): CampaignFormValues {
  return {
    name: campaign?.name ?? '',
    goal: campaign?.goal ?? '',
    ask: campaign?.ask ?? '',
    policyIdentifier: campaign?.policy?.identifier ?? '',
    policyTitle: campaign?.policy?.title ?? '',
    jurisdiction: campaign?.policy?.jurisdiction ?? '',
    link: campaign?.policy?.link ?? '',
    // A new campaign starts active, so the Dashboard shows it; the form says so beside the choice.
    status: campaign?.status ?? 'active',
    startDate: campaign?.startDate ?? null,
    endDate: campaign?.endDate ?? null,
    language: campaign?.language ?? language,
    description: campaign?.description ?? '',
    tags: campaign?.tags ?? [],
    // Rounded so 0.5 shows as 50, not 50.00000000000001.
    winThreshold:
      campaign?.winThreshold === undefined ? '' : Math.round(campaign.winThreshold * 10_000) / 100,
  };
}

export function checkFormValues(
  values: CampaignFormValues,
): Partial<Record<CampaignField, CampaignFieldProblem>> {
  const problems: Partial<Record<CampaignField, CampaignFieldProblem>> = {};
  if (!values.name.trim()) problems.name = 'required';
  if (values.startDate && values.endDate && values.endDate < values.startDate) {
    problems.endDate = 'endBeforeStart';
  }
  if (values.winThreshold !== '') {
    const percent = Number(values.winThreshold);
    if (!Number.isFinite(percent) || percent <= 0 || percent > 100) {
      problems.winThreshold = 'thresholdRange';
    }
  }
  return problems;
}

/** The fields of a campaign the form edits (milestones and tasks are left as they are). */
export function fromFormValues(
  values: CampaignFormValues,
): Omit<CampaignInput, 'milestones' | 'tasks'> {
  const policy = {
    identifier: values.policyIdentifier,
    title: values.policyTitle,
    jurisdiction: values.jurisdiction,
    link: values.link,
  };
  const hasPolicy = Object.values(policy).some((text) => text.trim() !== '');
  return {
    name: values.name,
    goal: values.goal,
    ask: values.ask,
    // An explicit undefined clears a policy emptied in the form when the patch is merged.
    policy: hasPolicy ? policy : undefined,
    status: values.status,
    startDate: values.startDate ?? undefined,
    endDate: values.endDate ?? undefined,
    language: values.language,
    description: values.description,
    tags: values.tags,
    winThreshold: values.winThreshold === '' ? undefined : Number(values.winThreshold) / 100,
  };
}

/** A refused write's field paths ("policy.link") → the form's fields. */
export function formFieldOf(error: FieldError): CampaignField | undefined {
  const [head, sub] = error.field.split('.');
  if (head === 'policy') {
    const map: Record<string, CampaignField> = {
      identifier: 'policyIdentifier',
      title: 'policyTitle',
      jurisdiction: 'jurisdiction',
      link: 'link',
    };
    return sub ? map[sub] : undefined;
  }
  const fields: readonly string[] = [
    'name',
    'goal',
    'ask',
    'status',
    'startDate',
    'endDate',
    'language',
    'description',
    'tags',
    'winThreshold',
  ];
  return head && fields.includes(head) ? (head as CampaignField) : undefined;
}
