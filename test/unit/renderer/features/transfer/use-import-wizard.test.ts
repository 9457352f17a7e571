// @vitest-environment happy-dom
/**
 * The import wizard's steps, what it asks the worker (here a stand-in answering with the
 * core's own functions), Cancel at each long step, and the outcome of a refused write.
 */
import { act } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataCore } from '@core/db/data-core';
import { isStorageFull } from '@core/db/storage-full';
import { guessMapping, MAX_IMPORT_BYTES, TransferFileError } from '@core/transfer';
import { useImportWizard } from '@renderer/features/transfer/use-import-wizard';
import { failNthWrite } from '../../../../helpers/fail-nth-write';
import { closingAfterEach } from '../../../../helpers/fresh-data-core';
import { renderHook } from '../../../../helpers/render-hook';
import { fakeWorker } from './fake-import-worker';

vi.mock(
  '@renderer/features/transfer/worker/import-worker-client',
  () => import('./fake-import-worker'),
);

const fresh = closingAfterEach();
beforeEach(() => fakeWorker.reset());

const HEADERS = ['First name', 'Last name', 'Email'];
const CSV = `${HEADERS.join(',')}\nAmal,Haddad,amal@example.org\nBasel,Khoury,basel@example.org\n`;
const VCARD = [
  'BEGIN:VCARD',
  'VERSION:4.0',
  'FN:رانيا الخوري',
  'N:الخوري;رانيا;;;',
  'END:VCARD',
  '',
].join('\r\n');
const file = (text: string, name: string) => new File([text], name, { type: 'text/plain' });

/** Lets the wizard's unawaited work run (inside act) until `condition` holds. */
async function until(condition: () => boolean): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 5000) throw new Error('the wizard never got there');
    await act(() => new Promise((resolve) => setTimeout(resolve, 5)));
  }
}

async function wizardFor(core: DataCore) {
  const hook = renderHook(() => useImportWizard(core));
  return { ...hook, state: () => hook.result.current.state, wizard: () => hook.result.current };
}

/** A workspace holding Amal, and the wizard on the columns step of a two-row CSV. */
async function atColumns() {
  const { core } = await fresh();
  await core.contacts.create({
    givenName: 'Amal',
    familyName: 'Haddad',
    emails: [{ value: 'amal@example.org' }],
  });
  const opened = await wizardFor(core);
  act(() => opened.wizard().chooseFile(file(CSV, 'people.csv')));
  await until(() => opened.state().step === 'columns');
  return { core, ...opened };
}

describe('useImportWizard', () => {
  it('reads a CSV, guesses its columns, checks each row against stored contacts, imports', async () => {
    const { core } = await fresh();
    await core.contacts.create({
      givenName: 'Amal',
      familyName: 'Haddad',
      emails: [{ value: 'amal@example.org' }],
    });
    const { state, wizard } = await wizardFor(core);
    expect(state()).toMatchObject({ step: 'file', busy: null, source: null });
    act(() => wizard().chooseFile(file(CSV, 'people.csv')));
    expect(state().busy).toEqual({ what: 'reading' });
    await until(() => state().step === 'columns');
    expect(state()).toMatchObject({
      busy: null,
      fileError: null,
      source: { name: 'people.csv', format: 'delimited', headers: HEADERS, rowCount: 2 },
      mapping: { fields: ['givenName', 'familyName', 'emails'] },
    });
    expect(fakeWorker.requests).toEqual(['read']);

    await act(() => wizard().review());
    expect(state()).toMatchObject({ step: 'review', busy: null, cancelled: false });
    expect(state().check).toMatchObject({ rowCount: 2, validCount: 2, invalidCount: 0 });
    expect(state().check?.duplicates.map((d) => d.incomingIndex)).toEqual([0]);
    const [asked] = fakeWorker.checkedWith;
    expect(asked?.mapping).toEqual(state().mapping);
    expect(asked?.existing).toEqual(core.contacts.all());

    await act(() => wizard().commit(new Set([0]), 1));
    expect(state()).toMatchObject({ step: 'done', busy: null, outcome: { ok: true, skipped: 1 } });
    expect(core.contacts.all().map((c) => c.givenName)).toEqual(['Amal', 'Basel']);
  });

  it('updates the contacts a file already holds, in the one commit that stores the new ones', async () => {
    const { core, state, wizard } = await atColumns();
    const [amal] = core.contacts.all();
    await core.contacts.update(amal?.id ?? '', { tags: ['donor'], notes: 'Met in May' });
    const updatedCsv = `${HEADERS.join(',')},Organization\nAmal,Haddad,amal@example.org,Helem\nBasel,Khoury,basel@example.org,Helem\n`;
    act(() => wizard().chooseFile(file(updatedCsv, 'again.csv')));
    await until(() => state().step === 'columns');
    await act(() => wizard().review());
    const duplicate = state().check?.duplicates[0];
    expect(duplicate?.incomingIndex).toBe(0);
    await act(() => wizard().commit(new Set(), 0, new Map([[0, duplicate?.contactId ?? '']])));
    expect(state().outcome).toMatchObject({
      ok: true,
      value: { updated: 1, organizationsCreated: 1 },
    });
    const helem = core.organizations.all().find((o) => o.name === 'Helem');
    expect(core.contacts.all()).toEqual([
      expect.objectContaining({
        givenName: 'Amal',
        organizationId: helem?.id,
        tags: ['donor'],
        notes: 'Met in May',
      }),
      expect.objectContaining({ givenName: 'Basel', organizationId: helem?.id }),
    ]);
    expect(fakeWorker.requests).toContain('inputs');
  });

  it('goes straight to the review for a vCard file: it has no columns to map', async () => {
    const { core } = await fresh();
    const { state, wizard } = await wizardFor(core);
    act(() => wizard().chooseFile(file(VCARD, 'contacts.vcf')));
    await until(() => state().busy === null);
    expect(state()).toMatchObject({
      step: 'review',
      mapping: null,
      source: { format: 'vcard', rowCount: 1 },
      check: { validCount: 1 },
    });
    expect(fakeWorker.requests).toEqual(['read', 'check']);
    expect(fakeWorker.checkedWith[0]?.mapping).toBeNull();
  });

  it('changes a column, keeps the mapping when the same file is decoded again, applies a preset', async () => {
    const { state, wizard } = await atColumns();
    act(() => wizard().setField(2, 'notes'));
    expect(state().mapping?.fields).toEqual(['givenName', 'familyName', 'notes']);
    act(() => wizard().redecode('windows-1256', ','));
    await until(() => fakeWorker.reads.length === 2 && state().busy === null);
    expect(fakeWorker.reads[1]).toMatchObject({ encoding: 'windows-1256', delimiter: ',' });
    expect(state().mapping?.fields).toEqual(['givenName', 'familyName', 'notes']);
    act(() => wizard().applyPreset('officials'));
    expect(state().preset).toBe('officials');
    expect(state().mapping).toEqual(guessMapping(HEADERS, 'officials'));
    expect(state().mapping?.defaults).toEqual({ kind: 'official' });
  });

  it('names a file it cannot read, and stays on the file step', async () => {
    const { core } = await fresh();
    const { state, wizard } = await wizardFor(core);
    act(() => wizard().chooseFile(file('', 'empty.csv')));
    await until(() => state().busy === null);
    expect(state().step).toBe('file');
    expect(state().fileError).toBeInstanceOf(TransferFileError);
  });

  it('refuses a file over the limit without reading it', async () => {
    const { core } = await fresh();
    const { state, wizard } = await wizardFor(core);
    const huge = file('x', 'huge.csv');
    Object.defineProperty(huge, 'size', { value: MAX_IMPORT_BYTES + 1 });
    act(() => wizard().chooseFile(huge));
    await until(() => state().busy === null);
    expect(state()).toMatchObject({ step: 'file', source: null });
    expect(state().fileError).toBeInstanceOf(TransferFileError);
    expect(fakeWorker.requests).toEqual([]);
  });

  it('Cancel while checking ends the worker and leaves the columns step as it was', async () => {
    const { core, state, wizard } = await atColumns();
    const mapping = state().mapping;
    fakeWorker.hold('check');
    let reviewing: Promise<void> = Promise.resolve();
    act(() => {
      reviewing = wizard().review();
    });
    expect(state().busy).toEqual({ what: 'checking', done: 0, total: 2 });
    await act(async () => {
      wizard().cancel();
      await reviewing;
    });
    expect(fakeWorker.requests).toContain('cancel');
    expect(state()).toMatchObject({ step: 'columns', busy: null, cancelled: true, check: null });
    expect(state().mapping).toEqual(mapping);
    expect(core.contacts.count()).toBe(1);
  });

  it('Cancel while a vCard file is checked goes back to the file step', async () => {
    const { core } = await fresh();
    const { state, wizard } = await wizardFor(core);
    fakeWorker.hold('check');
    act(() => wizard().chooseFile(file(VCARD, 'contacts.vcf')));
    await until(() => fakeWorker.requests.includes('check'));
    expect(state()).toMatchObject({ step: 'review', busy: { what: 'checking' } });
    act(() => wizard().cancel());
    await until(() => state().busy === null);
    expect(state()).toMatchObject({ step: 'file', cancelled: true, check: null });
  });

  it('Cancel while records are prepared stops before writing; the checked rows stay for another try', async () => {
    const { core, state, wizard } = await atColumns();
    await act(() => wizard().review());
    fakeWorker.hold('prepare');
    let committing: Promise<void> = Promise.resolve();
    act(() => {
      committing = wizard().commit(new Set(), 0);
    });
    await until(() => fakeWorker.waiting === 'prepare');
    expect(state().busy).toEqual({ what: 'preparing', done: 0, total: 2 });
    act(() => wizard().cancel());
    // Preparing stops at its next slice: the worker is not ended.
    expect(fakeWorker.requests).not.toContain('cancel');
    await act(async () => {
      fakeWorker.release();
      await committing;
    });
    expect(state()).toMatchObject({ step: 'review', busy: null, cancelled: true, outcome: null });
    expect(core.contacts.count()).toBe(1);

    await act(() => wizard().commit(new Set(), 0));
    expect(state()).toMatchObject({ step: 'done', outcome: { ok: true } });
    expect(core.contacts.count()).toBe(3);
  });

  it('ends on the outcome, naming the reason, when the disk refuses the write', async () => {
    const { core, state, wizard } = await atColumns();
    await act(() => wizard().review());
    await failNthWrite(core, 1);
    await act(() => wizard().commit(new Set(), 0));
    const { outcome } = state();
    expect(state()).toMatchObject({ step: 'done', busy: null, outcome: { ok: false } });
    expect(outcome?.ok === false && isStorageFull(outcome.error)).toBe(true);
    expect(core.contacts.count()).toBe(1);
  });

  it('ends on the outcome when the worker fails a check', async () => {
    const { state, wizard } = await atColumns();
    const failure = new Error('import worker error');
    fakeWorker.failNextCheck = failure;
    await act(() => wizard().review());
    expect(state()).toMatchObject({
      step: 'done',
      busy: null,
      outcome: { ok: false, error: failure },
    });
  });

  it('goes back from the review to the columns; starts over, and ends the worker, on reset and unmount', async () => {
    const { state, wizard, unmount } = await atColumns();
    await act(() => wizard().review());
    act(() => wizard().back());
    expect(state()).toMatchObject({ step: 'columns', check: null, cancelled: false });
    act(() => wizard().reset());
    expect(fakeWorker.requests.at(-1)).toBe('dispose');
    expect(state()).toMatchObject({ step: 'file', source: null, mapping: null, check: null });
    act(() => wizard().chooseFile(file(CSV, 'people.csv')));
    await until(() => state().step === 'columns');
    unmount();
    expect(fakeWorker.requests.at(-1)).toBe('dispose');
  });
});
