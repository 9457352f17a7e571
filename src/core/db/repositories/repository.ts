import type { z } from 'zod';
import { newRecord } from '../../domain/common';
import { ENTITY_SCHEMAS, type EntityOf, type EntityTable } from '../../domain/entities';
import { validate, ValidationError } from '../../domain/validation';
import type { Change, RecordStore } from '../record-store';

export interface Clock {
  now(): Date;
}
export interface DataContext {
  store: RecordStore;
  clock: Clock;
  newId(): string;
}

const ENTITY_NAMES: Record<EntityTable, string> = {
  organizations: 'Organization',
  contacts: 'Contact',
  campaigns: 'Campaign',
  targets: 'Campaign target',
  interactions: 'Interaction',
  templates: 'Template',
  letters: 'Letter',
  settings: 'Settings',
  coalitions: 'Coalition',
};

export class NotFoundError extends Error {
  constructor(entity: string, id: string) {
    super(`${entity} ${id} does not exist`);
    this.name = 'NotFoundError';
  }
}

/**
 * Create, read, update and delete for one kind of record. Every write is validated against
 * the record's schema; `prepare*` build validated records for multi-record operations that
 * commit them together.
 */
export class Repository<T extends EntityTable, Input> {
  readonly entity: string;

  constructor(
    protected readonly context: DataContext,
    readonly table: T,
    private readonly inputSchema: z.ZodType<unknown, Input>,
  ) {
    this.entity = ENTITY_NAMES[table];
  }

  protected get store(): RecordStore {
    return this.context.store;
  }

  get(id: string): EntityOf<T> | undefined {
    return this.store.get(this.table, id);
  }

  require(id: string): EntityOf<T> {
    const record = this.get(id);
    if (!record) throw new NotFoundError(this.entity, id);
    return record;
  }

  all(): EntityOf<T>[] {
    return this.store.all(this.table);
  }

  count(): number {
    return this.store.count(this.table);
  }

  prepareCreate(input: Input): EntityOf<T> {
    const fields = validate(this.entity, this.inputSchema, input) as object;
    // The input schema checked every field; the id and dates are ours, so the record schema
    // (the same fields plus those) would only check it all again, seconds for a large import.
    return newRecord(fields, this.context.newId(), this.now()) as EntityOf<T>;
  }

  /** The time records created or changed now get (ISO 8601), from the data core's clock. */
  now(): string {
    return this.context.clock.now().toISOString();
  }

  prepareUpdate(id: string, patch: Partial<Input>): EntityOf<T> {
    const current = this.require(id);
    const {
      id: _id,
      createdAt,
      updatedAt: _updatedAt,
      ...fields
    } = current as EntityOf<T> & {
      createdAt: string;
    };
    const merged = validate(this.entity, this.inputSchema, { ...fields, ...patch }) as object;
    return this.checked({
      ...merged,
      id,
      createdAt,
      updatedAt: this.now(),
    });
  }

  protected checked(record: unknown): EntityOf<T> {
    return validate(this.entity, ENTITY_SCHEMAS[this.table], record) as EntityOf<T>;
  }

  put(record: EntityOf<T>): Change {
    return { table: this.table, put: record };
  }

  async create(input: Input): Promise<EntityOf<T>> {
    const record = this.prepareCreate(input);
    await this.store.commit([this.put(record)]);
    return record;
  }

  /** Creates many records all-or-nothing: one invalid input and nothing is written. */
  async createMany(inputs: readonly Input[]): Promise<EntityOf<T>[]> {
    const records: EntityOf<T>[] = [];
    const problems: { field: string; message: string }[] = [];
    inputs.forEach((input, index) => {
      try {
        records.push(this.prepareCreate(input));
      } catch (error) {
        if (!(error instanceof ValidationError)) throw error;
        for (const e of error.fieldErrors) {
          problems.push({ field: `[${index}]${e.field ? `.${e.field}` : ''}`, message: e.message });
        }
      }
    });
    if (problems.length) throw new ValidationError(this.entity, problems);
    await this.store.commit(records.map((record) => this.put(record)));
    return records;
  }

  async update(id: string, patch: Partial<Input>): Promise<EntityOf<T>> {
    const record = this.prepareUpdate(id, patch);
    await this.store.commit([this.put(record)]);
    return record;
  }

  async remove(id: string): Promise<void> {
    this.require(id);
    await this.store.commit([{ table: this.table, delete: id }]);
  }
}
