import { useEffect, useState } from 'react';
import { parseLegislatorsJson, type DirectoryProblem, type Legislator } from '@core/directory';
import { reasonOf } from '@renderer/lib/reason-of';

export type LegislatorsState =
  | { status: 'loading' }
  | { status: 'ready'; legislators: Legislator[] }
  | { status: 'failed'; reason: string };

function describe(problems: readonly DirectoryProblem[]): string {
  return problems
    .slice(0, 3)
    .map((p) =>
      [p.code, p.index === undefined ? '' : `#${p.index}`, p.field, p.message]
        .filter(Boolean)
        .join(' '),
    )
    .join('; ');
}

/** Read once per session: the file is in its own chunk, fetched only when first needed. */
let loading: Promise<Legislator[]> | undefined;

function loadLegislators(): Promise<Legislator[]> {
  loading ??= import('../../../../../resources/us-congress-legislators.json?raw').then(
    ({ default: text }) => {
      const parsed = parseLegislatorsJson(text);
      if (!parsed.ok) throw new Error(describe(parsed.problems));
      return parsed.legislators;
    },
  );
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}

/** The bundled US Congress directory, checked, loaded on first use. */
export function useLegislators(): LegislatorsState {
  const [state, setState] = useState<LegislatorsState>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    loadLegislators().then(
      (legislators) => live && setState({ status: 'ready', legislators }),
      (error: unknown) => live && setState({ status: 'failed', reason: reasonOf(error) }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}
