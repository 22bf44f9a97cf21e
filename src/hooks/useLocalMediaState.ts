import { useStoreState } from './useStoreState.js'
import { IDLE_LOCAL_MEDIA, type LocalMedia, type LocalMediaState } from '../core/localMedia.js'
import { useMaybeLocalMediaContext } from './PeerSessionContext.js'

const idle = () => IDLE_LOCAL_MEDIA

/**
 * The snapshot of local media (status, stream, error), from the argument or the nearest provider.
 *
 * @example
 * const { stream, status } = useLocalMediaState()
 */
export function useLocalMediaState(media?: LocalMedia | null): LocalMediaState {
  const fromContext = useMaybeLocalMediaContext()
  const source = media === undefined ? fromContext : media
  return useStoreState(source, idle)
}
