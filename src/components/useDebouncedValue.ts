import { useEffect, useState } from 'react'

/**
 * `value`, once it has stopped changing for `delayMs`: typing a room name does not open a channel
 * per keystroke.
 *
 * @example
 * const room = useDebouncedValue(roomInput, 300)
 */
export function useDebouncedValue<T>(value: T, delayMs: number): T {
  const [settled, setSettled] = useState(value)
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), delayMs)
    return () => clearTimeout(timer)
  }, [value, delayMs])
  return settled
}
