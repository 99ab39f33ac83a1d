/**
 * First run: a new install opens the welcome page (entrypoints/welcome) once; an update, a browser
 * update or a reload of the same version never does. What was done is kept under `FIRST_RUN_KEY`,
 * written after the page was opened, so whoever reads it (the browser test) knows the event was handled.
 */
import { browser } from 'wxt/browser';

export const FIRST_RUN_KEY = 'tickerlens:installed';

export interface FirstRunRecord {
  reason: string;
  version: string;
  previousVersion?: string;
  welcomeOpened: boolean;
  at: number;
}

/** Only a new install is welcomed: `update`, `chrome_update`, `shared_module_update` are not. */
export const welcomes = (reason: string): boolean => reason === 'install';

export function registerFirstRun(): void {
  browser.runtime.onInstalled.addListener(({ reason, previousVersion }) => {
    void (async () => {
      const opened = welcomes(reason)
        ? await browser.tabs.create({ url: browser.runtime.getURL('/welcome.html') }).then(
            () => true,
            () => false,
          )
        : false;
      const record: FirstRunRecord = {
        reason,
        version: browser.runtime.getManifest().version,
        ...(previousVersion ? { previousVersion } : {}),
        welcomeOpened: opened,
        at: Date.now(),
      };
      await browser.storage.local.set({ [FIRST_RUN_KEY]: record });
    })();
  });
}
