import type { z } from 'zod';

export interface FieldError {
  /** Dotted path of the field, e.g. "emails.0.value". */
  field: string;
  message: string;
}

/** A write was refused: says which record kind and which fields, and why. */
export class ValidationError extends Error {
  constructor(
    readonly entity: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(
      `${entity}: ${fieldErrors.map((e) => (e.field ? `${e.field}: ${e.message}` : e.message)).join('; ')}`,
    );
    this.name = 'ValidationError';
  }
}

export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({ field: issue.path.join('.'), message: issue.message }));
}

export function validate<S extends z.ZodType>(
  entity: string,
  schema: S,
  value: unknown,
): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ValidationError(entity, fieldErrorsOf(result.error));
  return result.data;
}
