/** The message keys of the UI catalogues (typed from the English one): no runtime code. */
import type en from '../public/_locales/en/messages.json';

export type MessageKey = keyof typeof en;
