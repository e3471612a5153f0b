import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import type { LiveEvent, MeetingSnapshot, TeamDto } from '@tillit/protocol';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMe } from '../auth/auth.api';
import { api } from '../lib/api';
import { teamKeys } from '../teams/teams.api';
import { ErrorAlert, errorMessage } from '../ui/ErrorAlert';
import { Loading, Page } from '../ui/Page';
import { ConnectionStatus } from './ConnectionStatus';
import { FacilitatorControls } from './FacilitatorControls';
import type { Refused } from './live/client';
import { useLiveClient, useLiveState, useMeetingSnapshot, useMeetingView, useSendCommand } from './live/hooks';
import { Minutes } from './Minutes';
import { Hands, MySignals, Participants } from './Participants';
import { PhaseBody } from './PhaseBody';
import { PhaseStepper } from './PhaseStepper';
import { RitualsContext, type Announcer, type Rituals } from './ritual';
import { currentPhase, RoomContext, useRoom, type Layout, type Room } from './room';
import { unlockAudio } from './sound';
import { Timer } from './Timer';

const PHONE_QUERY = '(max-width: 40rem)';
const IDLE_AFTER_MS = 60_000;

function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
  );
}

function useTeamOf(teamId: string | undefined) {
  return useQuery({
    queryKey: teamKeys.one(teamId ?? ''),
    queryFn: () => api<TeamDto>('GET', `/api/teams/${encodeURIComponent(teamId ?? '')}`),
    enabled: Boolean(teamId),
  });
}

interface Message {
  id: number;
  text: string;
}

/**
 * The meeting room, `/meetings/:meetingId`: one page, three layouts — phone (input first), laptop, and
 * the wall display (`?display=wall`: large type, read-mostly). An ended meeting shows its minutes.
 */
export function MeetingPage({ rituals }: { rituals: Rituals }) {
  const { meetingId = '' } = useParams();
  const { t } = useTranslation();
  const me = useMe();
  const meId = me.data?.id;
  const [params, setParams] = useSearchParams();
  const phone = useMediaQuery(PHONE_QUERY);
  const layout: Layout = params.get('display') === 'wall' ? 'wall' : phone ? 'phone' : 'laptop';
  const snapshot = useMeetingSnapshot(meetingId);
  const client = useLiveClient(meetingId, meId, layout);
  const live = useLiveState(client);
  const view = useMeetingView(snapshot.data, live, meId, rituals.overlays);
  const team = useTeamOf(snapshot.data?.meeting.teamId);
  const send = useSendCommand(client);

  const [messages, setMessages] = useState<Message[]>([]);
  const [toasts, setToasts] = useState<Message[]>([]);
  const nextId = useRef(0);
  const announce = useCallback((text: string) => {
    setMessages((list) => [...list.slice(-4), { id: ++nextId.current, text }]);
  }, []);

  // Announce what others did (not every keystroke): new items, phase changes, reveals, handover, end.
  useEffect(() => {
    if (!client || !meId) return;
    client.onApplied = (events, before, catchUp) => {
      if (catchUp && events.length > 3) return announce(t('meeting.announce.caughtUp', { count: events.length }));
      for (const text of events.map((e) => describeEvent(e, before, meId, t, rituals.announcers)))
        if (text) announce(text);
    };
    client.onRefused = ({ error }: Refused) => {
      const reason = errorMessage(t, error);
      setToasts((list) => [...list.slice(-2), { id: ++nextId.current, text: t('meeting.refusedTitle', { reason }) }]);
    };
  }, [client, meId, t, announce, rituals]);

  // Presence: idle when the tab is hidden or nobody touched it for a minute (a wall display only when hidden).
  useEffect(() => {
    if (!client) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const active = () => {
      client.setIdle(document.hidden);
      clearTimeout(timer);
      if (layout !== 'wall') timer = setTimeout(() => client.setIdle(true), IDLE_AFTER_MS);
    };
    const gesture = () => {
      unlockAudio();
      active();
    };
    active();
    document.addEventListener('visibilitychange', active);
    window.addEventListener('pointerdown', gesture);
    window.addEventListener('keydown', gesture);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('visibilitychange', active);
      window.removeEventListener('pointerdown', gesture);
      window.removeEventListener('keydown', gesture);
    };
  }, [client, layout]);

  const room = useMemo<Room | null>(() => {
    if (!view || !meId) return null;
    const s = view.s;
    const names = new Map(s.participants.map((p) => [p.userId, p.displayName]));
    for (const p of s.presence) if (!names.has(p.userId)) names.set(p.userId, p.displayName);
    const teamData = team.data;
    const isFacilitator =
      s.meeting.facilitatorId === meId || teamData?.myRole === 'manager' || Boolean(teamData?.isOrgAdmin);
    return {
      view,
      s,
      me: meId,
      isFacilitator,
      canInput: s.meeting.state === 'live' && (!s.meeting.inputLocked || isFacilitator),
      send,
      client,
      live,
      nameOf: (id) => (id ? (names.get(id) ?? t('meeting.someone')) : t('meeting.someone')),
      layout,
      announce,
    };
  }, [view, meId, team.data, send, client, live, layout, announce, t]);

  if (!room) {
    if (snapshot.isError && live.status !== 'connected') return <ErrorAlert error={snapshot.error} />;
    return <Loading />;
  }
  const s = room.s;
  const ended = s.meeting.state === 'ended';
  const wall = layout === 'wall';

  return (
    <RitualsContext.Provider value={rituals}>
      <RoomContext.Provider value={room}>
        <div className={`room room--${layout}`}>
          <Page
            title={s.meeting.title}
            lead={
              <p className="lead">
                {s.meeting.forumKind && <>{t(`forums.kinds.${s.meeting.forumKind}`)} · </>}
                {s.meeting.facilitatorId
                  ? t('meeting.facilitator', { name: room.nameOf(s.meeting.facilitatorId) })
                  : t('meeting.noFacilitator')}
                {' · '}
                <Link to={`/teams/${s.meeting.teamId}`}>{t('meeting.minutes.back')}</Link>
              </p>
            }
          >
            <Banners />
            <div className="room-toolbar">
              <ConnectionStatus live={live} />
              {!ended && (
                <button
                  type="button"
                  className="secondary small"
                  aria-pressed={wall}
                  onClick={() => {
                    const next = new URLSearchParams(params);
                    if (wall) next.delete('display');
                    else next.set('display', 'wall');
                    setParams(next, { replace: true });
                  }}
                >
                  {t('meeting.wallDisplay')}
                </button>
              )}
            </div>
            {ended ? (
              <>
                <p className="notice">{t('meeting.endedNotice')}</p>
                {s.minutes && <Minutes s={s} minutes={s.minutes} />}
              </>
            ) : layout === 'phone' ? (
              <>
                <PhaseSection />
                <PhaseStepper />
                <MySignals />
                <Hands />
                <Participants />
                {room.isFacilitator && <FacilitatorControls />}
              </>
            ) : (
              <>
                <PhaseStepper />
                <div className="room-grid">
                  <div className="room-main">
                    <PhaseSection />
                  </div>
                  <div className="room-side">
                    {room.isFacilitator && !wall && <FacilitatorControls />}
                    {!wall && <MySignals />}
                    <Hands />
                    <Participants />
                  </div>
                </div>
              </>
            )}
            <div className="toasts">
              {toasts.map((toast) => (
                <div key={toast.id} role="alert" className="alert toast">
                  <p>{toast.text}</p>
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => setToasts((list) => list.filter((x) => x.id !== toast.id))}
                  >
                    {t('meeting.dismiss')}
                  </button>
                </div>
              ))}
            </div>
            <div
              role="status"
              aria-live="polite"
              aria-label={t('meeting.announcer')}
              className="visually-hidden announcer"
            >
              {messages.map((m) => (
                <p key={m.id}>{m.text}</p>
              ))}
            </div>
          </Page>
        </div>
      </RoomContext.Provider>
    </RitualsContext.Provider>
  );
}

function Banners() {
  const { t } = useTranslation();
  const { live } = useRoom();
  if (live.status === 'outdated') {
    return (
      <div role="alert" className="alert banner">
        <p>{t('meeting.reloadBanner')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('meeting.reload')}
        </button>
      </div>
    );
  }
  if (live.status === 'signed-out') {
    return (
      <div role="alert" className="alert banner">
        <p>{t('meeting.signedOutBanner')}</p>
        <Link to="/sign-in">{t('meeting.signInAgain')}</Link>
      </div>
    );
  }
  if (live.status === 'refused') {
    return (
      <div role="alert" className="alert banner">
        <p>{t('meeting.refusedBanner')}</p>
        {live.error && <p>{errorMessage(t, live.error)}</p>}
      </div>
    );
  }
  return null;
}

function PhaseSection() {
  const { t } = useTranslation();
  const { s } = useRoom();
  const phase = currentPhase(s);
  if (!phase) return null;
  return (
    <section className="card phase" aria-labelledby="phase-title">
      <div className="phase-head">
        <div>
          <p className="muted phase-of">
            {t('meeting.phaseOf', { n: phase.index + 1, total: s.phases.length })} · {t(`phaseKinds.${phase.kind}`)}
          </p>
          <h2 id="phase-title" className="phase-title">
            {phase.title}
          </h2>
        </div>
        <Timer />
      </div>
      {s.meeting.state === 'scheduled' && <p className="notice">{t('meeting.notStarted')}</p>}
      {s.meeting.inputLocked && <p className="notice">{t('meeting.lockedNotice')}</p>}
      <PhaseBody phase={phase} />
    </section>
  );
}

/** Your votes given back because something you voted on left a voting board that is still open for votes. */
function votesBack(e: LiveEvent, before: MeetingSnapshot, me: string): number {
  if (e.type === 'votes.revealed' || !('votesReleased' in e.payload) || !e.payload.votesReleased) return 0;
  let back = 0;
  for (const r of e.payload.votesReleased) {
    const phase = before.phases.find((p) => p.id === r.phaseId);
    const now = r.used[me];
    if (phase?.kind === 'voting' && !phase.state.revealed && now !== undefined)
      back += (phase.state.used[me] ?? 0) - now;
  }
  return back;
}

function describeEvent(
  e: LiveEvent,
  before: MeetingSnapshot,
  me: string,
  t: TFunction,
  announcers: Announcer[],
): string | null {
  const name = (id: string | null) =>
    before.participants.find((p) => p.userId === id)?.displayName ?? t('meeting.someone');
  const back = votesBack(e, before, me);
  if (back > 0) return t('meeting.announce.votesBack', { count: back });
  switch (e.type) {
    case 'item.added':
      return e.payload.item.authorId === me
        ? null
        : t('meeting.announce.itemAdded', { name: name(e.payload.item.authorId), text: e.payload.item.text });
    case 'phase.changed': {
      const phase = before.phases[e.payload.index];
      return phase
        ? t('meeting.announce.phaseChanged', {
            title: phase.title,
            n: e.payload.index + 1,
            total: before.phases.length,
          })
        : null;
    }
    case 'votes.revealed':
      return t('meeting.announce.votesRevealed');
    case 'meeting.started':
      return t('meeting.announce.meetingStarted');
    case 'meeting.ended':
      return t('meeting.announce.meetingEnded');
    case 'facilitator.changed':
      return t('meeting.announce.facilitatorChanged', {
        name: e.payload.userId === me ? t('meeting.you') : name(e.payload.userId),
      });
    case 'hand.raised':
      return e.payload.userId === me ? null : t('meeting.announce.handRaised', { name: name(e.payload.userId) });
    case 'input.locked':
      return e.payload.locked ? t('meeting.announce.lockChanged') : t('meeting.announce.unlockChanged');
    default:
      for (const describe of announcers) {
        const text = describe(e, before, me);
        if (text !== null) return text;
      }
      return null;
  }
}
