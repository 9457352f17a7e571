import { useEffect, useRef } from 'react';

/** What counts as someone using the app. */
const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'];

/**
 * Calls `onIdle` once nobody has used the page for `minutes`. Activity only stamps the time;
 * one timer checks the stamp when it fires, so a late timer (after the computer slept) still
 * locks, and a busy pointer costs nothing.
 */
export function useIdleLock(minutes: number, onIdle: () => void): void {
  const onIdleRef = useRef(onIdle);
  useEffect(() => {
    onIdleRef.current = onIdle;
  });

  useEffect(() => {
    const limit = minutes * 60_000;
    let lastActivity = Date.now();
    let timer: ReturnType<typeof setTimeout>;
    const check = () => {
      const idle = Date.now() - lastActivity;
      if (idle >= limit) onIdleRef.current();
      else timer = setTimeout(check, limit - idle);
    };
    const active = () => {
      lastActivity = Date.now();
    };
    timer = setTimeout(check, limit);
    const options = { capture: true, passive: true };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, active, options);
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, active, options);
    };
  }, [minutes]);
}
