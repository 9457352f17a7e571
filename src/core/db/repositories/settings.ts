import {
  SETTINGS_ID,
  settingsSchema,
  type Settings,
  type SettingsInput,
} from '../../domain/settings';
import { validate } from '../../domain/validation';
import type { DataContext } from './repository';

/** The one settings record: defaults until the user changes something. */
export class SettingsRepository {
  constructor(private readonly context: DataContext) {}

  get(): Settings {
    const stored = this.context.store.get('settings', SETTINGS_ID);
    if (!stored) return settingsSchema.parse({});
    const { id: _id, createdAt: _c, updatedAt: _u, ...settings } = stored;
    return settings;
  }

  async update(patch: Partial<SettingsInput>): Promise<Settings> {
    const settings = validate('Settings', settingsSchema, { ...this.get(), ...patch });
    const now = this.context.clock.now().toISOString();
    const createdAt = this.context.store.get('settings', SETTINGS_ID)?.createdAt ?? now;
    await this.context.store.commit([
      { table: 'settings', put: { ...settings, id: SETTINGS_ID, createdAt, updatedAt: now } },
    ]);
    return settings;
  }
}
