/** What the demo's ICE servers panel edits, and what its URL carries. */
export interface IceSettings {
  /** `null`: the kit's default STUN server; `''`: none (host candidates only). */
  stun: string | null
  turn: string
  username: string
  credential: string
  relayOnly: boolean
  /** Leave this device's own addresses (host candidates) out of the signals. */
  hideHost: boolean
}

/** The connection options of a settings value: `undefined` fields keep the kit's defaults. */
export interface IceOptions {
  iceServers?: RTCIceServer[]
  iceTransportPolicy?: RTCIceTransportPolicy
  stripHostCandidates?: boolean
}

/**
 * Reads `?stun=URL` (empty: none), `?turn=URL&username=…&credential=…`, `?relay=1` (relay only)
 * and `?nohost=1` (no host candidates in signals).
 */
export function iceSettingsFromSearch(search: string): IceSettings {
  const params = new URLSearchParams(search)
  return {
    stun: params.has('stun') ? (params.get('stun') ?? '') : null,
    turn: params.get('turn') ?? '',
    username: params.get('username') ?? '',
    credential: params.get('credential') ?? '',
    relayOnly: params.get('relay') === '1',
    hideHost: params.get('nohost') === '1',
  }
}

/** Writes settings into a query string, keeping the page's other parameters (e.g. `lang`). */
export function searchWithIceSettings(search: string, settings: IceSettings): string {
  const params = new URLSearchParams(search)
  for (const key of ['stun', 'turn', 'username', 'credential', 'relay', 'nohost'])
    params.delete(key)
  if (settings.stun !== null) params.set('stun', settings.stun)
  if (settings.turn) {
    params.set('turn', settings.turn)
    if (settings.username) params.set('username', settings.username)
    if (settings.credential) params.set('credential', settings.credential)
  }
  if (settings.relayOnly) params.set('relay', '1')
  if (settings.hideHost) params.set('nohost', '1')
  const query = params.toString()
  return query ? `?${query}` : ''
}

/** The problem with a settings value, as a message that says what to do; `null` when it is fine. */
export type IceSettingsProblem = 'stun' | 'turn' | 'credentials' | 'relay' | null

export function iceSettingsProblem(settings: IceSettings): IceSettingsProblem {
  if (settings.stun && !/^stuns?:\S+$/.test(settings.stun)) return 'stun'
  if (settings.turn && !/^turns?:\S+$/.test(settings.turn)) return 'turn'
  if (settings.turn && (!settings.username || !settings.credential)) return 'credentials'
  if (settings.relayOnly && !settings.turn) return 'relay'
  return null
}

/** The options for `<VideoCall>`; the kit's defaults where the settings say nothing. */
export function iceOptionsOf(settings: IceSettings): IceOptions {
  const servers: RTCIceServer[] = []
  if (settings.stun) servers.push({ urls: settings.stun })
  if (settings.turn) {
    servers.push({
      urls: settings.turn,
      username: settings.username,
      credential: settings.credential,
    })
  }
  const options: IceOptions = {}
  if (settings.stun !== null || settings.turn) options.iceServers = servers
  if (settings.relayOnly) options.iceTransportPolicy = 'relay'
  if (settings.hideHost) options.stripHostCandidates = true
  return options
}
