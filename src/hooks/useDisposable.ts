import { useEffect, useState } from 'react'

/**
 * Owns one core object for the lifetime of the component: `create` runs in an effect (never during
 * render, which StrictMode runs twice), `dispose` in its cleanup. Returns `null` until created.
 * `create` is read once per mount.
 *
 * @example
 * const media = useDisposable(() => createLocalMedia())
 */
export function useDisposable<T extends { dispose(): void }>(create: () => T): T | null {
  const [owned, setOwned] = useState<T | null>(null)
  const [createOnMount] = useState(() => create)
  useEffect(() => {
    const created = createOnMount()
    // Created in an effect, not in render or a state initializer: StrictMode runs those twice and
    // would leak one. The one extra render per mount is the price.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setOwned(created)
    return () => {
      created.dispose()
      setOwned(null)
    }
  }, [createOnMount])
  return owned
}
