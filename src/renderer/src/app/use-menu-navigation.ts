import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { bridge } from '@renderer/lib/bridge';

/** Menu commands that open a screen (e.g. File > Settings); only while unlocked. */
export function useMenuNavigation(): void {
  const navigate = useNavigate();
  useEffect(
    () =>
      bridge.onMenuCommand((command) => {
        if (command.type === 'navigate') void navigate(`/${command.route}`);
      }),
    [navigate],
  );
}
