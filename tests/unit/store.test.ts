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
})
