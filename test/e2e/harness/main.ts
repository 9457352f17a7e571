/**
 * A test-only page that puts the platform-neutral core on `window.tadamunCore`, so e2e tests
 * can drive it in Chromium's real IndexedDB. Served beside the app on the same origin, it
 * shares the app's database. Never part of the app bundle.
 */
import * as core from '@core/index';

declare global {
  interface Window {
    tadamunCore?: typeof core;
  }
}

window.tadamunCore = core;
document.documentElement.dataset['ready'] = 'true';
