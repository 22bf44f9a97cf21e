// A description shaped like Chromium's (trimmed): enough for the codec's completeness checks.
export function sampleSdp(ufrag = 'Ab1c', type: 'offer' | 'answer' = 'offer'): string {
  return [
    'v=0',
    'o=- 4611731400430051336 2 IN IP4 127.0.0.1',
    's=-',
    't=0 0',
    'a=group:BUNDLE 0 1',
    'm=audio 9 UDP/TLS/RTP/SAVPF 111',
    'c=IN IP4 0.0.0.0',
    'a=candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0',
    `a=ice-ufrag:${ufrag}`,
    'a=ice-pwd:abcdefghijklmnopqrstuvwx',
    'a=fingerprint:sha-256 AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99',
    `a=setup:${type === 'offer' ? 'actpass' : 'active'}`,
    'a=mid:0',
    'a=sendrecv',
    'm=video 9 UDP/TLS/RTP/SAVPF 96',
    'c=IN IP4 0.0.0.0',
    `a=ice-ufrag:${ufrag}`,
    'a=ice-pwd:abcdefghijklmnopqrstuvwx',
    'a=mid:1',
    '',
  ].join('\r\n')
}

export const IN_SDP = 'candidate:1 1 udp 2122260223 127.0.0.1 50000 typ host generation 0'
export const EXTRA = 'candidate:2 1 udp 1686052607 10.211.0.1 50001 typ srflx generation 0'

export function bundle(type: 'offer' | 'answer' = 'offer', ufrag = 'Ab1c') {
  return {
    sdp: { type, sdp: sampleSdp(ufrag, type) },
    candidates: [
      { candidate: IN_SDP, sdpMid: '0', sdpMLineIndex: 0 },
      { candidate: EXTRA, sdpMid: '0', sdpMLineIndex: 0 },
    ],
  }
}
