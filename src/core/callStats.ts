import { createStore, type ReadableStore } from './store.js'

/** One end of the selected candidate pair. */
export interface PathEnd {
  readonly type: 'host' | 'srflx' | 'prflx' | 'relay' | 'unknown'
  readonly address: string | null
  readonly port: number | null
}

/** The network path the call uses now (the selected ICE candidate pair). */
export interface CallPath {
  readonly local: PathEnd
  readonly remote: PathEnd
  readonly protocol: string | null
  /** Through a TURN server (either end is a relay candidate). */
  readonly relayed: boolean
}

/** One poll of `getStats`: rates are over the interval since the previous poll. */
export interface CallStatsSample {
  /** `Date.now()` of the poll. */
  readonly at: number
  /** Received media and data, bits per second. */
  readonly bitrateIn: number | null
  /** Sent, bits per second. */
  readonly bitrateOut: number | null
  /** Round-trip time of the selected pair, milliseconds. */
  readonly rttMs: number | null
  /** Received packets lost in the interval, percent. */
  readonly lossPercent: number | null
  /** Jitter of received audio, milliseconds. */
  readonly jitterMs: number | null
  /** Frames per second of received video. */
  readonly fps: number | null
  readonly width: number | null
  readonly height: number | null
  /**
   * Why the other side gets a smaller or slower picture than our camera makes: `'bandwidth'`,
   * `'cpu'`, or `null`. The browser's limitation reason alone is not enough: Chromium reports
   * "bandwidth" while its estimate ramps up, at full resolution.
   */
  readonly limitedBy: string | null
  readonly path: CallPath | null
}

/** Why a call is not good. */
export type QualityReason = 'loss' | 'rtt' | 'bitrate'

/** A quality level computed here, from our own stats (no server scores peer to peer). */
export interface CallQuality {
  readonly level: 'good' | 'fair' | 'poor'
  readonly reasons: readonly QualityReason[]
}

/** Counters kept between polls to turn totals into rates. */
export interface StatsTotals {
  readonly at: number
  readonly bytesIn: number
  readonly bytesOut: number
  readonly packetsReceived: number
  readonly packetsLost: number
}

type Stat = Record<string, unknown> & { type: string; id: string }

const num = (value: unknown): number | null => (typeof value === 'number' ? value : null)
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null)

function pathEnd(stat: Stat | undefined): PathEnd {
  const type = str(stat?.candidateType)
  return {
    type:
      type === 'host' || type === 'srflx' || type === 'prflx' || type === 'relay'
        ? type
        : 'unknown',
    address: str(stat?.address) ?? str(stat?.ip),
    port: num(stat?.port),
  }
}

/**
 * Why an outbound video stream sends less than its source captures, or `null`: only when it sends
 * a smaller picture or under half the frame rate (with no source stats, as in other browsers, the
 * browser's reason stands), and for "bandwidth" only when the estimate of the path is under
 * 500 kbit/s. Chromium starts every call at a small picture and grows it over some seconds, saying
 * "bandwidth" while its estimate is already past a megabit: that is its ramp-up, not the network.
 */
function limitOf(outbound: Stat, byId: ReadonlyMap<string, Stat>, pair?: Stat): string | null {
  const reason = str(outbound.qualityLimitationReason)
  if (!reason || reason === 'none') return null
  const source = byId.get(str(outbound.mediaSourceId) ?? '')
  const sourceHeight = num(source?.height)
  const sentHeight = num(outbound.frameHeight)
  const sourceFps = num(source?.framesPerSecond)
  const sentFps = num(outbound.framesPerSecond)
  const less =
    sourceHeight === null ||
    sentHeight === null ||
    sentHeight < sourceHeight ||
    (sourceFps !== null && sentFps !== null && sentFps < sourceFps / 2)
  const estimate = num(pair?.availableOutgoingBitrate)
  const narrow = reason !== 'bandwidth' || estimate === null || estimate < 500_000
  return less && narrow ? reason : null
}

/**
 * Turns one `getStats()` report (and the totals of the previous poll) into a sample and new
 * totals. Pure: tests feed it plain objects.
 *
 * @example
 * const { sample, totals } = summarizeStats(await pc.getStats(), previousTotals, Date.now())
 */
export function summarizeStats(
  report: Iterable<Stat> | { values(): Iterable<Stat> },
  previous: StatsTotals | null,
  at: number,
): { sample: CallStatsSample; totals: StatsTotals } {
  // An RTCStatsReport is map-like (not a Map): its values are the stats.
  const stats = [
    ...('values' in report && typeof report.values === 'function'
      ? report.values()
      : (report as Iterable<Stat>)),
  ]
  const byId = new Map(stats.map((s) => [s.id, s]))
  let bytesIn = 0
  let bytesOut = 0
  let packetsReceived = 0
  let packetsLost = 0
  let jitterMs: number | null = null
  let fps: number | null = null
  let width: number | null = null
  let height: number | null = null
  const outboundVideo: Stat[] = []
  let pairId: string | null = null
  for (const s of stats) {
    if (s.type === 'inbound-rtp') {
      packetsReceived += num(s.packetsReceived) ?? 0
      packetsLost += Math.max(0, num(s.packetsLost) ?? 0)
      if (s.kind === 'audio' && num(s.jitter) !== null) jitterMs = (num(s.jitter) ?? 0) * 1000
      if (s.kind === 'video') {
        fps = num(s.framesPerSecond) ?? fps
        width = num(s.frameWidth) ?? width
        height = num(s.frameHeight) ?? height
      }
    } else if (s.type === 'outbound-rtp') {
      if (s.kind === 'video') outboundVideo.push(s)
    } else if (s.type === 'transport') {
      pairId ??= str(s.selectedCandidatePairId)
    }
  }
  // Transport byte counters include every packet (media, RTCP, data channel) in both directions.
  for (const s of stats) {
    if (s.type === 'transport') {
      bytesIn += num(s.bytesReceived) ?? 0
      bytesOut += num(s.bytesSent) ?? 0
    }
  }
  const pair =
    (pairId ? byId.get(pairId) : undefined) ??
    stats.find(
      (s) => s.type === 'candidate-pair' && s.nominated === true && s.state === 'succeeded',
    )
  let path: CallPath | null = null
  if (pair) {
    const local = pathEnd(byId.get(str(pair.localCandidateId) ?? ''))
    const remote = pathEnd(byId.get(str(pair.remoteCandidateId) ?? ''))
    const protocol = str(byId.get(str(pair.localCandidateId) ?? '')?.protocol)
    path = { local, remote, protocol, relayed: local.type === 'relay' || remote.type === 'relay' }
  }
  const rtt = num(pair?.currentRoundTripTime)
  const limitedBy = outboundVideo.map((s) => limitOf(s, byId, pair)).find(Boolean) ?? null
  const totals = { at, bytesIn, bytesOut, packetsReceived, packetsLost }
  const seconds = previous ? (at - previous.at) / 1000 : 0
  const rate = (now: number, before: number) =>
    previous && seconds > 0 ? Math.max(0, ((now - before) * 8) / seconds) : null
  const received = previous ? packetsReceived - previous.packetsReceived : 0
  const lost = previous ? packetsLost - previous.packetsLost : 0
  const sample: CallStatsSample = {
    at,
    bitrateIn: rate(bytesIn, previous?.bytesIn ?? 0),
    bitrateOut: rate(bytesOut, previous?.bytesOut ?? 0),
    rttMs: rtt === null ? null : rtt * 1000,
    lossPercent:
      previous && received + lost > 0 ? (Math.max(0, lost) / (received + lost)) * 100 : null,
    jitterMs,
    fps,
    width,
    height,
    limitedBy,
    path,
  }
  return { sample, totals }
}

/**
 * Good, fair or poor, with the reasons: packet loss (fair from 2 %, poor from 8 %), round-trip time
 * (fair from 250 ms, poor from 500 ms), and video limited by bandwidth (fair: a smaller or slower
 * picture than the camera's, on a path estimated under 500 kbit/s).
 *
 * @example
 * qualityOf({ ...sample, lossPercent: 12 }) // { level: 'poor', reasons: ['loss'] }
 */
export function qualityOf(sample: CallStatsSample | null): CallQuality | null {
  if (!sample) return null
  const reasons: QualityReason[] = []
  let level: CallQuality['level'] = 'good'
  const worsen = (to: 'fair' | 'poor') => {
    if (to === 'poor' || level === 'good') level = to
  }
  const loss = sample.lossPercent ?? 0
  if (loss >= 2) {
    reasons.push('loss')
    worsen(loss >= 8 ? 'poor' : 'fair')
  }
  const rtt = sample.rttMs ?? 0
  if (rtt >= 250) {
    reasons.push('rtt')
    worsen(rtt >= 500 ? 'poor' : 'fair')
  }
  if (sample.limitedBy === 'bandwidth') {
    reasons.push('bitrate')
    worsen('fair')
  }
  return { level, reasons }
}

/** Polls that {@link recentQuality} looks at: a one-poll blip does not change the level. */
export const QUALITY_WINDOW = 3

/**
 * The quality of the last few polls rather than of one: the median loss and round trip (the lower
 * of two) of the last {@link QUALITY_WINDOW} samples, and a limit only when every one of them
 * reports it, so one lost burst or slow poll does not flip the level back and forth.
 *
 * @example
 * recentQuality(stats.getState().samples) // { level: 'good', reasons: [] }
 */
export function recentQuality(
  samples: readonly CallStatsSample[],
  window: number = QUALITY_WINDOW,
): CallQuality | null {
  const recent = samples.slice(-window)
  const latest = recent[recent.length - 1]
  if (!latest) return null
  // The middle of the known values (the lower of two), or `null` for none.
  const median = (pick: (s: CallStatsSample) => number | null) => {
    const known = recent
      .map(pick)
      .filter((v): v is number => v !== null)
      .sort((x, y) => x - y)
    return known[(known.length - 1) >> 1] ?? null
  }
  const sustained =
    recent.length === window && recent.every((s) => s.limitedBy === latest.limitedBy)
  return qualityOf({
    ...latest,
    lossPercent: median((s) => s.lossPercent),
    rttMs: median((s) => s.rttMs),
    limitedBy: sustained ? latest.limitedBy : null,
  })
}

/** The snapshot of a {@link CallStats}: the last minute (by default) of samples, newest last. */
export interface CallStatsState {
  readonly samples: readonly CallStatsSample[]
  readonly latest: CallStatsSample | null
  /** {@link recentQuality} of the samples. */
  readonly quality: CallQuality | null
}

/** Options of {@link createCallStats}. */
export interface CallStatsOptions {
  /** Default 1000 ms. */
  intervalMs?: number
  /** Samples kept (default 60: a minute at the default interval). */
  historySize?: number
  /**
   * Polls are skipped while this says so; `useCallStats` passes "the page is hidden". Default:
   * never (the core reads no DOM).
   */
  paused?: () => boolean
}

/** A poller of `getStats`; polls pause while `paused()` says so. */
export interface CallStats extends ReadableStore<CallStatsState> {
  dispose(): void
}

const EMPTY: CallStatsState = { samples: [], latest: null, quality: null }

/**
 * Polls `getStats` every `intervalMs` (skipping while `paused()`) and keeps a short history.
 * `getStats` resolving `null` (no call) clears it.
 *
 * @example
 * const stats = createCallStats(() => session.getStats())
 * stats.subscribe(() => console.log(stats.getState().latest?.rttMs))
 */
export function createCallStats(
  getStats: () => Promise<RTCStatsReport | null>,
  options: CallStatsOptions = {},
): CallStats {
  const { intervalMs = 1000, historySize = 60, paused = () => false } = options
  const store = createStore<CallStatsState>(EMPTY)
  let totals: StatsTotals | null = null
  let busy = false
  const poll = async () => {
    if (busy || paused()) return
    busy = true
    try {
      const report = await getStats()
      if (!report) {
        totals = null
        if (store.getState() !== EMPTY) store.setState(EMPTY)
        return
      }
      const next = summarizeStats(
        report as unknown as { values(): Iterable<Stat> },
        totals,
        Date.now(),
      )
      totals = next.totals
      const samples = [...store.getState().samples, next.sample].slice(-historySize)
      store.setState({ samples, latest: next.sample, quality: recentQuality(samples) })
    } finally {
      busy = false
    }
  }
  const timer = setInterval(() => void poll(), intervalMs)
  void poll()
  return {
    getState: store.getState,
    subscribe: store.subscribe,
    dispose() {
      clearInterval(timer)
    },
  }
}
