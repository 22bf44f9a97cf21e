import { describe, expect, it } from 'vitest'
import {
  iceOptionsOf,
  iceSettingsFromSearch,
  iceSettingsProblem,
  searchWithIceSettings,
} from '../../demo/iceSettings'

describe('the demo ICE settings in the page URL', () => {
  it('keeps the kit defaults without parameters, and no STUN with an empty ?stun=', () => {
    expect(iceOptionsOf(iceSettingsFromSearch(''))).toEqual({})
    expect(iceOptionsOf(iceSettingsFromSearch('?stun='))).toEqual({ iceServers: [] })
  })

  it('reads STUN, TURN with credentials, and relay only', () => {
    const search = `?stun=stun:127.0.0.1:3478&turn=${encodeURIComponent('turn:10.211.0.1:3478?transport=udp')}&username=u&credential=p&relay=1`
    expect(iceOptionsOf(iceSettingsFromSearch(search))).toEqual({
      iceServers: [
        { urls: 'stun:127.0.0.1:3478' },
        { urls: 'turn:10.211.0.1:3478?transport=udp', username: 'u', credential: 'p' },
      ],
      iceTransportPolicy: 'relay',
    })
    expect(iceOptionsOf(iceSettingsFromSearch('?nohost=1'))).toEqual({ stripHostCandidates: true })
  })

  it('writes them back, keeping the other parameters of the page', () => {
    const settings = iceSettingsFromSearch('?turn=turn:h:3478&username=u&credential=p&relay=1')
    const search = searchWithIceSettings('?lang=zh-CN&stun=stun:old:1', settings)
    expect(new URLSearchParams(search).get('lang')).toBe('zh-CN')
    expect(new URLSearchParams(search).has('stun')).toBe(false)
    expect(iceSettingsFromSearch(search)).toEqual(settings)
  })

  it('names each problem before anything is applied', () => {
    const base = iceSettingsFromSearch('')
    expect(iceSettingsProblem({ ...base, stun: 'http://x' })).toBe('stun')
    expect(iceSettingsProblem({ ...base, turn: 'stun:x' })).toBe('turn')
    expect(iceSettingsProblem({ ...base, turn: 'turn:x', username: 'u' })).toBe('credentials')
    expect(iceSettingsProblem({ ...base, relayOnly: true })).toBe('relay')
    expect(
      iceSettingsProblem({
        ...base,
        turn: 'turn:x',
        username: 'u',
        credential: 'p',
        relayOnly: true,
      }),
    ).toBeNull()
  })
})
