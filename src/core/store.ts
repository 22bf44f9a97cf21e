/** A read-only view of a store: what hooks subscribe to. */
export interface ReadableStore<T> {
  /** The current immutable snapshot. */
  getState(): T
  /** Calls `listener` after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void
}

/** A store that its owner (a core object) can also write. */
export interface Store<T> extends ReadableStore<T> {
  /** Replaces the snapshot; listeners run only when the new snapshot is a different object. */
  setState(next: T | ((prev: T) => T)): void
  /**
   * Holds notifications back until the returned function is called (holds nest): the snapshot
   * changes at once, its listeners hear of it once, when the last hold is released.
   */
  hold(): () => void
}

/**
 * A minimal external store for `useSyncExternalStore`: snapshots are replaced, never mutated.
 *
 * @example
 * const store = createStore({ count: 0 })
 * const off = store.subscribe(() => console.log(store.getState().count))
 * store.setState((s) => ({ ...s, count: s.count + 1 })) // logs 1
 * off()
 */
export function createStore<T>(initial: T): Store<T> {
  let state = initial
  const listeners = new Set<() => void>()
  let holds = 0
  let held = false
  // A copy, so a listener that unsubscribes while we notify does not skip its neighbour.
  const notify = () => {
    for (const listener of [...listeners]) listener()
  }
  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    setState(next) {
      const value = typeof next === 'function' ? (next as (prev: T) => T)(state) : next
      if (Object.is(value, state)) return
      state = value
      if (holds > 0) held = true
      else notify()
    },
    hold() {
      holds++
      let released = false
      return () => {
        if (released) return
        released = true
        if (--holds > 0 || !held) return
        held = false
        notify()
      }
    },
  }
}
