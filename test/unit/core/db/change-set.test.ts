import { describe, expect, it } from 'vitest';
import { ChangeSet } from '@core/db/change-set';

describe('the changes of one commit', () => {
  it('keep first-seen order, a later change of a record replacing the earlier one', () => {
    const changes = new ChangeSet();
    changes.add({ table: 'contacts', id: 'a', record: { id: 'a', v: 1 } });
    changes.add({ table: 'targets', id: 'a', record: { id: 'a' } });
    changes.add({ table: 'contacts', id: 'b', record: { id: 'b' } });
    changes.add({ table: 'contacts', id: 'a', record: null });
    expect(changes.list.map((c) => `${c.table}/${c.id}:${c.record ? 'put' : 'delete'}`)).toEqual([
      'contacts/a:delete',
      'targets/a:put',
      'contacts/b:put',
    ]);
    expect(changes.recordOf('contacts', 'a')).toBeNull();
    expect(changes.recordOf('targets', 'a')).toEqual({ id: 'a' });
    expect(changes.recordOf('contacts', 'c')).toBeUndefined();
    expect(changes.recordOf('letters', 'a')).toBeUndefined();
  });
});
