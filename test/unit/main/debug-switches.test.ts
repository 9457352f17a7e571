import { describe, expect, it } from 'vitest';
import { debugSwitchesIn } from '@main/debug-switches';

describe('debugSwitchesIn', () => {
  it('finds remote debugging and inspector switches in any spelling', () => {
    expect(
      debugSwitchesIn([
        '/opt/Tadamun/tadamun',
        '--remote-debugging-port=9222',
        '--INSPECT-BRK',
        '-inspect=0.0.0.0:9229',
        '--remote-debugging-pipe',
      ]),
    ).toEqual(['remote-debugging-port', 'inspect-brk', 'inspect', 'remote-debugging-pipe']);
  });

  it('lets ordinary switches and file arguments through', () => {
    expect(
      debugSwitchesIn(['tadamun', '--no-sandbox-please', '--lang=ar', 'inspect', '--inspector']),
    ).toEqual([]);
  });

  it('stops at "--": what follows is not a switch', () => {
    expect(debugSwitchesIn(['tadamun', '--', '--inspect'])).toEqual([]);
  });
});
