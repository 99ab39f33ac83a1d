/**
 * A button's action, run for the reader's own clicks and key presses only. The card's shadow root
 * is open (automation reads the card), so the page's own script can reach its buttons: a "click" it
 * dispatches (not trusted) must not pin a reading for every site, save notes or close the card.
 */
export const byUser = (action: () => void) => (e: Event) => {
  if (e.isTrusted) action();
};
