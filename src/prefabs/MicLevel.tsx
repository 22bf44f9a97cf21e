import { AudioLevelMeter } from '../components/AudioLevelMeter.js'
import { useAudioLevel } from '../hooks/useAudioLevel.js'
import type { LayoutContext } from './layoutContext.js'

/** The preview's microphone level; a re-render per level step stays in here, not in the lobby. */
export function MicLevel({
  stream,
  labels,
}: Pick<LayoutContext, 'labels' | 'errorText'> & { stream: MediaStream | null }) {
  return <AudioLevelMeter level={useAudioLevel(stream)} labels={labels} />
}
