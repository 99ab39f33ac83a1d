/**
 * Records which event types have a listener on a target (linkedom's window or document): the
 * types added and not removed yet, in the order they were added. The listeners still work.
 */
export function listenersOn(target: EventTarget): string[] {
  const listening: string[] = [];
  const add = target.addEventListener.bind(target);
  const remove = target.removeEventListener.bind(target);
  target.addEventListener = ((type: string, ...rest: unknown[]) => {
    listening.push(type);
    (add as (...args: unknown[]) => void)(type, ...rest);
  }) as typeof target.addEventListener;
  target.removeEventListener = ((type: string, ...rest: unknown[]) => {
    const at = listening.indexOf(type);
    if (at >= 0) listening.splice(at, 1);
    (remove as (...args: unknown[]) => void)(type, ...rest);
  }) as typeof target.removeEventListener;
  return listening;
}
