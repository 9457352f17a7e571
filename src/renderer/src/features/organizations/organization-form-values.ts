import {
  organizationInputSchema,
  type Organization,
  type OrganizationInput,
} from '@core/domain/organization';
import { problemOf, type FieldProblem } from '@renderer/features/contacts/form/contact-form-values';

export interface OrganizationFormValues {
  name: string;
  kind: Organization['kind'];
  website: string;
  country: string;
  tags: string[];
  notes: string;
}

export function organizationValuesOf(organization?: Organization): OrganizationFormValues {
  return {
    name: organization?.name ?? '',
    kind: organization?.kind ?? 'other',
    website: organization?.website ?? '',
    country: organization?.country ?? '',
    tags: [...(organization?.tags ?? [])],
    notes: organization?.notes ?? '',
  };
}

export function organizationInputOf(values: OrganizationFormValues): OrganizationInput {
  const optional = (value: string) => (value.trim() ? value : undefined);
  return {
    name: values.name,
    kind: values.kind,
    website: optional(values.website),
    country: optional(values.country),
    tags: values.tags,
    notes: optional(values.notes),
  };
}

/** Problems by field ("name", "tags"…), checked by the domain schema. */
export function checkOrganizationForm(values: OrganizationFormValues): Map<string, FieldProblem> {
  const problems = new Map<string, FieldProblem>();
  const result = organizationInputSchema.safeParse(organizationInputOf(values));
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      if (!problems.has(field)) problems.set(field, problemOf(issue));
    }
  }
  return problems;
}
