import type { Campaign, Interaction, Stance, Target, Task } from '@core/index';

let counter = 0;
/** A fresh valid UUID-looking id; the order of creation is kept in the last digits. */
export const id = () => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`;
const AT = '2026-11-01T09:00:00.000Z';

/** Tasks as tests write them: without the notes field. */
type TaskFields = Omit<Task, 'notes'> & { notes?: string };

export function campaign(
  fields: Partial<Omit<Campaign, 'tasks'>> & { tasks?: TaskFields[] } = {},
): Campaign {
  const { tasks = [], ...rest } = fields;
  return {
    id: id(),
    createdAt: AT,
    updatedAt: AT,
    name: 'Campaign',
    goal: undefined,
    ask: undefined,
    description: undefined,
    status: 'active',
    language: 'en',
    tags: [],
    milestones: [],
    ...rest,
    tasks: tasks.map((task) => ({ ...task, notes: task.notes })),
  };
}

export function target(stance: Stance, fields: Partial<Target> = {}): Target {
  return {
    id: id(),
    createdAt: AT,
    updatedAt: AT,
    campaignId: id(),
    contactId: id(),
    stance,
    priority: 3,
    stanceHistory: [],
    notes: undefined,
    ...fields,
  };
}

export function interaction(fields: Partial<Interaction> = {}): Interaction {
  return {
    id: id(),
    createdAt: AT,
    updatedAt: AT,
    contactId: id(),
    kind: 'call',
    direction: 'outgoing',
    occurredAt: AT,
    outcome: undefined,
    notes: undefined,
    followUpDone: false,
    ...fields,
  };
}

/** `count` targets in each stance given, e.g. stances({ champion: 2, opposed: 1 }). */
export function targetsWith(counts: Partial<Record<Stance, number>>): Target[] {
  return Object.entries(counts).flatMap(([stance, count]) =>
    Array.from({ length: count ?? 0 }, () => target(stance as Stance)),
  );
}
