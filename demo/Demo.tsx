import { useId, useState } from 'react'
import { networkUrl } from 'virtual:p2p-dev-network'
import { isLoopbackHost, MESSAGES_EN, VideoCall } from '../src'
import { MESSAGES_ZH_CN } from '../src/locales/zh-CN'
import { IceSettingsPanel, type IceSettingsText } from './IceSettingsPanel'
import {
  iceOptionsOf,
  iceSettingsFromSearch,
  searchWithIceSettings,
  type IceSettings,
} from './iceSettings'

type Language = 'en' | 'zh-CN'

const TEXT = {
  en: {
    language: 'Language',
    tagline: 'A video call between two browsers, with no server in between.',
    ice: {
      title: 'ICE servers',
      stun: 'STUN server',
      stunHint: 'Empty: no STUN (host candidates only, for one network).',
      turn: 'TURN server',
      username: 'TURN username',
      credential: 'TURN credential',
      relayOnly: 'Relay only (TURN)',
      relayOnlyHint:
        'All traffic goes through the TURN server: the other side never sees your IP address, at the cost of latency and server bandwidth.',
      hideHost: 'Hide my local addresses (no host candidates)',
      hideHostHint:
        'Signals carry only the addresses STUN/TURN servers give you. Two devices on one network may then not connect directly.',
      apply: 'Apply',
      applied: 'Applied: the next call uses these servers.',
      problems: {
        stun: 'The STUN server must start with stun: or stuns:, e.g. stun:stun.example.org:3478.',
        turn: 'The TURN server must start with turn: or turns:, e.g. turn:turn.example.org:3478?transport=udp.',
        credentials: 'A TURN server needs a username and a credential: fill in both.',
        relay: 'Relay only needs a TURN server: fill in TURN server first.',
      },
    },
  },
  'zh-CN': {
    language: '语言',
    tagline: '两个浏览器之间的视频通话，中间没有服务器。',
    ice: {
      title: 'ICE 服务器',
      stun: 'STUN 服务器',
      stunHint: '留空则不使用 STUN（仅主机候选地址，适合同一网络）。',
      turn: 'TURN 服务器',
      username: 'TURN 用户名',
      credential: 'TURN 密码',
      relayOnly: '仅中继（TURN）',
      relayOnlyHint:
        '所有流量都经过 TURN 服务器：对方看不到你的 IP 地址，但延迟更高、占用服务器带宽。',
      hideHost: '隐藏本机地址（不发送主机候选地址）',
      hideHostHint: '信令中只有 STUN/TURN 得到的地址。同一网络中的两台设备可能因此无法直接连接。',
      apply: '应用',
      applied: '已应用：下一次通话将使用这些服务器。',
      problems: {
        stun: 'STUN 地址必须以 stun: 或 stuns: 开头，例如 stun:stun.example.org:3478。',
        turn: 'TURN 地址必须以 turn: 或 turns: 开头，例如 turn:turn.example.org:3478?transport=udp。',
        credentials: 'TURN 服务器需要用户名和密码：请两项都填写。',
        relay: '“仅中继”需要一个 TURN 服务器：请先填写 TURN 服务器。',
      },
    },
  },
} as const

// MQTT broker in Signaling: mqtt.js is loaded only when it is chosen (an app writes
// `() => import('react-p2p-call/mqtt')`).
const loadMqtt = () => import('../src/mqtt')

function initialLanguage(search: string): Language {
  return new URLSearchParams(search).get('lang') === 'zh-CN' ? 'zh-CN' : 'en'
}

// A page at localhost hands out links to this computer's network address instead (the dev server
// knows it): only those open on a phone. The call says which address its link uses.
const linkBase =
  typeof window !== 'undefined' && isLoopbackHost(window.location.hostname) && networkUrl
    ? new URL(`${window.location.pathname}${window.location.search}`, networkUrl).href
    : undefined

/** The demo page: a short title, a language switch, the ICE servers, and one `<VideoCall />` (the how-to is in its steps). */
export function Demo({ search = '' }: { search?: string }) {
  const [language, setLanguage] = useState<Language>(() => initialLanguage(search))
  const [ice, setIce] = useState<IceSettings>(() => iceSettingsFromSearch(search))
  const id = useId()
  const text = TEXT[language]
  return (
    <main className="demo" lang={language}>
      <header className="demo__header">
        <div className="demo__title">
          <h1>react-p2p-call</h1>
          <p>{text.tagline}</p>
        </div>
        <div className="demo__language">
          <label htmlFor={id}>{text.language}</label>
          <select
            id={id}
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            <option value="en" lang="en">
              English
            </option>
            <option value="zh-CN" lang="zh-CN">
              简体中文
            </option>
          </select>
        </div>
        <IceSettingsPanel
          value={ice}
          text={text.ice as IceSettingsText}
          onApply={(next) => {
            setIce(next)
            // In the address too, so a reload (or the link to this page) keeps them.
            const url = new URL(window.location.href)
            window.history.replaceState(
              window.history.state,
              '',
              `${url.pathname}${searchWithIceSettings(url.search, next)}${url.hash}`,
            )
          }}
        />
      </header>
      <VideoCall
        {...iceOptionsOf(ice)}
        mqtt={loadMqtt}
        {...(linkBase ? { linkBase } : {})}
        messages={language === 'zh-CN' ? MESSAGES_ZH_CN : MESSAGES_EN}
      />
    </main>
  )
}
