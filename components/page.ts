import { browser } from 'wxt/browser';

/** Extension pages take the UI language the browser's i18n picked, so CJK text gets CJK fonts. */
export function setDocumentLanguage(): void {
  document.documentElement.lang = browser.i18n.getUILanguage();
}
