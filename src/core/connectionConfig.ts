import {
  DEFAULT_ICE_SERVERS,
  type ConnectionLayers,
  type ConnectionOptions,
} from './peerSessionTypes.js'

// From the session's options to an RTCConfiguration, and from a connection to its four layers.

/** The four state layers of `pc`, as the browser reports them now. */
export function layersOf(pc: RTCPeerConnection): ConnectionLayers {
  return {
    signalingState: pc.signalingState,
    iceGatheringState: pc.iceGatheringState,
    iceConnectionState: pc.iceConnectionState,
    connectionState: pc.connectionState,
  }
}

/** The RTCConfiguration of a call: the options passed through, with `max-bundle` by default. */
export function rtcConfiguration(options: ConnectionOptions): RTCConfiguration {
  const config: RTCConfiguration = {
    iceServers: [...(options.iceServers ?? DEFAULT_ICE_SERVERS)],
  }
  if (options.iceTransportPolicy) config.iceTransportPolicy = options.iceTransportPolicy
  // One transport for all media: candidates are gathered (and sent) once, not per m-section, which
  // makes signals about a third shorter. Every current browser supports it.
  config.bundlePolicy = options.bundlePolicy ?? 'max-bundle'
  if (options.rtcpMuxPolicy) config.rtcpMuxPolicy = options.rtcpMuxPolicy
  if (options.iceCandidatePoolSize !== undefined) {
    config.iceCandidatePoolSize = options.iceCandidatePoolSize
  }
  return config
}
