import { describe, expect, it } from 'vitest';
import { rebaseEdit } from '@core/coalition/sync/local-edit';

const task = (id: string, title: string) => ({ id, title, status: 'todo' });

describe('rebaseEdit', () => {
  it('applies only the fields the local edit changed, keeping what arrived meanwhile', () => {
    const base = { id: 'c', name: 'Old', description: 'Old text', goal: 'Win' };
    const current = { ...base, description: 'Remote text' };
    const edited = { ...base, name: 'Local name', goal: undefined };
    expect(rebaseEdit('campaign', current, base, edited)).toEqual({
      id: 'c',
      name: 'Local name',
      description: 'Remote text',
    });
  });

  it('rebases a campaign’s tasks item by item', () => {
    const base = { id: 'c', tasks: [task('1', 'one'), task('2', 'two'), task('3', 'three')] };
    const current = {
      id: 'c',
      tasks: [task('1', 'one, remote'), task('2', 'two'), task('3', 'three'), task('r', 'remote')],
    };
    const edited = {
      id: 'c',
      tasks: [task('1', 'one'), task('3', 'three, local'), task('l', 'local')],
    };
    expect(rebaseEdit('campaign', current, base, edited)).toEqual({
      id: 'c',
      tasks: [
        task('1', 'one, remote'),
        task('3', 'three, local'),
        task('r', 'remote'),
        task('l', 'local'),
      ],
    });
  });

  it('adds local stance-history entries to those that arrived', () => {
    const first = { at: '2026-12-01T09:00:00Z', from: 'undecided', to: 'opposed' };
    const remote = { at: '2026-12-02T09:00:00Z', from: 'opposed', to: 'undecided' };
    const local = { at: '2026-12-03T09:00:00Z', from: 'opposed', to: 'supportive' };
    const base = { id: 't', stance: 'opposed', stanceHistory: [first] };
    const current = { id: 't', stance: 'undecided', stanceHistory: [first, remote] };
    const edited = { id: 't', stance: 'supportive', stanceHistory: [first, local] };
    expect(rebaseEdit('target', current, base, edited)).toEqual({
      id: 't',
      stance: 'supportive',
      stanceHistory: [first, remote, local],
    });
  });

  it('takes new local wording whole and keeps the wording that arrived meanwhile in the history', () => {
    const v1 = { version: 1, savedAt: '2026-12-01T09:00:00.000Z', body: 'One' };
    const base = {
      id: 'tp',
      name: 'Ask',
      updatedAt: '2026-12-02T09:00:00.000Z',
      subject: 'Vote no',
      body: 'Two',
      version: 2,
      history: [v1],
    };
    const v2 = { version: 2, savedAt: base.updatedAt, subject: 'Vote no', body: 'Two' };
    const current = {
      ...base,
      updatedAt: '2026-12-03T09:00:00.000Z',
      body: 'عزيزي العضو',
      version: 3,
      history: [v1, v2],
    };
    const edited = { ...base, subject: 'Vote yes', version: 3, history: [v1, v2] };
    expect(rebaseEdit('template', current, base, edited)).toEqual({
      ...edited,
      updatedAt: current.updatedAt,
      history: [
        v1,
        v2,
        { version: 3, savedAt: current.updatedAt, subject: 'Vote no', body: 'عزيزي العضو' },
      ],
    });
    // An edit that leaves the wording alone keeps the wording that arrived.
    const renamed = rebaseEdit('template', current, base, { ...base, name: 'Ask (renamed)' });
    expect(renamed).toEqual({ ...current, name: 'Ask (renamed)' });
  });
});
