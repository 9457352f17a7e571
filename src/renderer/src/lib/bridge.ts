/** The only module that touches `window.tadamun`; everything else imports `bridge`. */
import type { TadamunApi } from '@shared/ipc';
import { createBrowserAdapter } from './browser-adapter';

export const bridge: TadamunApi = window.tadamun ?? createBrowserAdapter();
