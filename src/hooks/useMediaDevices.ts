import { useStoreState } from './useStoreState.js'
import { useEffect } from 'react'
import { createMediaDevices, NO_MEDIA_DEVICES, type MediaDeviceList } from '../core/mediaDevices.js'
import { useDisposable } from './useDisposable.js'

const empty = () => NO_MEDIA_DEVICES

/**
 * Cameras, microphones and speakers, kept current on `devicechange`. Pass the local media's
 * stream: when it starts, the list is read again and the labels appear (no second prompt).
 *
 * @example
 * const { cameras, microphones, speakers } = useMediaDevices(stream)
 */
export function useMediaDevices(stream?: MediaStream | null): MediaDeviceList {
  const devices = useDisposable(() => createMediaDevices())
  useEffect(() => {
    if (stream) void devices?.refresh()
  }, [devices, stream])
  return useStoreState(devices, empty, empty)
}
