/**
 * ICE servers for the demo from its URL: `?stun=URL` replaces the default STUN server, `?stun=`
 * (empty) uses none (host candidates only, as the tests do).
 */
export function iceServersFromUrl(search: string): RTCIceServer[] | undefined {
  const params = new URLSearchParams(search)
  if (!params.has('stun')) return undefined
  const stun = params.get('stun')
  return stun ? [{ urls: stun }] : []
}
