// The call-views chunk: what <VideoCall /> shows after its first paint (see loadCallViews.ts).
export { CallStage } from './CallStage.js'
export { DetailsPanel } from './DetailsPanel.js'
export { DeviceSettings } from './DeviceSettings.js'
export { EndedCard } from './EndedCard.js'
export { LobbyWayIn } from './LobbyWayIn.js'
export { MicLevel } from './MicLevel.js'
export { DeviceStatusList } from '../components/DeviceStatusList.js'
export { signalFromLink } from '../core/signalLink.js'
