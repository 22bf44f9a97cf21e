// What a remote description says the other side will send. Pure.

/**
 * The mids of the audio and video sections in which the SDP's author sends media (`sendrecv`,
 * `sendonly`, or no direction, which means `sendrecv`), in order. Rejected sections (port 0) and
 * data sections are left out.
 *
 * @example
 * sendingMids(answer.sdp) // ['0', '1'], or ['0'] from a side without a camera
 */
export function sendingMids(sdp: string): string[] {
  return sdp
    .split(/\r?\nm=/)
    .slice(1)
    .filter((m) => /^(audio|video) [1-9]/.test(m) && !/^a=(recvonly|inactive)\s*$/m.test(m))
    .flatMap((m) => /^a=mid:(\S+)/m.exec(m)?.[1] ?? [])
}
