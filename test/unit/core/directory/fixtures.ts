/** The bundled US Congress directory, read as the app reads it. */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseLegislatorsJson, type Legislator } from '@core/index';

export const file = readFileSync(
  resolve(__dirname, '../../../../resources/us-congress-legislators.json'),
  'utf8',
);

export function bundled(): Legislator[] {
  const parsed = parseLegislatorsJson(file);
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems.slice(0, 3)));
  return parsed.legislators;
}

export const byId = (id: string) => {
  const found = bundled().find((l) => l.bioguide === id);
  if (!found) throw new Error(`${id} is not in the file`);
  return found;
};
