import { useSyncExternalStore } from 'react'
import type { ReadableStore } from '../core/store.js'

/** A subscribe for what never changes (no store yet, or a fact of the browser read once). */
export const noSubscription = (): (() => void) => () => {}

/**
 * The snapshot of a store that may not exist yet: `fallback()` while `store` is `null`. The server
 * renders `getServerSnapshot()` (default: the store's snapshot, or the fallback).
 *
 * @example
 * const state = useStoreState(channel, () => CLOSED)
 */
export function useStoreState<T>(
  store: ReadableStore<T> | null | undefined,
  fallback: () => T,
  getServerSnapshot?: () => T,
): T {
  return useSyncExternalStore(
    store ? store.subscribe : noSubscription,
    store ? store.getState : fallback,
    getServerSnapshot ?? (store ? store.getState : fallback),
  )
}
