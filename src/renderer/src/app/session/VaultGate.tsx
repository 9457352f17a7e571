/**
 * The gate in front of the workspace. Until it is unlocked nothing of the data is rendered:
 * no navigation, no counts. Locking (button, menu, shortcut, idle time, the system sleeping)
 * unmounts every data screen first, then closes the core, which drops the decrypted records
 * and the search index. Panic does the same, clears what the app copied and hides the window.
 */
import {
  Suspense,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import { useTranslation } from 'react-i18next';
import { flushSync } from 'react-dom';
import type { DataCore } from '@core/db/data-core';
import { plannerIndexOf } from '@core/planner';
import type { LockoutAltered, VaultState } from '@core/vault';
import { bridge } from '@renderer/lib/bridge';
import { clearCopiedText, selectedPageText, trackCopies } from '@renderer/lib/clipboard';
import { unwrap } from '@renderer/lib/reason-of';
import { LockScreen } from '@renderer/features/vault/LockScreen';
import { LockoutAlteredScreen } from '@renderer/features/vault/LockoutAlteredScreen';
import { RecoveryKeyScreen } from '@renderer/features/vault/RecoveryKeyScreen';
import { SetupScreen } from '@renderer/features/vault/SetupScreen';
import { GateFailure, GateWaiting } from '@renderer/features/vault/GateScreen';
import { lazyNamed } from '../lazy-named';
import { useLanguageSync } from '../use-native-bridge-sync';
import { SessionContext, type Session } from './session-context';
import { LOCK_SHORTCUT, matchesShortcut, PANIC_SHORTCUT } from './shortcuts';
import { vault } from './vault';

// The workspace's screens load with the first unlock: the lock screen needs none of them.
const UnlockedApp = lazyNamed(() => import('./UnlockedApp'), 'UnlockedApp');

type LockedState = Extract<VaultState, { kind: 'locked' }>;

export type Phase =
  | { kind: 'checking' }
  | { kind: 'setup'; wiped: boolean }
  | { kind: 'recovery-key'; core: DataCore; recoveryKey: string; replaced: boolean }
  | { kind: 'lockout-altered'; altered: LockoutAltered; then: Phase }
  | { kind: 'locked'; state: LockedState }
  | { kind: 'unlocked'; core: DataCore }
  | { kind: 'closing'; erasing: boolean }
  | { kind: 'failed'; error: unknown; erasing: boolean };

const closing = new WeakMap<DataCore, Promise<void>>();

/** Closes a core once, however many times it is asked. */
function closeCore(core: DataCore): Promise<void> {
  let done = closing.get(core);
  if (!done) {
    done = core.close().catch(() => undefined);
    closing.set(core, done);
  }
  return done;
}

/** The core a phase holds open, if any. */
function openCoreOf(phase: Phase): DataCore | undefined {
  if (phase.kind === 'unlocked' || phase.kind === 'recovery-key') return phase.core;
  if (phase.kind === 'lockout-altered') return openCoreOf(phase.then);
  return undefined;
}

/** A fresh workspace opens on the dashboard, not on the screen the old one was left on. */
function startOnDashboard(): void {
  // The router loads with the first unlock: until then it starts from the address.
  window.history.replaceState(null, '', '#/dashboard');
  void import('../router').then(({ router }) => router.navigate('/dashboard', { replace: true }));
}

/**
 * After wipe-after-N the page reloads (clearing storage); the address alone carries the
 * notice to the first run, since nothing else survives.
 */
const WIPED_HASH = '#/wiped';

function readPhase(): Promise<Phase> {
  const wiped = window.location.hash === WIPED_HASH;
  if (wiped) startOnDashboard();
  return vault.state().then(
    (state): Phase => (state.kind === 'new' ? { kind: 'setup', wiped } : { kind: 'locked', state }),
    (error: unknown): Phase => ({ kind: 'failed', error, erasing: false }),
  );
}

export function VaultGate() {
  useLanguageSync();
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });
  const phaseRef = useRef(phase);
  useLayoutEffect(() => {
    phaseRef.current = phase;
  }, [phase]);
  /** Bumped by every lock: answers that arrive after it (a slow unlock) are refused. */
  const epoch = useRef(0);
  const [screenKey, setScreenKey] = useState(0);

  /** Reads the vault's state into the phase, unless a lock came in meanwhile. */
  const check = useCallback(() => {
    const at = epoch.current;
    return readPhase().then((next) => {
      if (epoch.current === at) setPhase(next);
    });
  }, []);

  useEffect(() => {
    let live = true;
    void readPhase().then((next) => live && setPhase(next));
    return () => {
      live = false;
    };
  }, []);

  /** Takes a freshly opened core, unless a lock came in meanwhile. */
  const beginOpening = useCallback(() => {
    const at = epoch.current;
    return (core: DataCore, recoveryKey?: string, replaced = false) => {
      if (epoch.current !== at) {
        void closeCore(core).then(check);
        return;
      }
      // Part of unlocking, behind its progress: with a million interactions the planner's
      // index takes seconds, which the first Dashboard would otherwise freeze on.
      plannerIndexOf(core.store);
      const opened: Phase = recoveryKey
        ? { kind: 'recovery-key', core, recoveryKey, replaced }
        : { kind: 'unlocked', core };
      // The wipe setting was changed on disk and has been put back: said first, once.
      const altered = vault.takeAlteredLockout();
      setPhase(altered ? { kind: 'lockout-altered', altered, then: opened } : opened);
    };
  }, [check]);

  const lock = useCallback(() => {
    epoch.current += 1;
    const clearing = clearCopiedText(selectedPageText());
    const core = openCoreOf(phaseRef.current);
    const current = phaseRef.current;
    if (!core) {
      // Nothing open: forget whatever was typed on the gate's screens, and re-read the state.
      setScreenKey((key) => key + 1);
      if (current.kind === 'locked' || current.kind === 'setup') void check();
      return clearing;
    }
    // Unmount the data screens now, before the records go away under them.
    flushSync(() => setPhase({ kind: 'closing', erasing: false }));
    // Then a fresh page: a reload drops the whole heap, so no record, note or draft that a
    // module or a closure still held outlives the lock.
    void closeCore(core)
      .then(() => clearing)
      .then(() => window.location.reload());
    return clearing;
  }, [check]);

  const panic = useCallback(() => {
    void lock().then(() => bridge.hideWindow());
  }, [lock]);

  const eraseAll = useCallback(() => {
    epoch.current += 1;
    const core = openCoreOf(phaseRef.current);
    flushSync(() => setPhase({ kind: 'closing', erasing: true }));
    void (async () => {
      try {
        if (core) await closeCore(core);
        await vault.erase();
        startOnDashboard();
        const erased = await bridge.eraseAppStorage();
        unwrap(erased);
        // Main (or the browser adapter) reloads into a fresh first run; until then, set up.
        setPhase({ kind: 'setup', wiped: false });
      } catch (error) {
        setPhase({ kind: 'failed', error, erasing: true });
      }
    })();
  }, []);

  /**
   * The duress passphrase erased the database: clear the rest as "Erase all data" does, but
   * silently (no "erasing" screen, no notice), into a first run like a new install's.
   */
  const afterDuress = useCallback(async () => {
    epoch.current += 1;
    startOnDashboard();
    // Main (or the browser adapter) reloads into a fresh first run. Should clearing fail, the
    // first run shows all the same: saying so would tell what happened.
    await bridge.eraseAppStorage().catch(() => undefined);
    setPhase({ kind: 'setup', wiped: false });
  }, []);

  /**
   * Wipe-after-N erased the key file and the database: clear the rest (local storage,
   * caches) as "Erase all data" does; main (or the browser adapter) reloads into a first run
   * that says the workspace was erased.
   */
  const afterWipe = useCallback(async () => {
    epoch.current += 1;
    window.history.replaceState(null, '', WIPED_HASH);
    const erased = await bridge.eraseAppStorage().catch(() => null);
    if (erased?.ok) return;
    // Storage could not be cleared: the first run still shows, with its notice.
    startOnDashboard();
    setPhase({ kind: 'setup', wiped: true });
  }, []);

  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command.type === 'lock') void lock();
        else if (command.type === 'panic') panic();
      }),
    [lock, panic],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (matchesShortcut(event, PANIC_SHORTCUT)) {
        event.preventDefault();
        panic();
      } else if (matchesShortcut(event, LOCK_SHORTCUT)) {
        event.preventDefault();
        void lock();
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [lock, panic]);

  useEffect(() => trackCopies(), []);

  const session = useMemo<Session>(
    () => ({ vault, lock, panic, eraseAll }),
    [lock, panic, eraseAll],
  );

  return (
    <SessionContext.Provider value={session}>
      <GateContent
        key={screenKey}
        phase={phase}
        beginOpening={beginOpening}
        afterDuress={afterDuress}
        onWiped={() => void afterWipe()}
        onRecoveryKeyStored={() => {
          if (phase.kind === 'recovery-key') setPhase({ kind: 'unlocked', core: phase.core });
        }}
        onShown={setPhase}
      />
    </SessionContext.Provider>
  );
}

function GateContent({
  phase,
  beginOpening,
  afterDuress,
  onWiped,
  onRecoveryKeyStored,
  onShown,
}: {
  phase: Phase;
  beginOpening: () => (core: DataCore, recoveryKey?: string, replaced?: boolean) => void;
  afterDuress: () => Promise<void>;
  onWiped: () => void;
  onRecoveryKeyStored: () => void;
  /** A notice was read: on to the phase that follows it. */
  onShown: (next: Phase) => void;
}) {
  const { t } = useTranslation();
  switch (phase.kind) {
    case 'checking':
      return <GateWaiting label={t('vault.checking')} />;
    case 'closing':
      return <GateWaiting label={t(phase.erasing ? 'vault.erasing' : 'vault.locking')} />;
    case 'failed':
      return <GateFailure error={phase.error} erasing={phase.erasing} />;
    case 'setup':
      return <SetupScreen wiped={phase.wiped} beginOpening={beginOpening} />;
    case 'lockout-altered':
      return (
        <LockoutAlteredScreen altered={phase.altered} onContinue={() => onShown(phase.then)} />
      );
    case 'recovery-key':
      return (
        <RecoveryKeyScreen
          recoveryKey={phase.recoveryKey}
          replaced={phase.replaced}
          onContinue={onRecoveryKeyStored}
        />
      );
    case 'locked':
      return (
        <LockScreen
          state={phase.state}
          beginOpening={beginOpening}
          afterDuress={afterDuress}
          onWiped={onWiped}
        />
      );
    case 'unlocked':
      return (
        <Suspense fallback={<GateWaiting label={t('app.loading')} />}>
          <UnlockedApp core={phase.core} />
        </Suspense>
      );
  }
}
