import { ERROR_TEXT, type ErrorText } from '../core/errors.js'
import { DEFAULT_LABELS, type CallLabels } from './labels.js'

/** All user-facing text: the labels and every error's message and hint. */
export interface CallMessages {
  labels: CallLabels
  errors: ErrorText
}

/** What a user passes: a subset of the texts, per key. */
export interface CallMessagesOverride {
  labels?: Partial<CallLabels>
  errors?: Partial<ErrorText>
}

/**
 * English, the default.
 *
 * @example
 * <VideoCall messages={{ labels: { hangUp: 'End call' } }} />
 */
export const MESSAGES_EN: CallMessages = { labels: DEFAULT_LABELS, errors: ERROR_TEXT }

/**
 * Simplified Chinese, with the tutorial's own terms (创建 Offer / 创建 Answer / 完成连接).
 *
 * @example
 * import { MESSAGES_ZH_CN, VideoCall } from 'react-p2p-call'
 * <VideoCall messages={MESSAGES_ZH_CN} />
 */
export const MESSAGES_ZH_CN: CallMessages = {
  labels: {
    call: '视频通话',
    role: '角色',
    caller: '主叫方',
    callee: '被叫方',
    createOffer: '创建 Offer',
    createAnswer: '创建 Answer',
    completeConnection: '完成连接',
    hangUp: '挂断',
    copy: '复制',
    copied: '已复制到剪贴板',
    localSignal: '本地信令',
    localSignalPlaceholder: '你的 Offer 或 Answer 会显示在这里，请发送给对方。',
    remoteSignal: '远端信令',
    remoteSignalPlaceholder: '在这里粘贴对方的信令。',
    localVideo: '本地视频',
    remoteVideo: '远端视频',
    connectionState: '连接状态',
    phase: 'phase',
    signaling: 'signaling',
    gathering: 'gathering',
    ice: 'ice',
    connection: 'connection',
    receiveOnly: '仅接收：你的摄像头和麦克风已关闭，但你仍能看到并听到对方。',
    dismiss: '关闭',
    browserReason: '浏览器给出的原因：',
    signalingChoice: '信令方式',
    copyPaste: '复制粘贴',
    sameBrowser: '同一浏览器',
    webSocket: 'WebSocket',
    mqttBroker: 'MQTT 服务器',
    room: '房间',
    serverUrl: '服务器地址',
    brokerUrl: 'MQTT 服务器地址',
    brokerUsername: '用户名',
    brokerPassword: '密码',
    startCall: '开始通话',
    reconnect: '重新连接',
    shareScreen: '共享屏幕',
    stopSharing: '停止共享',
    remoteScreen: '远端屏幕',
    remoteHungUp: '对方已挂断。',
    channelConnecting: '正在连接信令通道…',
    channelOpen: '已就绪：在另一个标签页打开同一房间，然后由其中一方点击“开始通话”。',
    gatheringCandidates: '正在收集候选地址',
    candidatesInSignal: '此信令中的候选地址',
    signalFormat: '信令格式',
    compact: '紧凑',
    json: 'JSON',
    description: '仅描述（其他应用）',
    copyLink: '复制链接',
    linkCopied: '链接已复制：请发送给对方',
    showQrCode: '显示二维码',
    hideQrCode: '隐藏二维码',
    signalQrCode: '信令二维码',
    qrTooLong: '这段信令太长，无法生成二维码。请把信令格式选为“紧凑”。',
    muteMicrophone: '关闭麦克风',
    unmuteMicrophone: '打开麦克风',
    turnCameraOff: '关闭摄像头',
    turnCameraOn: '打开摄像头',
    startCamera: '启动摄像头',
    camera: '摄像头',
    microphone: '麦克风',
    speaker: '扬声器',
    remoteMicMuted: '对方已静音',
    remoteCameraOff: '对方已关闭摄像头',
    callStats: '通话统计',
    quality: '质量',
    good: '好',
    fair: '一般',
    poor: '差',
    path: '路径',
    direct: '直连',
    relayed: '经中继（TURN）',
    received: '接收',
    sent: '发送',
    roundTrip: '往返时延',
    packetLoss: '丢包',
    jitter: '抖动',
    video: '视频',
    reasonLoss: '丢包',
    reasonRtt: '往返时延过长',
    reasonBitrate: '带宽受限',
    stateTimeline: '状态时间线',
    copyDebugReport: '复制调试报告',
    debugReportCopied: '调试报告已复制（已去除密码和 IP 地址）',
    debugReport: '调试报告',
    debugReportNotCopied:
      '浏览器不允许复制。请选中下方“调试报告”中的文本，用 Ctrl+C（或 ⌘C）复制。',
    securityCode: '安全码',
    securityCodeHint: '请念给对方听：两边的安全码相同，说明中间没有人。',
    details: '详情',
    closeDetails: '关闭详情',
    callControls: '通话控制',
    callAgain: '再次通话',
    callEnded: '通话已结束',
    waitingForOther: '正在等待对方…',
    connectingCall: '正在连接…',
    reconnectingCall: '正在重新连接…',
    connectionLost: '连接已中断。',
    connectionLostHint:
      '通常会自动恢复。如果没有恢复：由一方点击“重新连接”并发送新的邀请，另一方把它粘贴到这里并应答。',
    callFailed: '通话无法继续。',
    callFailedHint: '请挂断后重新呼叫。',
    stepSendInvite: '发送这个邀请',
    stepSendInviteHint: '创建邀请并发送给对方：复制、发送链接，或让对方扫描二维码。',
    stepPasteReply: '粘贴对方的回复',
    stepPasteReplyHint: '对方应答你的邀请后会发回一个回复，把它粘贴到这里。',
    stepPasteInvite: '粘贴邀请',
    stepPasteInviteHint: '粘贴主叫方发给你的邀请。',
    stepSendReply: '发送你的回复',
    stepSendReplyHint: '把这个回复发回给主叫方。对方粘贴后通话立即开始。',
    invitedTitle: '你被邀请参加视频通话',
    invitedText: '应答后将打开你的摄像头和麦克风。',
    pastedOffer: '这是一个通话邀请，而不是回复。',
    answerInstead: '改为应答它',
    microphoneSettings: '麦克风设置',
    cameraSettings: '摄像头设置',
    moveSelfView: '移动自己的画面',
    microphoneLevel: '麦克风音量',
    cameraIsOff: '摄像头已关闭',
    you: '你',
    tryAgain: '重试',
    signalingChannel: '信令通道',
    receiveOnlyShort: '仅接收',
    devices: '设备',
    deviceStatusNames: {
      unknown: '尚未请求',
      granted: '正常',
      blocked: '已被阻止',
      'in-use': '正被其他应用占用',
      'not-found': '未找到',
      constraints: '没有符合设置的设备',
      insecure: '需要安全页面（https）',
      error: '无法使用',
    },
    phaseNames: {
      idle: '通话：未开始',
      'acquiring-media': '通话：正在打开摄像头和麦克风',
      'creating-offer': '通话：正在创建 Offer',
      'awaiting-answer': '通话：Offer 已就绪，等待 Answer',
      'creating-answer': '通话：正在创建 Answer',
      connecting: '通话：正在连接',
      connected: '通话：已连接',
      reconnecting: '通话：正在重新连接',
      failed: '通话：连接失败',
      closed: '通话：已结束',
    },
  },
  errors: {
    ERR_WEBRTC_SUPPORT: {
      message: '此浏览器无法进行 WebRTC 通话。',
      hint: '请使用最新版的 Chrome、Edge、Firefox 或 Safari 打开页面。',
    },
    ERR_CONFIG: {
      message: '连接设置无效。',
      hint: '检查 iceServers 的地址（以 stun: 或 turn: 开头）和其他 RTCPeerConnection 选项。',
    },
    ERR_CREATE_OFFER: {
      message: '浏览器无法创建 Offer。',
      hint: '挂断后重试；如果仍然失败，请刷新页面。',
    },
    ERR_CREATE_ANSWER: {
      message: '浏览器无法为这个 Offer 创建 Answer。',
      hint: '请主叫方挂断并创建新的 Offer，然后粘贴新的 Offer。',
    },
    ERR_SET_LOCAL_DESCRIPTION: {
      message: '浏览器无法应用本地描述。',
      hint: '挂断后重试；如果仍然失败，请刷新页面。',
    },
    ERR_SET_REMOTE_DESCRIPTION: {
      message: '浏览器拒绝了这个信令：它已损坏或属于另一个通话。',
      hint: '在另一个标签页重新复制完整的信令（用它的“复制”按钮），再粘贴到这里。',
    },
    ERR_ADD_ICE_CANDIDATE: {
      message: '这个信令中的一个网络候选无法使用。',
      hint: '通话可能仍能连接；如果不能，请重新复制完整的信令。',
    },
    ERR_CONNECTION_FAILURE: {
      message: '连接失败：两个浏览器无法互相访问。',
      hint: '挂断后重新呼叫。跨网络时可能需要在 iceServers 中配置 TURN 服务器。',
    },
    ERR_SIGNALING: { message: '这一步与当前通话状态不符。', hint: '挂断后重新开始。' },
    ERR_NO_OFFER: {
      message: '这个标签页中没有等待 Answer 的 Offer。',
      hint: '作为主叫方，先点击“创建 Offer”并发送，再把收到的 Answer 粘贴到这里。',
    },
    ERR_ALREADY_IN_CALL: { message: '通话正在进行中。', hint: '请先挂断，再开始新的通话。' },
    ERR_SIGNAL_EMPTY: {
      message: '“远端信令”输入框是空的。',
      hint: '请先把对方的信令粘贴到“远端信令”中。',
    },
    ERR_SIGNAL_TOO_LARGE: {
      message: '这段文本太大，不可能是通话信令（超过 256 KB）。',
      hint: '只粘贴对方的“本地信令”，不要粘贴其他内容。',
    },
    ERR_SIGNAL_NOT_JSON: {
      message: '这不是通话信令。',
      hint: '复制对方完整的“本地信令”（用它的“复制”按钮），再粘贴到这里。',
    },
    ERR_SIGNAL_TRUNCATED: {
      message: '这个信令被截断了：结尾缺失。',
      hint: '在另一个标签页重新复制完整的信令（它的“复制”按钮会复制全部内容）；聊天软件有时会截短长消息。',
    },
    ERR_SIGNAL_SHAPE: {
      message: '这段 JSON 不是通话信令：需要包含带 "type" 和 "sdp" 的 "sdp"。',
      hint: '按对方页面显示的原样粘贴其“本地信令”。',
    },
    ERR_SIGNAL_CORRUPT: {
      message: '这个信令已损坏：会话描述不完整。',
      hint: '在另一个标签页重新复制完整的信令，并原样粘贴。',
    },
    ERR_SIGNAL_NOT_OFFER: {
      message: '这是一个 Answer，但这里需要 Offer。',
      hint: '作为被叫方，粘贴主叫方的 Offer 并点击“创建 Answer”。Answer 应粘贴到主叫方的标签页。',
    },
    ERR_SIGNAL_NOT_ANSWER: {
      message: '这是一个 Offer，但这里需要 Answer。',
      hint: '把你的 Offer 发给对方；对方点击“创建 Answer”后把 Answer 发回给你。',
    },
    ERR_SIGNAL_OWN: {
      message: '这是本标签页自己生成的信令。',
      hint: '请把它发给对方，并粘贴对方发回的信令。',
    },
    ERR_SIGNAL_CHANGED: {
      message: '这段信令在传递途中被改动了：校验和不匹配。',
      hint: '请在对方标签页重新完整复制信令并原样粘贴（有些聊天软件会改动长消息，可换一种发送方式）。',
    },
    ERR_SIGNAL_VERSION: {
      message: '这段信令由更新版本的 react-p2p-call 生成。',
      hint: '请更新本端的应用，或请对方把信令格式选为 JSON 后重新发送。',
    },
    ERR_SIGNAL_OTHER_CALL: {
      message: '这个应答是为另一个提议（offer）生成的，不是本标签页正在等待的那个。',
      hint: '请重新发送你当前的提议（本地信令），并粘贴根据它生成的应答。',
    },
    ERR_SIGNAL_UNSUPPORTED: {
      message: '此浏览器无法读取紧凑格式的信令。',
      hint: '请对方把信令格式选为 JSON 后重新发送，或在最新的浏览器中打开本页。',
    },
    ERR_MEDIA_PERMISSION_DENIED: {
      message: '摄像头和麦克风权限被拒绝。',
      hint: '在地址栏中允许权限后重试，或以仅接收方式继续。',
    },
    ERR_MEDIA_NOT_FOUND: {
      message: '没有找到摄像头或麦克风。',
      hint: '连接设备后重试，或以仅接收方式继续。',
    },
    ERR_MEDIA_IN_USE: {
      message: '摄像头或麦克风正被其他应用使用。',
      hint: '关闭正在使用它的应用（或标签页）后重试，或以仅接收方式继续。',
    },
    ERR_MEDIA_CONSTRAINTS: {
      message: '没有符合所需设置的摄像头或麦克风。',
      hint: '降低分辨率或选择其他设备，或以仅接收方式继续。',
    },
    ERR_INSECURE_CONTEXT: {
      message: '摄像头和麦克风需要安全页面（https 或 localhost）。',
      hint: '通过 https:// 或 localhost 打开页面，或以仅接收方式继续。',
    },
    ERR_MEDIA: { message: '无法启动摄像头或麦克风。', hint: '请重试，或以仅接收方式继续。' },
    ERR_COPY: {
      message: '不允许复制到剪贴板。',
      hint: '选中“本地信令”中的文本，用 Ctrl+C（或 ⌘C）复制。',
    },
    ERR_NOT_CONNECTED: { message: '此操作需要已连接的通话。', hint: '等通话连接后再试。' },
    ERR_SCREEN_SHARE: {
      message: '屏幕共享已取消或不被允许。',
      hint: '再次点击“共享屏幕”，并选择要共享的屏幕、窗口或标签页。',
    },
    ERR_CHANNEL_CLOSED: {
      message: '信令通道已关闭。',
      hint: '通话会通过自己的连接继续；要开始新的通话，请重新选择信令方式。',
    },
    ERR_CHANNEL_FAILED: {
      message: '无法连接到信令服务器。',
      hint: '检查服务器地址（ws:// 或 wss://）以及服务器是否在运行，或改用复制粘贴。',
    },
    ERR_NO_RESTART: { message: '没有可以重新连接的连接。', hint: '请开始新的通话。' },
    ERR_ROOM_FULL: {
      message: '这个房间已经有两个人了。',
      hint: '换一个房间名，并把同样的名字告诉你要呼叫的人。',
    },
    ERR_ROOM_NAME: {
      message: '这个房间名不能使用。',
      hint: '房间名请用 1 到 200 个字符，并把同样的名字告诉你要呼叫的人。',
    },
    ERR_BROKER_UNREACHABLE: {
      message: '无法连接到 MQTT 服务器。',
      hint: '检查服务器地址（ws:// 或 wss://，以及服务器的 WebSocket 端口和路径，例如 ws://127.0.0.1:9001）和服务器是否在运行（npm run broker），或改用复制粘贴。',
    },
    ERR_BROKER_AUTH: {
      message: 'MQTT 服务器拒绝了用户名或密码。',
      hint: '检查用户名和密码（服务器有自己的账号），然后重新选择 MQTT 服务器。',
    },
    ERR_BROKER_DENIED: {
      message: 'MQTT 服务器不允许这个账号使用这个房间。',
      hint: '换一个这个账号可以使用的房间，或请服务器管理员允许（它的 ACL）。',
    },
  },
}

/**
 * Merges a bundle with per-key overrides (labels and errors separately).
 *
 * @example
 * const messages = mergeMessages(MESSAGES_ZH_CN, { labels: { hangUp: '结束' } })
 */
export function mergeMessages(
  base: CallMessages,
  override: CallMessagesOverride = {},
): CallMessages {
  return {
    labels: { ...base.labels, ...override.labels },
    errors: { ...base.errors, ...override.errors },
  }
}
