import type { ComponentPropsWithoutRef } from 'react'
import type { CallStatsState, PathEnd } from '../core/callStats.js'
import { Sparkline } from './Sparkline.js'

/** Props of {@link CallStatsPanel}. */
export interface CallStatsPanelProps extends ComponentPropsWithoutRef<'section'> {
  /** From `useCallStats`. */
  stats: CallStatsState
  labels?: Partial<
    Record<
      | 'callStats'
      | 'quality'
      | 'good'
      | 'fair'
      | 'poor'
      | 'path'
      | 'direct'
      | 'relayed'
      | 'received'
      | 'sent'
      | 'roundTrip'
      | 'packetLoss'
      | 'jitter'
      | 'video'
      | 'reasonLoss'
      | 'reasonRtt'
      | 'reasonBitrate',
      string
    >
  >
}

const kbps = (bits: number | null) => (bits === null ? '–' : `${Math.round(bits / 1000)} kbit/s`)
const millis = (ms: number | null) => (ms === null ? '–' : `${Math.round(ms)} ms`)
const end = (e: PathEnd) => (e.address ? `${e.type} ${e.address}:${e.port ?? ''}` : e.type)

/**
 * A region named **Call stats**: quality (good / fair / poor, and why), whether the path is direct
 * or relayed (and its candidates), and the last minute of bitrate, round-trip time and loss as
 * sparklines — chrome://webrtc-internals, inside the app.
 *
 * @example
 * const stats = useCallStats(session)
 * return <CallStatsPanel stats={stats} />
 */
export function CallStatsPanel({ stats, labels = {}, ...rest }: CallStatsPanelProps) {
  const { latest, quality, samples } = stats
  const t = (key: keyof NonNullable<CallStatsPanelProps['labels']>, fallback: string) =>
    labels[key] ?? fallback
  const reasonText = {
    loss: t('reasonLoss', 'packet loss'),
    rtt: t('reasonRtt', 'slow round trip'),
    bitrate: t('reasonBitrate', 'bandwidth limit'),
  }
  const path = latest?.path
  return (
    <section
      aria-label={t('callStats', 'Call stats')}
      className="rpc-stats"
      data-state={quality?.level ?? 'none'}
      // An aria-label given by the app wins (e.g. two calls on one page).
      {...rest}
    >
      <p className="rpc-stats__quality">
        {t('quality', 'Quality')}:{' '}
        <strong>{quality ? t(quality.level, quality.level) : '–'}</strong>
        {quality &&
          quality.reasons.length > 0 &&
          ` (${quality.reasons.map((r) => reasonText[r]).join(', ')})`}
      </p>
      <p
        className="rpc-stats__path"
        data-state={path ? (path.relayed ? 'relayed' : 'direct') : 'none'}
      >
        {t('path', 'Path')}:{' '}
        {path ? (
          <>
            <strong>{path.relayed ? t('relayed', 'relayed (TURN)') : t('direct', 'direct')}</strong>{' '}
            — {end(path.local)} ↔ {end(path.remote)}
            {path.protocol ? `, ${path.protocol}` : ''}
          </>
        ) : (
          '–'
        )}
      </p>
      <dl className="rpc-stats__grid">
        <dt>{t('received', 'Received')}</dt>
        <dd>
          {kbps(latest?.bitrateIn ?? null)} <Sparkline values={samples.map((s) => s.bitrateIn)} />
        </dd>
        <dt>{t('sent', 'Sent')}</dt>
        <dd>
          {kbps(latest?.bitrateOut ?? null)} <Sparkline values={samples.map((s) => s.bitrateOut)} />
        </dd>
        <dt>{t('roundTrip', 'Round trip')}</dt>
        <dd>
          {millis(latest?.rttMs ?? null)} <Sparkline values={samples.map((s) => s.rttMs)} />
        </dd>
        <dt>{t('packetLoss', 'Packet loss')}</dt>
        <dd>
          {latest?.lossPercent == null ? '–' : `${latest.lossPercent.toFixed(1)} %`}{' '}
          <Sparkline values={samples.map((s) => s.lossPercent)} />
        </dd>
        <dt>{t('jitter', 'Jitter')}</dt>
        <dd>{millis(latest?.jitterMs ?? null)}</dd>
        <dt>{t('video', 'Video')}</dt>
        <dd>
          {latest?.width ? `${latest.width}×${latest.height ?? ''}` : '–'}
          {latest?.fps != null ? `, ${Math.round(latest.fps)} fps` : ''}
        </dd>
      </dl>
    </section>
  )
}
