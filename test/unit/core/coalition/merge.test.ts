import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHlc, parseHlc, receive, startClock, tick, type Hlc } from '@core/coalition/hlc';
import { mergeStates, planMerge, stateText } from '@core/coalition/merge';
import {
  isRemoved,
  latestClock,
  stampEdit,
  stampRemoval,
  type MergeRule,
  type RecordState,
} from '@core/coalition/record-clocks';
import { canonicalJson, type SharedRecord } from '@core/coalition/shared-record';
import { checkSharedRecord } from '@core/coalition/shared-schemas';

const T = Date.parse('2026-12-01T10:00:00Z');
const MEMBERS = ['m-amal', 'm-basil', 'm-carmen'];
const CAMPAIGN_ID = '6f1c1d2e-0000-4000-8000-000000000001';
const TARGET_ID = '6f1c1d2e-0000-4000-8000-000000000002';

const at = (member: string, offset: number, counter = 0) =>
  formatHlc({ wall: T + offset, counter, member });

const campaign = (fields: Record<string, unknown> = {}): SharedRecord => ({
  id: CAMPAIGN_ID,
  name: 'Ordinance 2026-14',
  status: 'planning',
  milestones: [],
  tasks: [],
  ...fields,
});

const task = (id: string, title: string, status = 'todo') => ({ id, title, status });

describe('merging revisions of one record', () => {
  it('keeps concurrent edits of different fields from both sides', () => {
    const base = stampEdit('campaign', undefined, campaign(), at('m-amal', 0));
    const amal = stampEdit(
      'campaign',
      base,
      campaign({ name: 'حملة القانون 14' }),
      at('m-amal', 10),
    );
    const basil = stampEdit('campaign', base, campaign({ status: 'active' }), at('m-basil', 5));
    const merged = mergeStates('campaign', [amal, basil]);
    expect(merged.record).toMatchObject({ name: 'حملة القانون 14', status: 'active' });
    expect(merged.clocks.fields).toMatchObject({
      name: at('m-amal', 10),
      status: at('m-basil', 5),
    });
  });

  it('gives a field edited on both sides to the later clock, the member id breaking a tie', () => {
    const base = stampEdit('campaign', undefined, campaign(), at('m-amal', 0));
    const early = stampEdit('campaign', base, campaign({ name: 'early' }), at('m-carmen', 5));
    const late = stampEdit('campaign', base, campaign({ name: 'late' }), at('m-amal', 9));
    expect(mergeStates('campaign', [late, early]).record['name']).toBe('late');
    const tieA = stampEdit('campaign', base, campaign({ name: 'A' }), at('m-amal', 7));
    const tieB = stampEdit('campaign', base, campaign({ name: 'B' }), at('m-basil', 7));
    expect(mergeStates('campaign', [tieA, tieB]).record['name']).toBe('B');
    expect(mergeStates('campaign', [tieB, tieA]).record['name']).toBe('B');
  });

  it('clears an optional field when the later edit removed it', () => {
    const base = stampEdit('campaign', undefined, campaign({ goal: 'pass it' }), at('m-amal', 0));
    const cleared = stampEdit('campaign', base, campaign(), at('m-basil', 3));
    const merged = mergeStates('campaign', [base, cleared]);
    expect('goal' in merged.record).toBe(false);
    expect(merged.clocks.fields['goal']).toBe(at('m-basil', 3));
  });

  it('adds tasks from both sides, keeps a removal over an earlier edit, orders tasks as added', () => {
    const one = task('task-1', 'Call the mayor');
    const base = stampEdit('campaign', undefined, campaign({ tasks: [one] }), at('m-amal', 0));
    const amal = stampEdit(
      'campaign',
      base,
      campaign({ tasks: [{ ...one, status: 'done' }, task('task-a', 'Amal’s task')] }),
      at('m-amal', 4),
    );
    const basil = stampEdit(
      'campaign',
      base,
      campaign({ tasks: [task('task-b', 'مهمة باسل')] }),
      at('m-basil', 6),
    );
    const merged = mergeStates('campaign', [basil, amal]);
    expect(merged.record['tasks']).toEqual([
      task('task-a', 'Amal’s task'),
      task('task-b', 'مهمة باسل'),
    ]);
    expect(merged.clocks.items['tasks']?.['task-1']).toEqual({
      added: at('m-amal', 0),
      place: 0,
      written: at('m-basil', 6),
      deleted: true,
    });
  });

  it('keeps the order of tasks one edit added (a campaign shared the first time)', () => {
    const tasks = [
      task('task-c', 'third id, first'),
      task('task-a', 'second'),
      task('task-b', 'last'),
    ];
    const first = stampEdit('campaign', undefined, campaign({ tasks }), at('m-amal', 0));
    const added = stampEdit(
      'campaign',
      first,
      campaign({ tasks: [...tasks, task('task-0', 'added later')] }),
      at('m-amal', 2),
    );
    const other = stampEdit('campaign', first, campaign({ tasks, name: 'x' }), at('m-basil', 1));
    const merged = mergeStates('campaign', [other, added]);
    expect((merged.record['tasks'] as SharedRecord[]).map((t) => t.id)).toEqual([
      'task-c',
      'task-a',
      'task-b',
      'task-0',
    ]);
  });

  it('never loses a stance change: histories from every side are united, by time', () => {
    const entry = (minute: number, to: string) => ({
      at: `2026-12-01T10:${String(minute).padStart(2, '0')}:00Z`,
      from: 'undecided',
      to,
    });
    const target = (history: unknown[], stance: string): SharedRecord => ({
      id: TARGET_ID,
      stance,
      stanceHistory: history,
    });
    const base = stampEdit(
      'target',
      undefined,
      target([entry(1, 'undecided')], 'undecided'),
      at('m-amal', 0),
    );
    const amal = stampEdit(
      'target',
      base,
      target([entry(1, 'undecided'), entry(5, 'supportive')], 'supportive'),
      at('m-amal', 5),
    );
    const basil = stampEdit(
      'target',
      base,
      target([entry(1, 'undecided'), entry(3, 'opposed')], 'opposed'),
      at('m-basil', 3),
    );
    const merged = mergeStates('target', [amal, basil]);
    expect(merged.record['stanceHistory']).toEqual([
      entry(1, 'undecided'),
      entry(3, 'opposed'),
      entry(5, 'supportive'),
    ]);
    expect(merged.record['stance']).toBe('supportive');
  });

  it('keeps the wording that lost a concurrent save in the template history, in any order', () => {
    const TEMPLATE_ID = '6f1c1d2e-0000-4000-8000-000000000003';
    const template = (fields: Record<string, unknown>): SharedRecord => ({
      id: TEMPLATE_ID,
      name: 'Ask letter',
      updatedAt: '2026-12-01T10:00:00.000Z',
      subject: 'Vote no',
      body: 'Dear member',
      version: 3,
      history: [{ version: 2, savedAt: '2026-11-30T10:00:00.000Z', body: 'Two' }],
      ...fields,
    });
    const v3 = {
      version: 3,
      savedAt: '2026-12-01T10:00:00.000Z',
      subject: 'Vote no',
      body: 'Dear member',
    };
    const base = stampEdit('template', undefined, template({}), at('m-amal', 0));
    const history = [...(base.record['history'] as unknown[]), v3];
    // Amal rewrites the subject, Basil the body and closing, both from version 3.
    const amal = stampEdit(
      'template',
      base,
      template({ subject: 'صوّتوا ضد القانون', version: 4, history }),
      at('m-amal', 5),
    );
    const basil = stampEdit(
      'template',
      base,
      template({ body: 'Dear councillor', closing: 'Respectfully,', version: 4, history }),
      at('m-basil', 9),
    );
    // Basil is renamed later by Amal: a plain field, merged on its own.
    const renamed = stampEdit(
      'template',
      amal,
      { ...amal.record, name: 'Letter' },
      at('m-amal', 12),
    );
    const merged = mergeStates('template', [renamed, basil]);
    expect(stateText(mergeStates('template', [basil, renamed]))).toBe(stateText(merged));
    // The later wording wins whole (not Amal's subject with Basil's body) …
    expect(merged.record).toMatchObject({
      name: 'Letter',
      subject: 'Vote no',
      body: 'Dear councillor',
      closing: 'Respectfully,',
      version: 4,
    });
    // … and Amal's is kept as a version 4 of its own, saved when her clock says.
    expect(merged.record['history']).toEqual([
      { version: 2, savedAt: '2026-11-30T10:00:00.000Z', body: 'Two' },
      v3,
      {
        version: 4,
        savedAt: '2026-12-01T10:00:00.005Z',
        subject: 'صوّتوا ضد القانون',
        body: 'Dear member',
      },
    ]);
    expect(
      checkSharedRecord('doc', 'template', { ...merged.record, createdAt: v3.savedAt }).record,
    ).toMatchObject({ version: 4 });
    // Merging again, with either side or with the base, changes nothing.
    for (const state of [base, amal, basil, renamed])
      expect(stateText(mergeStates('template', [merged, state]))).toBe(stateText(merged));
  });

  it('plans the merge: the losers are deleted, a new revision only when the winner lacks something', () => {
    const base = stampEdit('campaign', undefined, campaign(), at('m-amal', 0));
    const amal = stampEdit('campaign', base, campaign({ name: 'A' }), at('m-amal', 4));
    const basil = stampEdit('campaign', base, campaign({ status: 'won' }), at('m-basil', 6));
    const plan = planMerge('campaign', { rev: '2-b', state: basil }, [
      { rev: '2-a', state: amal },
      { rev: '1-x', state: base },
    ]);
    expect(plan.write).toBe(true);
    expect(plan.remove).toEqual(['1-x', '2-a']);
    expect(plan.state.record).toMatchObject({ name: 'A', status: 'won' });
    const again = planMerge('campaign', { rev: '3-m', state: plan.state }, [
      { rev: '2-a', state: amal },
    ]);
    expect(again).toEqual({ state: plan.state, write: false, remove: ['2-a'] });
  });

  it('keeps a deletion over edits made before it, and brings the record back for a later edit', () => {
    const base = stampEdit('campaign', undefined, campaign(), at('m-amal', 0));
    const edited = stampEdit('campaign', base, campaign({ name: 'renamed' }), at('m-basil', 3));
    const removed = stampRemoval(base, at('m-amal', 5));
    const merged = mergeStates('campaign', [edited, removed]);
    expect(isRemoved(merged)).toBe(true);
    expect(merged.clocks.removed).toBe(at('m-amal', 5));
    expect(merged.record['name']).toBe('renamed');
    const later = stampEdit('campaign', base, campaign({ status: 'won' }), at('m-basil', 9));
    const revived = mergeStates('campaign', [removed, later, edited]);
    expect(isRemoved(revived)).toBe(false);
    expect(revived.record).toMatchObject({ name: 'renamed', status: 'won' });
    expect(latestClock(revived.clocks)).toBe(at('m-basil', 9));
    expect(latestClock(merged.clocks)).toBe(at('m-amal', 5));
  });

  it('refuses to merge revisions of two different records', () => {
    const a = stampEdit('campaign', undefined, campaign(), at('m-amal', 0));
    const b = stampEdit('campaign', undefined, { ...campaign(), id: 'other' }, at('m-amal', 0));
    expect(() => mergeStates('campaign', [a, b])).toThrow(/different records/);
  });
});

// Property-based: laptops edit one record offline, sync now and then in any order.

type Edit =
  | { op: 'set'; field: 'name' | 'status' | 'goal'; value: string | undefined }
  | { op: 'addTask'; title: string }
  | { op: 'editTask'; pick: number; status: string }
  | { op: 'removeTask'; pick: number }
  | { op: 'stance'; to: string }
  | { op: 'reword'; subject: string; body: string }
  | { op: 'remove' };

const text = fc.constantFrom('A', 'B', 'حملة', 'Ω', '');
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant('set' as const),
    field: fc.constantFrom('name' as const, 'status' as const, 'goal' as const),
    value: fc.option(text, { nil: undefined }),
  }),
  fc.record({ op: fc.constant('addTask' as const), title: text }),
  fc.record({
    op: fc.constant('editTask' as const),
    pick: fc.nat(),
    status: fc.constantFrom('todo', 'done'),
  }),
  fc.record({ op: fc.constant('removeTask' as const), pick: fc.nat() }),
  fc.record({ op: fc.constant('stance' as const), to: fc.constantFrom('supportive', 'opposed') }),
  fc.record({ op: fc.constant('reword' as const), subject: text, body: text }),
  fc.record({ op: fc.constant('remove' as const) }),
);

type Step = { replica: number; advance: number } & (
  { kind: 'edit'; edit: Edit } | { kind: 'sync'; from: number }
);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    kind: fc.constant('edit' as const),
    replica: fc.integer({ min: 0, max: 2 }),
    advance: fc.integer({ min: 0, max: 3 }),
    edit,
  }),
  fc.record({
    kind: fc.constant('sync' as const),
    replica: fc.integer({ min: 0, max: 2 }),
    advance: fc.integer({ min: 0, max: 3 }),
    from: fc.integer({ min: 0, max: 2 }),
  }),
);

/**
 * A record with every sort of field: plain, keyed (tasks), append-only (log) and a versioned
 * wording (subject and body, whose earlier and concurrent versions go to `versions`).
 */
const wordingKey = (entry: unknown) => {
  const { version, subject, body } = entry as Record<string, unknown>;
  return canonicalJson([version, subject, body]);
};
const KIND: MergeRule = {
  keyed: ['tasks'],
  appendOnly: {
    log: { key: canonicalJson, order: (entry) => String((entry as { at: string }).at) },
    versions: {
      key: wordingKey,
      order: (entry) => String((entry as { version: number }).version).padStart(10, '0'),
    },
  },
  versioned: {
    wording: ['subject', 'body'],
    version: 'version',
    history: 'versions',
    savedAt: 'updatedAt',
  },
};
const mixedRecord = (fields: Record<string, unknown>): SharedRecord => ({
  id: CAMPAIGN_ID,
  tasks: [],
  subject: 'S',
  body: 'B',
  version: 1,
  versions: [],
  ...fields,
});

interface Replica {
  clock: Hlc;
  state: RecordState;
  made: number;
}

function apply(replica: Replica, change: Edit, now: number, index: number): Replica {
  const clock = tick(replica.clock, now);
  if (change.op === 'remove')
    return { clock, state: stampRemoval(replica.state, formatHlc(clock)), made: replica.made + 1 };
  const record: Record<string, unknown> = { ...replica.state.record };
  const tasks = [...((record['tasks'] as SharedRecord[] | undefined) ?? [])];
  const picked = tasks.length ? ((change as { pick?: number }).pick ?? 0) % tasks.length : -1;
  switch (change.op) {
    case 'set':
      // Undefined is how an optional field is cleared (canonical JSON leaves it out).
      record[change.field] = change.value;
      break;
    case 'addTask':
      tasks.push({ id: `task-${clock.member}-${index}`, title: change.title, status: 'todo' });
      break;
    case 'editTask':
      if (picked >= 0)
        tasks[picked] = { ...(tasks[picked] as SharedRecord), status: change.status };
      break;
    case 'removeTask':
      if (picked >= 0) tasks.splice(picked, 1);
      break;
    case 'reword': {
      // As reviseTemplate does: the outgoing wording to the history, a version above all.
      if (record['subject'] === change.subject && record['body'] === change.body) break;
      const versions = record['versions'] as { version: number }[];
      const previous = {
        version: record['version'],
        savedAt: new Date(now).toISOString(),
        subject: record['subject'],
        body: record['body'],
      };
      record['version'] =
        Math.max(record['version'] as number, ...versions.map((v) => v.version)) + 1;
      record['versions'] = [...versions, previous];
      record['subject'] = change.subject;
      record['body'] = change.body;
      break;
    }
    case 'stance':
      record['log'] = [
        ...((record['log'] as unknown[] | undefined) ?? []),
        { at: formatHlc(clock), to: change.to },
      ];
      break;
  }
  record['tasks'] = tasks;
  const state = stampEdit(KIND, replica.state, record as SharedRecord, formatHlc(clock));
  return { clock, state, made: replica.made + 1 };
}

/** Runs a scenario; returns the replicas and every state any of them ever had. */
function run(steps: readonly Step[]) {
  const first = stampEdit(KIND, undefined, mixedRecord({ name: 'start' }), at('m-amal', 0));
  const replicas: Replica[] = MEMBERS.map((member) => ({
    clock: receive(startClock(member), parseHlc(at('m-amal', 0)), T),
    state: first,
    made: 0,
  }));
  const history: RecordState[] = [first];
  let now = T;
  steps.forEach((s, index) => {
    now += s.advance;
    const replica = replicas[s.replica] as Replica;
    if (s.kind === 'edit') {
      replicas[s.replica] = apply(replica, s.edit, now, index);
    } else {
      const other = (replicas[s.from] as Replica).state;
      const state = mergeStates(KIND, [replica.state, other]);
      const latest = latestClock(other.clocks);
      const clock = latest ? receive(replica.clock, parseHlc(latest), now) : replica.clock;
      replicas[s.replica] = { ...replica, clock, state };
    }
    history.push((replicas[s.replica] as Replica).state);
  });
  return { replicas, history };
}

describe('merge properties', () => {
  it('converges: after any interleaving of edits and syncs, a full sync leaves every laptop the same', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 40 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 3, maxLength: 3 }),
        (steps, order) => {
          const { replicas } = run(steps);
          const states = replicas.map((r) => r.state);
          // Each laptop merges what it receives in its own order.
          const finals = states.map((own, index) =>
            [...order, index].reduce(
              (acc, from) => mergeStates(KIND, [acc, states[from] as RecordState]),
              own,
            ),
          );
          const texts = new Set(
            finals.map((state) => stateText(mergeStates(KIND, [state, ...states]))),
          );
          expect(texts.size).toBe(1);
          const all = mergeStates(KIND, states);
          expect(stateText(mergeStates(KIND, finals))).toBe(stateText(all));
          const removed = finals.map((state) => isRemoved(mergeStates(KIND, [state, ...states])));
          expect(new Set(removed)).toEqual(new Set([isRemoved(all)]));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is commutative and associative: any order and grouping of the same revisions merges alike', () => {
    fc.assert(
      fc.property(
        fc.array(step, { maxLength: 30 }).chain((steps) => {
          const { history } = run(steps);
          return fc.tuple(
            fc.constant(history),
            fc.shuffledSubarray(history, { minLength: 1 }),
            fc.nat(),
          );
        }),
        ([history, picked, split]) => {
          const flat = stateText(mergeStates(KIND, picked));
          const reversed = stateText(mergeStates(KIND, [...picked].reverse()));
          const cut = split % picked.length;
          const left = mergeStates(KIND, picked.slice(0, cut + 1));
          const grouped =
            picked.length > cut + 1
              ? mergeStates(KIND, [left, mergeStates(KIND, picked.slice(cut + 1))])
              : left;
          const folded = picked.reduce((acc, s) => mergeStates(KIND, [acc, s]));
          expect(reversed).toBe(flat);
          expect(stateText(grouped)).toBe(flat);
          expect(stateText(folded)).toBe(flat);
          expect(history.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('is idempotent: merging a state with itself, or with what it already holds, changes nothing', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), (steps) => {
        const { history } = run(steps);
        const all = mergeStates(KIND, history);
        expect(stateText(mergeStates(KIND, [all, all]))).toBe(stateText(all));
        expect(stateText(mergeStates(KIND, [all]))).toBe(stateText(all));
        for (const state of history)
          expect(stateText(mergeStates(KIND, [all, state]))).toBe(stateText(all));
      }),
      { numRuns: 100 },
    );
  });

  it('plans the same merged revision whichever revision the engine picked as winner', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.nat(), (steps, pick) => {
        const { replicas } = run(steps);
        const revisions = replicas.map((r, index) => ({
          rev: `${r.made + 1}-${index}`,
          state: r.state,
        }));
        const winner = revisions[pick % revisions.length] as (typeof revisions)[number];
        const losers = revisions.filter((r) => r !== winner);
        const plan = planMerge(KIND, winner, losers);
        const other = planMerge(
          KIND,
          revisions[0] as (typeof revisions)[number],
          revisions.slice(1),
        );
        expect(stateText(plan.state)).toBe(stateText(other.state));
        expect(plan.remove).toEqual(losers.map((r) => r.rev).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every append-only entry from every laptop, in clock order', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { history } = run(steps);
        const all = mergeStates(KIND, history);
        const everLogged = new Set(
          history.flatMap((s) =>
            ((s.record['log'] as unknown[] | undefined) ?? []).map(canonicalJson),
          ),
        );
        const log = (all.record['log'] as { at: string }[] | undefined) ?? [];
        expect(new Set(log.map(canonicalJson))).toEqual(everLogged);
        expect(log.map((e) => e.at)).toEqual(log.map((e) => e.at).sort());
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every wording any laptop saved: the latest current, the others in the history', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { history } = run(steps);
        const all = mergeStates(KIND, history);
        const kept = new Set(
          [all.record, ...(all.record['versions'] as unknown[])].map(wordingKey),
        );
        for (const state of history) {
          expect(kept).toContain(wordingKey(state.record));
          for (const entry of state.record['versions'] as unknown[])
            expect(kept).toContain(wordingKey(entry));
        }
        const latest = history.reduce((a, b) =>
          (a.clocks.fields['version'] ?? '') >= (b.clocks.fields['version'] ?? '') ? a : b,
        );
        expect(wordingKey(all.record)).toBe(wordingKey(latest.record));
      }),
      { numRuns: 100 },
    );
  });

  it('keeps every task added and not removed, from every laptop', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { history } = run(steps);
        const all = mergeStates(KIND, history);
        const removed = new Set(
          Object.entries(all.clocks.items['tasks'] ?? {})
            .filter(([, clock]) => clock.deleted)
            .map(([id]) => id),
        );
        const everAdded = new Set(
          history.flatMap((s) =>
            ((s.record['tasks'] as SharedRecord[] | undefined) ?? []).map((t) => t.id),
          ),
        );
        const kept = ((all.record['tasks'] as SharedRecord[] | undefined) ?? []).map((t) => t.id);
        expect(new Set(kept)).toEqual(new Set([...everAdded].filter((id) => !removed.has(id))));
      }),
      { numRuns: 100 },
    );
  });
});
