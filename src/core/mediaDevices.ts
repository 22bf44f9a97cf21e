import { createStore, type ReadableStore } from './store.js'

/** The devices of one kind, as `enumerateDevices` lists them. */
export interface MediaDeviceList {
  readonly cameras: readonly MediaDeviceInfo[]
  readonly microphones: readonly MediaDeviceInfo[]
  readonly speakers: readonly MediaDeviceInfo[]
  /** Labels are empty until the page has had camera/microphone permission once. */
  readonly labelled: boolean
  /** Whether this browser can choose the speaker (`HTMLMediaElement.setSinkId`). */
  readonly canChooseSpeaker: boolean
}

/** A live list of cameras, microphones and speakers. */
export interface MediaDevices extends ReadableStore<MediaDeviceList> {
  /** Lists the devices again (after a permission grant, labels appear). */
  refresh(): Promise<void>
  dispose(): void
}

/** No devices known (yet): what a page without media devices, or the server, sees. */
export const NO_MEDIA_DEVICES: MediaDeviceList = {
  cameras: [],
  microphones: [],
  speakers: [],
  labelled: false,
  canChooseSpeaker: false,
}

/**
 * Keeps the list of cameras, microphones and speakers current: on creation, on `devicechange`
 * (plugged in, unplugged), and on `refresh()` — call it once media has started, and the labels
 * appear without a second permission prompt.
 *
 * @example
 * const devices = createMediaDevices()
 * devices.subscribe(() => console.log(devices.getState().cameras))
 */
export function createMediaDevices(): MediaDevices {
  const store = createStore<MediaDeviceList>(NO_MEDIA_DEVICES)
  const api = globalThis.navigator?.mediaDevices
  let disposed = false
  const canChooseSpeaker =
    typeof HTMLMediaElement !== 'undefined' && 'setSinkId' in HTMLMediaElement.prototype

  async function refresh(): Promise<void> {
    if (!api?.enumerateDevices || disposed) return
    const all = await api.enumerateDevices()
    if (disposed) return
    const of = (kind: MediaDeviceKind) => all.filter((d) => d.kind === kind && d.deviceId !== '')
    store.setState({
      cameras: of('videoinput'),
      microphones: of('audioinput'),
      speakers: canChooseSpeaker ? of('audiooutput') : [],
      labelled: all.some((d) => d.label !== ''),
      canChooseSpeaker,
    })
  }

  const onChange = () => void refresh()
  api?.addEventListener?.('devicechange', onChange)
  void refresh()
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    refresh,
    dispose() {
      disposed = true
      api?.removeEventListener?.('devicechange', onChange)
    },
  }
}
