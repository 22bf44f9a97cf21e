import { describe, expect, it, vi } from 'vitest'
import { createStore } from '../../src/core/store'

describe('createStore', () => {
  it('replaces snapshots, notifies on change only, and unsubscribes', () => {
    const store = createStore({ n: 0 })
    const listener = vi.fn()
    const off = store.subscribe(listener)
    const first = store.getState()
    store.setState((s) => ({ n: s.n + 1 }))
    expect(store.getState()).toEqual({ n: 1 })
    expect(first).toEqual({ n: 0 })
    store.setState((s) => s)
    expect(listener).toHaveBeenCalledTimes(1)
    off()
    store.setState({ n: 5 })
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('lets a listener unsubscribe while others are being notified', () => {
    const store = createStore(0)
    const second = vi.fn()
    const off = store.subscribe(() => off())
    store.subscribe(second)
    store.setState(1)
    expect(second).toHaveBeenCalledTimes(1)
  })

  it('holds notifications back until the last hold is released: one notification, then', () => {
    const store = createStore({ n: 0 })
    const seen: number[] = []
    store.subscribe(() => seen.push(store.getState().n))
    const outer = store.hold()
    const inner = store.hold()
    store.setState({ n: 1 })
    store.setState({ n: 2 })
    // The snapshot changes at once; its listeners wait.
    expect(store.getState().n).toBe(2)
    inner()
    expect(seen).toEqual([])
    outer()
    outer()
    expect(seen).toEqual([2])
    // Nothing changed while held: nothing to tell.
    store.hold()()
    expect(seen).toEqual([2])
    store.setState({ n: 3 })
    expect(seen).toEqual([2, 3])
  })
})
