import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IpcChannel, type IpcResult } from '@shared/ipc';
import { senderFromOrigins } from '@main/ipc/handle-validated';
import { registerNotifyDue } from '@main/ipc/notify-due';
import { ipcMain, Notification, resetElectronDouble } from '../../../helpers/electron-double';

const trusted = senderFromOrigins(['app://tadamun']);
const fromApp = { sender: {}, senderFrame: { url: 'app://tadamun/index.html#/', parent: null } };
const request = {
  title: 'Tadamun',
  body: 'Due today: 3 follow-ups, tasks or milestones.',
  count: 3,
};

async function invoke(event: unknown, payload: unknown) {
  const handler = ipcMain.handlers.get(IpcChannel.notifyDue);
  if (!handler) throw new Error('notifyDue is not registered');
  return (await handler(event, payload)) as IpcResult<null>;
}

describe('notifyDue', () => {
  beforeEach(resetElectronDouble);

  it('shows one silent notification with the given text, and clicking it calls back', async () => {
    const onClick = vi.fn();
    registerNotifyDue(trusted, onClick);
    expect(await invoke(fromApp, request)).toEqual({ ok: true, value: null });
    expect(Notification.shown).toHaveLength(1);
    const [shown] = Notification.shown;
    expect(shown?.options).toEqual({ title: request.title, body: request.body, silent: true });
    shown?.emit('click');
    expect(onClick).toHaveBeenCalledOnce();
  });

  it('refuses a sender that is not our own top frame, and shows nothing', async () => {
    registerNotifyDue(trusted, () => undefined);
    const remote = { sender: {}, senderFrame: { url: 'https://evil.example/', parent: null } };
    const subframe = { sender: {}, senderFrame: { url: 'app://tadamun/index.html', parent: {} } };
    for (const event of [remote, subframe]) {
      const result = await invoke(event, request);
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    }
    expect(Notification.shown).toEqual([]);
  });

  it.each([
    ['no payload', undefined],
    ['an empty body', { ...request, body: ' ' }],
    ['a zero count', { ...request, count: 0 }],
    ['a fractional count', { ...request, count: 1.5 }],
    ['an overlong body', { ...request, body: 'x'.repeat(301) }],
    ['an extra field', { ...request, icon: 'https://evil.example/i.png' }],
  ])('refuses %s, and shows nothing', async (_name, payload) => {
    registerNotifyDue(trusted, () => undefined);
    const result = await invoke(fromApp, payload);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(Notification.shown).toEqual([]);
  });

  it('does nothing, without failing, where the system has no notifications', async () => {
    Notification.supported = false;
    registerNotifyDue(trusted, () => undefined);
    expect(await invoke(fromApp, request)).toEqual({ ok: true, value: null });
    expect(Notification.shown).toEqual([]);
  });
});
