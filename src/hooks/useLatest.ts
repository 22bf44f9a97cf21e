import { useEffect, useLayoutEffect, useRef } from 'react'

// A layout effect in the browser; on the server (no window) a plain effect, which React skips
// without the warning React 18 prints for useLayoutEffect.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect

/** A ref that always holds the latest value, so callbacks can change identity freely. */
export function useLatest<T>(value: T): { readonly current: T } {
  const ref = useRef(value)
  useIsomorphicLayoutEffect(() => {
    ref.current = value
  })
  return ref
}
