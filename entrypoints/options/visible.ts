import { useEffect } from 'preact/hooks';

/**
 * Runs `load` now and whenever the page is shown again: what changed elsewhere while the reader was
 * away (a pin made in a card, a shortcut set on the browser's page) is read back on return.
 * Registered once per mount: the `load` of the first render is the one called.
 */
export function useLoadOnVisible(load: () => unknown): void {
  useEffect(() => {
    void load();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void load();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, []);
}
