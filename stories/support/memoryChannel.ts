/** One end of an in-memory channel: what one side sends, the other receives (asynchronously). */
export interface MemoryChannelEnd {
  send(message: string): void
  onMessage(listener: (message: string) => void): () => void
}

/** Two connected ends, as a stand-in for a signaling server in the Loopback story. */
export function createMemoryChannelPair(): [MemoryChannelEnd, MemoryChannelEnd] {
  const listeners: [Set<(m: string) => void>, Set<(m: string) => void>] = [new Set(), new Set()]
  const end = (mine: 0 | 1): MemoryChannelEnd => ({
    send(message) {
      const other = listeners[mine === 0 ? 1 : 0]
      queueMicrotask(() => other.forEach((listener) => listener(message)))
    },
    onMessage(listener) {
      listeners[mine].add(listener)
      return () => listeners[mine].delete(listener)
    },
  })
  return [end(0), end(1)]
}
